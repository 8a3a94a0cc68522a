//! Evidence that a page answers the whole query in one place: every typed
//! word (three or more) standing within one passage of a few sentences.
//! A long page holds every common word of a question somewhere, and so
//! earns the every-word bonus; the pairs of `window` reward two words met
//! together; this rewards the page that joins all of them in one passage,
//! as a reader looking for an answer would.
//!
//! Scored by hand from the words' positions in the text field: a sloppy
//! phrase of three or more terms keeps their order, and a reader's order is
//! not the page's. Its terms' postings are read with the rest of the
//! query's, in the same round of fetches in the browser.

use tantivy::postings::Postings;
use tantivy::query::{EnableScoring, Explanation, Occur, Query, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use super::clauses::boosted;
use crate::analysis::analyze;
use crate::schema::IndexFields;

/// How near every word must stand: the window's 20 words (15–25 ranked
/// alike on the judged sets, 30 or more gained less).
const PASSAGE_WORDS: u32 = 20;
/// What a page with every word in one passage scores more: 10–32 ranked
/// alike (such a page is lifted above those without), 4–8 gained less.
const PASSAGE_WEIGHT: f32 = 10.0;
/// Two words in a passage are the window's pairs already (from two words,
/// at this weight, the tuning set lost 0.008).
const MIN_WORDS: usize = 3;
/// Only the first words count, as for the window's pairs: a pasted
/// paragraph has more words than a passage holds.
const MAX_WORDS: usize = 8;

/// The clause for the typed `words`, when there are three or more.
pub(super) fn passage_clause(
    words: &[String],
    fields: &IndexFields,
) -> Option<(Occur, Box<dyn Query>)> {
    let mut distinct: Vec<Vec<String>> = Vec::new();
    for terms in words.iter().take(MAX_WORDS).map(|w| analyze(w)) {
        if !terms.is_empty() && !distinct.contains(&terms) {
            distinct.push(terms);
        }
    }
    if distinct.len() < MIN_WORDS {
        return None;
    }
    let words = distinct
        .iter()
        .map(|terms| {
            terms
                .iter()
                .map(|term| Term::from_field_text(fields.text, term))
                .collect()
        })
        .collect();
    let query = PassageQuery::new(fields.text, words, PASSAGE_WORDS);
    Some((Occur::Should, boosted(Box::new(query), PASSAGE_WEIGHT)))
}

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
        // Every position of the words: (page, position, which word).
        let mut found: Vec<(DocId, u32, usize)> = Vec::new();
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
                    let doc = postings.doc();
                    found.extend(positions.iter().map(|&p| (doc, p, word)));
                    postings.advance();
                }
            }
        }
        found.sort_unstable();
        let mut pages = Vec::new();
        let mut hits = Vec::new();
        for (i, &(doc, position, word)) in found.iter().enumerate() {
            hits.push((position, word));
            let last_of_page = found.get(i + 1).is_none_or(|next| next.0 != doc);
            if last_of_page {
                if all_within(&hits, self.words.len(), self.window) {
                    pages.push(doc);
                }
                hits.clear();
            }
        }
        Ok(pages)
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
