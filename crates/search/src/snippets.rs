//! Snippets: the passage of a hit's body that best shows why it matched,
//! with the matched words in `<b>`.
//!
//! tantivy's generator analyses the whole text it is given, and stemming
//! every word of ten long pages was 85 % of a query's time. So passages are
//! chosen first, cheaply: the matched terms are folded stems, which begin a
//! folded word of the text, so a passage's score is the weight of the terms
//! that begin one of its folded words; only the best passages go to the
//! generator. Each body's folded words are kept sorted ([`BodyWords`]), so
//! the words a term begins are found by binary search, not by reading the
//! body again for every term (a prefix query has hundreds).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use crate::analysis::analyze;
use crate::error::SearchError;
use crate::fold::fold_lowercase_into;
use crate::snippet_sentences::{escape_into, in_sentences};

const SNIPPET_CHARS: usize = 180;
/// Passages are paragraphs, cut at spaces when longer than this.
const PASSAGE_CHARS: usize = 1000;
/// How many of the best passages the generator may analyse.
const PASSAGE_TRIES: usize = 6;
/// When no passage holds a whole term (accents the analyser folds away,
/// say), passages holding its first letters are tried.
const PREFIX_CHARS: usize = 4;
/// The shortest compound part a snippet highlights its compound for (as
/// the index splits them: "job|center").
const MIN_PART_CHARS: usize = 3;

pub(crate) struct Snippets {
    generator: SnippetGenerator,
    /// For a generator of a hit's own compounds (see [`Snippets::html`]).
    tokenizer: TextAnalyzer,
    body_field: Field,
    /// Each matched term with its weight, those of the words typed first:
    /// a passage with the word typed is shown before one with a synonym.
    typed: Needles,
    all: Needles,
}

/// A hit's snippet.
pub(crate) struct Shown {
    /// HTML-escaped text with the matched words in `<b>`.
    pub html: String,
    /// Where in the body its first highlighted word begins (a byte offset);
    /// `None` for the opening lines shown when nothing in the body matched.
    pub matched_at: Option<usize>,
}

/// Terms with their weights, and their first letters.
struct Needles {
    terms: Vec<(String, f32)>,
    prefixes: Vec<(String, f32)>,
}

impl Needles {
    fn new(terms: Vec<(String, f32)>) -> Needles {
        let prefixes = terms
            .iter()
            .map(|(term, weight)| (term.chars().take(PREFIX_CHARS).collect(), *weight))
            .collect();
        Needles { terms, prefixes }
    }
}

impl Snippets {
    /// Highlights in `body_field` what `query` scores in `text_field` (the body
    /// plus compound parts), rarer words weighing more, as tantivy's own
    /// generator does for the field it is given.
    /// Terms in `unhighlighted` are left out: they matched only as part of
    /// a longer phrase, which alone they would misrepresent. Terms in
    /// `synonyms_only` are looked for after the words typed.
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        (text_field, body_field): (Field, Field),
        unhighlighted: &BTreeSet<String>,
        synonyms_only: &BTreeSet<String>,
    ) -> Result<Snippets, SearchError> {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == text_field {
                terms.insert(term.clone());
            }
        });
        let mut weights: BTreeMap<String, f32> = BTreeMap::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str().filter(|t| !unhighlighted.contains(*t)) else {
                continue;
            };
            let doc_freq = searcher.doc_freq(&term)?;
            if doc_freq > 0 {
                weights.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
        let all: Vec<(String, f32)> = weights.iter().map(|(t, w)| (t.clone(), *w)).collect();
        let typed = all
            .iter()
            .filter(|(term, _)| !synonyms_only.contains(term))
            .cloned()
            .collect();
        let tokenizer = searcher.index().tokenizer_for_field(text_field)?;
        Ok(Snippets {
            generator: SnippetGenerator::new(weights, tokenizer.clone(), body_field, SNIPPET_CHARS),
            tokenizer,
            body_field,
            typed: Needles::new(typed),
            all: Needles::new(all),
        })
    }

    /// The snippet of `body`: from the best passages, or the opening lines
    /// when no matched word is in the body (it matched in the title, say).
    /// `words` is `BodyWords::new(body)`.
    pub(crate) fn of(&self, body: &str, words: &BodyWords) -> Shown {
        // The rarest term the body holds may be only inside a compound while
        // a commoner part of a typed compound stands alone ("mentorordning",
        // split into mentor|ordning: "frokost ordninger" beside
        // "fastholdelsesmentorforløb"): the compound shows the match. First
        // among all terms, synonyms included, then among the words typed.
        for needles in [&self.all, &self.typed] {
            if let Some(snippet) = self.rarest_compound_snippet(needles, body, words) {
                return snippet;
            }
        }
        // The words typed (whole, by first letters, inside a compound), then
        // the same with what synonyms brought in.
        for needles in [&self.typed, &self.all] {
            if let Some(snippet) = self.from(needles, body, words) {
                return snippet;
            }
        }
        Shown {
            html: escape_html(&leading_chars(body, SNIPPET_CHARS)),
            matched_at: None,
        }
    }

    /// The sentence of the compound holding the heaviest of `needles` the
    /// body holds, when it holds that term only inside compounds.
    fn rarest_compound_snippet(
        &self,
        needles: &Needles,
        body: &str,
        words: &BodyWords,
    ) -> Option<Shown> {
        let rarest = rarest_only_in_compounds(needles, words)?;
        self.compound_snippet(&Needles::new(vec![rarest.clone()]), body, words)
    }

    fn from(&self, needles: &Needles, body: &str, words: &BodyWords) -> Option<Shown> {
        for needles in [&needles.terms, &needles.prefixes] {
            if let Some(snippet) = best_snippet(&self.generator, body, words, needles) {
                return Some(snippet);
            }
        }
        self.compound_snippet(needles, body, words)
    }

    fn compound_snippet(&self, needles: &Needles, body: &str, words: &BodyWords) -> Option<Shown> {
        // A term that matched as a part of a compound (the index stores the
        // parts) is inside a word the generator, analysing whole words, does
        // not take for it: that compound is the sentence's match, so it is
        // highlighted itself ("fastholdelsesmentor" for "mentor").
        let compounds = words.compounds_holding(&needles.terms);
        if compounds.is_empty() {
            return None;
        }
        let mut weights: BTreeMap<String, f32> = BTreeMap::new();
        let mut found = Vec::new();
        for (folded, surface, weight) in compounds {
            for stem in analyze(surface) {
                weights.insert(stem, weight);
            }
            found.push((folded.to_string(), weight));
        }
        let generator = SnippetGenerator::new(
            weights,
            self.tokenizer.clone(),
            self.body_field,
            SNIPPET_CHARS,
        );
        best_snippet(&generator, body, words, &found)
    }
}

