//! Short texts taken from a page for listings, meta tags and the compare
//! page: whole sentences only, and never a lead-in ("… tegn på nogle
//! tendenser:") without what it leads into.

use crate::tagging::split_sentences;

/// Whole sentences from the start of `paragraphs`, as many as fit in
/// `max_chars` (at least one, however long). The summary is the first
/// paragraph, unless it ends in a lead-in: then it goes on into the next.
/// A lead-in left at the end is dropped; `None` when nothing is left.
pub fn whole_sentences<'a>(
    paragraphs: impl IntoIterator<Item = &'a str>,
    max_chars: usize,
) -> Option<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut length = 0;
    'paragraphs: for paragraph in paragraphs {
        for sentence in sentences(paragraph) {
            let added = sentence.chars().count() + usize::from(!taken.is_empty());
            let after_hedge = taken.len() == 1 && is_hedge(&taken[0]);
            if !taken.is_empty() && length + added > max_chars && !after_hedge {
                break 'paragraphs;
            }
            length += added;
            taken.push(sentence);
        }
        if !taken.last().is_some_and(|s| is_lead_in(s)) && !taken.is_empty() {
            break;
        }
    }
    while taken.last().is_some_and(|s| is_lead_in(s)) {
        taken.pop();
    }
    (!taken.is_empty()).then(|| taken.join(" "))
}

fn is_lead_in(sentence: &str) -> bool {
    sentence.ends_with(':')
}

/// "… er resultaterne ikke særlig mange eller særlig entydige, og som sådan
/// vanskelige at måle.": a sentence saying results are hard to tell, which
/// a summary does not end on when the next sentence tells what there is
/// (blind user test 13: Hjørnestenen's summary stopped there).
fn is_hedge(sentence: &str) -> bool {
    says_any(
        sentence,
        &[
            "vanskelige at måle",
            "vanskeligt at måle",
            "svære at måle",
            "svært at måle",
        ],
    )
}

/// Whether `sentence` holds one of `phrases` (lower case), in any case.
pub(super) fn says_any(sentence: &str, phrases: &[&str]) -> bool {
    let lower = sentence.to_lowercase();
    phrases.iter().any(|phrase| lower.contains(phrase))
}

/// Abbreviations before a number ("nr. 3", "ca. 25"), where the sentence
/// splitter sees an end.
const ABBREVIATIONS: [&str; 9] = [
    "nr.", "ca.", "pct.", "kr.", "stk.", "jf.", "kl.", "pkt.", "s.",
];

/// The sentences of a paragraph, a one-word piece ("Ca.", "Bl.a.") or one
/// ending in an abbreviation joined to what follows it.
pub(super) fn sentences(paragraph: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for piece in split_sentences(paragraph) {
        if !pending.is_empty() {
            pending.push(' ');
        }
        pending.push_str(piece);
        let last_word = pending
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        if pending.split_whitespace().count() > 1 && !ABBREVIATIONS.contains(&last_word.as_str()) {
            out.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        out.push(pending);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_at_a_sentence_end_within_the_limit() {
        let text = "Første sætning er her. Anden sætning er noget længere end den første.";
        assert_eq!(
            whole_sentences([text], 40).as_deref(),
            Some("Første sætning er her.")
        );
        assert_eq!(whole_sentences([text], 400).as_deref(), Some(text));
    }

    #[test]
    fn a_sentence_saying_results_are_hard_to_measure_is_followed_by_the_next() {
        let text = "Resultaterne er vanskelige at måle. Den erfaring, der er opnået, er at brugerne ændrer deres mønstre. Mere.";
        assert_eq!(
            whole_sentences([text], 40).as_deref(),
            Some("Resultaterne er vanskelige at måle. Den erfaring, der er opnået, er at brugerne ændrer deres mønstre.")
        );
        let plain = "Resultaterne er gode og mange. Den erfaring, der er opnået, er at brugerne ændrer deres mønstre.";
        assert_eq!(
            whole_sentences([plain], 40).as_deref(),
            Some("Resultaterne er gode og mange.")
        );
    }

    #[test]
    fn a_long_first_sentence_is_kept_whole() {
        let text = "En meget lang sætning uden ende i sigte. Kort.";
        assert_eq!(
            whole_sentences([text], 10).as_deref(),
            Some("En meget lang sætning uden ende i sigte.")
        );
    }

    #[test]
    fn a_lead_in_goes_on_into_the_next_paragraph_or_is_dropped() {
        let first = "Det er begrænset, hvad der kan vises. Der er dog tegn på nogle tendenser:";
        let second = "Det er lykkedes at fastholde de unge brugere.";
        assert_eq!(
            whole_sentences([first, second], 400).as_deref(),
            Some(
                "Det er begrænset, hvad der kan vises. Der er dog tegn på nogle tendenser: \
                 Det er lykkedes at fastholde de unge brugere."
            )
        );
        assert_eq!(
            whole_sentences([first, second], 90).as_deref(),
            Some("Det er begrænset, hvad der kan vises.")
        );
        assert_eq!(whole_sentences(["Resultaterne er:"], 400), None);
    }

    #[test]
    fn only_the_first_paragraph_when_it_leads_into_nothing() {
        assert_eq!(
            whole_sentences(["Første afsnit.", "Andet afsnit."], 400).as_deref(),
            Some("Første afsnit.")
        );
    }

    #[test]
    fn an_abbreviation_stays_with_its_sentence() {
        assert_eq!(
            whole_sentences(["Ca. 25 pct. kommer i arbejde. Resten ikke."], 30).as_deref(),
            Some("Ca. 25 pct. kommer i arbejde.")
        );
        assert_eq!(
            whole_sentences(["Med småskrift nr. 3 ønsker Rådet at bidrage."], 10).as_deref(),
            Some("Med småskrift nr. 3 ønsker Rådet at bidrage.")
        );
    }
}
