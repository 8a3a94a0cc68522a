//! Repairs text that lost its æ, ø and å in extraction ("Forml" for "Formål").
//!
//! A damaged block has no æ/ø/å at all yet several words that are unknown to
//! the undamaged text and become known words when æ/ø/å are put back. The
//! damaged region of a document runs from its first to its last damaged block
//! (damage may start mid-paragraph); inside it, every unknown word with such a
//! known form is repaired. Words the vocabulary cannot decide are settled in
//! `curation/repairs.toml`. Text outside damaged regions, and words the
//! vocabulary knows, are never touched.

use std::collections::{BTreeSet, HashMap};

use super::document::Document;
use crate::curation::RepairCuration;

/// Shorter unknown words are repaired only to a known word of the same skeleton.
const MIN_INFLECTED_LETTERS: usize = 4;
/// Each part of a compound has at least this many letters.
const MIN_PART_LETTERS: usize = 3;

/// A block needs this many distinct repairable words to count as damaged.
const MIN_DAMAGED_WORDS: usize = 2;

/// One word changed in the published text.
#[derive(Clone, Debug, PartialEq)]
pub struct Repair {
    pub file: String,
    pub line: usize,
    pub from: String,
    pub to: String,
}

fn has_danish_letters(text: &str) -> bool {
    text.chars().any(|c| "æøåÆØÅ".contains(c))
}

/// The word with æ, ø and å taken out: what extraction left of it.
pub fn skeleton(lowercase: &str) -> String {
    lowercase.chars().filter(|c| !"æøå".contains(*c)).collect()
}

fn stem(word: &str) -> Option<String> {
    praksis_search::danish_stem(word)
}

fn is_vowel(c: char) -> bool {
    "aeiouyæøå".contains(c)
}

/// `word` with one æ, ø or å inserted where Danish puts them: not next to
/// another vowel ("timers" must not become "timeårs").
fn with_one_letter_back(word: &str) -> impl Iterator<Item = String> + '_ {
    let boundaries: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .filter(|&at| {
            let before = word[..at].chars().next_back();
            let after = word[at..].chars().next();
            !before.is_some_and(is_vowel) && !after.is_some_and(is_vowel)
        })
        .collect();
    boundaries.into_iter().flat_map(move |at| {
        ['æ', 'ø', 'å'].map(|letter| format!("{}{letter}{}", &word[..at], &word[at..]))
    })
}

/// Alphabetic words of `text`, lower-cased.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
}

/// The words of `text` but dotted abbreviations ("p.g.a.", "m.h.p."),
/// whose letters are no words: "g" of "p.g.a." must not make "at g til
/// samtaler" look undamaged.
fn without_abbreviations(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().filter(|token| {
        let inner = token.trim_end_matches(['.', ',', ';', ':', ')']);
        let chars: Vec<char> = inner.chars().collect();
        !chars
            .windows(3)
            .any(|w| w[0].is_alphabetic() && w[1] == '.' && w[2].is_alphabetic())
    })
}

/// Word counts of undamaged text, and which words with æ/ø/å share a skeleton.
#[derive(Debug, Default)]
pub struct Vocabulary {
    counts: HashMap<String, usize>,
    by_skeleton: HashMap<String, Vec<String>>,
    /// Danish stems of the known words, so inflected forms count as known.
    stems: HashMap<String, usize>,
}

