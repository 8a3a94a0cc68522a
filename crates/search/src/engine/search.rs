//! Searching: a query's words, narrowed by [`Filters`], ranked, with facet
//! counts of every match and snippets of the best. A search that reads a
//! chunk not yet here reports every chunk it needs at once
//! ([`SearchError::ChunksNeeded`]), so the browser fetches them in one round.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, FacetCounts, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocAddress, Searcher, Term};

use super::prefetch::{read_postings, read_terms_postings};
use super::{feedback, judged_order, surfaces, Engine};
use crate::error::SearchError;
use crate::hit::{Hit, SearchResults};
use crate::lexicon::IndexLexicon;
use crate::query::{build_query, ParsedQuery, Widening};
use crate::schema::IndexFields;
use crate::snippets::Snippets;
use crate::stored_pages::StoredPage;

const MAX_LIMIT: usize = 100;

/// A query, its best pages, how many pages match and their facet counts.
pub(super) struct Found {
    /// The words' query before the filters (all pages when no words).
    pub words: Box<dyn Query>,
    pub query: Box<dyn Query>,
    pub top: Vec<(f32, DocAddress)>,
    pub total: usize,
    pub facets: FacetCounts,
    /// Pages the judged queries' words point to that the query does not
    /// match, most pointed to first (`judged_order::judged_unmatched`).
    pub judged_unmatched: Vec<(f32, DocAddress)>,
}

/// Narrows a search: pages with one of the listed terms of every taxonomy
/// named (with `every_term`, all of them), and a continuum position within
/// the range (pages without one are left out when a range is given).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub continuum: Option<(f64, f64)>,
    /// Search only the words typed and their inflections: no synonyms,
    /// spelling suggestions, compound parts or completions (what the
    /// results' `rewrites` would otherwise list).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub literal: bool,
    /// Every listed term of a taxonomy must hold, not one of them (pages for
    /// homeless people *and* for people with an addiction).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub every_term: bool,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.terms.values().all(Vec::is_empty) && self.continuum.is_none()
    }
}

impl Engine {
    /// Best `limit` pages for `text` (at most 100), with snippets.
    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults, SearchError> {
        self.search_filtered(text, limit, &Filters::default())
    }

    /// Like [`Engine::search`], narrowed by `filters`, with facet counts of
    /// the pages that match. With filters and no words, lists what the
    /// filters select.
    pub fn search_filtered(
        &self,
        text: &str,
        limit: usize,
        filters: &Filters,
    ) -> Result<SearchResults, SearchError> {
        let mut results = SearchResults {
            query: text.to_string(),
            total: 0,
            hits: Vec::new(),
            facets: BTreeMap::new(),
            rewrites: Vec::new(),
        };
        let searcher = self.reader.searcher();
        self.chunks.take_missing();
        let limit = limit.clamp(1, MAX_LIMIT);
        let mut widening = Widening::literal(filters.literal);
        let Some(mut found) = self.matches(&searcher, text, filters, limit, &mut widening)? else {
            return Ok(results);
        };
        // Nothing found: the words are searched again, wider (any part of a
        // compound, spelling two edits away), and the reader told so.
        if found.total == 0 && !filters.literal {
            let mut wider = Widening::fallback_with_scaffolding();
            if let Some(again) = self.matches(&searcher, text, filters, limit, &mut wider)? {
                if again.total > 0 {
                    wider.note_scaffolding(text);
                    (found, widening) = (again, wider);
                }
            }
        }
        let added_from =
            self.add_wider(&searcher, text, filters, limit, &mut found, &mut widening)?;
        let Found {
            words,
            query,
            top,
            total,
            facets,
            ..
        } = found;
        results.rewrites = widening.rewrites;
        results.rewrites.sort();
        results.rewrites.dedup();
        results.total = total;
        let alternatives = self.settle(self.alternatives_counts(&searcher, &*words, filters))?;
        for taxonomy in &self.taxonomies {
            let counts = alternatives
                .iter()
                .find(|(name, _)| name == taxonomy)
                .map_or(&facets, |(_, counts)| counts)
                .get(Facet::from_path([taxonomy]))
                .filter_map(|(facet, count)| Some((facet.to_path().last()?.to_string(), count)))
                .collect();
            results.facets.insert(taxonomy.clone(), counts);
        }
        let lookups = self.settle(
            surfaces::lookups(&searcher, &self.fields, &results.rewrites)
                .map_err(SearchError::from),
        )?;
        // The hits' stored pages, and those the rewrites' words are read
        // from, in one round of fetches too.
        let pages: Vec<tantivy::Result<Arc<StoredPage>>> = top
            .iter()
            .map(|&(_, address)| self.stored_pages.get(&searcher, &self.fields, address))
            .collect();
        let written: Vec<Option<tantivy::Result<Arc<StoredPage>>>> = lookups
            .iter()
            .map(|lookup| {
                let address = lookup.address?;
                Some(self.stored_pages.get(&searcher, &self.fields, address))
            })
            .collect();
        let snippets = Snippets::new(
            &searcher,
            &*query,
            (self.fields.text, self.fields.body),
            &widening.unhighlighted,
            &widening.synonyms_only,
        );
        let snippets = self.settle(snippets)?;
        let written = written
            .into_iter()
            .map(Option::transpose)
            .collect::<tantivy::Result<Vec<_>>>()?;
        surfaces::rewrite_as_written(&mut results.rewrites, &lookups, &written);
        for (rank, ((score, _), page)) in top.into_iter().zip(pages).enumerate() {
            let page = page?;
            let snippet = snippets.of(&page.body, &page.words);
            results.hits.push(Hit {
                title: page.title.clone(),
                url: page.url.clone(),
                section: page.section.clone(),
                wish: snippet.matched_at.is_some_and(|at| page.wished_at(at)),
                snippet: snippet.html,
                judged: (added_from.judged..added_from.wider).contains(&rank),
                wider: rank >= added_from.wider,
                score,
            });
        }
        Ok(results)
    }

