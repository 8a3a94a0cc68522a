//! Stage 1½: documents → tags with the sentence that earned each, and a
//! position on the continuum with its reasons. Reads the curated
//! vocabularies and continuum model; the content stage writes the result
//! into front matter.

mod continuum;
mod hand_written;
mod matcher;
mod named;
mod negation;
mod overrides;
mod places;
mod roles;
mod sentences;
mod tagger;
mod vocabulary;
#[cfg(test)]
mod vocabulary_tests;
mod words;

use std::collections::BTreeMap;
use std::path::Path;

pub use continuum::{ContinuumScale, Placement};
pub use hand_written::{complete as complete_hand_written, is_hand_written};
pub use named::entries_named;
pub use overrides::TagOverrides;
pub use places::{Gazetteer, Place, PLACES_FILE};
pub use roles::Role;
pub use sentences::{points_back, split_sentences};
pub use tagger::Tagger;
/// A text's words, lower case (the tagger's own reading of words).
pub use words::words;

/// Does `sentence` state a hope or a plan ("Ole Rudolf håber, at …")? Such
/// a sentence is no result.
pub fn is_wish(sentence: &str) -> bool {
    roles::hopes(&sentences::clauses(sentence).words)
}
pub use vocabulary::{ContinuumModel, EvidencePolicy, Vocabularies};

use crate::curation::load_toml;
use crate::error::Error;
use crate::ingest::{Document, DocumentKind};
use sentences::{sentences, Sentence};
use tagger::Scope;

pub const VOCABULARIES_FILE: &str = "vocabularies.toml";
pub const CONTINUUM_FILE: &str = "continuum.toml";
pub const OVERRIDES_FILE: &str = "tags.toml";

/// A tag and the sentence of the page that earned it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
    /// What the sentence does (describes the effort, states a goal …).
    pub role: Role,
    /// An editor confirmed it (`curation/tags.toml`); else the machine's proposal.
    pub reviewed: bool,
    /// The page the sentence is from when it is not the tagged page's own
    /// (a course's place, from its report): its content path.
    pub from: Option<String>,
    /// Whether the quote is a sentence, the page's title or a keyword.
    pub quoted: Quoted,
}

/// What an evidence quote is: a title or a keyword is no sentence, and the
/// page says so rather than "beskriver indsatsen" (blind user test 27).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Quoted {
    #[default]
    Sentence,
    Title,
    Keyword,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageTags {
    /// Taxonomy name → term labels, in vocabulary order.
    pub terms: BTreeMap<String, Vec<String>>,
    pub evidence: Vec<Evidence>,
    pub placement: Option<Placement>,
    /// The places among the terms, with what each is today.
    pub places: Vec<Place>,
    /// Target-group terms the page names only as a trait of some of its
    /// participants ("Desuden har hovedparten stadig … hjemløshed"): not
    /// whom the effort is for, but what a planner browsing by that group
    /// wants to see beside the pages that are.
    pub traits: Vec<Evidence>,
}

/// The curated inputs of this stage.
pub struct TaggingCuration {
    pub vocabularies: Vocabularies,
    pub continuum: ContinuumModel,
    pub overrides: TagOverrides,
    /// The places a `places` taxonomy (sted) recognises.
    pub places: places::PlacesFile,
}

impl TaggingCuration {
    pub fn load(dir: &Path) -> Result<TaggingCuration, Error> {
        let vocabularies: Vocabularies = load_toml(&dir.join(VOCABULARIES_FILE))?;
        let places = match vocabularies
            .taxonomies
            .iter()
            .find_map(|t| t.places.as_ref())
        {
            Some(file) => load_toml(&dir.join(file))?,
            None => places::PlacesFile::default(),
        };
        Ok(TaggingCuration {
            vocabularies,
            continuum: load_toml(&dir.join(CONTINUUM_FILE))?,
            overrides: load_toml(&dir.join(OVERRIDES_FILE))?,
            places,
        })
    }

    /// The place names a page may carry, for checking hand-written pages.
    pub fn gazetteer(&self) -> Gazetteer {
        Gazetteer::new(&self.places)
    }
}

/// Is this kind of page tagged? Examples and reports describe an effort, and
/// a case the course one person took in it (its methods and whom it served
/// are what a planner browsing by method looks for); chapters discuss many.
fn is_tagged(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Example | DocumentKind::Report | DocumentKind::Case
    )
}

/// Is this kind of page placed on the continuum? The continuum places
/// efforts, not one person's course through one.
fn is_placed(kind: DocumentKind) -> bool {
    matches!(kind, DocumentKind::Example | DocumentKind::Report)
}

/// Tags for every example and report, keyed by slug, and the tagger that
/// gave them, calibrated on these documents, for pages written by hand.
pub fn tag_documents(
    documents: &[Document],
    curation: &TaggingCuration,
    curation_dir: &Path,
) -> Result<(BTreeMap<String, PageTags>, Tagger), Error> {
    let analyzed: Vec<(&Document, Vec<Sentence>)> = documents
        .iter()
        .filter(|d| is_tagged(d.kind))
        .map(|d| (d, sentences(d)))
        .collect();
    let (efforts, courses): (Vec<_>, Vec<_>) =
        analyzed.into_iter().partition(|(d, _)| is_placed(d.kind));
    let (placements, scale) =
        continuum::place(&efforts, &curation.continuum).map_err(|message| {
            Error::file(
                &curation_dir.join(CONTINUUM_FILE).display().to_string(),
                message,
            )
        })?;
    let tagger = Tagger::new(&curation.vocabularies, curation.gazetteer(), scale);
    let mut out = BTreeMap::new();
    for (document, sentences) in efforts.iter().chain(&courses) {
        let mut tags = match &document.case {
            Some(case) => {
                let effort = report_slug(&case.report)
                    .and_then(|slug| out.get(slug))
                    .map(|tags| (case.report.as_str(), tags));
                tagger.course_terms(sentences, effort)
            }
            None => tagger.terms(sentences, Scope::Effort),
        };
        tags.placement = placements.get(&document.slug).cloned();
        overrides::apply(&curation.overrides, &document.slug, sentences, &mut tags).map_err(
            |error| {
                let path = curation_dir.join(OVERRIDES_FILE);
                let file = path.display().to_string();
                // The decision came from this file; should it no longer read,
                // the error still names the file, without a line.
                let line = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|text| overrides::decision_line(&text, &document.slug, &error.term));
                match line {
                    Some(line) => Error::at(&file, line, error.message),
                    None => Error::file(&file, error.message),
                }
            },
        )?;
        // An editor may give the page the group itself.
        let carried = |e: &Evidence| {
            tags.terms
                .get(&e.taxonomy)
                .is_some_and(|terms| terms.contains(&e.term))
        };
        tags.traits.retain(|e| !carried(e));
        out.insert(document.slug.clone(), tags);
    }
    Ok((out, tagger))
}

/// "rapporter/lokalvaerdi-2022.md" → "lokalvaerdi-2022": the report a case
/// record names, as the slug its tags are kept under.
fn report_slug(report: &str) -> Option<&str> {
    Path::new(report).file_stem().and_then(|stem| stem.to_str())
}
