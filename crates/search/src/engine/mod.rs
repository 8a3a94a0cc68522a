//! The engine: an opened index and what it answers.
//!
//! The CLI opens it with every file ([`Engine::from_files`]); the browser
//! with the hot ranges alone ([`Engine::open_hot`]), adding chunks as
//! queries ask for them ([`Engine::add_chunk`]). Both read through the same
//! [`ChunkedDirectory`] and run the same code: there is no second path.
//!
//! This module owns the [`Engine`] itself and what its parts share; each
//! question asked of it is a module of its own: `open` (opening and
//! verifying), `search` (queries, filters and facets), `related` (similar
//! pages, for the build) and `explain` (why a page scores what it does).

mod chosen_pages;
mod explain;
mod feedback;
mod judged_order;
mod open;
mod prefetch;
mod related;
mod search;
mod surfaces;
mod wider;

use std::collections::BTreeSet;

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, IndexReader, Searcher, Term};

use crate::chunks::ChunkedDirectory;
use crate::danish_words::DanishWords;
use crate::error::SearchError;
use crate::judged::Judged;
use crate::manifest::Manifest;
use crate::schema::IndexFields;
use crate::stored_pages::StoredPages;
use crate::synonyms::Synonyms;

pub(crate) use open::hot_ranges_and_store_cuts;
pub use search::Filters;

pub struct Engine {
    reader: IndexReader,
    fields: IndexFields,
    manifest: Manifest,
    /// Taxonomy names, for facet counts.
    taxonomies: Vec<String>,
    synonyms: Synonyms,
    danish_words: DanishWords,
    /// The words of the judged queries and the pages they point to.
    judged: Judged,
    stored_pages: StoredPages,
    chunks: ChunkedDirectory,
}

impl Engine {
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The page paths in the index.
    pub fn urls(&self) -> BTreeSet<String> {
        indexed_terms(&self.reader, self.fields.url)
            .iter()
            .map(|term| String::from_utf8_lossy(term).into_owned())
            .collect()
    }

    /// The document of the page at `url`, if the index has it.
    fn address_of(
        &self,
        searcher: &Searcher,
        url: &str,
    ) -> Result<Option<DocAddress>, SearchError> {
        Ok(address_of(searcher, &self.fields, url)?)
    }
}

/// The document of the page at `url` in what `searcher` reads, if any.
pub(crate) fn address_of(
    searcher: &Searcher,
    fields: &IndexFields,
    url: &str,
) -> tantivy::Result<Option<DocAddress>> {
    let by_url = TermQuery::new(
        Term::from_field_text(fields.url, url),
        IndexRecordOption::Basic,
    );
    let top = searcher.search(&by_url, &TopDocs::with_limit(1).order_by_score())?;
    Ok(top.into_iter().next().map(|(_, address)| address))
}

/// Every term of `field` in the index, as stored bytes.
fn indexed_terms(reader: &IndexReader, field: Field) -> Vec<Vec<u8>> {
    let searcher = reader.searcher();
    let mut found = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().stream() else {
            continue;
        };
        while terms.advance() {
            found.push(terms.key().to_vec());
        }
    }
    found
}
