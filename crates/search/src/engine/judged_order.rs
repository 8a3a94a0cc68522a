//! The order the judged queries give (see `crate::judged`): the pages a
//! search matches, each page the words point to lifted by its share of
//! [`JUDGED_SHARE`] of the best page's score; and the pages the words point
//! to that the search does not match, which may fill a short list after
//! every page it matches (`wider`).

use std::collections::{HashMap, HashSet};

use tantivy::collector::TopDocs;
use tantivy::{DocAddress, Score, Searcher};

use super::Engine;
use crate::error::SearchError;
use crate::hit::{Rewrite, RewriteKind};
use crate::judged::JUDGED_SHARE;
use crate::query::{ParsedQuery, Widening};

impl Engine {
    /// The best `limit` of `matched` (every page the query matches, scored)
    /// once each page the words of `text` point to in the judged queries
    /// (`shares`, see `judged`) is raised by its share of [`JUDGED_SHARE`]
    /// of the best page's score.
    pub(super) fn judged_order(
        &self,
        searcher: &Searcher,
        text: &str,
        shares: &HashMap<DocAddress, f32>,
        matched: Vec<(Score, DocAddress)>,
        limit: usize,
    ) -> Result<Vec<(Score, DocAddress)>, SearchError> {
        let Some(&(best, _)) = matched.first() else {
            return Ok(matched);
        };
        // A page that only a synonym, a completion or a compound's part
        // finds stays below the pages that write the words typed (issue #26):
        // only those are lifted, unless none does. (TopDocs by score, as the
        // search itself collects: a collector of another kind would add its
        // own code to the WebAssembly.)
        let every = TopDocs::with_limit(searcher.num_docs().max(1) as usize).order_by_score();
        let writing = |text: &str| -> Result<HashSet<DocAddress>, SearchError> {
            Ok(
                match self.words_query(searcher, text, &mut Widening::literal(true)) {
                    Some(words) => self
                        .settle(searcher.search(&*words, &every).map_err(SearchError::from))?
                        .into_iter()
                        .map(|(_, address)| address)
                        .collect(),
                    None => HashSet::new(),
                },
            )
        };
        // Words typed side by side that a page writes side by side are a
        // name or a phrase it writes ("Projekt Føniks"): then only the pages
        // writing it are lifted, so pages holding one of its words ("projekt",
        // which many judged queries ask) do not crowd out a page naming it.
        let words = ParsedQuery::parse(text).words;
        let phrase = if words.len() > 1 {
            writing(&format!("\"{}\"", words.join(" ")))?
        } else {
            HashSet::new()
        };
        let written = if phrase.is_empty() {
            writing(text)?
        } else {
            phrase
        };
        let mut lifted: Vec<(Score, DocAddress)> = matched
            .into_iter()
            .map(|(score, address)| {
                let lift = shares
                    .get(&address)
                    .filter(|_| written.is_empty() || written.contains(&address))
                    .map_or(0.0, |share| share * JUDGED_SHARE * best);
                (score + lift, address)
            })
            .collect();
        lifted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        lifted.truncate(limit);
        Ok(lifted)
    }
}

/// The pages `shares` points to that are not among `matched` (every page
/// the query matches), by share, most first: pages readers judged for
/// searches with these words that use none of them.
pub(super) fn judged_unmatched(
    shares: &HashMap<DocAddress, f32>,
    matched: &[(Score, DocAddress)],
) -> Vec<(f32, DocAddress)> {
    let matched: HashSet<DocAddress> = matched.iter().map(|&(_, address)| address).collect();
    let mut unmatched: Vec<(f32, DocAddress)> = shares
        .iter()
        .filter(|(address, share)| **share > 0.0 && !matched.contains(address))
        .map(|(&address, &share)| (share, address))
        .collect();
    unmatched.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    unmatched
}

/// `text` with each word a spelling reading replaced ("flygninge" read as
/// "flygtninge") as that reading: the words the search looked for.
pub(super) fn read_as_meant(text: &str, rewrites: &[Rewrite]) -> String {
    let reading = |word: &str| {
        rewrites
            .iter()
            .filter(|r| r.kind == RewriteKind::Spelling && r.instead)
            .find(|r| r.typed.to_lowercase() == word.to_lowercase())
            .and_then(|r| r.also.first())
    };
    text.split_whitespace()
        .map(|word| reading(word).map_or(word, String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}
