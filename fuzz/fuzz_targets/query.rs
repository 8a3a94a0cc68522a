//! The search entry point as the browser calls it: any text as the query,
//! any text as the filters JSON, against the committed index. Must answer
//! (an error for bad filters is an answer) and never panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use praksis_search::{Engine, Filters};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let index = Path::new(env!("CARGO_MANIFEST_DIR")).join("../search-index");
        praksis::pipeline::open_engine(&index).expect("run `praksis build` before fuzzing")
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // First line the query, the rest the filters, as search.js sends them.
    let (query, filters) = text.split_once('\n').unwrap_or((&text, ""));
    let filters: Filters = serde_json::from_str(filters).unwrap_or_default();
    let limit = data.first().map_or(10, |&b| usize::from(b));
    let _ = engine().search_filtered(query, limit, &filters);
});
