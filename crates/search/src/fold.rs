//! Folds Danish letters and their ASCII spellings to one form, after stemming:
//! "København", "Koebenhavn" and "Kobenhavn" meet, as do "Åbenrå", "Aabenraa"
//! and "Abenra". æ is written "ae" (its only ASCII spelling); ø and "oe"
//! become "o", å and "aa" become "a", since readers type ø as o and å as a.
//! x becomes "ks", Danish's own spelling of it: "flexjob" meets "fleksjob".

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The folded form of a lower-case word.
pub fn fold_danish(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    let mut chars = word.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, chars.peek()) {
            ('æ', _) => out.push_str("ae"),
            ('ø', _) => out.push('o'),
            ('å', _) => out.push('a'),
            ('x', _) => out.push_str("ks"),
            ('o', Some('e')) => {
                chars.next();
                out.push('o');
            }
            ('a', Some('a')) => {
                chars.next();
                out.push('a');
            }
            _ => out.push(ch),
        }
    }
    out
}

#[derive(Clone)]
pub struct DanishFold;

impl TokenFilter for DanishFold {
    type Tokenizer<T: Tokenizer> = DanishFoldFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DanishFoldFilter<T> {
        DanishFoldFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct DanishFoldFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for DanishFoldFilter<T> {
    type TokenStream<'a> = DanishFoldStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        DanishFoldStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct DanishFoldStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for DanishFoldStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let folded = fold_danish(&token.text);
        let _ = mem::replace(&mut token.text, folded);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_danish_letters_meet() {
        for word in ["københavn", "koebenhavn", "kobenhavn"] {
            assert_eq!(fold_danish(word), "kobenhavn");
        }
        assert_eq!(fold_danish("åbenrå"), fold_danish("aabenraa"));
        assert_eq!(fold_danish("lokalværdi"), fold_danish("lokalvaerdi"));
        assert_eq!(fold_danish("flexjob"), fold_danish("fleksjob"));
    }
}
