//! The browser's entry point to `praksis-search`: a thin wasm-bindgen layer.
//!
//! A Web Worker fetches `manifest.json` and the hot pack it names and hands
//! both to [`SearchEngine::open`]. A search answers either with results, the
//! same JSON `praksis search --json` prints, or with the chunks it needs
//! first: `{"missing": [{"file": 3, "index": 0, "path": "chunks.…/….idx.0"}]}`;
//! the worker fetches those, hands each to [`SearchEngine::add_chunk`] and
//! searches again.

use praksis_search::{ChunkId, Engine, Filters, SearchError};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Default)]
pub struct SearchEngine {
    engine: Option<Engine>,
}

fn js_error(err: impl ToString) -> JsError {
    JsError::new(&err.to_string())
}

#[wasm_bindgen]
impl SearchEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> SearchEngine {
        SearchEngine::default()
    }

    /// Opens the index; fails with a readable message on a format or hash mismatch.
    pub fn open(&mut self, manifest: &[u8], hot_pack: &[u8]) -> Result<(), JsError> {
        self.engine = Some(Engine::open_hot(manifest, hot_pack).map_err(js_error)?);
        Ok(())
    }

    /// Index format version this engine reads.
    pub fn format_version() -> u32 {
        praksis_search::FORMAT_VERSION
    }

    /// Adds chunk `index` of file `file`, fetched because a search asked for it.
    pub fn add_chunk(&self, file: u32, index: u32, bytes: Vec<u8>) -> Result<(), JsError> {
        self.opened()?
            .add_chunk(ChunkId { file, index }, bytes)
            .map_err(js_error)
    }

    /// Search results as JSON (see `praksis_search::SearchResults`), or the
    /// chunks to fetch first (see the module's documentation).
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
        let engine = self.opened()?;
        let filters: Filters = serde_json::from_str(filters).map_err(js_error)?;
        match engine.search_filtered(query, limit, &filters) {
            Ok(results) => serde_json::to_string(&results).map_err(js_error),
            Err(SearchError::ChunksNeeded(ids)) => {
                let missing: Vec<serde_json::Value> = ids
                    .into_iter()
                    .filter_map(|id| {
                        let path = engine.manifest().chunk_path(id)?;
                        Some(serde_json::json!({"file": id.file, "index": id.index, "path": path}))
                    })
                    .collect();
                Ok(serde_json::json!({ "missing": missing }).to_string())
            }
            Err(err) => Err(js_error(err)),
        }
    }
}

impl SearchEngine {
    fn opened(&self) -> Result<&Engine, JsError> {
        self.engine
            .as_ref()
            .ok_or_else(|| JsError::new("search index is not open"))
    }
}