    /// Does `text` find a page as typed, without the wider fallback a query
    /// that finds nothing gets? (A fallback's words are known only once the
    /// first search has run, so it takes a round of fetches of its own.)
    pub fn finds_as_typed(&self, text: &str) -> Result<bool, SearchError> {
        let searcher = self.reader.searcher();
        self.chunks.take_missing();
        let filters = Filters::default();
        let mut widening = Widening::literal(false);
        let found = self.matches(&searcher, text, &filters, 1, &mut widening)?;
        Ok(found.is_some_and(|found| found.total > 0))
    }

    /// The query `text` makes with `widening`, narrowed by `filters`, and
    /// what it finds: the best `limit` pages, how many match, facet counts.
    /// `None` when there is nothing to search.
    pub(super) fn matches(
        &self,
        searcher: &Searcher,
        text: &str,
        filters: &Filters,
        limit: usize,
        widening: &mut Widening,
    ) -> Result<Option<Found>, SearchError> {
        // Term dictionaries are hot; were one not, the query would be built
        // on missing knowledge, so a miss here asks for it first. The one
        // thing building may miss is a block of the Danish word list (for a
        // word with a near reading): meanwhile the word is read as a slip,
        // as it most often is, and the query is built a second time with it
        // a real word, and the postings of both are asked for in the same
        // round as the block.
        let words = self.words_query(searcher, text, widening);
        if self.chunks.has_missing() {
            if let Some(words) = &words {
                self.read_ahead(searcher, &**words, widening);
            }
            // The list may yet say the word is a real one, searched as typed
            // and by its compound parts; and, so read, the words may find
            // nothing, and be searched again as near ones (which the list
            // does not decide).
            let mut as_danish = widening.as_danish();
            let danish_words = self.words_query(searcher, text, &mut as_danish);
            if let Some(danish_words) = &danish_words {
                self.read_ahead(searcher, &**danish_words, &as_danish);
            }
            let readings: Vec<(&dyn Query, &Widening)> = [
                words.as_deref().map(|w| (w, &*widening)),
                danish_words.as_deref().map(|w| (w, &as_danish)),
            ]
            .into_iter()
            .flatten()
            .collect();
            self.read_ahead_wider(searcher, text, filters, &readings);
            if !widening.literal {
                let mut wider = Widening::fallback_with_scaffolding();
                if let Some(words) = self.words_query(searcher, text, &mut wider) {
                    self.read_ahead(searcher, &*words, &wider);
                }
            }
        }
        let words = self.settle(Ok(words))?;
        let words: Box<dyn Query> = match (words, filters.is_empty()) {
            (None, true) => return Ok(None),
            (None, false) => Box::new(AllQuery),
            (Some(words), _) => words,
        };
        let query = filter_query(words.box_clone(), filters, &self.fields);
        // The pages the judged queries' words point to (see `judged_order`):
        // when there are any, every match is collected, as the lift may raise
        // any of them into the top. A literal search is the words typed and
        // nothing else.
        let meant = judged_order::read_as_meant(text, &widening.rewrites);
        let shares = if widening.literal {
            HashMap::new()
        } else {
            self.judged.pages_for(&meant)
        };
        let collected = if shares.is_empty() {
            // A page may rise into the top by what it shares with the best.
            limit.max(feedback::CANDIDATES)
        } else {
            (searcher.num_docs() as usize).max(limit)
        };
        let found = searcher.search(
            &*query,
            &(
                TopDocs::with_limit(collected).order_by_score(),
                Count,
                facet_collector(&self.taxonomies),
            ),
        );
        // The search stops at its first missing chunk: then every term's
        // postings are read, so all of them are fetched in one round, with
        // those of the words the rewrite notes will look up.
        if self.chunks.has_missing() {
            self.read_ahead(searcher, &*query, widening);
            self.read_ahead_wider(searcher, text, filters, &[(&*words, &*widening)]);
        }
        let (mut top, total, facets) = self.settle(found.map_err(SearchError::from))?;
        if !widening.literal {
            top = feedback::feedback_order(searcher, &self.manifest.kind_taxonomies, top)?;
        }
        let mut judged_unmatched = Vec::new();
        if !shares.is_empty() {
            judged_unmatched = judged_order::judged_unmatched(&shares, &top);
            top = self.judged_order(searcher, &meant, &shares, top, limit)?;
        }
        top.truncate(limit);
        Ok(Some(Found {
            words,
            query,
            top,
            total,
            facets,
            judged_unmatched,
        }))
    }

