//! What a reader's first query fetches after the hot pack, as the browser
//! fetches it: for each query of a file (one a line), a freshly opened
//! engine answers it, chunk round by chunk round, and the chunks it asked
//! for are counted with their published (gzip) sizes, by kind of index file.
//! For docs/loading.md; not a test (sizes are measured, not asserted).
//!
//!     cargo run --release --example first_fetches -- search-index queries.txt

use std::collections::BTreeMap;
use std::path::Path;

use praksis::index::published;
use praksis_search::{Engine, Manifest, SearchError};

type Failure = Box<dyn std::error::Error>;

fn main() -> Result<(), Failure> {
    let args: Vec<String> = std::env::args().collect();
    let [_, index, queries] = args.as_slice() else {
        return Err("usage: first_fetches SEARCH-INDEX-FOLDER QUERIES-FILE".into());
    };
    let index = Path::new(index);
    let queries = std::fs::read_to_string(queries).map_err(|err| format!("{queries}: {err}"))?;
    let manifest_bytes = std::fs::read(index.join("manifest.json"))?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    let hot = published::read(index, &manifest.hot_pack)?;
    // Per kind of file (the extension: store, idx, pos, …): chunks, bytes.
    let mut kinds: BTreeMap<String, (usize, u64)> = BTreeMap::new();
    let mut asked = 0usize;
    for query in queries.lines().filter(|line| !line.trim().is_empty()) {
        asked += 1;
        let engine = Engine::open_hot(&manifest_bytes, &hot)?;
        loop {
            match engine.search(query, 10) {
                Err(SearchError::ChunksNeeded(ids)) => {
                    for id in ids {
                        let path = manifest.chunk_path(id).ok_or("a chunk the index lacks")?;
                        let published_bytes =
                            std::fs::metadata(index.join(format!("{path}.gz")))?.len();
                        let kind = kind_of(&path);
                        let entry = kinds.entry(kind).or_default();
                        entry.0 += 1;
                        entry.1 += published_bytes;
                        engine.add_chunk(id, published::read(index, &path)?)?;
                    }
                }
                Ok(_) => break,
                Err(err) => return Err(format!("{query}: {err}").into()),
            }
        }
    }
    let per_query = |n: f64| n / asked.max(1) as f64;
    println!("{asked} queries, each on a freshly opened engine; per query:");
    println!("{:<24} {:>8} {:>10}", "file kind", "chunks", "kB (gzip)");
    let (mut chunks, mut bytes) = (0, 0);
    for (kind, (count, size)) in &kinds {
        println!(
            "{kind:<24} {:>8.1} {:>10.1}",
            per_query(*count as f64),
            per_query(*size as f64) / 1000.0
        );
        chunks += count;
        bytes += size;
    }
    println!(
        "{:<24} {:>8.1} {:>10.1}",
        "all",
        per_query(chunks as f64),
        per_query(bytes as f64) / 1000.0
    );
    Ok(())
}

/// "chunks.…/<segment>.store.3" → "store"; "chunks.…/judged.txt.0" → "judged.txt".
fn kind_of(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let without_index = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    match without_index.split_once('.') {
        Some((segment, extension)) if segment.len() == 32 => extension.to_string(),
        _ => without_index.to_string(),
    }
}
