//! What a course contains: the kinds of effort (job club, internal work
//! training, company placement …) a case record's own fields name. Read
//! from the fields about what was done (internal activities, other efforts,
//! placement), never from its purpose, which names what was hoped for.

use super::record::CaseRecord;
use crate::tagging::{split_sentences, words};

/// Kinds of effort, and the words that name one in a sentence. A word
/// matches at the start of a word ("jobklub" finds "Jobklubben", not
/// "coachingsamtaler" for "samtale").
pub const ELEMENTS: [(&str, &[&str]); 9] = [
    ("Jobklub", &["jobklub"]),
    (
        "Samtaler med kontaktperson eller coach",
        // "Samtaler" alone are as often job interviews ("jobsamtaler").
        &[
            "individuelle samtaler",
            "ugentlige samtaler",
            "enesamtale",
            "samtaleforløb",
            "coachingsamtale",
            "coaching",
        ],
    ),
    ("Intern træningsbane", &["træningsbane", "handyteam"]),
    (
        "Virksomhedspraktik",
        // "praktikken", "praktikens": a record's later words for its
        // placement ("udeblev fra praktikken").
        &["virksomhedspraktik", "praktikken", "praktikens"],
    ),
    (
        "Job med løntilskud",
        &[
            "løntilskudsjob",
            "løntilskudsstilling",
            "ansat i løntilskud",
        ],
    ),
    ("Småjob", &["småjob"]),
    ("Fastholdelsesmentor", &["fastholdelsesmentor"]),
    (
        "Hjælp til socialt frikort",
        &["socialt frikort", "sociale frikort"],
    ),
    (
        "Hjælp med bolig",
        // Not "bolig" alone: a record also says where someone lives.
        &[
            "hjemløseenhed",
            "opskrivning til bolig",
            "opskrevet til bolig",
            "handicapbolig",
            "lejlighed",
        ],
    ),
];

/// Words that make a sentence say something did not happen ("Der blev ikke
/// etableret virksomhedspraktik") or was only a plan ("Det var tanken, at
/// …"): such a sentence counts for nothing.
const NOT_DONE: [&str; 3] = ["ikke", "aldrig", "tanken"];

/// An agreement that someone could do something ("blev det aftalt med
/// arbejdsgiver, at K1 kunne overgå til løntilskudsjob") is a plan: K1 then
/// left the placement and never started the job. Words of agreement count
/// only beside "kunne"; "blev det aftalt, at K2 arbejdede hjemmefra" was done.
const AGREED: [&str; 3] = ["aftalt", "aftale", "aftalen"];

/// The kinds of effort `case` names, in [`ELEMENTS`] order.
pub fn elements_of(case: &CaseRecord) -> Vec<&'static str> {
    let fields = [
        &case.internal_activities,
        &case.social_intervention,
        &case.work_placement,
    ];
    let sentences: Vec<String> = fields
        .iter()
        .filter_map(|field| field.as_deref())
        .flat_map(split_sentences)
        .map(str::to_lowercase)
        .filter(|s| !names_no_effort(s))
        .collect();
    named_in(&ELEMENTS, &sentences)
}

/// Whether `sentence` says something did not happen or was only a plan
/// (one of [`NOT_DONE`] as a word, in any case).
pub(super) fn says_not_done(sentence: &str) -> bool {
    has_word(sentence, &NOT_DONE)
}

/// Whether `sentence` names no effort done: [`says_not_done`], or an
/// agreement ([`AGREED`] beside "kunne"). An agreement is no effort, but
/// neither does it gainsay an outcome ("en aftale med arbejdsgiver om at K5
/// kunne overgå til en varig fuldtidsstilling"): it is no caveat.
fn names_no_effort(sentence: &str) -> bool {
    says_not_done(sentence) || (has_word(sentence, &AGREED) && has_word(sentence, &["kunne"]))
}

/// Whether one of `list` (lower case) is a word of `sentence`, in any case.
fn has_word(sentence: &str, list: &[&str]) -> bool {
    words(sentence).iter().any(|w| list.contains(&w.as_str()))
}

/// The labels of `kinds` whose words start a word of one of `sentences`
/// (lower case), in `kinds` order.
pub(super) fn named_in(
    kinds: &[(&'static str, &[&str])],
    sentences: &[String],
) -> Vec<&'static str> {
    kinds
        .iter()
        .filter(|(_, words)| {
            sentences
                .iter()
                .any(|s| words.iter().any(|w| has_word_start(s, w)))
        })
        .map(|(label, _)| *label)
        .collect()
}

/// Whether `word` starts a word of `text` (both lower case).
fn has_word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        before.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(internal: &str, social: &str, placement: &str) -> CaseRecord {
        CaseRecord {
            purpose: Some("Virksomhedspraktik og småjob.".into()),
            internal_activities: Some(internal.into()),
            social_intervention: Some(social.into()),
            work_placement: Some(placement.into()),
            ..CaseRecord::default()
        }
    }

    #[test]
    fn names_what_was_done_not_what_was_hoped_or_did_not_happen() {
        let found = elements_of(&case(
            "K1 var tilknyttet Jobklubben og intern træningsbane (Folkekøkkenet).",
            "K1 fik hjælp til at søge socialt frikort. Hjemløseenheden har været inddraget. \
             Det var tanken, at K1 skulle i småjob.",
            "Der blev ikke etableret virksomhedspraktik eller småjob i forløbet. \
             Det blev aftalt med arbejdsgiver, at K1 kunne overgå til løntilskudsjob.",
        ));
        assert_eq!(
            found,
            [
                "Jobklub",
                "Intern træningsbane",
                "Hjælp til socialt frikort",
                "Hjælp med bolig"
            ]
        );
    }

    #[test]
    fn a_word_matches_only_at_the_start_of_a_word() {
        let found = elements_of(&case(
            "K5 var til flere jobsamtaler.",
            "",
            "K2 startede i 13 ugers virksomhedspraktik.",
        ));
        assert_eq!(found, ["Virksomhedspraktik"]);
        let found = elements_of(&case(
            "Individuelle samtaler med kontaktperson. Forberedelse til samtalerne.",
            "",
            "",
        ));
        assert_eq!(found, ["Samtaler med kontaktperson eller coach"]);
    }
}
