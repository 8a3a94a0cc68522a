//! Where wrapped lines join and where a block ends: hyphenation at a line
//! end, and lines that end on purpose (a signature, a motto, a lost period).

use std::collections::HashSet;

use super::lines::Line;
use super::lists::list_item_text;
use super::verbs::is_finite_verb;

pub(super) fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '”', '"', ')'])
}

pub(super) fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Joins two wrapped lines, undoing hyphenation ("beskæf-" + "tigelse") but
/// keeping suspended compounds ("aktivitets- og") and real hyphens before capitals.
pub fn join_wrapped(left: &str, right: &str) -> String {
    let left = left.trim_end();
    if let Some(stem) = left.strip_suffix('-') {
        let stem_ends_in_letter = stem.chars().last().is_some_and(char::is_alphabetic);
        let next_word = right.split_whitespace().next().unwrap_or("");
        let suspended = matches!(next_word, "og" | "eller" | "samt" | "til" | "som");
        if stem_ends_in_letter && keeps_hyphen(stem) && !suspended {
            return format!("{left}{right}");
        }
        if stem_ends_in_letter && starts_lowercase(right) && !suspended {
            return format!("{stem}{right}");
        }
        if stem_ends_in_letter && !suspended {
            return format!("{left}{right}");
        }
    }
    format!("{left} {right}")
}

/// A word before a hyphen that Danish always writes with it: "ikke-" before
/// a word ("ikke-arbejdsmarkedsparat"), and abbreviations ("IT-", "EU-").
fn keeps_hyphen(stem: &str) -> bool {
    let word = stem
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(stem);
    let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
    acronym || matches!(word.to_lowercase().as_str(), "ikke" | "non" | "anti")
}

/// Did a wrapped line end on purpose? It did when the next line's first
/// word would have fitted on it, and the next line starts like a new block
/// (a capital, a bullet): a signature, a motto, a list item ending without
/// a period.
pub(super) fn ends_on_purpose(
    text: &str,
    next: Option<&str>,
    width: usize,
    common: &HashSet<String>,
) -> bool {
    let Some(next) = next else {
        return false;
    };
    if lost_sentence_end(text, next, common) {
        return true;
    }
    // A bullet and its first word travel together ("– herunder").
    let words = if list_item_text(next).is_some() { 2 } else { 1 };
    let first_words: usize = next
        .split_whitespace()
        .take(words)
        .map(|w| w.chars().count() + 1)
        .sum();
    let fits = text.chars().count() + first_words < width * 93 / 100;
    let trailing = text.trim_end().ends_with([',', '-', '–', '/', '(']);
    let starts_block =
        next.chars().next().is_some_and(char::is_uppercase) || list_item_text(next).is_some();
    fits && starts_block && !trailing
}

/// "… og går i behandling" + "Projektet har desuden succes …": the next
/// line opens a main clause (a capitalised word the text also writes in
/// lower case, then a finite verb: Danish puts the verb second), and the
/// line before ends on a content word without punctuation. The sentence end
/// was lost in extraction; the block ends there.
fn lost_sentence_end(text: &str, next: &str, common: &HashSet<String>) -> bool {
    let words: Vec<&str> = next.split_whitespace().collect();
    let [first, second, _, ..] = words.as_slice() else {
        return false;
    };
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && first.chars().count() >= 2;
    let last = text.split_whitespace().last().unwrap_or("");
    let open_end = text.trim_end().ends_with(|c: char| c.is_alphabetic())
        && !DANGLING.contains(&last.to_lowercase().as_str())
        && text.split_whitespace().count() >= 4;
    capitalised && common.contains(&first.to_lowercase()) && is_finite_verb(second) && open_end
}

/// Words after which a sentence cannot end.
const DANGLING: [&str; 27] = [
    "om", "for", "efter", "indenfor", "til", "af", "i", "på", "med", "en", "et", "og", "end", "at",
    "der", "som", "de", "den", "det", "samt", "eller", "fra", "ved", "under", "over", "mellem",
    "hos",
];

/// Words `lines` write in lower case somewhere (so not names).
pub fn lower_case_words(lines: &[Line]) -> HashSet<String> {
    let mut counts: HashSet<&str> = HashSet::new();
    for line in lines {
        for word in line.text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().next().is_some_and(char::is_lowercase) {
                counts.insert(word);
            }
        }
    }
    counts.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dehyphenates_but_keeps_suspended_compounds_and_names() {
        assert_eq!(
            join_wrapped("at komme i beskæf-", "tigelse"),
            "at komme i beskæftigelse"
        );
        assert_eq!(
            join_wrapped("aktivitets-", "og beskæftigelse"),
            "aktivitets- og beskæftigelse"
        );
        assert_eq!(join_wrapped("et IT-", "Kursus"), "et IT-Kursus");
    }

    #[test]
    fn keeps_the_hyphen_after_ikke_and_abbreviations() {
        // Chapter 3 (sources/004 lines 4852–4854).
        assert_eq!(
            join_wrapped(
                "begreberne arbejdsmarkedsparat og ikke-",
                "arbejdsmarkedsparat næsten"
            ),
            "begreberne arbejdsmarkedsparat og ikke-arbejdsmarkedsparat næsten"
        );
        assert_eq!(join_wrapped("et EU-", "projekt"), "et EU-projekt");
        assert_eq!(join_wrapped("beskæf-", "tigelse"), "beskæftigelse");
    }
}
