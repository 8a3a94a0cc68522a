//! Praksisbasen's search engine, one crate for the CLI and the browser.
//!
//! The CLI writes an index with [`IndexBuilder`]; both the CLI and the
//! WebAssembly wrapper open it with [`Engine::from_files`] from the same
//! bytes, so the two return the same results for the same query by
//! construction, not by keeping two implementations in step.

mod analysis;
mod engine;
mod error;
mod hash;
mod hit;
mod manifest;
mod query;
mod schema;
mod writer;

pub use analysis::{analyze, danish_analyzer, DANISH_ANALYZER};
pub use engine::Engine;
pub use error::SearchError;
pub use hit::{Hit, SearchResults};
pub use manifest::{Manifest, FORMAT_VERSION, MANIFEST_FILE};
pub use schema::IndexFields;
pub use writer::{IndexBuilder, IndexDocument, IndexFiles};
