//! A document as sentences, each analyzed once, and the test whether a
//! sentence mentions a vocabulary entry.

use praksis_search::analyze;

use crate::ingest::Document;

pub struct Sentence {
    pub text: String,
    /// Analyzed terms (stemmed, folded), for matching inflected forms.
    pub terms: Vec<String>,
    /// Lower-cased text, for literal patterns.
    pub lower: String,
    pub is_title: bool,
}

impl Sentence {
    pub(super) fn new(text: &str, is_title: bool) -> Sentence {
        Sentence {
            text: text.to_string(),
            terms: analyze(text),
            lower: text.to_lowercase(),
            is_title,
        }
    }
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
    for block in &document.blocks {
        out.extend(
            split_sentences(&block.text)
                .into_iter()
                .map(|s| Sentence::new(s, false)),
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
