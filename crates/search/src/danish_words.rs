//! Real Danish words near the pages' words, from Hunspell's Danish
//! dictionary (`curation/danish-near-words.txt`): a word no page writes is
//! read as a slip for a near word the pages do write ("flygninge":
//! "flygtninge") only when it is no Danish word itself ("ældre" is not a
//! slip for "ændre", "piller" not for "spiller").
//!
//! The list is only needed when a typed word is unknown to the pages, so it
//! is not part of what the engine opens with: its words, folded and sorted,
//! are cut into blocks of one chunk each (`danish-words.txt`), and a small
//! file read when the engine opens (`danish-words-blocks.txt`) names each
//! block's first word. Asking for a word reads its one block, which the
//! browser fetches as one chunk the first time.

use std::path::Path;

use tantivy::Directory;

use crate::chunks::CHUNK_BYTES;
use crate::error::SearchError;
use crate::fold::fold_danish;

pub const DANISH_WORDS_FILE: &str = "danish-words.txt";
pub const DANISH_WORD_BLOCKS_FILE: &str = "danish-words-blocks.txt";

/// The first word of each block of [`DANISH_WORDS_FILE`], and the block size.
#[derive(Clone, Debug, Default)]
pub(crate) struct DanishWords {
    block_bytes: usize,
    firsts: Vec<String>,
}

impl DanishWords {
    /// The two files for `words` (as written, any case): the blocks and
    /// their first words. Each block holds whole lines and is padded with
    /// newlines to [`CHUNK_BYTES`], so one block is one chunk.
    pub fn file_bytes(words: &[String]) -> (Vec<u8>, Vec<u8>) {
        let block_bytes = CHUNK_BYTES as usize;
        let mut folded: Vec<String> = words
            .iter()
            .map(|word| fold_danish(&word.to_lowercase()))
            .filter(|word| !word.is_empty() && word.len() < block_bytes)
            .collect();
        folded.sort();
        folded.dedup();
        let mut blocks: Vec<u8> = Vec::new();
        let mut firsts = vec![block_bytes.to_string()];
        let mut block_start = 0;
        for word in &folded {
            let line = word.len() + 1;
            if firsts.len() == 1 || blocks.len() + line > block_start + block_bytes {
                if firsts.len() > 1 {
                    blocks.resize(block_start + block_bytes, b'\n');
                    block_start = blocks.len();
                }
                firsts.push(word.clone());
            }
            blocks.extend_from_slice(word.as_bytes());
            blocks.push(b'\n');
        }
        let mut index = firsts.join("\n").into_bytes();
        index.push(b'\n');
        (blocks, index)
    }

