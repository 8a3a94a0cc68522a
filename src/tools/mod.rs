//! What stands beside the pipeline rather than in it: describing a build
//! (`coverage.rs`: every source word accounted for; `shapes.rs`: suspicious
//! shapes left by ingestion; `build_report.rs`: the report written next to
//! the site), measuring it (`eval.rs`: ranking on judged queries;
//! `query_variants.rs`: judged queries misspelt or framed as questions; `tag_eval.rs`: the
//! tagger on judged tags), the Danish words search must not read as slips
//! (`danish_words.rs`) and looking at it (`serve.rs`).

pub mod agreement;
pub mod build_report;
pub mod coverage;
pub mod danish_words;
pub mod eval;
pub mod query_variants;
pub mod serve;
pub mod shapes;
pub mod tag_eval;
pub mod unlearned;
