//! A query that finds few pages as typed is relaxed a step: the pages
//! readers judged for its words that use none of them (`crate::judged`),
//! then the best pages the wider search finds besides (a compound by its
//! head or any part, spelling further off;
//! `crate::query::Widening::fallback`) fill the list to [`FEW_PAGES`] after
//! the pages found as typed, each marked as judged or found wider, so a
//! one-word query answered by one page still shows pages that speak of it
//! in other words (issue #25, item 2). The count and the facets are of the
//! pages shown. A search narrowed by filters is not widened.

use std::collections::BTreeSet;

use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query};
use tantivy::{DocAddress, Searcher};

use super::chosen_pages::ChosenPages;
use super::search::{facet_collector, filter_query, Filters, Found};
use super::Engine;
use crate::error::SearchError;
use crate::query::Widening;

/// Fewer pages than this found as typed (the search box's list) and the
/// wider search's pages fill the list to this many.
pub(super) const FEW_PAGES: usize = 10;

/// A page found only wider ranks below every page found as typed: its
/// score is scaled to at most this share of the lowest of theirs.
const WIDER_SHARE: f32 = 0.5;

impl Engine {
    /// While a search's first chunks are fetched, those of its wider search
    /// are too when the words of one of its readings (`readings`, each with
    /// its widening) may find few pages ([`can_find_few`]), so the pages
    /// found wider come in the same round. The wider search is the same for
    /// every reading, so it is built once.
    pub(super) fn read_ahead_wider(
        &self,
        searcher: &Searcher,
        text: &str,
        filters: &Filters,
        readings: &[(&dyn Query, &Widening)],
    ) {
        let may_widen = readings
            .iter()
            .any(|&(words, widening)| widens(filters, widening) && can_find_few(searcher, words));
        if !may_widen {
            return;
        }
        let mut wider = Widening::fallback();
        if let Some(query) = self.words_query(searcher, text, &mut wider) {
            self.read_ahead(searcher, &*query, &wider);
        }
    }

    /// `found` (as typed, with `widening`), and after its pages, up to
    /// [`FEW_PAGES`] in all (and `limit`), first the pages readers judged
    /// for searches with these words that use none of them
    /// (`found.judged_unmatched`), then those the wider search adds: the
    /// count and facets are of the pages shown, the rewrites of both
    /// searches, and the snippets mark both searches' words. Returns where
    /// the added pages of each kind start in `found.top`.
    pub(super) fn add_wider(
        &self,
        searcher: &Searcher,
        text: &str,
        filters: &Filters,
        limit: usize,
        found: &mut Found,
        widening: &mut Widening,
    ) -> Result<AddedFrom, SearchError> {
        let typed_pages = found.top.len();
        let none = AddedFrom {
            judged: typed_pages,
            wider: typed_pages,
        };
        if found.total == 0 || found.total >= FEW_PAGES || !widens(filters, widening) {
            return Ok(none);
        }
        // Every page found as typed (fewer than FEW_PAGES), shown or not.
        let typed: Vec<DocAddress> = if typed_pages < found.total {
            let all = searcher.search(
                &*found.query,
                &TopDocs::with_limit(FEW_PAGES).order_by_score(),
            );
            let all = self.settle(all.map_err(SearchError::from))?;
            all.into_iter().map(|(_, address)| address).collect()
        } else {
            found.top.iter().map(|&(_, address)| address).collect()
        };
        let lowest = found
            .top
            .iter()
            .map(|(score, _)| *score)
            .fold(f32::MAX, f32::min);
        // A judged page ranks below every page found as typed, by how much
        // the words point to it.
        let judged: Vec<(f32, DocAddress)> = std::mem::take(&mut found.judged_unmatched)
            .into_iter()
            .filter(|(_, address)| !typed.contains(address))
            .take(FEW_PAGES - typed.len())
            .map(|(share, address)| (share * WIDER_SHARE * lowest, address))
            .collect();
        let lowest = judged.last().map_or(lowest, |&(score, _)| score);
        // The wider search only when the judged pages leave room.
        let mut wider = Widening::fallback();
        let again = if typed.len() + judged.len() < FEW_PAGES {
            self.matches(searcher, text, filters, FEW_PAGES + typed_pages, &mut wider)?
        } else {
            None
        };
        let mut wider_pages = Vec::new();
        if let Some(again) = &again {
            let best = again.top.first().map_or(1.0, |(score, _)| *score);
            let scale = WIDER_SHARE * lowest / best.max(f32::MIN_POSITIVE);
            wider_pages = again
                .top
                .iter()
                .filter(|(_, address)| {
                    !typed.contains(address) && !judged.iter().any(|(_, a)| a == address)
                })
                .take(FEW_PAGES - typed.len() - judged.len())
                .map(|&(score, address)| (score * scale, address))
                .collect();
        }
        if judged.is_empty() && wider_pages.is_empty() {
            return Ok(none);
        }
        let shown: BTreeSet<DocAddress> = typed
            .iter()
            .chain(judged.iter().chain(&wider_pages).map(|(_, a)| a))
            .copied()
            .collect();
        let counted = searcher.search(
            &AllQuery,
            &ChosenPages {
                pages: shown.clone(),
                inner: facet_collector(&self.taxonomies),
            },
        );
        found.facets = self.settle(counted.map_err(SearchError::from))?;
        found.total = shown.len();
        let wider_pages_empty = wider_pages.is_empty();
        let room = limit.saturating_sub(typed_pages);
        let judged_shown = judged.len().min(room);
        found.top.extend(judged.into_iter().take(room));
        found
            .top
            .extend(wider_pages.into_iter().take(room - judged_shown));
        if let Some(again) = again {
            if !wider_pages_empty {
                let words: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                    (Occur::Should, found.words.box_clone()),
                    (Occur::Should, again.words),
                ]));
                found.query = filter_query(words, filters, &self.fields);
                widening.rewrites.extend(wider.rewrites);
                widening.unhighlighted.extend(wider.unhighlighted);
                widening.synonyms_only.extend(wider.synonyms_only);
            }
        }
        Ok(AddedFrom {
            judged: typed_pages,
            wider: typed_pages + judged_shown,
        })
    }
}

