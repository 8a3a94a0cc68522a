//! Praksisbasen's pipeline as a library: ingest → content → index → site.
//!
//! Each stage reads what the previous one wrote and nothing earlier; the
//! `praksis` binary only wires command-line flags to these functions.

pub mod case_overview;
pub mod case_record;
pub mod charts;
pub mod content;
pub mod coverage;
pub mod curation;
pub mod error;
pub mod eval;
pub mod export;
pub mod files;
pub mod front_matter;
pub mod index;
pub mod ingest;
pub mod output;
pub mod pages;
pub mod pipeline;
pub mod report;
pub mod serve;
pub mod shapes;
pub mod site;
pub mod slug;
pub mod tag_eval;
pub mod tagging;
