//! Errors of the search engine, typed so the CLI and the browser can tell a
//! stale index from a broken one.

use thiserror::Error;

use crate::chunks::{ChunkId, HotRange};

#[derive(Debug, Error)]
pub enum SearchError {
    #[error("search index format {found} does not match this engine's format {expected}; rebuild the site")]
    FormatMismatch { expected: u32, found: u32 },
    #[error("search index is missing file {0}")]
    MissingFile(String),
    #[error("search index manifest is invalid: {0}")]
    BadManifest(String),
    #[error("search index file {file} does not match the manifest's content hash")]
    HashMismatch { file: String },
    /// Not an error of the index: the search needs these chunks first
    /// (fetch them, `Engine::add_chunk` each, and search again).
    #[error("search index chunks to fetch first: {}", .0.len())]
    ChunksNeeded(Vec<ChunkId>),
    #[error("search index bytes do not fit its manifest: {0}")]
    Chunk(#[from] ChunkError),
    #[error("page {url}: wish sentence not in its text: {sentence:?}")]
    WishNotInBody { url: String, sentence: String },
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// A chunk or hot range that does not fit the index the manifest describes.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ChunkError {
    #[error("no file {file} in the index")]
    NoFile { file: u32 },
    #[error("file {} has no chunk {}", .id.file, .id.index)]
    NoChunk { id: ChunkId },
    #[error("chunk {}.{} holds {found} bytes, the index expects {expected}", .id.file, .id.index)]
    WrongLength {
        id: ChunkId,
        found: usize,
        expected: usize,
    },
    #[error("hot range {}..{} of file {} does not fit it", .range.start, .range.end, .range.file)]
    HotRangeOutside { range: HotRange },
    #[error("hot range {}..{} of file {} overlaps another", .range.start, .range.end, .range.file)]
    HotRangeOverlaps { range: HotRange },
}
