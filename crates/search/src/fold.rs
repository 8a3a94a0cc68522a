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
    fold_lowercase_into(word, &mut out);
    out
}

/// Lower-cases and folds `text` into `out` in one pass, reusing its buffer
/// (snippets fold whole paragraphs for every hit of every query).
pub fn fold_lowercase_into(text: &str, out: &mut String) {
    out.clear();
    // A plain "o" or "a" just written, which a following "e" or "a" joins.
    let mut open: Option<char> = None;
    let mut push = |ch: char, out: &mut String| match (ch, open) {
        ('e', Some('o')) | ('a', Some('a')) => open = None,
        ('o' | 'a', _) => {
            out.push(ch);
            open = Some(ch);
        }
        _ => {
            match ch {
                'æ' => out.push_str("ae"),
                'ø' => out.push('o'),
                'å' => out.push('a'),
                'x' => out.push_str("ks"),
                _ => out.push(ch),
            }
            open = None;
        }
    };
    for ch in text.chars() {
        if ch.is_ascii() {
            push(ch.to_ascii_lowercase(), out);
        } else {
            for lower in ch.to_lowercase() {
                push(lower, out);
            }
        }
    }
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

    #[test]
    fn folding_mixed_case_text_equals_lowercasing_then_folding() {
        let mut out = String::new();
        for text in [
            "AArhus Aabenraa ØRESUND Føniks Foeniks",
            "aaa oee aæ oø ÅÆØ xX İstanbul",
            "Mentorordning, støtteperson og FLEXJOB i Københavns Kommune",
        ] {
            fold_lowercase_into(text, &mut out);
            let expected: String = text
                .split(' ')
                .map(|word| fold_danish(&word.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(out, expected, "{text}");
        }
    }
}
