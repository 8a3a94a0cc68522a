//! The browser's entry point to `praksis-search`: a thin wasm-bindgen layer.
//!
//! A Web Worker fetches `manifest.json` and the pack it names and hands both
//! to [`SearchEngine::open`].
//! Results cross the boundary as JSON, the same JSON `praksis search --json` prints.

use praksis_search::{Engine, Filters};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Default)]
pub struct SearchEngine {
    engine: Option<Engine>,
}

#[wasm_bindgen]
impl SearchEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> SearchEngine {
        SearchEngine::default()
    }

    /// Opens the index; fails with a readable message on a format or hash mismatch.
    pub fn open(&mut self, manifest: &[u8], pack: &[u8]) -> Result<(), JsError> {
        let engine =
            Engine::from_pack(manifest, pack).map_err(|err| JsError::new(&err.to_string()))?;
        self.engine = Some(engine);
        Ok(())
    }

    /// Index format version this engine reads.
    pub fn format_version() -> u32 {
        praksis_search::FORMAT_VERSION
    }

    /// Search results as JSON (see `praksis_search::SearchResults`).
    pub fn search(&self, query: &str, limit: usize) -> Result<String, JsError> {
        self.search_filtered(query, limit, "{}")
    }

    /// Like `search`, narrowed by `filters`, JSON of `praksis_search::Filters`:
    /// `{"terms": {"kildetype": ["Praksiseksempel"]}, "continuum": [0, 0.5]}`.
    pub fn search_filtered(
        &self,
        query: &str,
        limit: usize,
        filters: &str,
    ) -> Result<String, JsError> {
        let engine = self
            .engine
            .as_ref()
            .ok_or_else(|| JsError::new("search index is not open"))?;
        let filters: Filters =
            serde_json::from_str(filters).map_err(|err| JsError::new(&err.to_string()))?;
        let results = engine
            .search_filtered(query, limit, &filters)
            .map_err(|err| JsError::new(&err.to_string()))?;
        serde_json::to_string(&results).map_err(|err| JsError::new(&err.to_string()))
    }
}