/// Where the pages added to a short list start among its hits: those
/// readers judged for the words, then those the wider search found.
pub(super) struct AddedFrom {
    pub judged: usize,
    pub wider: usize,
}

/// Is a search with `filters` and `widening` widened when it finds few?
/// Not a literal one, nor the fallback of one that found nothing, nor one
/// narrowed by filters: a filter is a narrowing the reader chose, and its
/// count, which the facet button showed, is what the list holds.
fn widens(filters: &Filters, widening: &Widening) -> bool {
    !widening.literal && !widening.fallback && filters.is_empty()
}

/// May `words` match fewer than [`FEW_PAGES`] pages? Yes when one of its
/// terms is on fewer (read from the hot term dictionaries): the terms of a
/// phrase or a compound's parts must all match, so a rare one can narrow
/// the query to a few pages however common the others. (Reading ahead for a
/// query that then finds many costs a few postings; the fetch-rounds test
/// holds every judged query to two rounds.)
fn can_find_few(searcher: &Searcher, words: &dyn Query) -> bool {
    let mut terms = BTreeSet::new();
    words.query_terms(&mut |term, _| {
        terms.insert(term.clone());
    });
    terms.iter().any(|term| {
        let pages: u32 = searcher
            .segment_readers()
            .iter()
            .filter_map(|segment| segment.inverted_index(term.field()).ok())
            .filter_map(|inverted| inverted.get_term_info(term).ok().flatten())
            .map(|info| info.doc_freq)
            .sum();
        (pages as usize) < FEW_PAGES
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::{Engine, Filters};
    use crate::hit::{Hit, SearchResults};
    use crate::judged::JudgedQuery;
    use crate::test_pages::{engine_of, page};
    use crate::writer::{IndexBuilder, IndexDocument};

    fn engine() -> Engine {
        engine_of(
            IndexBuilder::new(),
            [
                page("Alfa", "Hvert år laver vi en resultatmåling."),
                page("Beta", "Gode resultater for borgerne."),
                page("Gamma", "En måling af trivsel blandt de ledige."),
                page("Delta", "Haven bliver passet af frivillige."),
            ],
        )
    }

    /// Each hit's title, with "+" when it was found only wider and "*" when
    /// only readers' judgments added it.
    fn titles(results: &SearchResults) -> Vec<String> {
        let mark = |hit: &Hit| match (hit.wider, hit.judged) {
            (true, _) => "+",
            (_, true) => "*",
            _ => "",
        };
        results
            .hits
            .iter()
            .map(|hit| format!("{}{}", mark(hit), hit.title))
            .collect()
    }

    #[test]
    fn pages_judged_for_the_words_follow_the_few_found_as_typed_before_the_wider_ones() {
        let judged = vec![JudgedQuery {
            text: "resultatmåling hvert år".into(),
            grades: vec![
                ("eksempler/alfa/".into(), 3),
                ("eksempler/delta/".into(), 2),
            ],
        }];
        let pages = [
            page("Alfa", "Hvert år laver vi en resultatmåling."),
            page("Beta", "Gode resultater for borgerne."),
            page("Gamma", "En måling af trivsel blandt de ledige."),
            page("Delta", "Haven bliver passet af frivillige."),
        ];
        let engine = engine_of(IndexBuilder::new().with_judged_queries(judged), pages);
        let results = engine.search("resultatmåling", 10).expect("search");
        // Delta uses no word searched, but a reader judged it for a query
        // with the word: after the pages found as typed, before the wider.
        assert_eq!(titles(&results), ["Alfa", "Beta", "*Delta", "+Gamma"]);
        assert_eq!(results.total, 4);
        // A list long enough as typed, or a literal search, has none.
        let literal = Filters {
            literal: true,
            ..Filters::default()
        };
        let results = engine
            .search_filtered("resultatmåling", 10, &literal)
            .expect("search");
        assert_eq!(titles(&results), ["Alfa"]);
    }

    #[test]
    fn pages_found_wider_follow_the_few_found_as_typed_and_are_marked() {
        // "resultat" alone is a match as typed (a compound's modifier);
        // "måling" alone, its head, only wider.
        let results = engine().search("resultatmåling", 10).expect("search");
        assert_eq!(titles(&results), ["Alfa", "Beta", "+Gamma"]);
        assert_eq!(results.total, 3);
        let gamma = results.hits.iter().find(|hit| hit.title == "Gamma");
        assert!(gamma.is_some_and(|hit| hit.snippet.contains("<b>måling</b>")));
    }

    #[test]
    fn the_wider_pages_fill_the_list_to_few_pages_and_the_count_is_of_those_shown() {
        let typed = [page("Alfa", "Hvert år laver vi en resultatmåling.")];
        let measured = (0..2 * super::FEW_PAGES).map(|n| page(&format!("Side {n}"), "En måling."));
        let engine = engine_of(IndexBuilder::new(), typed.into_iter().chain(measured));
        let results = engine.search("resultatmåling", 50).expect("search");
        assert_eq!(results.hits.len(), super::FEW_PAGES);
        assert_eq!(results.total, super::FEW_PAGES);
        assert_eq!(
            results.hits.iter().filter(|hit| hit.wider).count(),
            super::FEW_PAGES - 1
        );
    }

    #[test]
    fn a_literal_search_is_not_widened() {
        let literal = Filters {
            literal: true,
            ..Filters::default()
        };
        let results = engine()
            .search_filtered("resultatmåling", 10, &literal)
            .expect("search");
        assert_eq!(titles(&results), ["Alfa"]);
        assert_eq!(results.total, 1);
    }

    #[test]
    fn a_search_narrowed_by_a_filter_is_not_widened() {
        let tagged = |title: &str, body: &str| IndexDocument {
            taxonomies: [("metode".to_string(), vec!["Måling".to_string()])].into(),
            ..page(title, body)
        };
        let engine = engine_of(
            IndexBuilder::new(),
            [
                tagged("Alfa", "Hvert år laver vi en resultatmåling."),
                tagged("Gamma", "En måling af trivsel blandt de ledige."),
            ],
        );
        let filters = Filters {
            terms: [("metode".to_string(), vec!["Måling".to_string()])].into(),
            ..Filters::default()
        };
        let results = engine
            .search_filtered("resultatmåling", 10, &filters)
            .expect("search");
        assert_eq!(titles(&results), ["Alfa"]);
        assert_eq!(results.total, 1);
        let unfiltered = engine.search("resultatmåling", 10).expect("search");
        assert_eq!(titles(&unfiltered), ["Alfa", "+Gamma"]);
    }

    #[test]
    fn a_query_that_finds_enough_pages_as_typed_is_not_widened() {
        let pages = (0..super::FEW_PAGES).map(|n| page(&format!("Side {n}"), "En resultatmåling."));
        let others = [page("Beta", "Gode resultater for borgerne.")];
        let engine = engine_of(IndexBuilder::new(), pages.chain(others));
        let results = engine.search("resultatmåling", 20).expect("search");
        assert_eq!(results.total, super::FEW_PAGES);
        assert!(results
            .hits
            .iter()
            .all(|hit| !hit.wider && hit.title != "Beta"));
    }
}
