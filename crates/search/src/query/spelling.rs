//! A misspelt word is read as the word meant before the query is built, so
//! everything after (synonyms, compounds, two words side by side, the
//! passage) works as if it had been typed right: "udlæninge i job" as
//! "udlændinge i job", "konttakt person" as "kontakt person".
//!
//! A word is misspelt when no page writes it, no page has its stem and the
//! synonym list does not hold it. What it is read as, the nearest first,
//! then the commonest:
//! - a word of the synonym list (readers' words the pages do not use,
//!   "junkie", "nydanskere"), by its letters or its stem;
//! - a word the pages write;
//! - a stem of the pages' text, for an inflection no page writes
//!   ("flygtnngene" for "flygtningene", whose stem the pages have), from
//!   words of 8+ letters, one edit away and beginning as the word typed does:
//!   a stem is shorter than its words, so as many edits change more of it
//!   ("tørlag" is not "forlag");
//! - failing all of those, a compound whose first part is known and whose
//!   rest, of 8+ letters, is misspelt ("eks|kriinelle" as "eks|kriminelle").

use super::fallback::wider_distance;
use super::parse::{in_synonym_runs, is_scaffolding};
use super::word::edit_distance_for;
use super::{known_compounds, ParsedQuery, Widening};
use crate::analysis::{analyze, analyze_unstemmed};
use crate::compounds::compound_leaves;
use crate::edits::{edit_distance, letter_edit_distance};
use crate::hit::RewriteKind;
use crate::lexicon::{Lexicon, Near};
use crate::stopwords::is_stop_word;

/// A misspelt word this long is also read by its stem.
const MIN_STEM_CORRECTED_CHARS: usize = 8;
/// The known first part of a misspelt compound, and its misspelt rest, are
/// at least this long: a rest as short as a word read as sure from one edit,
/// since a real compound with a shorter rest ("bænke|bidere") is as near a
/// word the pages write ("videre") as a slip is.
const MIN_HEAD_CHARS: usize = 3;
const MIN_REST_CHARS: usize = MIN_SURE_CHARS;
/// Readings as near as the likeliest kept beside it, weakly.
const MAX_ALTERNATIVES: usize = 2;

