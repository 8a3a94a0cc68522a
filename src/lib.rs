//! Praksisbasen's pipeline as a library: ingest → content → index → site.
//!
//! Each stage reads what the previous one wrote and nothing earlier; the
//! `praksis` binary only wires command-line flags to these functions.

pub mod curation;
pub mod error;
pub mod ingest;
pub mod content;
pub mod front_matter;
pub mod output;
pub mod index;
pub mod pages;
pub mod site;
pub mod pipeline;
pub mod report;
pub mod serve;
