//! A document as sentences, each analyzed once, and the test whether a
//! sentence mentions a vocabulary entry.

use praksis_search::analyze;

use super::roles::{role, Role};
use super::words::words;
use crate::ingest::{BlockKind, Document};

pub struct Sentence {
    pub text: String,
    /// Analyzed terms (stemmed, folded): the continuum's features count
    /// mentions as search does.
    pub terms: Vec<String>,
    /// Lower-cased words, for vocabulary terms matched as words.
    pub words: Vec<String>,
    /// Each word's clause number (clauses end at , ; : ( ) and dashes).
    pub clauses: Vec<usize>,
    /// Lower-cased text, for literal patterns.
    pub lower: String,
    pub is_title: bool,
    pub role: Role,
}

impl Sentence {
    /// A sentence of running text, or the title (which describes the effort).
    pub(super) fn new(text: &str, is_title: bool) -> Sentence {
        Sentence::in_section(text, is_title, false, "")
    }

    /// A sentence in the section under `heading`; `is_heading` for the
    /// heading's own text.
    pub(super) fn in_section(
        text: &str,
        is_title: bool,
        is_heading: bool,
        heading: &str,
    ) -> Sentence {
        let (words, clauses) = words_and_clauses(text);
        let role = if is_title {
            Role::Describes
        } else {
            role(&words, is_heading, heading)
        };
        Sentence {
            text: text.to_string(),
            terms: analyze(text),
            words,
            clauses,
            lower: text.to_lowercase(),
            is_title,
            role,
        }
    }
}

/// A text's words and, for each, the number of the clause it is in.
pub fn words_and_clauses(text: &str) -> (Vec<String>, Vec<usize>) {
    let mut all = Vec::new();
    let mut clauses = Vec::new();
    for (clause, part) in text.split([',', ';', ':', '(', ')', '–', '—']).enumerate() {
        for word in words(part) {
            all.push(word);
            clauses.push(clause);
        }
    }
    (all, clauses)
}

/// Splits at ". ", "? ", "! " followed by a capital or digit: good enough for
/// evidence, and never inside "bl.a. at" or "ca. 80".
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for window in chars.windows(3) {
        let [(_, end), (_, space), (next_at, next)] = window else {
            continue;
        };
        if matches!(end, '.' | '?' | '!')
            && *space == ' '
            && (next.is_uppercase() || next.is_ascii_digit())
        {
            sentences.push(text[start..*next_at].trim());
            start = *next_at;
        }
    }
    sentences.push(text[start..].trim());
    sentences.retain(|s| !s.is_empty());
    sentences
}

pub fn sentences(document: &Document) -> Vec<Sentence> {
    let mut out = vec![Sentence::new(&document.title, true)];
    out.extend(document.keywords.iter().map(|k| Sentence::new(k, false)));
    let mut heading = "";
    for block in &document.blocks {
        let is_heading = matches!(block.kind, BlockKind::Heading(_));
        if is_heading {
            heading = &block.text;
        }
        out.extend(
            split_sentences(&block.text)
                .into_iter()
                .map(|s| Sentence::in_section(s, false, is_heading, heading)),
        );
    }
    out
}

/// A phrase as the analyzed terms that must follow each other.
#[derive(Clone, Debug)]
pub struct Phrase {
    terms: Vec<String>,
}

impl Phrase {
    pub fn new(text: &str) -> Phrase {
        Phrase {
            terms: analyze(text),
        }
    }

    pub fn occurs_in(&self, sentence: &Sentence) -> bool {
        !self.terms.is_empty()
            && sentence
                .terms
                .windows(self.terms.len())
                .any(|window| window == self.terms.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            split_sentences("Der er bl.a. et værksted. Det virker! 80 % bliver."),
            ["Der er bl.a. et værksted.", "Det virker!", "80 % bliver."]
        );
    }

    #[test]
    fn phrases_match_inflected_forms_in_order() {
        let sentence = Sentence::new("Mentorordningerne hjælper flygtningene.", false);
        assert!(Phrase::new("mentorordning").occurs_in(&sentence));
        assert!(Phrase::new("flygtning").occurs_in(&sentence));
        assert!(!Phrase::new("hjælper mentorordning").occurs_in(&sentence));
    }
}
