//! The index as chunks that may arrive after the engine opens.
//!
//! A reader should not download a whole index to answer one query: at 10 000
//! pages that was 20 MB. So every index file is cut into
//! [`CHUNK_BYTES`](layout::CHUNK_BYTES) pieces, postings and positions into
//! smaller ones, and the stored pages a page to a piece (see `layout`). The engine opens with the *hot* ranges (the exact bytes that
//! opening the index and its search fields reads, recorded at build time)
//! and fetches chunks (postings, positions, stored pages) as queries need them.
//!
//! tantivy reads synchronously, and a browser cannot wait synchronously for
//! the network. So a read of a chunk that is not here fails, and the chunk is
//! remembered; the engine reports every remembered chunk at once, the caller
//! fetches them in parallel and asks again (see `Engine::search_filtered`).
//!
//! `layout` says how files are cut, `hot` holds the hot ranges, `directory`
//! holds the chunks that have arrived and serves reads from them, and
//! `tantivy_directory` is tantivy's view of that directory.

mod directory;
mod hot;
mod layout;
mod tantivy_directory;

pub(crate) use directory::ChunkedDirectory;
pub use hot::HotRange;
pub use layout::ChunkId;
pub(crate) use layout::{build_layouts, Cuts, FileLayout, CHUNK_BYTES, CHUNK_BYTES_ALLOWED};

/// Files held whole in memory as a tantivy directory, read through the same
/// code as the engine's. Only for measuring what tantivy alone costs in the
/// browser (bench/floor); the engine itself opens through `Engine`.
pub fn whole_files_directory(files: &[(String, Vec<u8>)]) -> Box<dyn tantivy::Directory> {
    Box::new(ChunkedDirectory::cut(files))
}
