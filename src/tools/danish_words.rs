//! `curation/danish-near-words.txt`: the Danish word forms the search could
//! take for a slip. A word no page writes is read as the word meant when it
//! is a few edits from one the pages write ("flygninge": "flygtninge"); a
//! real word that near ("ældre", one edit from "ændre") is what the reader
//! meant. The list holds the forms of the Danish dictionary (Debian's
//! wdanish: the word forms of Stavekontrolden's dictionary, which
//! hunspell-da ships) of 5+ letters within the search's own correction
//! distance (`edit_distance_for`, `edit_distance`, both folded by
//! `fold_danish`) of a word of sources/, content/ or the synonym list, and
//! not written there. The build reads the committed list and needs no
//! dictionary; `praksis danish-words` writes it, and with `--check` (run by
//! `./x test`) fails when it is not what the pages give now.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use praksis_search::{edit_distance, edit_distance_for, fold_danish};

use crate::curation::{load_toml, SynonymLists, DANISH_NEAR_WORDS_FILE, SYNONYMS_FILE};
use crate::error::Error;
use crate::files::files_under;
use crate::pipeline::Project;

/// Where Debian's wdanish puts the dictionary's word forms.
pub const DEFAULT_DICTIONARY: &str = "/usr/share/dict/danish";

/// Words of the project shorter than this are not compared.
const MIN_WRITTEN_CHARS: usize = 3;

/// A token with this many hexadecimal digits in a row is a hash, not text.
const HASH_MIN_HEX_DIGITS: usize = 16;

const HEADER: &str = "\
# Danish word forms near the words of sources/, content/ and curation/synonyms.toml,
# not written there: real words the search must not read as slips.
# From wdanish (DSDO / Stavekontrolden, the dictionary of hunspell-da;
# GPL-2 / LGPL-2.1 / MPL-1.1). One lower-case word a line. Regenerate
# with `praksis danish-words` after adding a source or synonyms.
";

/// The list's path in `project`.
pub fn list_path(project: &Project) -> PathBuf {
    project.curation().join(DANISH_NEAR_WORDS_FILE)
}

/// The list's text, from the dictionary at `dictionary` and the words the
/// project writes.
pub fn near_words_text(project: &Project, dictionary: &Path) -> Result<String, Error> {
    let (written, known) = written_words(project)?;
    let dictionary_text =
        fs::read_to_string(dictionary).map_err(|err| Error::io(dictionary, err))?;
    let mut text = HEADER.to_string();
    for word in near_words(&written, &known, dictionary_text.lines()) {
        text.push_str(&word);
        text.push('\n');
    }
    Ok(text)
}

/// The dictionary's `words` near the `written` ones (folded) and not
/// `known` to the search, sorted.
fn near_words<'a>(
    written: &HashSet<String>,
    known: &HashSet<String>,
    words: impl Iterator<Item = &'a str>,
) -> BTreeSet<String> {
    // Two deletions reach every word within two edits of a word of 7+
    // letters, the shortest a word of 9+ letters is two edits from.
    let mut by_deletion: HashMap<String, Vec<&str>> = HashMap::new();
    for word in written {
        let times = if word.chars().count() >= 7 { 2 } else { 1 };
        for deleted in deletions(word, times) {
            by_deletion.entry(deleted).or_default().push(word);
        }
    }
    let mut near = BTreeSet::new();
    for line in words {
        let word = line.trim().to_lowercase();
        if word.is_empty() || !word.chars().all(is_letter) {
            continue;
        }
        let folded = fold_danish(&word);
        // The folded length: never shorter than the word typed, so the list
        // holds every word the search could read (and a few more).
        let edits = edit_distance_for(&folded);
        if edits == 0 || known.contains(&folded) {
            continue;
        }
        let is_near = deletions(&folded, usize::from(edits))
            .iter()
            .filter_map(|deleted| by_deletion.get(deleted))
            .flatten()
            .any(|candidate| edit_distance(&folded, candidate) <= usize::from(edits));
        if is_near {
            near.insert(word);
        }
    }
    near
}

/// A letter, as a word of the project is made of them.
fn is_letter(ch: char) -> bool {
    ch.is_alphabetic()
}

