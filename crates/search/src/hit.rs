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

/// Narrows a search: pages with one of the listed terms of every taxonomy
/// named, and a continuum position within the range (pages without one are
/// left out when a range is given).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub continuum: Option<(f64, f64)>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.terms.values().all(Vec::is_empty) && self.continuum.is_none()
    }
}
