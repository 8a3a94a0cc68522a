//! What the index knows about words, asked while a query is built: whether a
//! stem occurs (to split compounds), whether a whole word occurs, and which
//! indexed words are a few edits from a misspelt one, and which words mean
//! the same.

use tantivy::query::FuzzyTermQuery;
use tantivy::schema::Field;
use tantivy::{Directory, Searcher, Term};

use crate::danish_words::DanishWords;
use crate::schema::IndexFields;
use crate::synonyms::Synonyms;

/// Corrections tried per misspelt word: the most common nearby words.
const MAX_CORRECTIONS: usize = 3;
/// Completions of a half-typed word: the most common words it begins.
const MAX_COMPLETIONS: usize = 256;

pub(crate) trait Lexicon {
    /// Does this analyzed (stemmed) term occur in a title or body?
    fn knows_stem(&self, term: &str) -> bool;
    /// How much this analyzed term tells pages apart: its inverse document
    /// frequency in the text (body and compound parts), as BM25 computes it,
    /// over that of a term on one page only, so 1 for the rarest terms and
    /// near 0 for a term on every page. A term on no page counts as rarest.
    fn discrimination(&self, term: &str) -> f32;
    /// Does this whole word (folded, unstemmed) occur anywhere?
    fn knows_word(&self, word: &str) -> bool;
    /// Indexed whole words within `distance` edits of `word`: the closest
    /// first, then the most common.
    fn near_words(&self, word: &str, distance: u8) -> Vec<Near>;
    /// Indexed stems of the text within `distance` edits of the analyzed
    /// `stem`, the same way: a misspelt inflection ("følorningen") is near
    /// the stem of the word meant ("følordning") when no form the pages
    /// write is near it.
    fn near_stems(&self, stem: &str, distance: u8) -> Vec<Near>;
    /// Indexed whole words that begin with `prefix` (itself included), most common first.
    fn words_starting_with(&self, prefix: &str) -> Vec<String>;
    /// The curated synonym groups stored with the index.
    fn synonyms(&self) -> &Synonyms;
    /// Is this folded word a real Danish word near the pages' words (so
    /// not a slip)? `None` when the index has no Danish word list; for now
    /// `Some(false)` when the part of it that would say has not arrived
    /// (see `DanishWords::contains`).
    fn is_danish(&self, word: &str) -> Option<bool>;
}

/// An indexed term near a misspelt one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Near {
    pub term: String,
    pub edits: u8,
    /// On how many pages it occurs.
    pub pages: u32,
}

pub(crate) struct IndexLexicon<'a> {
    pub searcher: &'a Searcher,
    pub fields: IndexFields,
    pub synonyms: &'a Synonyms,
    pub danish_words: &'a DanishWords,
    /// Where the Danish word list is read from, a block when first asked.
    pub directory: &'a dyn Directory,
}

impl IndexLexicon<'_> {
    fn doc_freq(&self, term: &Term) -> u64 {
        self.searcher.doc_freq(term).unwrap_or(0)
    }
}

impl Lexicon for IndexLexicon<'_> {
    fn knows_stem(&self, term: &str) -> bool {
        [self.fields.text, self.fields.title]
            .iter()
            .any(|&field| self.doc_freq(&Term::from_field_text(field, term)) > 0)
    }

    fn discrimination(&self, term: &str) -> f32 {
        let pages = self.searcher.num_docs() as f32;
        let found = self.doc_freq(&Term::from_field_text(self.fields.text, term)) as f32;
        let idf = |freq: f32| (1.0 + (pages - freq + 0.5) / (freq + 0.5)).ln();
        if found == 0.0 || pages <= 1.0 {
            1.0
        } else {
            idf(found) / idf(1.0)
        }
    }

    fn knows_word(&self, word: &str) -> bool {
        self.doc_freq(&Term::from_field_text(self.fields.words, word)) > 0
    }

    fn synonyms(&self) -> &Synonyms {
        self.synonyms
    }

    fn is_danish(&self, word: &str) -> Option<bool> {
        self.danish_words.contains(self.directory, word)
    }

    fn near_words(&self, word: &str, distance: u8) -> Vec<Near> {
        self.nearest(self.fields.words, word, distance)
    }

    fn near_stems(&self, stem: &str, distance: u8) -> Vec<Near> {
        self.nearest(self.fields.text, stem, distance)
    }

    fn words_starting_with(&self, prefix: &str) -> Vec<String> {
        let automaton =
            FuzzyTermQuery::new_prefix(Term::from_field_text(self.fields.words, prefix), 0, false);
        self.matching_words(self.fields.words, &automaton, MAX_COMPLETIONS)
    }
}

impl IndexLexicon<'_> {
    /// Up to `MAX_CORRECTIONS` terms of `field` other than `text`, one edit
    /// away first, then two: within each distance the most common first.
    fn nearest(&self, field: Field, text: &str, distance: u8) -> Vec<Near> {
        let mut found: Vec<Near> = Vec::new();
        for edits in 1..=distance {
            let automaton = FuzzyTermQuery::new(Term::from_field_text(field, text), edits, true);
            for (pages, term) in
                self.matching_terms(field, &automaton, MAX_CORRECTIONS + 1 + found.len())
            {
                if found.len() < MAX_CORRECTIONS
                    && term != text
                    && !found.iter().any(|near| near.term == term)
                {
                    found.push(Near { term, edits, pages });
                }
            }
        }
        found
    }

    /// The `limit` most common terms of `field` that `query`'s automaton
    /// accepts, ties in term order.
    fn matching_words(&self, field: Field, query: &FuzzyTermQuery, limit: usize) -> Vec<String> {
        let terms = self.matching_terms(field, query, limit);
        terms.into_iter().map(|(_, text)| text).collect()
    }

    /// Like `matching_words`, each with the number of pages it is on.
    fn matching_terms(
        &self,
        field: Field,
        query: &FuzzyTermQuery,
        limit: usize,
    ) -> Vec<(u32, String)> {
        let Ok(automaton) = query.automaton() else {
            return Vec::new();
        };
        let mut found: Vec<(u32, String)> = Vec::new();
        for segment in self.searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(field) else {
                continue;
            };
            let Ok(mut terms) = inverted.terms().search(&automaton).into_stream() else {
                continue;
            };
            while terms.advance() {
                let text = String::from_utf8_lossy(terms.key()).into_owned();
                found.push((terms.value().doc_freq, text));
            }
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        found.dedup_by(|a, b| a.1 == b.1);
        found.truncate(limit);
        found
    }
}
