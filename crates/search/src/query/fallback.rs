//! What a typed word is searched as when it matches nothing the usual ways
//! (whole, by its stem, a typo away, split into known words, completed), so
//! a query whose words resemble the index never comes back empty. Each step
//! is reported as the rewrite it is.
//!
//! - Always: a compound whose other part no page uses is searched as the
//!   known word it ends with, else starts with ("langtids|ledige" →
//!   "ledige"): the last part of a Danish compound names what it is.
//! - When the query as typed finds nothing, it is searched again wider
//!   ([`super::Widening::fallback`]): a compound as any of its parts, not all
//!   ("gade|børn" → "gade", "børn"; "ips-metoden" → "ips", "metoden"), and
//!   spelling two edits away from 5 letters, one from 4.
//! - When the query as typed finds few pages, the wider search's pages
//!   follow them (`crate::engine`); in it a word the index holds whole is
//!   also searched as its head, weakly ("resultat|måling" → "måling";
//!   [`head_of_known`]).

use crate::analysis::analyze;
use crate::lexicon::Lexicon;
use crate::stopwords::is_stop_word;

/// Shortest known part at a word's end or start taken as its meaning.
const MIN_END_CHARS: usize = 4;
/// The rest of the word is at least this long: "mentor|s" is an inflection.
const MIN_REST_CHARS: usize = 3;

/// Edits allowed when the query found nothing: one more than the usual
/// tolerance, at most two.
pub(super) fn wider_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4 => 1,
        _ => 2,
    }
}

/// The longest known word `word` ends with, else the longest it starts with
/// (a linking s or e dropped), leaving at least a few letters of the rest.
pub(super) fn known_end(word: &str, lexicon: &dyn Lexicon) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if !chars.iter().all(|c| c.is_alphabetic()) || chars.len() < MIN_END_CHARS + MIN_REST_CHARS {
        return None;
    }
    let known = |part: &str| match analyze(part).as_slice() {
        [term] => !is_stop_word(term) && lexicon.knows_stem(term),
        _ => false,
    };
    let splits = MIN_REST_CHARS..=chars.len() - MIN_END_CHARS;
    let tail = splits
        .clone()
        .map(|split| chars[split..].iter().collect::<String>())
        .find(|tail| known(tail));
    tail.or_else(|| {
        splits.into_iter().find_map(|split| {
            let head: String = chars[..chars.len() - split].iter().collect();
            if known(&head) {
                return Some(head);
            }
            head.strip_suffix(['s', 'e'])
                .filter(|stem| stem.chars().count() >= MIN_END_CHARS && known(stem))
                .map(str::to_string)
        })
    })
}

/// What a word the index holds whole is searched as in the wider search,
/// besides itself: the last of its parts when it splits into known words
/// (`split`; the head names what it is: "resultat|måling" → "måling", where
/// "resultat" is searched as typed already), else the known word it ends or
/// starts with; never a head of fewer than a few letters ("vente|tid": "tid"
/// is on nearly every page). (Leaving out splits with a short part, often
/// accidents like "til|gang", cost the tuned-on sets: docs/ranking.md.)
pub(super) fn head_of_known(
    word: &str,
    split: Option<&[String]>,
    lexicon: &dyn Lexicon,
) -> Option<String> {
    match split {
        Some(parts) => parts.last().cloned(),
        None => known_end(word, lexicon),
    }
    .filter(|head| head.chars().count() >= MIN_END_CHARS)
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::hit::{Rewrite, RewriteKind, SearchResults};
    use crate::test_pages::{engine_of, page};
    use crate::writer::IndexBuilder;

    fn engine() -> Engine {
        engine_of(
            IndexBuilder::new(),
            [
                page("Alfa", "Ledige borgere får et arbejde i et værksted."),
                page("Beta", "En mentor følger de unge."),
                page("Gamma", "Misbrugere i behandling."),
            ],
        )
    }

    fn titles(results: &SearchResults) -> Vec<&str> {
        results.hits.iter().map(|h| h.title.as_str()).collect()
    }

    fn rewrite(kind: RewriteKind, typed: &str, also: &str) -> Rewrite {
        Rewrite {
            kind,
            typed: typed.into(),
            also: vec![also.into()],
            instead: false,
        }
    }

    #[test]
    fn a_compound_nothing_uses_is_searched_as_the_known_word_it_ends_or_starts_with() {
        let engine = engine();
        let ends = engine.search("langtidsledige ", 10).expect("search");
        assert_eq!(titles(&ends), ["Alfa"]);
        assert!(ends.rewrites.contains(&rewrite(
            RewriteKind::Compound,
            "langtidsledige",
            "ledige"
        )));
        let starts = engine.search("mentorkorpset ", 10).expect("search");
        assert_eq!(titles(&starts), ["Beta"]);
        assert!(starts.rewrites.contains(&rewrite(
            RewriteKind::Compound,
            "mentorkorpset",
            "mentor"
        )));
    }

    #[test]
    fn a_compound_of_words_no_page_has_together_finds_pages_with_either() {
        let engine = engine();
        let results = engine.search("arbejdsmentor ", 10).expect("search");
        let mut found = titles(&results);
        found.sort();
        assert_eq!(found, ["Alfa", "Beta"]);
    }

    #[test]
    fn a_word_two_edits_from_a_known_one_is_corrected_and_nonsense_finds_nothing() {
        let engine = engine();
        // Seven letters: the usual tolerance is one edit.
        let corrected = engine.search("misbrgre ", 10).expect("search");
        assert_eq!(titles(&corrected), ["Gamma"]);
        assert!(corrected
            .rewrites
            .iter()
            .any(|r| r.kind == RewriteKind::Spelling && r.also.contains(&"misbrugere".into())));
        assert_eq!(engine.search("qwzxvbn ", 10).expect("search").total, 0);
    }

    #[test]
    fn an_unknown_word_beside_a_known_one_does_not_hide_it() {
        let engine = engine();
        let results = engine.search("bumser værksted ", 10).expect("search");
        assert_eq!(titles(&results), ["Alfa"]);
    }

    #[test]
    fn a_literal_search_takes_no_fallback() {
        let engine = engine();
        let literal = crate::Filters {
            literal: true,
            ..crate::Filters::default()
        };
        let results = engine
            .search_filtered("langtidsledige ", 10, &literal)
            .expect("search");
        assert_eq!(results.total, 0);
        assert!(results.rewrites.is_empty());
    }
}
