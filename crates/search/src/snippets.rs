//! Snippets: the passage of a hit's body that best shows why it matched,
//! with the matched words in `<b>`.
//!
//! tantivy's generator analyses the whole text it is given, and stemming
//! every word of ten long pages was 85 % of a query's time. So passages are
//! chosen first, cheaply: the matched terms are folded stems, which begin a
//! folded word of the text, so a passage's score is the weight of the terms
//! that begin one of its folded words; only the best passages go to the
//! generator.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Searcher, Term};

use crate::error::SearchError;
use crate::fold::fold_lowercase_into;

const SNIPPET_CHARS: usize = 180;
/// Passages are paragraphs, cut at spaces when longer than this.
const PASSAGE_CHARS: usize = 1000;
/// How many of the best passages the generator may analyse.
const PASSAGE_TRIES: usize = 6;
/// When no passage holds a whole term (accents the analyser folds away,
/// say), passages holding its first letters are tried.
const PREFIX_CHARS: usize = 4;

pub(crate) struct Snippets {
    generator: SnippetGenerator,
    /// Each matched term with its weight, and its first letters.
    terms: Vec<(String, f32)>,
    prefixes: Vec<(String, f32)>,
}

impl Snippets {
    /// Highlights in `body_field` what `query` scores in `text_field` (the body
    /// plus compound parts), rarer words weighing more, as tantivy's own
    /// generator does for the field it is given.
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        text_field: Field,
        body_field: Field,
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
            let Some(text) = value.as_str() else {
                continue;
            };
            let doc_freq = searcher.doc_freq(&term)?;
            if doc_freq > 0 {
                weights.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
        let terms: Vec<(String, f32)> = weights.iter().map(|(t, w)| (t.clone(), *w)).collect();
        let prefixes = terms
            .iter()
            .map(|(term, weight)| (term.chars().take(PREFIX_CHARS).collect(), *weight))
            .collect();
        let tokenizer = searcher.index().tokenizer_for_field(text_field)?;
        Ok(Snippets {
            generator: SnippetGenerator::new(weights, tokenizer, body_field, SNIPPET_CHARS),
            terms,
            prefixes,
        })
    }

    /// The snippet of `body` as HTML: from the best passages, or the opening
    /// lines when no matched word is in the body (it matched in the title, say).
    /// `folded` is `FoldedBodies::of` for this body.
    pub(crate) fn html(&self, body: &str, folded_passages: &[String]) -> String {
        let passages = passages(body);
        for needles in [&self.terms, &self.prefixes] {
            let mut scored: Vec<(f32, usize)> = folded_passages
                .iter()
                .enumerate()
                .map(|(at, text)| {
                    let score = needles
                        .iter()
                        .filter(|(needle, _)| begins_a_word(text, needle))
                        .map(|(_, weight)| weight)
                        .sum();
                    (score, at)
                })
                .filter(|(score, _)| *score > 0.0)
                .collect();
            // Best first; among equals, the earlier passage. A term that
            // begins a word may still not be that word's stem
            // ("misbrugsproblemet"), so the next passage is tried then.
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(_, at) in scored.iter().take(PASSAGE_TRIES) {
                let snippet = self.generator.snippet(passages[at]);
                if !snippet.is_empty() {
                    return snippet.to_html();
                }
            }
        }
        escape_html(&leading_chars(body, SNIPPET_CHARS))
    }
}

/// The folded passages of the bodies of recent hits: folding is the costly
/// part of choosing passages, and a reader's next keystroke mostly finds the
/// same pages again.
#[derive(Default)]
pub(crate) struct FoldedBodies {
    cache: Mutex<HashMap<DocAddress, Arc<Vec<String>>>>,
}

/// Bodies kept folded; the cache starts over beyond this.
const FOLDED_BODIES: usize = 500;

impl FoldedBodies {
    pub(crate) fn of(&self, address: DocAddress, body: &str) -> Arc<Vec<String>> {
        // A poisoned lock only means another search panicked: fold afresh.
        let Ok(mut cache) = self.cache.lock() else {
            return Arc::new(fold_passages(body));
        };
        if cache.len() >= FOLDED_BODIES {
            cache.clear();
        }
        cache
            .entry(address)
            .or_insert_with(|| Arc::new(fold_passages(body)))
            .clone()
    }
}

fn fold_passages(body: &str) -> Vec<String> {
    let mut folded = String::new();
    passages(body)
        .into_iter()
        .map(|passage| {
            fold_lowercase_into(passage, &mut folded);
            folded.clone()
        })
        .collect()
}

/// Whether `needle` begins a word of `text`: what the generator, which
/// analyses whole words, can highlight (a stem begins its word; a compound
/// part inside a word is not highlighted).
fn begins_a_word(text: &str, needle: &str) -> bool {
    text.match_indices(needle).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|before| !before.is_alphanumeric())
    })
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
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
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
    fn a_term_must_begin_a_word() {
        assert!(begins_a_word("for eksempel misbrug, og", "misbrug"));
        assert!(begins_a_word("misbrugere", "misbrug"));
        assert!(!begins_a_word("blandingsmisbrug", "misbrug"));
    }
}