impl Vocabulary {
    pub fn from_texts<'a>(texts: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for word in texts.flat_map(without_abbreviations).flat_map(words) {
            *vocabulary.counts.entry(word).or_default() += 1;
        }
        for (word, count) in &vocabulary.counts {
            if let Some(stem) = stem(word) {
                *vocabulary.stems.entry(stem).or_default() += count;
            }
            if has_danish_letters(word) {
                let forms = vocabulary.by_skeleton.entry(skeleton(word)).or_default();
                forms.push(word.clone());
            }
        }
        vocabulary
    }

    pub fn knows(&self, lowercase: &str) -> bool {
        self.counts.contains_key(lowercase)
    }

    /// The most likely known word that `lowercase` is a damaged form of: a
    /// known word with the same skeleton, else an inflection or compound of
    /// known words with one æ, ø or å put back.
    pub fn repaired_form(&self, lowercase: &str) -> Option<String> {
        let exact = self.by_skeleton.get(lowercase).and_then(|forms| {
            forms
                .iter()
                .max_by(|a, b| self.counts[*a].cmp(&self.counts[*b]).then(b.cmp(a)))
        });
        if let Some(word) = exact {
            return Some(word.clone());
        }
        if lowercase.chars().count() < MIN_INFLECTED_LETTERS {
            return None;
        }
        with_one_letter_back(lowercase)
            .filter_map(|candidate| Some((self.inflection_or_compound(&candidate)?, candidate)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(_, candidate)| candidate)
    }

    /// How often the stem of `word` (or of its last part) occurs, if at all.
    fn inflection_or_compound(&self, word: &str) -> Option<usize> {
        if let Some(&count) = stem(word).and_then(|s| self.stems.get(&s)) {
            return Some(count);
        }
        let chars: Vec<char> = word.chars().collect();
        (MIN_PART_LETTERS..chars.len().saturating_sub(MIN_PART_LETTERS - 1))
            .filter_map(|split| {
                let head: String = chars[..split].iter().collect();
                let tail: String = chars[split..].iter().collect();
                let head_known = self.knows(&head)
                    || head.strip_suffix(['s', 'e']).is_some_and(|h| self.knows(h));
                let tail_count = stem(&tail).and_then(|s| self.stems.get(&s))?;
                head_known.then_some(*tail_count)
            })
            .max()
    }

    fn repairable(&self, lowercase: &str) -> bool {
        !self.knows(lowercase) && self.repaired_form(lowercase).is_some()
    }
}

/// Finds damaged regions in `documents` and repairs them in place.
pub fn repair_documents(documents: &mut [Document], curation: &RepairCuration) -> Vec<Repair> {
    let undamaged = Vocabulary::from_texts(
        all_blocks(documents)
            .filter(|text| has_danish_letters(text))
            .map(String::as_str),
    );
    let regions: Vec<Option<(usize, usize)>> = documents
        .iter()
        .map(|document| damaged_region(document, &undamaged, curation))
        .collect();
    let vocabulary = Vocabulary::from_texts(documents.iter().zip(&regions).flat_map(
        |(document, region)| {
            document
                .blocks
                .iter()
                .enumerate()
                .filter(move |(i, _)| !region.is_some_and(|(a, b)| (a..=b).contains(i)))
                .map(|(_, block)| block.text.as_str())
        },
    ));
    let mut repairs = Vec::new();
    for (document, region) in documents.iter_mut().zip(regions) {
        let Some((first, last)) = region else {
            continue;
        };
        for block in &mut document.blocks[first..=last] {
            let repaired = repair_text(&block.text, &vocabulary, curation, |from, to| {
                repairs.push(Repair {
                    file: document.source.clone(),
                    line: block.first_line,
                    from: from.to_string(),
                    to: to.to_string(),
                })
            });
            block.text = repaired;
        }
    }
    repairs
}

fn all_blocks(documents: &[Document]) -> impl Iterator<Item = &String> {
    documents
        .iter()
        .flat_map(|d| d.blocks.iter().map(|b| &b.text))
}

/// First and last damaged block of a document, widened over neighbouring
/// blocks with repairable words: damage may begin or end mid-paragraph.
fn damaged_region(
    document: &Document,
    vocabulary: &Vocabulary,
    curation: &RepairCuration,
) -> Option<(usize, usize)> {
    let repairable = |text: &str| -> BTreeSet<String> {
        words(text)
            .filter(|w| vocabulary.repairable(w) || curation.words.contains_key(w))
            .collect()
    };
    let blocks = &document.blocks;
    let damaged: Vec<usize> = (0..blocks.len())
        .filter(|&i| {
            !has_danish_letters(&blocks[i].text)
                && repairable(&blocks[i].text).len() >= MIN_DAMAGED_WORDS
        })
        .collect();
    let (mut first, mut last) = (*damaged.first()?, *damaged.last()?);
    while first > 0 && !repairable(&blocks[first - 1].text).is_empty() {
        first -= 1;
    }
    while last + 1 < blocks.len() && !repairable(&blocks[last + 1].text).is_empty() {
        last += 1;
    }
    Some((first, last))
}

