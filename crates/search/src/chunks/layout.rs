//! How index files are cut into chunks: the chunk size, a chunk's name
//! ([`ChunkId`]) and a file's [`FileLayout`], from which every chunk's byte
//! range follows.

use std::ops::Range;

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

/// How a build cuts `files`: a segment's postings and positions in chunks
/// of [`POSTINGS_CHUNK_BYTES`], every other file in chunks of [`CHUNK_BYTES`].
pub(crate) fn build_layouts(files: &[(String, Vec<u8>)]) -> Vec<FileLayout> {
    files
        .iter()
        .map(|(name, bytes)| FileLayout {
            len: bytes.len() as u64,
            chunk_bytes: if name.ends_with(".idx") || name.ends_with(".pos") {
                POSTINGS_CHUNK_BYTES
            } else {
                CHUNK_BYTES
            },
        })
        .collect()
}

/// A file's length and chunk size: all it takes to find its chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileLayout {
    pub len: u64,
    pub chunk_bytes: u32,
}

impl FileLayout {
    /// How many chunks the file has.
    pub fn chunk_count(&self) -> u32 {
        self.len.div_ceil(u64::from(self.chunk_bytes.max(1))) as u32
    }

    /// The byte range of chunk `index`.
    pub fn chunk_range(&self, index: u32) -> Range<usize> {
        let chunk = self.chunk_bytes as usize;
        let start = index as usize * chunk;
        start.min(self.len as usize)..(start + chunk).min(self.len as usize)
    }

    /// The chunks holding bytes `range` (not empty).
    pub(super) fn chunks_of(&self, range: &Range<usize>) -> std::ops::RangeInclusive<u32> {
        let chunk = self.chunk_bytes as usize;
        (range.start / chunk) as u32..=((range.end - 1) / chunk) as u32
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
        let layouts = build_layouts(&files);
        let counts: Vec<u32> = layouts.iter().map(FileLayout::chunk_count).collect();
        assert_eq!(counts, [10, 10, 3, 3]);
        // The last chunk holds what is left.
        assert_eq!(layouts[0].chunk_range(9), 36_864..40_000);
        assert_eq!(layouts[0].chunks_of(&(4_000..4_200)), 0..=1);
    }
}
