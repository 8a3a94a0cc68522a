//! Editors' decisions on the tags (`curation/tags.toml`): a proposal the
//! text earns wrongly is removed with a reason; a proposal confirmed is
//! accepted with its sentence; a tag the vocabulary misses is added with the
//! sentence that justifies it. Accepted and added tags are *reviewed*; every
//! other tag is the machine's *proposal*. A decision whose sentence is no
//! longer the page's text, or whose tag the page no longer has, is an error.

use serde::Deserialize;

use super::sentences::Sentence;
use super::{Evidence, PageTags};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagOverrides {
    #[serde(default, rename = "remove")]
    pub removals: Vec<Removal>,
    #[serde(default, rename = "add")]
    pub additions: Vec<Addition>,
    #[serde(default, rename = "accept")]
    pub acceptances: Vec<Acceptance>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub page: String,
    pub taxonomy: String,
    pub term: String,
    /// The page's sentence the editor read as justifying the tag.
    pub sentence: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Removal {
    /// Page slug, e.g. "foelordningen-i-senior-service-vejle-kommune".
    pub page: String,
    pub taxonomy: String,
    pub term: String,
    /// Why the text-derived tag is wrong (kept for reviewers).
    pub why: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Addition {
    pub page: String,
    pub taxonomy: String,
    pub term: String,
    /// A sentence of the page that justifies the tag.
    pub evidence: String,
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Applies the corrections for page `slug`; an addition whose evidence is not
/// the page's own text, or a removal of a tag the page does not have, is an error.
pub fn apply(
    overrides: &TagOverrides,
    slug: &str,
    sentences: &[Sentence],
    tags: &mut PageTags,
) -> Result<(), DecisionError> {
    let fail = |term: &str, message: String| DecisionError {
        term: term.to_string(),
        message,
    };
    for removal in overrides.removals.iter().filter(|r| r.page == slug) {
        let terms = tags.terms.get_mut(&removal.taxonomy);
        let Some(terms) = terms.filter(|t| t.contains(&removal.term)) else {
            return Err(fail(
                &removal.term,
                format!(
                    "remove: {slug} has no tag {} = {:?} (any more?)",
                    removal.taxonomy, removal.term
                ),
            ));
        };
        terms.retain(|t| *t != removal.term);
        if terms.is_empty() {
            tags.terms.remove(&removal.taxonomy);
        }
        tags.evidence
            .retain(|e| !(e.taxonomy == removal.taxonomy && e.term == removal.term));
    }
    let page_text = normalize(
        &sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    for addition in overrides.additions.iter().filter(|a| a.page == slug) {
        if !page_text.contains(&normalize(&addition.evidence)) {
            return Err(fail(
                &addition.term,
                format!(
                    "add: the evidence for {} = {:?} is not text of {slug}: {:?}",
                    addition.taxonomy, addition.term, addition.evidence
                ),
            ));
        }
        let terms = tags.terms.entry(addition.taxonomy.clone()).or_default();
        if !terms.contains(&addition.term) {
            terms.push(addition.term.clone());
            tags.evidence.push(Evidence {
                taxonomy: addition.taxonomy.clone(),
                term: addition.term.clone(),
                sentence: addition.evidence.clone(),
                role: super::Role::Describes,
                reviewed: true,
                from: None,
                quoted: super::Quoted::Sentence,
            });
        }
    }
    for acceptance in overrides.acceptances.iter().filter(|a| a.page == slug) {
        if !page_text.contains(&normalize(&acceptance.sentence)) {
            return Err(fail(
                &acceptance.term,
                format!(
                    "accept: the sentence for {} = {:?} is no longer text of {slug}: {:?}",
                    acceptance.taxonomy, acceptance.term, acceptance.sentence
                ),
            ));
        }
        let evidence = tags
            .evidence
            .iter_mut()
            .find(|e| e.taxonomy == acceptance.taxonomy && e.term == acceptance.term)
            .ok_or_else(|| {
                fail(
                    &acceptance.term,
                    format!(
                        "accept: {slug} has no proposed tag {} = {:?} (any more?)",
                        acceptance.taxonomy, acceptance.term
                    ),
                )
            })?;
        evidence.sentence = acceptance.sentence.clone();
        evidence.reviewed = true;
    }
    Ok(())
}

/// A decision that no longer fits the page, and the term it is about (to
/// find its line in `tags.toml`).
#[derive(Debug)]
pub struct DecisionError {
    pub term: String,
    pub message: String,
}

/// The line of `tags.toml` where the decision about `page` and `term` starts,
/// for error messages.
pub fn decision_line(text: &str, page: &str, term: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let page_line = format!("page = \"{page}\"");
    let term_line = format!("term = \"{term}\"");
    lines.iter().enumerate().find_map(|(i, line)| {
        let here =
            line.trim() == page_line && lines[i..].iter().take(4).any(|l| l.trim() == term_line);
        here.then(|| {
            // The table header just above.
            (0..=i)
                .rev()
                .find(|&h| lines[h].starts_with("[["))
                .unwrap_or(i)
                + 1
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> (Vec<Sentence>, PageTags) {
        let sentences = vec![Sentence::new(
            "Projektet hjælper unge hjemløse i Vejle.",
            false,
        )];
        let mut tags = PageTags::default();
        tags.terms.insert("sted".into(), vec!["Vejle".into()]);
        (sentences, tags)
    }

    #[test]
    fn additions_need_the_pages_own_sentence_and_removals_an_existing_tag() {
        let (sentences, mut tags) = page();
        let add = |evidence: &str| TagOverrides {
            additions: vec![Addition {
                page: "p".into(),
                taxonomy: "maalgruppe".into(),
                term: "Unge".into(),
                evidence: evidence.into(),
            }],
            ..TagOverrides::default()
        };
        assert!(apply(
            &add("Projektet hjælper unge  hjemløse i Vejle."),
            "p",
            &sentences,
            &mut tags
        )
        .is_ok());
        assert_eq!(tags.terms["maalgruppe"], ["Unge"]);
        assert!(apply(&add("Noget andet."), "p", &sentences, &mut tags).is_err());
        let remove = TagOverrides {
            removals: vec![Removal {
                page: "p".into(),
                taxonomy: "sted".into(),
                term: "Vejle".into(),
                why: "test".into(),
            }],
            ..TagOverrides::default()
        };
        assert!(apply(&remove, "p", &sentences, &mut tags).is_ok());
        assert!(!tags.terms.contains_key("sted"));
        assert!(
            apply(&remove, "p", &sentences, &mut tags).is_err(),
            "removing twice"
        );
    }
}
