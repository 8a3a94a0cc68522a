//! The search entry point as the browser calls it: any text as the query,
//! any text as the filters JSON, against the committed index opened as the
//! browser opens it (the hot pack, then the chunks each search asks for).
//! Must answer (an error for bad filters is an answer) and never panic.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use praksis_search::{Engine, Filters, Manifest, SearchError, MANIFEST_FILE};

/// A search asks for chunks in at most two rounds; a few more may follow
/// when several searches share an engine.
const MAX_ROUNDS: usize = 6;

fn index_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../search-index")
}

/// The manifest as it lies in search-index/.
fn read_manifest() -> Vec<u8> {
    std::fs::read(index_dir().join(MANIFEST_FILE)).expect("run `praksis build` before fuzzing")
}

/// A file the manifest names, as the browser gets it: published gzip-compressed.
fn read(name: &str) -> Vec<u8> {
    praksis::index::published::read(&index_dir(), name).expect("run `praksis build` before fuzzing")
}

fn engine() -> &'static (Engine, Manifest) {
    static ENGINE: OnceLock<(Engine, Manifest)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let manifest_bytes = read_manifest();
        let manifest = Manifest::parse(&manifest_bytes).expect("manifest");
        let engine = Engine::open_hot(&manifest_bytes, &read(&manifest.hot_pack)).expect("opens");
        (engine, manifest)
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // First line the query, the rest the filters, as search.js sends them.
    let (query, filters) = text.split_once('\n').unwrap_or((&text, ""));
    let filters: Filters = serde_json::from_str(filters).unwrap_or_default();
    let limit = data.first().map_or(10, |&b| usize::from(b));
    let (engine, manifest) = engine();
    for _ in 0..MAX_ROUNDS {
        match engine.search_filtered(query, limit, &filters) {
            Err(SearchError::ChunksNeeded(ids)) => {
                for id in ids {
                    let path = manifest.chunk_path(id).expect("a chunk the index has");
                    engine.add_chunk(id, read(&path)).expect("a chunk that fits");
                }
            }
            _ => return,
        }
    }
    panic!("{query:?} still asks for chunks after {MAX_ROUNDS} rounds");
});