/// `parsed` with each misspelt word read as the word it most likely means;
/// each reading is noted for the reader.
pub(super) fn correct(
    parsed: &ParsedQuery,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> ParsedQuery {
    let mut corrected = parsed.clone();
    if widening.literal {
        return corrected;
    }
    let last = corrected.words.len().saturating_sub(1);
    for at in 0..corrected.words.len() {
        let word = corrected.words[at].clone();
        // A word still being typed is the start of a word, not a slip.
        let started = parsed.last_is_prefix && at == last;
        let distance = if widening.fallback {
            wider_distance(&word)
        } else {
            edit_distance_for(&word)
        };
        let Some(found) = correction(&word, distance, started, widening, lexicon) else {
            continue;
        };
        let mut readings = vec![found.best.clone()];
        readings.extend(found.others.iter().cloned());
        let confirmed = confirmed_by_neighbours(&corrected.words, at, &found.best, lexicon);
        let beside = if found.sure || confirmed || widening.fallback {
            widening.note_instead(RewriteKind::Spelling, &word, readings);
            corrected.words[at] = found.best;
            found.others
        } else {
            widening.note(RewriteKind::Spelling, &word, readings.clone());
            widening.kept_misspellings.insert(word);
            readings
        };
        if !beside.is_empty() {
            widening
                .spelling_alternatives
                .insert(corrected.words[at].clone(), beside);
        }
    }
    // A slip in a question's scaffolding ("hvofor") is scaffolding still,
    // left out unless the scaffolding is searched too.
    if widening.scaffolding {
        return corrected;
    }
    let analyzed: Vec<Vec<String>> = corrected.words.iter().map(|w| analyze(w)).collect();
    let in_member = in_synonym_runs(&analyzed, lexicon.synonyms());
    let content: Vec<String> = corrected
        .words
        .iter()
        .zip(in_member)
        .filter(|(word, in_member)| *in_member || !is_scaffolding(word))
        .map(|(word, _)| word.clone())
        .collect();
    if !content.is_empty() && content.len() < corrected.words.len() {
        corrected.last_is_prefix &= content.last() == corrected.words.last();
        corrected.words = content;
    }
    corrected
}

/// Does the reading make, with a word beside it, a compound the pages have
/// ("konakt person": "kontaktperson") or a phrase of the synonym list
/// ("psyisk syge": "psykisk syge")? Then the words around it confirm it.
fn confirmed_by_neighbours(
    words: &[String],
    at: usize,
    reading: &str,
    lexicon: &dyn Lexicon,
) -> bool {
    let mut read: Vec<String> = words.to_vec();
    read[at] = reading.to_string();
    let pairs = [
        at.checked_sub(1).map(|before| (before, at)),
        Some((at, at + 1)),
    ];
    let joined = pairs
        .into_iter()
        .flatten()
        .filter(|&(_, after)| after < read.len())
        .any(|(first, second)| !known_compounds(&read[first], &read[second], lexicon).is_empty());
    let analyzed: Vec<Vec<String>> = read.iter().map(|w| analyze(w)).collect();
    let synonyms = lexicon.synonyms();
    let in_phrase = (at.saturating_sub(MAX_PHRASE_WORDS - 1)..=at).any(|start| {
        synonyms
            .match_at(&analyzed, start)
            .is_some_and(|found| found.words >= 2 && start + found.words > at)
    });
    joined || in_phrase
}

/// The longest synonym-list phrase looked for around a misspelt word.
const MAX_PHRASE_WORDS: usize = 3;

/// A candidate reading of a misspelt word.
struct Candidate {
    word: String,
    edits: usize,
    /// The synonym list's words first, then the pages' by how many use them.
    rank: (u8, std::cmp::Reverse<u32>),
    /// Near the word as typed, letter by letter (not only by stems): the
    /// Danish word list holds every real word this near the pages' words.
    by_letters: bool,
}

/// What a misspelt word may mean: the likeliest reading, then any others as
/// near.
struct Correction {
    best: String,
    /// Readings as near as the best.
    others: Vec<String>,
    /// Sure enough to read the word as the best reading. Otherwise the word
    /// may be a real word the pages do not use ("ældre" is not "ændre"), so
    /// it is kept, and its readings only searched beside it, weakly.
    sure: bool,
}

/// A slip of one letter in a word this long is taken as sure.
const MIN_SURE_CHARS: usize = 8;

/// What `word` most likely means, if it is misspelt and something is near.
fn correction(
    word: &str,
    distance: u8,
    started: bool,
    widening: &Widening,
    lexicon: &dyn Lexicon,
) -> Option<Correction> {
    let [typed] = analyze_unstemmed(word).try_into().ok()?;
    let [stem] = analyze(word).try_into().ok()?;
    let known = lexicon.knows_word(&typed)
        || lexicon.knows_stem(&stem)
        || lexicon.synonyms().has_term(&stem);
    if known || distance == 0 || (started && !lexicon.words_starting_with(&typed).is_empty()) {
        return None;
    }
    if let Some(nearest) = nearest(&typed, &stem, distance, lexicon) {
        // A real Danish word is what the reader meant, not a slip, unless
        // the query found nothing as typed (the fallback reads every word as
        // a near one, so it need not ask). Asked only now: the list is
        // fetched when first needed.
        let danish = if widening.fallback {
            None
        } else if widening.words_are_danish {
            Some(true)
        } else {
            lexicon.is_danish(&typed)
        };
        if danish == Some(true) {
            return None;
        }
        let long = typed.chars().count() >= MIN_SURE_CHARS;
        // Not in the Danish word list, which holds every real word this
        // near the pages' words: a slip.
        let no_word = danish == Some(false) && nearest.by_letters;
        return Some(Correction {
            sure: nearest.listed || (nearest.edits == 1 && long) || no_word,
            best: nearest.best,
            others: nearest.others,
        });
    }
    if is_compound_of_known(word, lexicon) {
        return None;
    }
    misspelt_compound(word, lexicon).map(|reading| Correction {
        best: reading,
        others: Vec::new(),
        sure: false,
    })
}

/// Known words joined are a compound, not a slip: "langtid|ledige", and
/// with a function word first ("efter|behandling", "over|vægt"), which
/// compounds often begin with but which is never split off as a part, so
/// `compound_leaves` does not see it.
fn is_compound_of_known(word: &str, lexicon: &dyn Lexicon) -> bool {
    let known = |term: &str| lexicon.knows_stem(term);
    if compound_leaves(word, &known).is_some() {
        return true;
    }
    let letters: Vec<char> = word.chars().collect();
    let last_split = letters.len().saturating_sub(MIN_KNOWN_REST_CHARS);
    (MIN_FUNCTION_HEAD_CHARS..=last_split).any(|split| {
        let head: String = letters[..split].iter().collect();
        let rest: String = letters[split..].iter().collect();
        let function_word = matches!(analyze(&head).as_slice(), [term] if is_stop_word(term));
        function_word
            && (matches!(analyze(&rest).as_slice(), [term] if known(term))
                || compound_leaves(&rest, &known).is_some())
    })
}

/// The shortest function word a compound begins with ("ud|dannelse"), and
/// the shortest known word after it.
const MIN_FUNCTION_HEAD_CHARS: usize = 2;
const MIN_KNOWN_REST_CHARS: usize = 5;

/// The readings of a whole word, how far they are, and whether the best is
/// a word of the synonym list.
struct Nearest {
    best: String,
    others: Vec<String>,
    edits: usize,
    listed: bool,
    /// The best reading is near the word as typed, letter by letter.
    by_letters: bool,
}

/// The readings of a whole word from every source: the nearest (fewest
/// edits, the synonym list's words first, then the commonest), then up to
/// `MAX_ALTERNATIVES` others as near, to hedge a tie ("skve": "ske" and
/// "skive").
fn nearest(typed: &str, stem: &str, distance: u8, lexicon: &dyn Lexicon) -> Option<Nearest> {
    let mut candidates: Vec<Candidate> = Vec::new();
    for member in lexicon.synonyms().single_words() {
        let ([folded], [member_stem]) = (member.written.as_slice(), member.terms.as_slice()) else {
            continue;
        };
        let by_letters = letter_edit_distance(typed, folded);
        let edits = by_letters.min(edit_distance(stem, member_stem));
        if edits <= usize::from(distance) {
            candidates.push(Candidate {
                word: member.text.clone(),
                edits,
                rank: (0, std::cmp::Reverse(u32::MAX)),
                by_letters: by_letters == edits,
            });
        }
    }
    let page_word = |near: Near, word: String, by_letters: bool| Candidate {
        edits: usize::from(near.edits).min(letter_edit_distance(typed, &word)),
        word,
        rank: (1, std::cmp::Reverse(near.pages)),
        by_letters,
    };
    for near in lexicon.near_words(typed, distance) {
        let word = near.term.clone();
        candidates.push(page_word(near, word, true));
    }
    let stem_distance = if typed.chars().count() >= MIN_STEM_CORRECTED_CHARS {
        distance.min(1)
    } else {
        0
    };
    let first = stem.chars().next();
    for near in lexicon.near_stems(stem, stem_distance) {
        if near.term.chars().next() != first {
            continue;
        }
        // Read as the commonest word the pages write with that stem.
        let written = lexicon
            .words_starting_with(&near.term)
            .into_iter()
            .find(|word| analyze(word) == [near.term.as_str()]);
        if let Some(word) = written {
            candidates.push(page_word(near, word, false));
        }
    }
    candidates.sort_by_key(|a| (a.edits, a.rank));
    let best = candidates.first()?;
    let (edits, listed, by_letters) = (best.edits, best.rank.0 == 0, best.by_letters);
    let mut readings: Vec<String> = Vec::new();
    for candidate in candidates.into_iter().filter(|c| c.edits == edits) {
        let same_stem = readings
            .iter()
            .any(|r| analyze(r) == analyze(&candidate.word));
        if !same_stem && readings.len() <= MAX_ALTERNATIVES {
            readings.push(candidate.word);
        }
    }
    let mut readings = readings.into_iter();
    Some(Nearest {
        best: readings.next()?,
        others: readings.collect(),
        edits,
        listed,
        by_letters,
    })
}

/// A compound whose first part is a known word and whose rest is a
/// misspelling of one, or the other way about ("progresions|mål"): the
/// known part and the other's reading, joined.
fn misspelt_compound(word: &str, lexicon: &dyn Lexicon) -> Option<String> {
    let letters: Vec<char> = word.chars().collect();
    if letters.len() < MIN_HEAD_CHARS + MIN_REST_CHARS || !letters.iter().all(|c| c.is_alphabetic())
    {
        return None;
    }
    misspelt_rest(&letters, lexicon).or_else(|| misspelt_head(&letters, lexicon))
}

/// A known first part, then a misspelt rest.
fn misspelt_rest(letters: &[char], lexicon: &dyn Lexicon) -> Option<String> {
    // The longest known first part first: "invalide|pesionister" before "in|…".
    (MIN_HEAD_CHARS..=letters.len() - MIN_REST_CHARS)
        .rev()
        .find_map(|split| {
            let head: String = letters[..split].iter().collect();
            let rest: String = letters[split..].iter().collect();
            if !is_known_part(&head, lexicon) {
                return None;
            }
            Some(format!("{head}{}", reading_of_part(&rest, lexicon)?))
        })
}

/// A misspelt first part, as long as a word read as sure from one slip,
/// then a known last part: the longest such last part first. A linking
/// "s" stays where it was typed ("progresion|s|mål").
fn misspelt_head(letters: &[char], lexicon: &dyn Lexicon) -> Option<String> {
    (MIN_REST_CHARS..=letters.len() - MIN_HEAD_CHARS).find_map(|split| {
        let head: String = letters[..split].iter().collect();
        let rest: String = letters[split..].iter().collect();
        if !is_known_part(&rest, lexicon) {
            return None;
        }
        let (unlinked, link) = match head.strip_suffix('s') {
            Some(unlinked) if unlinked.chars().count() >= MIN_REST_CHARS => (unlinked, "s"),
            _ => (head.as_str(), ""),
        };
        Some(format!(
            "{}{link}{rest}",
            reading_of_part(unlinked, lexicon)?
        ))
    })
}

/// Is this part of a compound one word whose stem the pages write?
fn is_known_part(part: &str, lexicon: &dyn Lexicon) -> bool {
    matches!(analyze(part).as_slice(), [term] if lexicon.knows_stem(term))
}

/// The nearest reading of a part of a compound that no page writes, as
/// typed or by its stem; `None` when the pages write it or nothing is near.
fn reading_of_part(part: &str, lexicon: &dyn Lexicon) -> Option<String> {
    let [typed] = analyze_unstemmed(part).try_into().ok()?;
    let [stem] = analyze(part).try_into().ok()?;
    if lexicon.knows_word(&typed) || lexicon.knows_stem(&stem) {
        return None;
    }
    Some(nearest(&typed, &stem, edit_distance_for(part), lexicon)?.best)
}

#[cfg(test)]
#[path = "spelling_tests.rs"]
mod tests;
