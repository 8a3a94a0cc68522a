//! Danish text analysis, the one definition used for indexing and querying.
//!
//! Stemming runs before folding: the Snowball Danish stemmer expects æ/ø/å,
//! and folding afterwards lets "Kobenhavn" and "Koebenhavn" meet "København".

use crate::fold::DanishFold;
use crate::stemmer::DanishStemmer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};

/// Name under which the analyzer is registered in the index.
pub const DANISH_ANALYZER: &str = "da_stem";

/// Tokens longer than this are noise from PDF extraction (URLs, runs of digits).
const MAX_TOKEN_BYTES: usize = 60;

pub fn danish_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(DanishStemmer)
        .filter(DanishFold)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The terms `analyzer` makes of `text`, in order, duplicates kept.
fn terms_of(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while stream.advance() {
        terms.push(stream.token().text.clone());
    }
    terms
}

/// The analyzed (stemmed, folded) terms of `text`.
pub fn analyze(text: &str) -> Vec<String> {
    terms_of(danish_analyzer(), text)
}

/// Name of the analyzer for whole words, folded but not stemmed.
pub const WORDS_ANALYZER: &str = "da_words";

/// Whole words, folded like the stems: misspellings and half-typed words are
/// compared with what readers type, not with stems ("revaliderng" is two
/// edits from "revalidering", five from its stem "revalid").
pub fn words_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(DanishFold)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Registers both analyzers with an index, for writing and for reading.
pub fn register_analyzers(index: &tantivy::Index) {
    index
        .tokenizers()
        .register(DANISH_ANALYZER, danish_analyzer());
    index
        .tokenizers()
        .register(WORDS_ANALYZER, words_analyzer());
}

/// The terms of `text` as whole words (see [`words_analyzer`]).
pub fn analyze_unstemmed(text: &str) -> Vec<String> {
    terms_of(words_analyzer(), text)
}

/// The Snowball stem of one lower-cased word, with æ/ø/å kept.
pub fn danish_stem(word: &str) -> Option<String> {
    let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(DanishStemmer)
        .build();
    let mut stream = analyzer.token_stream(word);
    stream.advance().then(|| stream.token().text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(analyze("mentorordningerne"), analyze("mentorordning"));
        assert_eq!(analyze("Mentorordninger"), analyze("mentorordning"));
    }

    #[test]
    fn ascii_spelling_meets_danish_letters() {
        assert_eq!(analyze("Kobenhavn"), analyze("København"));
        assert_eq!(analyze("Hjoernestenen"), analyze("Hjørnestenen"));
        assert_eq!(analyze("Aandehullet"), analyze("Åndehullet"));
        assert_eq!(analyze("Svenstrupgård"), analyze("Svenstrupgaard"));
    }

    /// The stem alone, with æ/ø/å kept: for comparing word forms, not for search.
    #[test]
    fn stems_keep_danish_letters() {
        assert_eq!(danish_stem("hjemløse").as_deref(), Some("hjemløs"));
    }

    #[test]
    fn splits_on_punctuation_and_drops_long_tokens() {
        let long = "x".repeat(200);
        assert_eq!(analyze(&format!("IT-kursus {long}")).len(), 2);
    }
}
