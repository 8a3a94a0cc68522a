//! Danish writes compounds as one word ("mentorordning"); readers type them
//! either way. A word splits into two parts that both occur as words of their
//! own in the corpus, the first possibly with a linking s or e
//! ("sidemands|oplæring"). The index stores the parts of every compound so
//! "mentor ordning" finds "mentorordning"; a query splits its words with the
//! index's own term dictionary so "mentorordning" finds "mentor … ordning".

use crate::analysis::analyze;
use crate::stopwords::is_stop_word;

/// Shortest part worth splitting off ("job|center").
const MIN_PART_CHARS: usize = 3;
/// Shorter words are not split.
const MIN_WORD_CHARS: usize = 7;

/// The analyzed term of a part, if it is one word.
fn single_term(part: &str) -> Option<String> {
    match analyze(part).as_slice() {
        [term] => Some(term.clone()),
        _ => None,
    }
}

/// The best split of `word` (lower case) into two known parts, as text.
/// `known` answers for analyzed terms.
pub fn split_compound(word: &str, known: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < MIN_WORD_CHARS || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let is_known =
        |part: &str| single_term(part).is_some_and(|term| !is_stop_word(&term) && known(&term));
    let mut best: Option<(usize, String, String)> = None;
    for split in MIN_PART_CHARS..=chars.len() - MIN_PART_CHARS {
        let head: String = chars[..split].iter().collect();
        let tail: String = chars[split..].iter().collect();
        if !is_known(&tail) {
            continue;
        }
        let head = if is_known(&head) {
            head
        } else {
            match head.strip_suffix(['s', 'e']) {
                Some(stem) if stem.chars().count() >= MIN_PART_CHARS && is_known(stem) => {
                    stem.to_string()
                }
                _ => continue,
            }
        };
        // Balanced splits are the likely ones: "mentor|ordning", not "men|torordning".
        let balance = head.chars().count().min(tail.chars().count());
        if best.as_ref().is_none_or(|(b, _, _)| balance > *b) {
            best = Some((balance, head, tail));
        }
    }
    best.map(|(_, head, tail)| (head, tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_into_known_words_with_linking_letters() {
        let vocabulary = analyze("mentor ordning sidemand oplæring job center");
        let known = |t: &str| vocabulary.iter().any(|v| v == t);
        assert_eq!(
            split_compound("mentorordning", &known),
            Some(("mentor".into(), "ordning".into()))
        );
        // The stemmer already reads "sidemands" as "sidemand".
        assert_eq!(
            split_compound("sidemandsoplæring", &known),
            Some(("sidemands".into(), "oplæring".into()))
        );
        let parts = analyze("støtte personer");
        assert_eq!(
            split_compound("støttepersoner", &|t: &str| parts.iter().any(|p| p == t)),
            Some(("støtte".into(), "personer".into()))
        );
        assert_eq!(
            split_compound("jobcenter", &known),
            Some(("job".into(), "center".into()))
        );
        assert_eq!(split_compound("ordning", &known), None);
        assert_eq!(split_compound("ukendtord", &known), None);
    }
}
