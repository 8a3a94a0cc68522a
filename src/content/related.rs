//! Which methods and chapter 4's ideas share a subject, for the "Beslægtet"
//! block on their term pages: two entries of the `metode` and `ide`
//! vocabularies are related when one of their words is the same word, or
//! both are in one group of `curation/synonyms.toml` (synonyms or related
//! words, each group citing its basis). So the method Mentorordning,
//! the idea Mentorordninger for socialt udsatte and the method Kontaktperson
//! og støtteperson link each other, and no template keeps a hand list.

use serde::Serialize;

use super::page_path;
use crate::curation::SynonymLists;
use crate::ingest::{BlockKind, Document, DocumentKind};
use crate::slug::slugify;
use crate::tagging::{entries_named, split_sentences, Vocabularies};

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
    /// For two words of a group, the first sentence of the catalogue's
    /// chapters that names both entries ("… sammenlignelig med elementer fra mentorrollen, rollen som
    /// støtteperson …"): the source's own word that they belong together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<ChapterSentence>,
}

/// A sentence of a catalogue chapter, with where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChapterSentence {
    pub sentence: String,
    /// The section's heading; the content path of the chapter page and the
    /// heading's anchor in it.
    pub heading: String,
    pub page: String,
    pub anchor: String,
}

struct Subject<'a> {
    taxonomy: &'a str,
    term: &'a str,
    words: Vec<String>,
}

/// Every method and idea with at least one related entry, in vocabulary
/// order; the related entries in vocabulary order too, each with the
/// sentence of `documents`' chapters that names both, if one does.
pub fn related_terms(
    documents: &[Document],
    vocabularies: &Vocabularies,
    synonyms: &SynonymLists,
) -> Vec<Related> {
    let chapter_sentences = chapter_sentences(documents);
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
                        // A word both use is basis enough; two words of a
                        // group are related by whoever wrote the group.
                        basis: group.and_then(|_| {
                            chapter_sentences
                                .iter()
                                .find(|c| {
                                    names(vocabularies, subject, &c.sentence)
                                        && names(vocabularies, other, &c.sentence)
                                })
                                .cloned()
                        }),
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

/// Every sentence of the catalogue's chapters' prose, in reading order.
fn chapter_sentences(documents: &[Document]) -> Vec<ChapterSentence> {
    let mut sentences = Vec::new();
    for chapter in documents.iter().filter(|d| d.kind == DocumentKind::Chapter) {
        let mut heading = "";
        for block in &chapter.blocks {
            match block.kind {
                BlockKind::Heading(_) => heading = &block.text,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedItem(_) => {
                    sentences.extend(split_sentences(&block.text).into_iter().map(|sentence| {
                        ChapterSentence {
                            sentence: sentence.trim().to_string(),
                            heading: heading.to_string(),
                            page: page_path(chapter),
                            anchor: slugify(heading),
                        }
                    }))
                }
                _ => {}
            }
        }
    }
    sentences
}

/// Does `sentence` name `subject` as the tagger would?
fn names(vocabularies: &Vocabularies, subject: &Subject, sentence: &str) -> bool {
    entries_named(vocabularies, subject.taxonomy, sentence)
        .iter()
        .any(|term| term == subject.term)
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
    use crate::ingest::Block;

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
        let synonyms = SynonymLists {
            groups: Vec::new(),
            related: vec![vec!["mentor".into(), "kontaktperson".into()]],
            ..SynonymLists::default()
        };
        let related = related_terms(&[], &vocabularies(VOCABULARIES), &synonyms);
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
    fn a_chapter_sentence_naming_both_is_the_basis_and_an_example_is_not() {
        let synonyms = SynonymLists {
            groups: Vec::new(),
            related: vec![vec!["mentor".into(), "kontaktperson".into()]],
            ..SynonymLists::default()
        };
        let page = |kind, text: &str| {
            let mut document = Document::test_report("k.txt", &[]);
            document.kind = kind;
            document.slug = "kapitel".into();
            document.blocks = vec![
                Block::new(BlockKind::Heading(3), "3.2 Erfaringer".into(), 1),
                Block::new(BlockKind::Paragraph, text.into(), 2),
            ];
            document
        };
        let both = "Rollen som kontaktperson ligner rollen som mentor.";
        let documents = [
            // An example's sentence is no chapter's word.
            page(DocumentKind::Example, "En mentor og en kontaktperson."),
            page(
                DocumentKind::Chapter,
                &format!("En mentorordning hjælper. {both}"),
            ),
        ];
        let related = related_terms(&documents, &vocabularies(VOCABULARIES), &synonyms);
        let basis = |of: &str, to: &str| {
            related
                .iter()
                .find(|r| r.term == of)
                .and_then(|r| r.related.iter().find(|o| o.term == to))
                .expect("related")
                .basis
                .clone()
        };
        let found = basis("Mentorordning", "Kontaktperson").expect("a sentence names both");
        assert_eq!(found.sentence, both);
        assert_eq!(
            (
                found.heading.as_str(),
                found.page.as_str(),
                found.anchor.as_str()
            ),
            ("3.2 Erfaringer", "kapitler/kapitel.md", "3-2-erfaringer")
        );
        assert_eq!(basis("Kontaktperson", "Mentorordning"), Some(found));
        // A shared word needs no sentence.
        assert_eq!(basis("Mentorordning", "Mentorer for udsatte"), None);
    }

    #[test]
    fn without_the_synonym_group_only_shared_words_relate() {
        let related = related_terms(&[], &vocabularies(VOCABULARIES), &SynonymLists::default());
        let mentor = related
            .iter()
            .find(|r| r.term == "Mentorordning")
            .expect("the idea still shares a word");
        assert!(mentor.related.iter().all(|r| r.term != "Kontaktperson"));
    }
}
