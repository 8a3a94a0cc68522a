//! Other inflections of a word no page writes: the Snowball stemmer leaves
//! many Danish verb forms apart ("truer", "truede" and "truende" keep three
//! stems), so a reader typing "truer" would miss the page that writes
//! "opførte sig truende". A word whose stem the index lacks is also looked
//! for with its ending swapped for the other endings of Danish verbs and
//! nouns, as far as the index has them.

use crate::analysis::analyze;
use crate::lexicon::Lexicon;

/// Endings taken off, longest first.
const ENDINGS: [&str; 12] = [
    "ende", "ede", "ene", "ers", "er", "et", "te", "es", "e", "r", "t", "s",
];
/// Endings put on the word without its own.
const OTHER_ENDINGS: [&str; 11] = [
    "", "e", "er", "ede", "ende", "et", "te", "t", "es", "s", "ene",
];
/// What is left without the ending is a word, not a syllable.
const MIN_BASE_CHARS: usize = 3;
/// How many other inflections are searched at most.
const MAX_INFLECTIONS: usize = 3;

/// The other inflections of `word` (lower-case, one analyzed term `stem`)
/// whose stems the index has: each as written, with its stem.
pub(super) fn other_inflections(
    word: &str,
    stem: &str,
    lexicon: &dyn Lexicon,
) -> Vec<(String, String)> {
    let Some(base) = ENDINGS.iter().find_map(|ending| {
        word.strip_suffix(ending)
            .filter(|base| base.chars().count() >= MIN_BASE_CHARS)
    }) else {
        return Vec::new();
    };
    let mut found: Vec<(String, String)> = Vec::new();
    for ending in OTHER_ENDINGS {
        let form = format!("{base}{ending}");
        let Ok([term]) = <[String; 1]>::try_from(analyze(&form)) else {
            continue;
        };
        if term != stem && lexicon.knows_stem(&term) && found.iter().all(|(_, t)| *t != term) {
            found.push((form, term));
        }
        if found.len() == MAX_INFLECTIONS {
            break;
        }
    }
    found
}
