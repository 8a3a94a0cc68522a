//! Praksisbasen's search engine, one crate for the CLI and the browser.
//!
//! The CLI writes an index with [`IndexBuilder`]; the CLI opens it whole
//! ([`Engine::from_files`]) and the WebAssembly wrapper chunk by chunk
//! ([`Engine::open_hot`]), through the same directory and the same code, so
//! the two return the same results for the same query by construction, not
//! by keeping two implementations in step.
//!
//! Where things live, in the order a page travels:
//! - words: `analysis` (tokens, stemming via `stemmer`, folding via `fold`),
//!   `compounds`, `stopwords`, `synonyms`, `edits` (how far apart two words are),
//!   `danish_words` (real words a slip is not);
//! - writing: `writer` builds the index (fields in `schema`) and the
//!   `suggestions` list, `manifest` describes the files and `pack` the hot pack;
//! - storage: `chunks` cuts the files and serves reads from the chunks that
//!   have arrived (`hash` names them by content);
//! - reading: `engine` opens and verifies, searches (queries from `query`
//!   over the `lexicon`, snippets from `snippets` of `stored_pages`, read as
//!   `stored_text`), finds related pages and explains scores; `hit` is what a
//!   search returns and `error` what can go wrong.
//!
//! The crate knows nothing of the site's sections or taxonomies: the caller
//! names them (the section order of the suggestions, a related section, filters).

mod analysis;
mod chunks;
mod compounds;
mod danish_words;
mod edits;
mod engine;
mod error;
mod fold;
mod hash;
mod hit;
mod judged;
mod lexicon;
mod manifest;
mod pack;
mod query;
mod schema;
mod snippet_sentences;
mod snippets;
mod stemmer;
mod stopwords;
mod stored_pages;
mod stored_text;
mod suggestions;
mod synonyms;
#[cfg(test)]
mod test_pages;
mod writer;

// What the CLI, the WebAssembly wrapper and the fuzz targets use, and the
// types those names expose; everything else stays inside the crate.
pub use analysis::{analyze, danish_stem};
pub use chunks::{whole_files_directory, ChunkId, HotRange};
pub use edits::edit_distance;
// How far a typed word may be read as another: the CLI lists the Danish
// words that near the pages (curation/danish-near-words.txt) by it.
pub use engine::{Engine, Filters};
pub use error::{ChunkError, SearchError};
pub use query::edit_distance_for;
// The browser folds typed words in JavaScript too; tests/js_fold.rs checks they agree.
pub use fold::fold_danish;
pub use hit::{Hit, Rewrite, RewriteKind, SearchResults};
pub use judged::JudgedQuery;
pub use manifest::{Manifest, FORMAT_VERSION, MANIFEST_FILE, SUGGESTIONS_FILE};
pub use synonyms::SynonymLists;
pub use writer::{IndexBuilder, IndexDocument, IndexFiles};
