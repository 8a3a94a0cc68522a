//! Which methods and chapter 4's ideas share a subject, for the "Beslægtet"
//! block on their term pages: two entries of the `metode` and `ide`
//! vocabularies are related when one of their words is the same word, or
//! both are in one group of `curation/synonyms.toml` (synonyms or related
//! words, each group citing its basis). So the method Mentorordning,
//! the idea Mentorordninger for socialt udsatte and the method Kontaktperson
//! og støtteperson link each other, and no template keeps a hand list.

use serde::Serialize;

use crate::curation::Synonyms;
use crate::tagging::Vocabularies;

/// Taxonomies whose entries are linked: the methods and the ideas.
pub const RELATED_TAXONOMIES: [&str; 2] = ["metode", "ide"];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Related {
    pub taxonomy: String,
    pub term: String,
    pub related: Vec<RelatedTerm>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RelatedTerm {
    pub taxonomy: String,
    pub term: String,
    /// Why: the word both use ("mentorordning"), or two words of one group
    /// ("mentor ~ kontaktperson").
    pub because: String,
    /// What kind of group, when two words relate them: "synonym" (search
    /// treats them as one) or "related" (search names them beside the
    /// results, searching neither for the other).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<&'static str>,
}

struct Subject<'a> {
    taxonomy: &'a str,
    term: &'a str,
    words: Vec<String>,
}

/// Every method and idea with at least one related entry, in vocabulary
/// order; the related entries in vocabulary order too.
pub fn related_terms(vocabularies: &Vocabularies, synonyms: &Synonyms) -> Vec<Related> {
    let subjects: Vec<Subject> = RELATED_TAXONOMIES
        .iter()
        .filter_map(|name| vocabularies.taxonomies.iter().find(|t| t.name == *name))
        .flat_map(|taxonomy| {
            taxonomy.entries.iter().map(|entry| Subject {
                taxonomy: &taxonomy.name,
                term: &entry.label,
                words: entry.terms.iter().map(|t| t.to_lowercase()).collect(),
            })
        })
        .collect();
    let lower = |g: &Vec<String>| -> Vec<String> { g.iter().map(|w| w.to_lowercase()).collect() };
    let groups: Vec<(Vec<String>, &'static str)> = synonyms
        .groups
        .iter()
        .map(|g| (lower(g), "synonym"))
        .chain(synonyms.related.iter().map(|g| (lower(g), "related")))
        .collect();
    subjects
        .iter()
        .filter_map(|subject| {
            let related: Vec<RelatedTerm> = subjects
                .iter()
                .filter(|other| !std::ptr::eq(*other, subject))
                .filter_map(|other| {
                    let (because, group) = shared(subject, other, &groups)?;
                    Some(RelatedTerm {
                        taxonomy: other.taxonomy.to_string(),
                        term: other.term.to_string(),
                        because,
                        group,
                    })
                })
                .collect();
            (!related.is_empty()).then(|| Related {
                taxonomy: subject.taxonomy.to_string(),
                term: subject.term.to_string(),
                related,
            })
        })
        .collect()
}

/// The word both entries use, else the first pair of their words in one
/// group, and the group's kind.
fn shared(
    a: &Subject,
    b: &Subject,
    groups: &[(Vec<String>, &'static str)],
) -> Option<(String, Option<&'static str>)> {
    if let Some(word) = a.words.iter().find(|w| b.words.contains(w)) {
        return Some((word.clone(), None));
    }
    a.words.iter().find_map(|x| {
        b.words.iter().find_map(|y| {
            groups
                .iter()
                .find(|(g, _)| g.contains(x) && g.contains(y))
                .map(|(_, kind)| (format!("{x} ~ {y}"), Some(*kind)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabularies(text: &str) -> Vocabularies {
        toml::from_str(text).expect("vocabularies")
    }

    const VOCABULARIES: &str = r#"
[[taxonomy]]
name = "metode"
label = "Metode"
entries = [
    { key = "a", label = "Mentorordning", terms = ["mentor", "mentorordning"] },
    { key = "b", label = "Kontaktperson", terms = ["kontaktperson"] },
    { key = "c", label = "Værksted", terms = ["værksted"] },
]

[[taxonomy]]
name = "ide"
label = "Idé"
entries = [
    { key = "d", label = "Mentorer for udsatte", terms = ["mentorordninger", "mentorordning"] },
]
"#;

    #[test]
    fn a_shared_word_or_a_group_of_related_words_relates_methods_and_ideas() {
        // Related words (not synonyms) relate the terms as a synonym group would.
        let synonyms = Synonyms {
            groups: Vec::new(),
            related: vec![vec!["mentor".into(), "kontaktperson".into()]],
        };
        let related = related_terms(&vocabularies(VOCABULARIES), &synonyms);
        let mentor = related
            .iter()
            .find(|r| r.term == "Mentorordning")
            .expect("the mentor method has relations");
        let names: Vec<(&str, &str, &str, Option<&str>)> = mentor
            .related
            .iter()
            .map(|r| {
                (
                    r.taxonomy.as_str(),
                    r.term.as_str(),
                    r.because.as_str(),
                    r.group,
                )
            })
            .collect();
        // The kind of group goes along: the page must not call related
        // words synonyms.
        assert_eq!(
            names,
            [
                (
                    "metode",
                    "Kontaktperson",
                    "mentor ~ kontaktperson",
                    Some("related")
                ),
                ("ide", "Mentorer for udsatte", "mentorordning", None),
            ]
        );
        // Related both ways; a method with no shared word is left out.
        let idea = related.iter().find(|r| r.taxonomy == "ide").expect("idea");
        assert!(idea.related.iter().any(|r| r.term == "Mentorordning"));
        assert!(related.iter().all(|r| r.term != "Værksted"));
    }

    #[test]
    fn without_the_synonym_group_only_shared_words_relate() {
        let related = related_terms(&vocabularies(VOCABULARIES), &Synonyms::default());
        let mentor = related
            .iter()
            .find(|r| r.term == "Mentorordning")
            .expect("the idea still shares a word");
        assert!(mentor.related.iter().all(|r| r.term != "Kontaktperson"));
    }
}
