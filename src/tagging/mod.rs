//! Stage 1½: documents → tags with the sentence that earned each, and a
//! position on the continuum with its reasons. Reads the curated
//! vocabularies and continuum model; the content stage writes the result
//! into front matter.

mod continuum;
mod overrides;
mod sentences;
mod vocabulary;

use std::collections::BTreeMap;
use std::path::Path;

pub use continuum::Placement;
pub use overrides::TagOverrides;
pub use sentences::split_sentences;
pub use vocabulary::{ContinuumModel, Vocabularies};

use crate::curation::load_toml;
use crate::error::InputError;
use crate::ingest::{Document, DocumentKind};
use sentences::{sentences, Phrase, Sentence};

pub const VOCABULARIES_FILE: &str = "vocabularies.toml";
pub const CONTINUUM_FILE: &str = "continuum.toml";
pub const OVERRIDES_FILE: &str = "tags.toml";

/// A tag and the sentence of the page that earned it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageTags {
    /// Taxonomy name → term labels, in vocabulary order.
    pub terms: BTreeMap<String, Vec<String>>,
    pub evidence: Vec<Evidence>,
    pub placement: Option<Placement>,
}

/// The curated inputs of this stage.
pub struct TaggingCuration {
    pub vocabularies: Vocabularies,
    pub continuum: ContinuumModel,
    pub overrides: TagOverrides,
}

impl TaggingCuration {
    pub fn load(dir: &Path) -> Result<TaggingCuration, InputError> {
        Ok(TaggingCuration {
            vocabularies: load_toml(&dir.join(VOCABULARIES_FILE))?,
            continuum: load_toml(&dir.join(CONTINUUM_FILE))?,
            overrides: load_toml(&dir.join(OVERRIDES_FILE))?,
        })
    }
}

/// Is this kind of page tagged and placed? Examples and reports describe an
/// effort; chapters discuss many, and a case is one person's course.
fn is_tagged(kind: DocumentKind) -> bool {
    matches!(kind, DocumentKind::Example | DocumentKind::Report)
}

/// Tags for every example and report, keyed by slug.
pub fn tag_documents(
    documents: &[Document],
    curation: &TaggingCuration,
    curation_dir: &Path,
) -> Result<BTreeMap<String, PageTags>, InputError> {
    let analyzed: Vec<(&Document, Vec<Sentence>)> = documents
        .iter()
        .filter(|d| is_tagged(d.kind))
        .map(|d| (d, sentences(d)))
        .collect();
    let placements = continuum::place(&analyzed, &curation.continuum).map_err(|message| {
        InputError::file(
            &curation_dir.join(CONTINUUM_FILE).display().to_string(),
            message,
        )
    })?;
    let mut out = BTreeMap::new();
    // Each entry's words, analyzed once for all pages.
    let matchers: Vec<Vec<(Vec<Phrase>, Vec<String>)>> = curation
        .vocabularies
        .taxonomies
        .iter()
        .map(|taxonomy| {
            taxonomy
                .entries
                .iter()
                .map(|entry| {
                    let phrases = entry.terms.iter().map(|t| Phrase::new(t)).collect();
                    let patterns = entry.patterns.iter().map(|p| p.to_lowercase()).collect();
                    (phrases, patterns)
                })
                .collect()
        })
        .collect();
    for (document, sentences) in &analyzed {
        let mut tags = PageTags {
            placement: placements.get(&document.slug).cloned(),
            ..PageTags::default()
        };
        for (taxonomy, entry_matchers) in curation.vocabularies.taxonomies.iter().zip(&matchers) {
            for (entry, (phrases, patterns)) in taxonomy.entries.iter().zip(entry_matchers) {
                let mentions = |s: &Sentence| {
                    phrases.iter().any(|p| p.occurs_in(s))
                        || patterns.iter().any(|p| s.lower.contains(p))
                };
                let matching: Vec<&Sentence> = sentences.iter().filter(|s| mentions(s)).collect();
                let in_title = matching.iter().any(|s| s.is_title);
                if matching.is_empty() || (!in_title && matching.len() < entry.min_mentions) {
                    continue;
                }
                tags.terms
                    .entry(taxonomy.name.clone())
                    .or_default()
                    .push(entry.label.clone());
                // The title says it best; otherwise the first sentence that does.
                let best = matching.iter().find(|s| s.is_title).unwrap_or(&matching[0]);
                tags.evidence.push(Evidence {
                    taxonomy: taxonomy.name.clone(),
                    term: entry.label.clone(),
                    sentence: best.text.clone(),
                });
            }
        }
        overrides::apply(&curation.overrides, &document.slug, sentences, &mut tags).map_err(
            |message| {
                InputError::file(
                    &curation_dir.join(OVERRIDES_FILE).display().to_string(),
                    message,
                )
            },
        )?;
        out.insert(document.slug.clone(), tags);
    }
    Ok(out)
}
