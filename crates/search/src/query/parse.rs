//! What the reader typed, taken apart: words, "phrases in quotes", `-word`
//! to exclude, the scaffolding of a question left out, and whether the last
//! word is still being typed.

use crate::analysis::analyze;
use crate::stopwords::{is_query_filler, is_request, is_stop_word};

/// Longest query text considered; the rest of a pasted essay adds nothing.
const MAX_QUERY_CHARS: usize = 500;
const MAX_QUERY_WORDS: usize = 32;

/// What the reader typed, taken apart.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ParsedQuery {
    /// Words to find, as typed (lower-cased), without stop words.
    pub words: Vec<String>,
    /// Phrases, each as analyzed terms.
    pub phrases: Vec<Vec<String>>,
    /// Analyzed terms that must not occur.
    pub excluded: Vec<String>,
    /// The last word is still being typed: match it as a prefix too.
    pub last_is_prefix: bool,
}

/// Is this typed word a stop word or the scaffolding of a question, in
/// every term it analyzes to?
pub(super) fn is_scaffolding(word: &str) -> bool {
    analyze(word).iter().all(|term| is_query_filler(term))
}

impl ParsedQuery {
    pub fn parse(text: &str) -> ParsedQuery {
        ParsedQuery::parse_keeping(text, false)
    }

    /// Like [`ParsedQuery::parse`], with a question's scaffolding kept as
    /// words to find (stop words still left out): for a query whose other
    /// words find nothing ("folk med depression" where no page writes
    /// "depression").
    pub fn parse_with_scaffolding(text: &str) -> ParsedQuery {
        ParsedQuery::parse_keeping(text, true)
    }

    fn parse_keeping(text: &str, scaffolding: bool) -> ParsedQuery {
        let clipped: String = text.chars().take(MAX_QUERY_CHARS).collect();
        let mut parsed = ParsedQuery::default();
        let mut words: Vec<String> = Vec::new();
        // Quotes pair up; an unpaired last quote is ignored.
        let quotes = clipped.matches('"').count();
        let mut pieces: Vec<(bool, &str)> = Vec::new();
        for (i, piece) in clipped.split('"').enumerate() {
            let quoted = i % 2 == 1 && !(quotes % 2 == 1 && i == quotes);
            pieces.push((quoted, piece));
        }
        for (quoted, piece) in pieces {
            if quoted {
                let terms = analyze(piece);
                if !terms.is_empty() {
                    parsed.phrases.push(terms);
                }
                continue;
            }
            for raw in piece.split_whitespace() {
                match raw.strip_prefix('-') {
                    Some(excluded) if !excluded.is_empty() => {
                        parsed.excluded.extend(analyze(excluded));
                    }
                    _ => words.push(raw.to_lowercase()),
                }
            }
        }
        words.retain(|w| !analyze(w).is_empty());
        let analyzed: Vec<Vec<String>> = words.iter().map(|w| analyze(w)).collect();
        // "eksempler på mentorordning": a request, then what is asked for.
        let requesting =
            |at: usize| at + 2 < analyzed.len() && is_request(&analyzed[at], &analyzed[at + 1]);
        let content: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|(at, w)| {
                let left_out = if scaffolding {
                    analyze(w).iter().all(|term| is_stop_word(term))
                } else {
                    is_scaffolding(w)
                };
                !requesting(*at) && !left_out
            })
            .map(|(_, w)| w.clone())
            .collect();
        // A query of stop words only ("hvad er det") still searches for them.
        let mut chosen = if content.is_empty() { words } else { content };
        chosen.dedup();
        chosen.truncate(MAX_QUERY_WORDS);
        parsed.last_is_prefix = !chosen.is_empty()
            && !clipped.ends_with(char::is_whitespace)
            && !clipped.ends_with('"')
            && clipped.split_whitespace().last().is_some_and(|last| {
                last.to_lowercase() == *chosen.last().unwrap_or(&String::new())
            });
        parsed.words = chosen;
        parsed
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scaffolding_is_kept_when_asked_for_and_stop_words_are_not() {
        let words = |text: &str| ParsedQuery::parse(text).words;
        assert_eq!(words("folk med depression"), ["depression"]);
        let kept = |text: &str| ParsedQuery::parse_with_scaffolding(text).words;
        assert_eq!(kept("folk med depression"), ["folk", "depression"]);
        assert_eq!(
            kept("hvordan virker mentorer"),
            ["hvordan", "virker", "mentorer"]
        );
    }

    #[test]
    fn punctuation_and_empty_queries_have_nothing_to_search() {
        assert!(ParsedQuery::parse("").is_empty());
        assert!(ParsedQuery::parse("\"((--**").is_empty());
    }

    #[test]
    fn reads_phrases_exclusions_and_stop_words() {
        let parsed = ParsedQuery::parse("hvad virker for \"social aktivering\" -misbrug unge ");
        // "hvad virker for" is the scaffolding of a question, not its subject.
        assert_eq!(parsed.words, ["unge"]);
        assert_eq!(parsed.phrases, [analyze("social aktivering")]);
        assert_eq!(parsed.excluded, analyze("misbrug"));
        assert!(!parsed.last_is_prefix);
        assert!(ParsedQuery::parse("mentoror").last_is_prefix);
        assert_eq!(
            ParsedQuery::parse("hvad er det").words,
            ["hvad", "er", "det"]
        );
        assert_eq!(
            ParsedQuery::parse("hvordan kan man få job som hjemløs").words,
            ["få", "job", "hjemløs"]
        );
        // An unpaired quote is not a phrase.
        assert_eq!(ParsedQuery::parse("\"mentor").words, ["mentor"]);
    }

    #[test]
    fn a_request_before_what_is_asked_for_is_scaffolding() {
        let words = |text: &str| ParsedQuery::parse(text).words;
        assert_eq!(
            words("findes der eksempler på mentorordning"),
            ["mentorordning"]
        );
        assert_eq!(words("hvor kan jeg læse om revalidering"), ["revalidering"]);
        assert_eq!(words("erfaringer med hjemløse i job"), ["hjemløse", "job"]);
        // Alone, or with nothing after it, the word is what is asked for.
        assert_eq!(words("eksempler"), ["eksempler"]);
        assert_eq!(words("gode erfaringer med"), ["gode", "erfaringer"]);
    }

    #[test]
    fn words_are_bounded() {
        let essay = "ord ".repeat(10_000) + &(0..100).map(|i| format!("w{i} ")).collect::<String>();
        assert!(ParsedQuery::parse(&essay).words.len() <= MAX_QUERY_WORDS);
    }
}
