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

/// Words ending like a present-tense verb that are none.
const NOT_VERBS: [&str; 14] = [
    "eller", "over", "under", "efter", "andre", "flere", "mere", "disse", "vores", "deres", "hver",
    "der", "her", "der",
];

/// Could `word` be a finite verb: one of [`FINITE_VERBS`], or a present
/// tense ("indgår", "tager", "kræver")?
pub fn is_finite_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    FINITE_VERBS.contains(&lower.as_str())
        || (lower.chars().count() >= 4
            && lower.chars().all(char::is_alphabetic)
            && (lower.ends_with("er") || lower.ends_with("år") || lower.ends_with("ør"))
            && !NOT_VERBS.contains(&lower.as_str()))
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
        assert!(is_finite_verb("indgår") && is_finite_verb("har") && !is_finite_verb("eller"));
    }
}
