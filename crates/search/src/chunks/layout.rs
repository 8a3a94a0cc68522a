//! How index files are cut into chunks: the chunk size, a chunk's name
//! ([`ChunkId`]) and a file's [`FileLayout`], from which every chunk's byte
//! range follows.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Size of every chunk but a file's last. Small enough that a query fetches
/// little it does not use, large enough that it needs few requests: for the
/// stored pages, 4 KiB chunks saved a fifth of the bytes at 10 000 pages but
/// took 2.6 times the requests (41 instead of 13 a query on this site), each
/// a round trip on a slow line. The manifest records each file's chunk
/// size, so readers do not depend on this choice.
pub const CHUNK_BYTES: u32 = 16 * 1024;
/// Chunk size of the postings (`.idx`) and positions (`.pos`): a query
/// reads a few hundred bytes of each of its terms, scattered over the file,
/// so a 16 KiB chunk was mostly other terms'. In 4 KiB chunks a first query
/// fetched 45 instead of 116 kB of them at 1 000 synthetic pages, 20
/// instead of 45 here, in a fifth more requests (docs/loading.md).
pub const POSTINGS_CHUNK_BYTES: u32 = 4 * 1024;
/// Chunk sizes a manifest may name: anything else is refused, not divided by.
pub const CHUNK_BYTES_ALLOWED: std::ops::RangeInclusive<u32> = 512..=(1 << 20);

/// Chunk `index` of the manifest's file number `file`; `[file, index]` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[u32; 2]", into = "[u32; 2]")]
pub struct ChunkId {
    pub file: u32,
    pub index: u32,
}

impl From<[u32; 2]> for ChunkId {
    fn from([file, index]: [u32; 2]) -> ChunkId {
        ChunkId { file, index }
    }
}

impl From<ChunkId> for [u32; 2] {
    fn from(id: ChunkId) -> [u32; 2] {
        [id.file, id.index]
    }
}

/// Where a file is cut other than evenly: the stored pages, a page to a
/// chunk. By file name, each chunk's first byte, ascending from 0.
pub(crate) type Cuts = BTreeMap<String, Vec<u64>>;

/// How a build cuts `files`: as `cuts` says where it names the file (the
/// stored pages), else a segment's postings and positions in chunks of
/// [`POSTINGS_CHUNK_BYTES`] and every other file in chunks of [`CHUNK_BYTES`].
pub(crate) fn build_layouts(files: &[(String, Vec<u8>)], cuts: &Cuts) -> Vec<FileLayout> {
    files
        .iter()
        .map(|(name, bytes)| {
            let len = bytes.len() as u64;
            match cuts.get(name) {
                Some(starts) => FileLayout::at(len, starts.clone()),
                None if name.ends_with(".idx") || name.ends_with(".pos") => {
                    FileLayout::even(len, POSTINGS_CHUNK_BYTES)
                }
                None => FileLayout::even(len, CHUNK_BYTES),
            }
        })
        .collect()
}

/// A file's length and how it is cut: all it takes to find its chunks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileLayout {
    pub len: u64,
    /// The size of every chunk but the last, when cut evenly.
    pub chunk_bytes: u32,
    /// Each chunk's first byte, when cut at given places (else empty).
    starts: Arc<[u64]>,
}

impl FileLayout {
    /// `len` bytes in chunks of `chunk_bytes`, the last holding the rest.
    pub fn even(len: u64, chunk_bytes: u32) -> FileLayout {
        FileLayout {
            len,
            chunk_bytes,
            starts: Arc::from([]),
        }
    }

    /// `len` bytes cut at `starts` (each chunk's first byte, ascending from
    /// 0; checked by the caller), the last chunk running to the end.
    pub fn at(len: u64, starts: Vec<u64>) -> FileLayout {
        FileLayout {
            len,
            chunk_bytes: CHUNK_BYTES,
            starts: Arc::from(starts),
        }
    }

