//! Every slug the project makes: the file names of generated pages
//! ([`file_stem`]: "ø" → "oe", as Danish writes it without the letter), and
//! Zola's slugs ([`slugify`], `[slugify]` strategy "on", its default), used
//! for page and section addresses, taxonomy term addresses and heading
//! anchors, so that `praksis build` and `zola build` publish every page at
//! the same address.
//!
//! Zola calls the `slug` crate; so does this module, at the version Zola
//! 0.22.1 locks, rather than imitating its transliteration table: "ø" → "o",
//! "å" → "a", "æ" → "ae", "§" → "ss", quotes and dashes → "-".

/// The slug Zola gives `text`: lowercase ASCII letters and digits joined by
/// single hyphens.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// The ASCII file name (without `.md`) a generated page gets from its title:
/// æ→ae, ø→oe, å→aa, everything else non-alphanumeric → '-', cut at a hyphen
/// to at most `max_len` bytes. Zola's [`slugify`] of it is the name itself.
pub fn file_stem(text: &str, max_len: usize) -> String {
    let mut slug = String::new();
    for ch in text.to_lowercase().chars() {
        match ch {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            'é' | 'è' => slug.push('e'),
            'ü' => slug.push('u'),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ => {
                if !slug.is_empty() && !slug.ends_with('-') {
                    slug.push('-');
                }
            }
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > max_len {
        let cut = slug[..max_len].rfind('-').unwrap_or(max_len);
        slug.truncate(cut);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::{file_stem, slugify};

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

    #[test]
    fn file_stems_are_ascii_and_bounded() {
        assert_eq!(
            file_stem("Projekt Åndehullet i Vordingborg", 60),
            "projekt-aandehullet-i-vordingborg"
        );
        assert_eq!(
            file_stem("Projekt ”Integration uden omveje – den direkte vej", 30),
            "projekt-integration-uden"
        );
    }
}