/// The heaviest of `needles` that `words` hold, as a word's start or inside
/// a word, when it is held only inside words (compounds).
fn rarest_only_in_compounds<'a>(
    needles: &'a Needles,
    words: &BodyWords,
) -> Option<&'a (String, f32)> {
    let mut by_weight: Vec<&(String, f32)> = needles.terms.iter().collect();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1));
    for needle in by_weight {
        let one = std::slice::from_ref(needle);
        if words.passage_scores(one).iter().any(|s| *s > 0.0) {
            return None;
        }
        if !words.compounds_holding(one).is_empty() {
            return Some(needle);
        }
    }
    None
}

/// The generator's snippet of the best passage it can highlight, trying the
/// passages that hold the most of `needles` first.
fn best_snippet(
    generator: &SnippetGenerator,
    body: &str,
    words: &BodyWords,
    needles: &[(String, f32)],
) -> Option<Shown> {
    let mut scored: Vec<(f32, usize)> = words
        .passage_scores(needles)
        .into_iter()
        .enumerate()
        .map(|(at, score)| (score, at))
        .filter(|(score, _)| *score > 0.0)
        .collect();
    // Best first; among equals, the earlier passage. A term that begins a
    // word may still not be that word's stem ("misbrugsproblemet"), so the
    // next passage is tried then.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, at) in scored.iter().take(PASSAGE_TRIES) {
        let Some(range) = words.passages.get(at) else {
            continue;
        };
        let Some(passage) = body.get(range.clone()) else {
            continue;
        };
        let snippet = generator.snippet(passage);
        if let Some(first) = snippet.highlighted().first() {
            let fragment = snippet.fragment_range();
            let (html, _) = in_sentences(passage, fragment.clone(), snippet.highlighted());
            return Some(Shown {
                html,
                matched_at: Some(range.start + fragment.start + first.start),
            });
        }
    }
    None
}

/// A body's passages (see [`passages`]) and its words, folded and
/// lowercased, sorted, each with the passages that hold it and the first
/// form it is written in (lowercased, with its æ, ø and å).
pub(crate) struct BodyWords {
    words: Vec<(String, Vec<u32>)>,
    /// `words[i]` as the body writes it.
    surfaces: Vec<String>,
    /// Byte ranges of the body.
    passages: Vec<Range<usize>>,
}