    /// Reads the postings `query` and the words its rewrite notes look up
    /// (`widening`'s) will need, so that every chunk missing for them is
    /// asked for in one round.
    pub(super) fn read_ahead(&self, searcher: &Searcher, query: &dyn Query, widening: &Widening) {
        read_postings(searcher, query);
        let lookups = surfaces::lookup_terms(&self.fields, &widening.rewrites);
        read_terms_postings(searcher, lookups.into_iter().map(|(_, term)| (term, false)));
    }

    /// Facet counts for each taxonomy with chosen terms, counted without
    /// its own choice: its terms are alternatives (one of them must hold),
    /// so each count says how many pages that term holds among those the
    /// other filters leave, not how many it shares with the chosen term.
    fn alternatives_counts(
        &self,
        searcher: &Searcher,
        words: &dyn Query,
        filters: &Filters,
    ) -> Result<Vec<(String, FacetCounts)>, SearchError> {
        let mut counts = Vec::new();
        if filters.every_term {
            // Each term narrows: the matches' own counts say what one more adds.
            return Ok(counts);
        }
        for taxonomy in filters
            .terms
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(name, _)| name)
        {
            let mut others = filters.clone();
            others.terms.remove(taxonomy);
            let query = filter_query(words.box_clone(), &others, &self.fields);
            let own = facet_collector(std::slice::from_ref(taxonomy));
            counts.push((taxonomy.clone(), searcher.search(&*query, &own)?));
        }
        Ok(counts)
    }

    /// `result`, unless a read along the way wanted chunks that are not
    /// here: then every one of them, so the caller fetches them together.
    pub(super) fn settle<T>(&self, result: Result<T, SearchError>) -> Result<T, SearchError> {
        let missing = self.chunks.take_missing();
        if missing.is_empty() {
            result
        } else {
            Err(SearchError::ChunksNeeded(missing))
        }
    }
    /// What `text` asks for, as a query over this index (`None`: nothing to search).
    pub(super) fn words_query(
        &self,
        searcher: &Searcher,
        text: &str,
        widening: &mut Widening,
    ) -> Option<Box<dyn Query>> {
        let lexicon = IndexLexicon {
            searcher,
            fields: self.fields,
            synonyms: &self.synonyms,
            danish_words: &self.danish_words,
            directory: &self.chunks,
        };
        let parsed = ParsedQuery::parse_for(text, widening.scaffolding, &self.synonyms);
        build_query(&parsed, &self.fields, &lexicon, widening)
    }
}

/// Counts of every taxonomy's terms among the matches.
pub(super) fn facet_collector(taxonomies: &[String]) -> FacetCollector {
    let mut collector = FacetCollector::for_field("taxonomies");
    for taxonomy in taxonomies {
        collector.add_facet(Facet::from_path([taxonomy]));
    }
    collector
}

/// `query`, kept only where every filter holds; filters add nothing to scores.
pub(super) fn filter_query(
    query: Box<dyn Query>,
    filters: &Filters,
    fields: &IndexFields,
) -> Box<dyn Query> {
    if filters.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for (taxonomy, terms) in filters.terms.iter().filter(|(_, t)| !t.is_empty()) {
        let any_term: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|term| {
                let facet = Facet::from_path([taxonomy, term]);
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_facet(fields.taxonomies, &facet),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, query)
            })
            .collect();
        if filters.every_term {
            clauses.extend(any_term.into_iter().map(|(_, term)| {
                let term: Box<dyn Query> = Box::new(ConstScoreQuery::new(term, 0.0));
                (Occur::Must, term)
            }));
            continue;
        }
        let any_term = ConstScoreQuery::new(Box::new(BooleanQuery::new(any_term)), 0.0);
        clauses.push((Occur::Must, Box::new(any_term)));
    }
    if let Some((low, high)) = filters.continuum {
        let range = RangeQuery::new(
            Bound::Included(Term::from_field_f64(fields.continuum, low)),
            Bound::Included(Term::from_field_f64(fields.continuum, high)),
        );
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "tags_tests.rs"]
mod tags_tests;

#[cfg(test)]
#[path = "filter_tests.rs"]
mod filter_tests;

#[cfg(test)]
#[path = "rewrite_tests.rs"]
mod rewrite_tests;