    /// `len` bytes in chunks of `lengths` (as [`FileLayout::lengths`] gives
    /// them); `None` unless each holds a byte at least and together they
    /// hold the file.
    pub fn of_lengths(len: u64, lengths: &[u64]) -> Option<FileLayout> {
        let mut starts = Vec::with_capacity(lengths.len());
        let mut end = 0u64;
        for &length in lengths {
            starts.push(end);
            end = end.checked_add(length)?;
        }
        (end == len && !lengths.contains(&0)).then(|| FileLayout::at(len, starts))
    }

    /// Each chunk's length, for a file cut at given places (else empty).
    pub fn lengths(&self) -> Vec<u64> {
        (0..self.starts.len() as u32)
            .map(|index| self.chunk_range(index).len() as u64)
            .collect()
    }

    /// How many chunks the file has.
    pub fn chunk_count(&self) -> u32 {
        if self.starts.is_empty() {
            self.len.div_ceil(u64::from(self.chunk_bytes.max(1))) as u32
        } else {
            self.starts.len() as u32
        }
    }

    /// The byte range of chunk `index`.
    pub fn chunk_range(&self, index: u32) -> Range<usize> {
        let len = self.len as usize;
        if self.starts.is_empty() {
            let chunk = self.chunk_bytes as usize;
            let start = index as usize * chunk;
            return start.min(len)..(start + chunk).min(len);
        }
        let at = |index: usize| self.starts.get(index).map_or(len, |&start| start as usize);
        at(index as usize).min(len)..at(index as usize + 1).min(len)
    }

    /// The chunks holding bytes `range` (not empty).
    pub(super) fn chunks_of(&self, range: &Range<usize>) -> std::ops::RangeInclusive<u32> {
        if self.starts.is_empty() {
            let chunk = self.chunk_bytes as usize;
            return (range.start / chunk) as u32..=((range.end - 1) / chunk) as u32;
        }
        // The last chunk starting at or before a byte holds it.
        let holding = |byte: usize| {
            let after = self.starts.partition_point(|&start| start as usize <= byte);
            after.saturating_sub(1) as u32
        };
        holding(range.start)..=holding(range.end - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_and_positions_are_cut_finer_than_the_rest() {
        let file = |name: &str| (name.to_string(), vec![0u8; 40_000]);
        let files = [
            file("seg.idx"),
            file("seg.pos"),
            file("seg.store"),
            file("judged.txt"),
        ];
        let layouts = build_layouts(&files, &Cuts::new());
        let counts: Vec<u32> = layouts.iter().map(FileLayout::chunk_count).collect();
        assert_eq!(counts, [10, 10, 3, 3]);
        // The last chunk holds what is left.
        assert_eq!(layouts[0].chunk_range(9), 36_864..40_000);
        assert_eq!(layouts[0].chunks_of(&(4_000..4_200)), 0..=1);
    }

    #[test]
    fn a_file_cut_at_given_places_finds_each_bytes_chunk() {
        let files = [("seg.store".to_string(), vec![0u8; 10_000])];
        let cuts = Cuts::from([("seg.store".to_string(), vec![0, 1_500, 1_501, 7_000])]);
        let layout = &build_layouts(&files, &cuts)[0];
        assert_eq!(layout.chunk_count(), 4);
        assert_eq!(layout.chunk_range(0), 0..1_500);
        assert_eq!(layout.chunk_range(2), 1_501..7_000);
        assert_eq!(layout.chunk_range(3), 7_000..10_000);
        assert_eq!(layout.lengths(), [1_500, 1, 5_499, 3_000]);
        assert_eq!(
            FileLayout::of_lengths(10_000, &layout.lengths()).as_ref(),
            Some(layout)
        );
        assert_eq!(layout.chunks_of(&(0..1)), 0..=0);
        assert_eq!(layout.chunks_of(&(1_499..1_502)), 0..=2);
        assert_eq!(layout.chunks_of(&(1_501..7_000)), 2..=2);
        assert_eq!(layout.chunks_of(&(9_000..10_000)), 3..=3);
    }
}
