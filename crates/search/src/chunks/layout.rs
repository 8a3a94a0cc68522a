//! How index files are cut into chunks: the chunk size, a chunk's name
//! ([`ChunkId`]) and a file's [`FileLayout`], from which every chunk's byte
//! range follows.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// Size of every chunk but a file's last. Small enough that a query fetches
/// little it does not use, large enough that it needs few requests: for the
/// stored pages, 4 KiB chunks saved a fifth of the bytes at 10 000 pages but
/// took 2.6 times the requests (41 instead of 13 a query on this site), each
/// a round trip on a slow line. The manifest records each file's size, so
/// readers do not depend on this choice.
pub const CHUNK_BYTES: u32 = 16 * 1024;
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

/// How a build cuts `files`: each in chunks of `CHUNK_BYTES`.
pub(crate) fn build_layouts(files: &[(String, Vec<u8>)]) -> Vec<FileLayout> {
    files
        .iter()
        .map(|(_, bytes)| FileLayout {
            len: bytes.len() as u64,
            chunk_bytes: CHUNK_BYTES,
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
