//! Errors of the search engine, typed so the CLI and the browser can tell a
//! stale index from a broken one.

use thiserror::Error;

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
    ChunksNeeded(Vec<crate::chunks::ChunkId>),
    #[error("tantivy: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
