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
/// Shortest part of a part: short words met inside a part are more often
/// accidents ("ung|doms|uddannelse") than words.
const MIN_INNER_PART_CHARS: usize = 5;
/// Shorter words are not split.
const MIN_WORD_CHARS: usize = 7;

/// The analyzed term of a part, if it is one word.
fn single_term(part: &str) -> Option<String> {
    match analyze(part).as_slice() {
        [term] => Some(term.clone()),
        _ => None,
    }
}

/// Parts of parts are split too, this many levels deep
/// ("fastholdelses|mentor|forløb"); more is never a real word.
const MAX_DEPTH: usize = 3;

/// The best split of `word` (lower case) into two parts, as text: each part
/// a known word or itself a compound of known words. `known` answers for
/// analyzed terms.
pub fn split_compound(word: &str, known: &dyn Fn(&str) -> bool) -> Option<(String, String)> {
    split_at_depth(word, known, MAX_DEPTH)
}

/// The known words `word` is made of, splitting parts that are compounds
/// themselves: `None` when it is not a compound of known words.
pub fn compound_leaves(word: &str, known: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    let (head, tail) = split_compound(word, known)?;
    let mut leaves = Vec::new();
    for part in [head, tail] {
        match compound_leaves(&part, known) {
            Some(inner) if !is_known(&part, known) => leaves.extend(inner),
            _ => leaves.push(part),
        }
    }
    Some(leaves)
}

/// Every part below `word`: its two parts and, where a part is a compound,
/// that part's parts ("fastholdelsesmentor", "forløb", "fastholdelse",
/// "mentor"), so each of them finds the whole.
pub fn compound_parts(word: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let Some((head, tail)) = split_compound(word, known) else {
        return Vec::new();
    };
    let mut parts = Vec::new();
    for part in [head, tail] {
        let inner = compound_parts(&part, known);
        parts.push(part);
        parts.extend(inner);
    }
    parts
}

fn is_known(part: &str, known: &dyn Fn(&str) -> bool) -> bool {
    single_term(part).is_some_and(|term| !is_stop_word(&term) && known(&term))
}

fn split_at_depth(
    word: &str,
    known: &dyn Fn(&str) -> bool,
    depth: usize,
) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    let min_part = if depth == MAX_DEPTH {
        MIN_PART_CHARS
    } else {
        MIN_INNER_PART_CHARS
    };
    if depth == 0 || chars.len() < MIN_WORD_CHARS || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    // A part is a known word (1), or a compound of known words (0).
    let part_rank = |part: &str| {
        if is_known(part, known) {
            Some(1)
        } else {
            split_at_depth(part, known, depth - 1).map(|_| 0)
        }
    };
    let mut best: Option<((usize, usize), String, String)> = None;
    if chars.len() < 2 * min_part {
        return None;
    }
    for split in min_part..=chars.len() - min_part {
        let head: String = chars[..split].iter().collect();
        let tail: String = chars[split..].iter().collect();
        let Some(tail_rank) = part_rank(&tail) else {
            continue;
        };
        // The head as written or without a linking letter, whichever is
        // the better part; as written when they are equal.
        let linked = head
            .strip_suffix(['s', 'e'])
            .filter(|stem| stem.chars().count() >= min_part)
            .and_then(|stem| Some((stem.to_string(), part_rank(stem)?)));
        let (head, head_rank) = match (part_rank(&head), linked) {
            (Some(rank), Some((stem, linked))) if linked > rank => (stem, linked),
            (Some(rank), _) => (head, rank),
            (None, Some(linked)) => linked,
            (None, None) => continue,
        };
        // Two known words first, then balanced splits: "mentor|ordning",
        // not "men|torordning".
        let balance = head.chars().count().min(tail.chars().count());
        let rank = (head_rank + tail_rank, balance);
        if best.as_ref().is_none_or(|(b, _, _)| rank > *b) {
            best = Some((rank, head, tail));
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
        let words = analyze("fastholdelse mentor forløb");
        let known = |t: &str| words.iter().any(|v| v == t);
        assert_eq!(
            compound_leaves("fastholdelsesmentorforløb", &known),
            Some(vec![
                "fastholdelses".into(),
                "mentor".into(),
                "forløb".into()
            ])
        );
        let parts = compound_parts("fastholdelsesmentorforløb", &known);
        assert!(parts.contains(&"mentor".to_string()), "{parts:?}");
        assert_eq!(split_compound("ukendtord", &known), None);
    }
}