impl BodyWords {
    pub(crate) fn new(body: &str) -> BodyWords {
        let passages: Vec<Range<usize>> = passages(body)
            .into_iter()
            .map(|passage| {
                // Each passage is a slice of the body.
                let start = passage.as_ptr() as usize - body.as_ptr() as usize;
                start..start + passage.len()
            })
            .collect();
        let mut words: BTreeMap<String, (Vec<u32>, String)> = BTreeMap::new();
        let mut folded = String::new();
        for (at, passage) in passages.iter().enumerate() {
            // Folding keeps letters letters and everything else as it is,
            // so folding word by word splits as folding the passage would.
            for word in body[passage.clone()].split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                fold_lowercase_into(word, &mut folded);
                let (holders, _) = words
                    .entry(folded.clone())
                    .or_insert_with(|| (Vec::new(), word.to_lowercase()));
                if holders.last() != Some(&(at as u32)) {
                    holders.push(at as u32);
                }
            }
        }
        let (words, surfaces) = words
            .into_iter()
            .map(|(word, (holders, surface))| ((word, holders), surface))
            .unzip();
        BodyWords {
            words,
            surfaces,
            passages,
        }
    }

    /// How the body writes the word whose folded form is `folded`, if it has it.
    pub(crate) fn surface(&self, folded: &str) -> Option<&str> {
        let at = self
            .words
            .binary_search_by(|(word, _)| word.as_str().cmp(folded))
            .ok()?;
        Some(&self.surfaces[at])
    }

    /// The body's words (as written) that hold a matched term inside them
    /// but do not begin with it, or begin with it without being one of its
    /// inflections: compounds whose part matched ("fastholdelsesmentor",
    /// "mentorordninger" for "mentor"). Each with its folded form and the
    /// term's weight.
    fn compounds_holding(&self, terms: &[(String, f32)]) -> Vec<(&str, &str, f32)> {
        let mut found = Vec::new();
        for ((word, _), surface) in self.words.iter().zip(&self.surfaces) {
            let holds = terms.iter().find(|(term, _)| {
                term.chars().count() >= MIN_PART_CHARS
                    && word.len() > term.len()
                    && word.contains(term.as_str())
            });
            if let Some((_, weight)) = holds {
                found.push((word.as_str(), surface.as_str(), *weight));
            }
        }
        found
    }

    /// Each passage's score: the weight of the terms that begin one of its
    /// words, each counted once. That is what the generator, which analyses
    /// whole words, can highlight (a stem begins its word; a compound part
    /// inside a word is not highlighted).
    fn passage_scores(&self, terms: &[(String, f32)]) -> Vec<f32> {
        let mut scores = vec![0.0; self.passages.len()];
        // The last term counted in each passage, plus one.
        let mut counted = vec![0usize; self.passages.len()];
        for (number, (term, weight)) in terms.iter().enumerate() {
            let from = self.words.partition_point(|(word, _)| word < term);
            let begun = self.words[from..]
                .iter()
                .take_while(|(word, _)| word.starts_with(term.as_str()));
            for (_, holders) in begun {
                for &at in holders {
                    let at = at as usize;
                    if counted[at] != number + 1 {
                        counted[at] = number + 1;
                        scores[at] += weight;
                    }
                }
            }
        }
        scores
    }
}

/// Paragraphs, long ones cut at spaces into pieces of about `PASSAGE_CHARS`.
fn passages(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for paragraph in body.split("\n\n") {
        let mut rest = paragraph;
        while rest.len() > PASSAGE_CHARS {
            let mut cut = PASSAGE_CHARS;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Cut at the last space before the limit, or at the limit in a long word.
            let at = rest[..cut].rfind(' ').filter(|&at| at > 0).unwrap_or(cut);
            out.push(&rest[..at]);
            rest = rest[at..].trim_start();
        }
        out.push(rest);
    }
    out
}

fn leading_chars(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_paragraphs_cut_at_spaces() {
        let long = "ord ".repeat(600);
        let body = format!("Første afsnit.\n\n{long}\n\nSidste afsnit med æøå.");
        let parts = passages(&body);
        assert_eq!(parts.first(), Some(&"Første afsnit."));
        assert_eq!(parts.last(), Some(&"Sidste afsnit med æøå."));
        assert!(parts.len() >= 5, "{}", parts.len());
        for part in &parts {
            assert!(part.len() <= PASSAGE_CHARS, "{}", part.len());
            assert!(!part.starts_with(' '));
        }
        // A word longer than a passage is cut at a character boundary.
        let word = "ø".repeat(PASSAGE_CHARS);
        assert!(passages(&word).iter().all(|p| p.len() <= PASSAGE_CHARS));
    }

    #[test]
    fn a_term_must_begin_a_word_and_counts_once_a_passage() {
        let words = BodyWords::new(
            "For eksempel misbrug, og misbrugere.\n\nBlandingsmisbrug.\n\nMisbru. Øvelse i misbrug-behandling.",
        );
        let terms = [("misbrug".to_string(), 1.0), ("ovel".to_string(), 0.5)];
        assert_eq!(words.passage_scores(&terms), [1.0, 0.0, 1.5]);
        assert_eq!(words.passage_scores(&[]), [0.0, 0.0, 0.0]);
    }
}
