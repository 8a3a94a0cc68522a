//! The words a page's tags rank it by beside their names: for a tag few
//! pages carry, the vocabulary's words that earn it
//! (`curation/vocabularies.toml`), so a reader's word for the group or the
//! method ("udviklingshæmmede", "klubhus") ranks the pages tagged with it
//! where they write another of its words (the index's `tag_words`, which
//! ranks the pages a query matches and never matches one alone). A tag on
//! many pages keeps only its name: its words ("ledige", "misbrug") would
//! let most pages count as having a query's word for the every-word bonus,
//! and that cost the development set's questions (docs/ranking.md, sixth
//! round).

use std::collections::{BTreeMap, BTreeSet};

use crate::tagging::Vocabularies;

/// A tag on at least this share of the pages keeps only its name.
const BROAD_SHARE: f64 = 0.2;

/// The tags that keep their vocabulary words, with those words.
pub(super) struct TagWords<'a> {
    words: BTreeMap<(&'a str, &'a str), &'a [String]>,
}

impl<'a> TagWords<'a> {
    /// `carried` holds each page's tags, taxonomy by taxonomy; a tag carried by
    /// fewer than [`BROAD_SHARE`] of them keeps its vocabulary words.
    pub(super) fn new(
        vocabularies: &'a Vocabularies,
        carried: &[BTreeMap<String, Vec<String>>],
    ) -> TagWords<'a> {
        let mut pages_with: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for taxonomies in carried {
            let tags: BTreeSet<(&str, &str)> = taxonomies
                .iter()
                .flat_map(|(name, terms)| terms.iter().map(move |t| (name.as_str(), t.as_str())))
                .collect();
            for tag in tags {
                *pages_with.entry(tag).or_default() += 1;
            }
        }
        let few = |count: usize| (count as f64) < BROAD_SHARE * carried.len() as f64;
        let words = vocabularies
            .taxonomies
            .iter()
            .flat_map(|taxonomy| {
                taxonomy
                    .entries
                    .iter()
                    .map(move |entry| ((taxonomy.name.as_str(), entry.label.as_str()), entry))
            })
            .filter(|(tag, _)| pages_with.get(tag).is_some_and(|&count| few(count)))
            .map(|(tag, entry)| (tag, entry.terms.as_slice()))
            .collect();
        TagWords { words }
    }

    /// The tag's vocabulary words, if it keeps them.
    pub(super) fn of(&self, taxonomy: &str, tag: &str) -> &'a [String] {
        self.words
            .get(&(taxonomy, tag))
            .copied()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabularies() -> Vocabularies {
        toml::from_str(
            r#"
            [[taxonomy]]
            name = "maalgruppe"
            label = "Målgruppe"
            entries = [
                { key = "homeless", label = "Hjemløse", terms = ["hjemløs", "hjemløshed"] },
                { key = "jobless", label = "Ledige", terms = ["ledige", "arbejdsløse"] },
            ]
            "#,
        )
        .expect("test vocabularies parse")
    }

    fn tags(labels: &[&str]) -> BTreeMap<String, Vec<String>> {
        let labels = labels.iter().map(|l| l.to_string()).collect();
        BTreeMap::from([("maalgruppe".to_string(), labels)])
    }

    #[test]
    fn a_rare_tag_keeps_its_words_and_a_broad_one_only_its_name() {
        let vocabularies = vocabularies();
        // Ledige on 5 of 10 pages (broad), Hjemløse on 1 (rare).
        let mut carried: Vec<_> = (0..5).map(|_| tags(&["Ledige"])).collect();
        carried.extend((0..4).map(|_| tags(&[])));
        carried.push(tags(&["Hjemløse", "Ledige"]));
        let words = TagWords::new(&vocabularies, &carried);
        assert_eq!(
            words.of("maalgruppe", "Hjemløse"),
            ["hjemløs", "hjemløshed"]
        );
        assert!(words.of("maalgruppe", "Ledige").is_empty());
        // A tag the vocabularies do not know has no words.
        assert!(words.of("maalgruppe", "Ukendt").is_empty());
    }
}
