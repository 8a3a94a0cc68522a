//! Danish stop words (the Snowball list), compared after analysis so that
//! query words and list agree however they are spelt.

use std::sync::OnceLock;

use crate::analysis::analyze;

const STOP_WORDS: &str = "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan uden";

fn analyzed() -> &'static Vec<String> {
    static TERMS: OnceLock<Vec<String>> = OnceLock::new();
    TERMS.get_or_init(|| analyze(STOP_WORDS))
}

/// Is this analyzed term a stop word?
pub fn is_stop_word(term: &str) -> bool {
    analyzed().iter().any(|t| t == term)
}

/// The scaffolding of a question in plain Danish ("hvordan", "hvad virker
/// for", "kan man", "får man", "hvilke tilbud findes"): words that say a
/// question is asked, not what it is about. Taken out of the words a page
/// must match (the index keeps them) and counted only a little, so the page
/// about the content words ranks first, not a page sharing the scaffolding.
/// "folk" is the everyday head of "folk med …", "folk der …": it says people
/// are meant, not which (docs/ranking.md, eighteenth round).
const QUESTION_WORDS: &str = "hvordan hvorfor hvornår hvilke hvilken hvilket hvem virker virke fungerer kan får gør findes bruges folk";

fn question_terms() -> &'static Vec<String> {
    static TERMS: OnceLock<Vec<String>> = OnceLock::new();
    TERMS.get_or_init(|| analyze(QUESTION_WORDS))
}

/// Is this analyzed term the scaffolding of a question?
pub fn is_question_word(term: &str) -> bool {
    question_terms().iter().any(|t| t == term)
}

/// How readers ask for pages about something rather than name it: a word
/// and the preposition after it ("læse om", "eksempler på", "erfaringer
/// med"). Followed by what the reader wants, the word is scaffolding: every
/// page here is an example, an experience or something to read.
const REQUEST_PHRASES: [&str; 14] = [
    "læse om",
    "læs om",
    "eksempler på",
    "eksempel på",
    "erfaringer med",
    "erfaring med",
    "viden om",
    "information om",
    "informationer om",
    "materiale om",
    "noget om",
    "mere om",
    // "hvad ved man om …": the verb "vide", not the preposition "ved".
    "ved man",
    "ved vi",
];

fn request_phrases() -> &'static Vec<Vec<String>> {
    static TERMS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    // `analyze` keeps stop words ("om", "på"), as the index does.
    TERMS.get_or_init(|| REQUEST_PHRASES.iter().map(|p| analyze(p)).collect())
}

/// Do the analyzed words `next` (a word and the one after it) ask for pages
/// about what follows them ("eksempler på …")?
pub fn is_request(word: &[String], next: &[String]) -> bool {
    let pair: Vec<&String> = word.iter().chain(next).collect();
    request_phrases()
        .iter()
        .any(|phrase| phrase.iter().eq(pair.iter().copied()))
}

/// Is this analyzed term a stop word or the scaffolding of a question?
pub fn is_query_filler(term: &str) -> bool {
    is_stop_word(term) || is_question_word(term)
}