    /// Reads the blocks' first words (the list itself stays where it is,
    /// but must be there).
    pub fn open(directory: &dyn Directory) -> Result<DanishWords, SearchError> {
        if !directory
            .exists(Path::new(DANISH_WORDS_FILE))
            .unwrap_or(false)
        {
            return Err(SearchError::MissingFile(DANISH_WORDS_FILE.into()));
        }
        let bytes = directory
            .atomic_read(Path::new(DANISH_WORD_BLOCKS_FILE))
            .map_err(|_| SearchError::MissingFile(DANISH_WORD_BLOCKS_FILE.into()))?;
        let bad =
            |what: &str| SearchError::BadManifest(format!("{DANISH_WORD_BLOCKS_FILE}: {what}"));
        let text = String::from_utf8(bytes).map_err(|_| bad("not UTF-8"))?;
        let mut lines = text.lines();
        let block_bytes = lines
            .next()
            .and_then(|line| line.parse::<usize>().ok())
            .filter(|&bytes| bytes > 0)
            .ok_or_else(|| bad("the first line is not the block size"))?;
        let firsts: Vec<String> = lines.map(String::from).collect();
        if firsts.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(bad("the blocks' first words are not in order"));
        }
        Ok(DanishWords {
            block_bytes,
            firsts,
        })
    }

    /// Is `word` (folded, as the index's `words` field holds it) a Danish
    /// word of the list? `None` when the index has no list.
    ///
    /// When the word's block has not arrived, the read asks for its chunk
    /// and the answer is `Some(false)`, for now: the search is asked again
    /// once the chunk is here, and a word with a reading is most often a
    /// slip, so the query built meanwhile has the terms the final one will
    /// have, and their postings come in the same round.
    pub fn contains(&self, directory: &dyn Directory, word: &str) -> Option<bool> {
        if self.firsts.is_empty() {
            return None;
        }
        let after = self.firsts.partition_point(|first| first.as_str() <= word);
        let Some(block) = after.checked_sub(1) else {
            return Some(false);
        };
        let Ok(file) = directory.open_read(Path::new(DANISH_WORDS_FILE)) else {
            return Some(false);
        };
        let start = block * self.block_bytes;
        let end = (start + self.block_bytes).min(file.num_bytes().get_bytes() as usize);
        let Ok(bytes) = file.read_bytes_slice(start..end) else {
            return Some(false);
        };
        let found = bytes
            .as_slice()
            .split(|&byte| byte == b'\n')
            .any(|line| line == word.as_bytes());
        Some(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::whole_files_directory;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    fn directory(list: &[String]) -> Box<dyn Directory> {
        let (blocks, index) = DanishWords::file_bytes(list);
        whole_files_directory(&[
            (DANISH_WORDS_FILE.to_string(), blocks),
            (DANISH_WORD_BLOCKS_FILE.to_string(), index),
        ])
    }

    #[test]
    fn finds_the_listed_words_folded_and_no_others() {
        let list = words(&["Ældre", "piller", "bænkebidere"]);
        let directory = directory(&list);
        let danish = DanishWords::open(&*directory).expect("open");
        for word in ["aeldre", "piller", "baenkebidere"] {
            assert_eq!(danish.contains(&*directory, word), Some(true), "{word}");
        }
        for word in ["aendre", "aaa", "pille", "zzz"] {
            assert_eq!(danish.contains(&*directory, word), Some(false), "{word}");
        }
    }

    #[test]
    fn each_block_is_one_chunk_and_words_never_straddle_two() {
        // Enough words for several blocks.
        let list: Vec<String> = (0..6000).map(|n| format!("ord{n:05}")).collect();
        let (blocks, index) = DanishWords::file_bytes(&list);
        let block = CHUNK_BYTES as usize;
        assert!(blocks.len() > 2 * block);
        let text = String::from_utf8(index).expect("utf-8");
        let firsts: Vec<&str> = text.lines().skip(1).collect();
        assert_eq!(firsts.len(), blocks.len().div_ceil(block));
        for (n, first) in firsts.iter().enumerate() {
            let start = n * block;
            assert!(blocks[start..].starts_with(format!("{first}\n").as_bytes()));
        }
        let directory = directory(&list);
        let danish = DanishWords::open(&*directory).expect("open");
        for word in ["ord00000", "ord02999", "ord05999"] {
            assert_eq!(danish.contains(&*directory, word), Some(true), "{word}");
        }
        assert_eq!(danish.contains(&*directory, "ord06000"), Some(false));
    }

    #[test]
    fn an_index_without_the_list_is_refused() {
        let (_, index) = DanishWords::file_bytes(&words(&["ældre"]));
        let directory = whole_files_directory(&[(DANISH_WORD_BLOCKS_FILE.to_string(), index)]);
        let err = DanishWords::open(&*directory).expect_err("refused");
        assert!(
            matches!(err, SearchError::MissingFile(ref name) if name == DANISH_WORDS_FILE),
            "{err}"
        );
    }

    #[test]
    fn an_empty_list_knows_nothing() {
        let directory = directory(&[]);
        let danish = DanishWords::open(&*directory).expect("open");
        assert_eq!(danish.contains(&*directory, "aeldre"), None);
    }
}
