//! Zola's slugs (`[slugify]` strategy "on", its default), used for page and
//! section addresses, taxonomy term addresses and heading anchors, so that
//! `praksis build` and `zola build` publish every page at the same address.
//!
//! Zola calls the `slug` crate; so does this module, at the version Zola
//! 0.22.1 locks, rather than imitating its transliteration table: "ø" → "o",
//! "å" → "a", "æ" → "ae", "§" → "ss", quotes and dashes → "-".

/// The slug Zola gives `text`: lowercase ASCII letters and digits joined by
/// single hyphens.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn danish_letters_section_signs_quotes_and_dashes() {
        for (text, expected) in [
            ("Støtte og kontaktpersoner", "stotte-og-kontaktpersoner"),
            ("Borgerforløb", "borgerforlob"),
            ("Servicelovens § 87", "servicelovens-ss-87"),
            ("Grønlændere", "gronlaendere"),
            (
                "Projekt ”Integration uden omveje – den direkte vej”",
                "projekt-integration-uden-omveje-den-direkte-vej",
            ),
            ("KFUM`s Sociale arbejde", "kfum-s-sociale-arbejde"),
            ("  Åbenraa  ", "abenraa"),
        ] {
            assert_eq!(slugify(text), expected, "{text}");
        }
    }
}
