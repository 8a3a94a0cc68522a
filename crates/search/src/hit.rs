//! What a search returns: the same structure natively (JSON) and in the browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub title: String,
    /// Site-relative path, resolved against the site root by the caller.
    pub url: String,
    pub section: String,
    /// HTML-escaped text with matched words in `<b>…</b>`; safe to insert as HTML.
    pub snippet: String,
    pub score: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    /// Number of matching pages, beyond the returned hits.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// For every taxonomy, how many matching pages carry each term.
    #[serde(default)]
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
}
