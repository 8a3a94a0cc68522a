//! Is a line a sentence? Danish finite verbs and auxiliaries that make one:
//! a capitalised line with one of them and a final period is a sentence
//! set in capitals, not a heading ("JOBCENTERET HAR ØNSKET … BESVARET.").

/// Common finite forms; participles ("afsluttede") are left out, since
/// headings use them as adjectives ("de afsluttede forløb").
pub const FINITE_VERBS: [&str; 44] = [
    "er", "var", "har", "havde", "blev", "bliver", "kan", "kunne", "skal", "skulle", "vil",
    "ville", "må", "får", "fik", "går", "gik", "kom", "kommer", "ser", "så", "gør", "gjorde",
    "viser", "fremgår", "giver", "gav", "ligger", "lå", "tager", "tog", "står", "stod", "findes",
    "fandtes", "ses", "bør", "burde", "sker", "skete", "ønsker", "ønskede", "mener", "vurderer",
];

/// Does `text` hold a finite verb from [`FINITE_VERBS`]?
pub fn has_finite_verb(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| FINITE_VERBS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_finite_verbs_not_participles() {
        assert!(has_finite_verb(
            "JOBCENTERET HAR ØNSKET FØLGENDE SPØRGSMÅL BESVARET I ERFARINGSOPSAMLINGEN."
        ));
        assert!(!has_finite_verb(
            "ERFARINGER OG VIDEN FRA DE AFSLUTTEDE FORLØB."
        ));
        assert!(!has_finite_verb("RESULTATOVERSIGT FOR DE 8 FORLØB."));
    }
}
