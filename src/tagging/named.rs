//! Which entries of a taxonomy one sentence names, matched as the tagger
//! matches a page's sentences: for a sentence that is read alone, such as
//! a report's own item under "Hvad virker mindre godt", set beside the
//! factors it names.

use super::matcher::EntryMatcher;
use super::sentences::Sentence;
use super::Vocabularies;

/// The labels of the entries of `taxonomy` that `sentence` names, in
/// vocabulary order (none when there is no such taxonomy).
pub fn entries_named(vocabularies: &Vocabularies, taxonomy: &str, sentence: &str) -> Vec<String> {
    let Some(taxonomy) = vocabularies.taxonomies.iter().find(|t| t.name == taxonomy) else {
        return Vec::new();
    };
    let sentence = Sentence::new(sentence, false);
    taxonomy
        .entries
        .iter()
        .map(EntryMatcher::new)
        .filter(|entry| entry.mentioned_in(&sentence, taxonomy.evidence))
        .map(|entry| entry.label)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabularies() -> Vocabularies {
        toml::from_str(
            r#"
            [[taxonomy]]
            name = "haemmer"
            evidence = "lesson"
            label = "Det der hæmmer"
            entries = [
                { key = "waiting", label = "Ventetider", terms = ["ventetid", "flaskehals"] },
                { key = "relapse", label = "Tilbagefald", terms = ["tilbagefald"] },
            ]
            "#,
        )
        .expect("a vocabulary")
    }

    #[test]
    fn a_sentence_names_the_entries_whose_words_it_holds() {
        let v = vocabularies();
        assert_eq!(
            entries_named(
                &v,
                "haemmer",
                "Der er alt for lange ventetider på, at sager kan forelægges."
            ),
            ["Ventetider"]
        );
        assert_eq!(
            entries_named(
                &v,
                "haemmer",
                "Der opstår flaskehalse hos nogle sagsbehandlere."
            ),
            ["Ventetider"]
        );
        assert!(entries_named(&v, "haemmer", "Når der ikke foreligger klare formål.").is_empty());
        assert!(entries_named(&v, "fremmer", "Lange ventetider.").is_empty());
    }
}