/// `word` and every string up to `times` letters shorter made by deleting letters.
fn deletions(word: &str, times: usize) -> HashSet<String> {
    let mut found = HashSet::from([word.to_string()]);
    let mut frontier = found.clone();
    for _ in 0..times {
        frontier = frontier
            .iter()
            .flat_map(|word| {
                let letters: Vec<char> = word.chars().collect();
                (0..letters.len())
                    .map(move |at| {
                        let mut shorter = letters.clone();
                        shorter.remove(at);
                        shorter.into_iter().collect::<String>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        found.extend(frontier.iter().cloned());
    }
    found
}

/// Every word of 3+ letters the sources, the pages and the synonym list
/// write, folded; and of those, the ones the search knows as words: the
/// pages' and the synonym list's one-word members. A word only the sources
/// write, or only inside a member of several words ("mødre" of "enlige
/// mødre"), is no word the index holds, so the list must name it if it is
/// a real one.
fn written_words(project: &Project) -> Result<(HashSet<String>, HashSet<String>), Error> {
    let mut written = HashSet::new();
    for file in files_ending(&project.sources(), ".txt")? {
        let text = fs::read_to_string(&file).map_err(|err| Error::io(&file, err))?;
        add_words(&text, &mut written);
    }
    let mut known = HashSet::new();
    for file in files_ending(&project.content(), ".md")? {
        let text = fs::read_to_string(&file).map_err(|err| Error::io(&file, err))?;
        add_words(&text, &mut known);
    }
    // The synonym groups' words, not the file's comments: a comment is
    // edited for its readers and must not change what the search reads.
    let synonyms: SynonymLists = load_toml(&project.curation().join(SYNONYMS_FILE))?;
    let lists = [&synonyms.groups, &synonyms.related, &synonyms.narrower];
    for member in lists.into_iter().flatten().flatten() {
        if member.contains(char::is_whitespace) {
            add_words(member, &mut written);
        } else {
            add_words(member, &mut known);
        }
    }
    written.extend(known.iter().cloned());
    Ok((written, known))
}

/// Adds `text`'s words of [`MIN_WRITTEN_CHARS`] letters or more, folded,
/// leaving out content hashes (a page's `generated = "ff09…"`), whose
/// letter runs are no words and change with every rebuild.
fn add_words(text: &str, written: &mut HashSet<String>) {
    for token in text.split_whitespace().filter(|t| !is_hash(t)) {
        let lower = token.to_lowercase();
        for word in lower.split(|ch: char| !is_letter(ch)) {
            if word.chars().count() >= MIN_WRITTEN_CHARS {
                written.insert(fold_danish(word));
            }
        }
    }
}

/// Holds a run of [`HASH_MIN_HEX_DIGITS`] hexadecimal digits or more.
fn is_hash(token: &str) -> bool {
    let mut run = 0;
    for ch in token.chars() {
        run = if ch.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= HASH_MIN_HEX_DIGITS {
            return true;
        }
    }
    false
}

/// The files under `dir` (at any depth) whose names end with `suffix`.
fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, Error> {
    Ok(files_under(dir)?
        .into_iter()
        .filter(|(relative, _)| relative.ends_with(suffix))
        .map(|(_, path)| path)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| fold_danish(w)).collect()
    }

    #[test]
    fn lists_real_words_as_near_as_the_search_reads_and_no_others() {
        let written = written(&["ændre", "spiller", "behandlingen"]);
        let dictionary = [
            "Ældre",
            "piller",
            "sprog",
            "behandlinger",
            "ændre",
            "hus",
            "bog",
        ];
        let near: Vec<String> = near_words(&written, &written, dictionary.into_iter())
            .into_iter()
            .collect();
        // "ældre" and "piller" are one edit from words the pages write, and
        // "behandlinger" (12 letters) two; "sprog" is not near, "ændre" is
        // written, and words under 5 letters are never read as another.
        assert_eq!(near, ["behandlinger", "piller", "ældre"]);
    }

    #[test]
    fn a_word_written_where_the_search_does_not_know_it_is_listed() {
        // "mødre" is written only inside "enlige mødre", a synonym of several
        // words: the index knows "møde", not "mødre", which is a real word.
        let written = written(&["møde", "enlige", "mødre"]);
        let known = HashSet::from([fold_danish("møde")]);
        let near = near_words(&written, &known, ["mødre", "møde"].into_iter());
        assert_eq!(near.into_iter().collect::<Vec<_>>(), ["mødre"]);
    }

    #[test]
    fn deletions_reach_as_far_as_asked() {
        let once = deletions("abc", 1);
        assert_eq!(once.len(), 4);
        assert!(deletions("abc", 2).contains("a"));
        assert!(!once.contains("a"));
    }

    #[test]
    fn hashes_are_not_words() {
        let mut words = HashSet::new();
        add_words(
            "generated = \"ff099a73b77b658fe069c500ac92dd71d7e942ae97c3dd4842df89c779085cfc\"\n\
             ledige i Byen København",
            &mut words,
        );
        assert_eq!(
            words,
            written(&["generated", "ledige", "byen", "københavn"])
        );
    }
}
