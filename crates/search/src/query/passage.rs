//! Evidence that a page answers the whole query in one place: every typed
//! word (three or more) standing within one passage of a few sentences.
//! A long page holds every common word of a question somewhere, and so
//! earns the every-word bonus; the pairs of `window` reward two words met
//! together; this rewards the page that joins all of them in one passage,
//! as a reader looking for an answer would.
//!
//! Scored by hand from the words' positions in the text field: a sloppy
//! phrase of three or more terms keeps their order, and a reader's order is
//! not the page's. The terms are those the window's pairs read, so the
//! browser fetches nothing more.

use std::collections::BTreeMap;
use std::fmt;

use tantivy::postings::Postings;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// Matches (score 1) the pages where one of each word's terms stands within
/// `window` consecutive positions of one of every other word's.
#[derive(Clone, Debug)]
pub(crate) struct PassageQuery {
    field: Field,
    /// Per typed word, the terms that stand for it.
    words: Vec<Vec<Term>>,
    window: u32,
}

impl PassageQuery {
    pub fn new(field: Field, words: Vec<Vec<Term>>, window: u32) -> PassageQuery {
        PassageQuery {
            field,
            words,
            window,
        }
    }

    /// The pages of the segment with every word in one passage, in order.
    fn pages(&self, reader: &SegmentReader) -> tantivy::Result<Vec<DocId>> {
        let inverted = reader.inverted_index(self.field)?;
        // Each page's positions of the words, tagged with which word.
        let mut found: BTreeMap<DocId, Vec<(u32, usize)>> = BTreeMap::new();
        let mut positions = Vec::new();
        for (word, terms) in self.words.iter().enumerate() {
            for term in terms {
                let Some(mut postings) =
                    inverted.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
                else {
                    continue;
                };
                while postings.doc() != TERMINATED {
                    postings.positions(&mut positions);
                    let page = found.entry(postings.doc()).or_default();
                    page.extend(positions.iter().map(|&p| (p, word)));
                    postings.advance();
                }
            }
        }
        Ok(found
            .into_iter()
            .filter_map(|(doc, mut hits)| {
                hits.sort_unstable();
                all_within(&hits, self.words.len(), self.window).then_some(doc)
            })
            .collect())
    }
}

/// Whether some `window` consecutive positions hold all `words` words;
/// `hits` are (position, word), sorted by position.
fn all_within(hits: &[(u32, usize)], words: usize, window: u32) -> bool {
    let mut in_window = vec![0u32; words];
    let mut held = 0;
    let mut start = 0;
    for &(position, word) in hits {
        if in_window[word] == 0 {
            held += 1;
        }
        in_window[word] += 1;
        while hits[start].0 + window <= position {
            let left = hits[start].1;
            in_window[left] -= 1;
            if in_window[left] == 0 {
                held -= 1;
            }
            start += 1;
        }
        if held == words {
            return true;
        }
    }
    false
}

impl Query for PassageQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in self.words.iter().flatten() {
            visitor(term, true);
        }
    }
}

impl Weight for PassageQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(PassageScorer {
            pages: self.pages(reader)?,
            at: 0,
            boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if !self.pages(reader)?.contains(&doc) {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "the query's words are not in one passage of document {doc}"
            )));
        }
        Ok(Explanation::new_with_string(
            format!("every word within {} words", self.window),
            1.0,
        ))
    }
}

impl fmt::Display for PassageQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "Passage(words={}, window={})",
            self.words.len(),
            self.window
        )
    }
}

/// The matching pages, found once per segment, in document order.
struct PassageScorer {
    pages: Vec<DocId>,
    at: usize,
    boost: Score,
}

impl DocSet for PassageScorer {
    fn advance(&mut self) -> DocId {
        self.at += 1;
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.pages.get(self.at).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        self.pages.len() as u32
    }
}

impl Scorer for PassageScorer {
    fn score(&mut self) -> Score {
        self.boost
    }
}

#[cfg(test)]
mod tests {
    use super::all_within;
    use crate::test_pages::{engine_of, page};
    use crate::writer::IndexBuilder;

    #[test]
    fn all_words_must_stand_within_the_window() {
        // Words 0, 1, 2 at positions 0, 30 and 35: 1 and 2 together, 0 apart.
        let hits = [(0, 0), (30, 1), (35, 2)];
        assert!(!all_within(&hits, 3, 20));
        assert!(all_within(&hits, 3, 36));
        // Word 0 again at 40: now all three within 11 positions.
        let hits = [(0, 0), (30, 1), (35, 2), (40, 0)];
        assert!(all_within(&hits, 3, 11));
        assert!(!all_within(&hits, 3, 10));
    }

    #[test]
    fn a_page_joining_every_word_in_one_passage_outranks_one_scattering_them() {
        let filler = "Borgerne mødes om morgenen i værkstedet og taler om ugen. ".repeat(4);
        let engine = engine_of(
            IndexBuilder::new(),
            [
                // Each word twice, in pairs, but never all three together:
                // without the passage this page would rank first.
                page(
                    "Spredt",
                    &format!(
                        "Ledige fik et tilbud. {filler} Et tilbud om praktik. {filler} \
                         Praktik for ledige."
                    ),
                ),
                page(
                    "Samlet",
                    &format!("Ledige fik et tilbud om praktik. {filler} {filler}"),
                ),
                page("Andet", "Et værksted for alle."),
            ],
        );
        let results = engine.search("ledige tilbud praktik", 10).expect("search");
        let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Samlet", "Spredt"]);
    }
}
