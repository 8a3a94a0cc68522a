//! Praksisbasen's pipeline as a library, by stage: ingest → tagging →
//! content → index → export and site, each reading only what the one before
//! it wrote (every stage after content reads the `content/` tree).
//!
//! Beside the stages: `cases` (report cases, from the text to their
//! figures), `slug` (every slug), `curation` (hand corrections), `files`
//! (reading and atomic writing), `error`, and `tools` (coverage, the build
//! report, evaluation, the local server). `pipeline` runs the stages; the
//! `praksis` binary only wires command-line flags to these functions.

pub mod cases;
pub mod content;
pub mod curation;
pub mod error;
pub mod export;
pub mod files;
pub mod index;
pub mod ingest;
pub mod judged_queries;
pub mod pipeline;
pub mod site;
pub mod slug;
pub mod tagging;
pub mod tools;