/// Rewrites the repairable words of `text`, reporting each change.
fn repair_text(
    text: &str,
    vocabulary: &Vocabulary,
    curation: &RepairCuration,
    mut report: impl FnMut(&str, &str),
) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !chars[j].is_alphanumeric())
            .unwrap_or(chars.len());
        let word: String = chars[i..end].iter().collect();
        // "p.t.", "m.h.p.": letters of an abbreviation are not damaged words.
        let abbreviation = (chars.get(end) == Some(&'.')
            && chars.get(end + 1).is_some_and(|c| c.is_alphabetic()))
            || (i >= 2 && chars[i - 1] == '.' && chars[i - 2].is_alphabetic());
        let replacement = (!abbreviation)
            .then(|| repaired_word(&word, vocabulary, curation))
            .flatten();
        match replacement {
            Some(repaired) => {
                report(&word, &repaired);
                out.push_str(&repaired);
            }
            None => out.push_str(&word),
        }
        i = end;
    }
    out
}

fn repaired_word(word: &str, vocabulary: &Vocabulary, curation: &RepairCuration) -> Option<String> {
    if !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let lower = word.to_lowercase();
    if curation.keep.contains(&lower) {
        return None;
    }
    let repaired = match curation.words.get(&lower) {
        Some(curated) => curated.clone(),
        None if !vocabulary.knows(&lower) => vocabulary.repaired_form(&lower)?,
        None => return None,
    };
    Some(match_case(word, &repaired))
}

/// "Forml" + "formål" → "Formål".
fn match_case(original: &str, repaired: &str) -> String {
    let capitalised = original.chars().next().is_some_and(char::is_uppercase);
    if !capitalised {
        return repaired.to_string();
    }
    let mut chars = repaired.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::from_texts(
            [
                "Formål med forløbet på Lokalværdi. Et forløb for mange, på stedet.",
                "for og med",
            ]
            .into_iter(),
        )
    }

    #[test]
    fn repairs_unknown_words_to_their_known_form() {
        let curation = RepairCuration::default();
        let mut changes = Vec::new();
        let text = repair_text(
            "Forml med forlbet p Lokalvrdi for alle.",
            &vocabulary(),
            &curation,
            |a, b| changes.push(format!("{a}→{b}")),
        );
        assert_eq!(text, "Formål med forløbet på Lokalværdi for alle.");
        assert_eq!(
            changes,
            [
                "Forml→Formål",
                "forlbet→forløbet",
                "p→på",
                "Lokalvrdi→Lokalværdi"
            ]
        );
    }

    #[test]
    fn leaves_known_words_abbreviations_and_kept_words_alone() {
        let mut curation = RepairCuration::default();
        curation.keep.push("forml".into());
        let text = repair_text("Forml m.p. for", &vocabulary(), &curation, |_, _| {});
        assert_eq!(text, "Forml m.p. for");
    }

    #[test]
    fn letters_of_an_abbreviation_are_no_known_words() {
        // The 2022 report's K7 (sources/002) and the catalogue's "p.g.a.".
        let vocabulary = Vocabulary::from_texts(
            ["Det skyldes p.g.a. flytning, at de skal gå hjem."].into_iter(),
        );
        assert!(!vocabulary.knows("g"));
        let text = repair_text(
            "at g til samtaler",
            &vocabulary,
            &RepairCuration::default(),
            |_, _| {},
        );
        assert_eq!(text, "at gå til samtaler");
    }
}
