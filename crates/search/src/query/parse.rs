//! What the reader typed, taken apart: words, "phrases in quotes", `-word`
//! to exclude, the scaffolding of a question left out, and whether the last
//! word is still being typed.

use super::age::{find_ages, AskedAge};
use crate::analysis::analyze;
use crate::stopwords::{is_query_filler, is_request, is_stop_word};
use crate::synonyms::Synonyms;

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
    /// Ages asked for ("over 55"), each beside its number in `words`.
    pub ages: Vec<AskedAge>,
    /// The last word is still being typed: match it as a prefix too.
    pub last_is_prefix: bool,
}

/// Is this typed word a stop word or the scaffolding of a question, in
/// every term it analyzes to?
pub(super) fn is_scaffolding(word: &str) -> bool {
    analyze(word).iter().all(|term| is_query_filler(term))
}

/// Which of the words (each as analyzed) stand in a run of several that is
/// a member of a synonym group ("sover på gaden"): such a run is searched
/// whole, stop words and all, so none of its words is left out.
pub(super) fn in_synonym_runs(analyzed: &[Vec<String>], synonyms: &Synonyms) -> Vec<bool> {
    let mut in_member = vec![false; analyzed.len()];
    let mut at = 0;
    while at < analyzed.len() {
        match synonyms
            .match_at(analyzed, at)
            .filter(|found| found.words > 1)
        {
            Some(found) => {
                in_member[at..at + found.words].fill(true);
                at += found.words;
            }
            None => at += 1,
        }
    }
    in_member
}

impl ParsedQuery {
    pub fn parse(text: &str) -> ParsedQuery {
        ParsedQuery::parse_keeping(text, false, &Synonyms::default())
    }

    /// Like [`ParsedQuery::parse`], with a question's scaffolding kept as
    /// words to find (stop words still left out): for a query whose other
    /// words find nothing ("folk med depression" where no page writes
    /// "depression").
    pub fn parse_with_scaffolding(text: &str) -> ParsedQuery {
        ParsedQuery::parse_keeping(text, true, &Synonyms::default())
    }

    /// Like [`ParsedQuery::parse`] (or with the scaffolding kept), where a
    /// run of words that is a member of a synonym group is kept whole, stop
    /// words and all: "folk der sover på gaden" searches "sover på gaden",
    /// which the group names with "hjemløse", not "sover" and "gaden".
    pub fn parse_for(text: &str, scaffolding: bool, synonyms: &Synonyms) -> ParsedQuery {
        ParsedQuery::parse_keeping(text, scaffolding, synonyms)
    }

    fn parse_keeping(text: &str, scaffolding: bool, synonyms: &Synonyms) -> ParsedQuery {
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
        parsed.ages = find_ages(&words);
        words.retain(|w| !analyze(w).is_empty());
        let analyzed: Vec<Vec<String>> = words.iter().map(|w| analyze(w)).collect();
        // "eksempler på mentorordning": a request, then what is asked for.
        let requesting =
            |at: usize| at + 2 < analyzed.len() && is_request(&analyzed[at], &analyzed[at + 1]);
        let in_member = in_synonym_runs(&analyzed, synonyms);
        let content: Vec<String> = words
            .iter()
            .enumerate()
            .filter(|(at, w)| {
                if in_member[*at] {
                    return true;
                }
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
        assert_eq!(words("hvad ved man om recovery"), ["recovery"]);
        // "ved" the preposition stays.
        assert_eq!(words("job ved kommunen"), ["job", "ved", "kommunen"]);
        // Alone, or with nothing after it, the word is what is asked for.
        assert_eq!(words("eksempler"), ["eksempler"]);
        assert_eq!(words("gode erfaringer med"), ["gode", "erfaringer"]);
    }

    #[test]
    fn a_synonym_group_member_is_kept_whole_stop_words_and_all() {
        let synonyms = Synonyms::with_related(
            &[
                vec![
                    "hjemløse".into(),
                    "sover på gaden".into(),
                    "uden bolig".into(),
                ],
                vec!["jobparat".into()],
                vec!["ikke jobparat".into(), "aktivitetsparat".into()],
            ],
            &[],
        );
        let words = |text: &str| ParsedQuery::parse_for(text, false, &synonyms).words;
        assert_eq!(words("folk der sover på gaden"), ["sover", "på", "gaden"]);
        assert_eq!(words("job til folk uden bolig"), ["job", "uden", "bolig"]);
        assert_eq!(words("hvorfor er man ikke jobparat"), ["ikke", "jobparat"]);
        // Without the group, the stop words go as before.
        assert_eq!(
            ParsedQuery::parse("folk der sover på gaden").words,
            ["sover", "gaden"]
        );
    }

    #[test]
    fn words_are_bounded() {
        let essay = "ord ".repeat(10_000) + &(0..100).map(|i| format!("w{i} ")).collect::<String>();
        assert!(ParsedQuery::parse(&essay).words.len() <= MAX_QUERY_WORDS);
    }
}
