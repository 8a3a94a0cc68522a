//! The Snowball Danish stemmer as a tantivy token filter.
//!
//! tantivy's own `Stemmer` filter compiles in the stemmers of 18 languages;
//! this one links only Danish (frostem's `danish` feature), which keeps the
//! WebAssembly engine smaller. Same algorithm, same crate, same output.

use std::borrow::Cow;
use std::mem;

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

#[derive(Clone)]
pub struct DanishStemmer;

impl TokenFilter for DanishStemmer {
    type Tokenizer<T: Tokenizer> = DanishStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DanishStemmerFilter<T> {
        DanishStemmerFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct DanishStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DanishStemmerFilter<T> {
    type TokenStream<'a> = DanishStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DanishStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: Stemmer::new(Algorithm::Danish),
        }
    }
}

pub struct DanishStemmerStream<T> {
    tail: T,
    stemmer: Stemmer,
}

impl<T: TokenStream> TokenStream for DanishStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stemmed = match self.stemmer.stem(&token.text) {
            Cow::Owned(stemmed) => Some(stemmed),
            Cow::Borrowed(stemmed) if stemmed != token.text => Some(stemmed.to_string()),
            Cow::Borrowed(_) => None,
        };
        if let Some(stemmed) = stemmed {
            let _ = mem::replace(&mut token.text, stemmed);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
