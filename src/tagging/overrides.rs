//! Hand corrections to the tags (`curation/tags.toml`): a tag the text earns
//! wrongly is removed with a reason; a tag the vocabulary misses is added
//! with the sentence that justifies it, which must be the page's own text.

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
) -> Result<(), String> {
    for removal in overrides.removals.iter().filter(|r| r.page == slug) {
        let terms = tags.terms.get_mut(&removal.taxonomy);
        let Some(terms) = terms.filter(|t| t.contains(&removal.term)) else {
            return Err(format!(
                "remove: {slug} has no tag {} = {:?} (any more?)",
                removal.taxonomy, removal.term
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
            return Err(format!(
                "add: the evidence for {} = {:?} is not text of {slug}: {:?}",
                addition.taxonomy, addition.term, addition.evidence
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
            });
        }
    }
    Ok(())
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
