//! What `praksis new` writes: a hand-written example with the catalogue's
//! subheadings and the front matter an editor fills in, and a minimal report
//! source that ingests as it is.

use crate::slug::file_stem;

/// The catalogue's subheadings, in its order.
const EXAMPLE_HEADINGS: [(&str, &str); 7] = [
    (
        "Baggrund",
        "Hvorfor indsatsen blev startet, og hvem der står bag.",
    ),
    ("Målsætning", "Hvad indsatsen vil opnå for deltagerne."),
    ("Målgruppe", "Hvem indsatsen er for, og hvor mange den når."),
    (
        "Metoder",
        "Hvad indsatsen gør: aktiviteter, støtte, samarbejde med virksomheder.",
    ),
    ("Resultater", "Hvad der er kommet ud af det, gerne i tal."),
    ("Økonomi", "Hvordan indsatsen er finansieret."),
    ("Kontakt", "Hvem man kan kontakte for at høre mere."),
];

/// `content/eksempler/<slug>.md` for a new example titled `title`, dated `date`
/// ("YYYY-MM-DD"), placed at `weight` in the section's order: (relative
/// path, text).
pub fn example_page(title: &str, date: &str, weight: u32) -> (String, String) {
    let slug = file_stem(title, 48);
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    let mut text = format!(
        "+++\n\
         title = \"{escaped}\"\n\
         date = {date}\n\
         # Placering i listen over eksempler (efter katalogets 21).\n\
         weight = {weight}\n\
         # description = \"Én eller to sætninger til lister og søgeresultater.\"\n\
         \n\
         # Det I selv sætter, vises som gennemset; resten foreslår `praksis build` ud fra\n\
         # teksten, med den sætning der gav det. Termerne står i curation/vocabularies.toml.\n\
         [taxonomies]\n\
         # metode = [\"Mentorordning\"]\n\
         # maalgruppe = [\"Hjemløse\"]\n\
         # sted = [\"København\"]\n\
         # organisation = [\"Kommune\"]\n\
         \n\
         [extra]\n\
         # Placering på kontinuet (0 = social aktivering, 1 = arbejdsmarkedsrettet beskæftigelse);\n\
         # uden den placerer `praksis build` siden ud fra teksten.\n\
         # continuum = 0.5\n\
         keywords = []\n\
         +++\n"
    );
    for (heading, hint) in EXAMPLE_HEADINGS {
        text.push_str(&format!("\n## {heading}\n\n{hint}\n"));
    }
    (format!("eksempler/{slug}.md"), text)
}

/// A minimal report source (`sources/*.txt`) that `praksis build` ingests:
/// title line, cover date, headings, and one case.
pub const REPORT_EXAMPLE: &str = "\
Erfaringer fra en lokal beskæftigelsesindsats

marts 2026

# Indledning

Hvad indsatsen er, hvor den foregår (kommune eller bydel), og hvem den er for.
Linjer må gerne være brudt; en tom linje afslutter et afsnit.

# Metoder

Hvad indsatsen gør, fx mentorordning, virksomhedspraktik eller småjob.

# Resultater

Hvad der kom ud af det, gerne i tal.

## Kandidat 1

Alder: 45 år

Resultat: Ordinært job
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_has_the_catalogue_subheadings_and_valid_front_matter() {
        let (path, text) = example_page("Mit \"nye\" eksempel", "2026-12-01", 22);
        assert_eq!(path, "eksempler/mit-nye-eksempel.md");
        let (toml_text, body) =
            crate::content::front_matter::split(&path, &text).expect("front matter");
        let front: crate::content::front_matter::PageFrontMatter =
            crate::content::front_matter::parse(&path, &toml_text).expect("parses");
        assert_eq!(front.title, "Mit \"nye\" eksempel");
        assert_eq!(front.date.as_deref(), Some("2026-12-01"));
        assert_eq!(front.weight, Some(22));
        for heading in ["## Baggrund", "## Metoder", "## Resultater", "## Kontakt"] {
            assert!(body.contains(heading), "{heading}");
        }
    }
}
