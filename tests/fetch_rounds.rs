//! In the browser the engine opens with the hot bytes alone and fetches the
//! chunks a search misses, in rounds: each phase of a search reports every
//! chunk it missed at once (docs/loading.md). Every judged query, run on an
//! engine opened cold, is answered as the whole index answers it, in two
//! rounds at most; three when it finds nothing as typed (the fallback's
//! words are known only once the first search has run).

mod common;

use std::collections::BTreeMap;

use common::committed_index::committed_index;
use common::repo_root;
use praksis::tools::eval::{read_queries, JUDGED_SETS};
use praksis_search::{Engine, SearchError};

/// Rounds after which a search is taken to loop.
const GIVE_UP_ROUNDS: usize = 6;

#[test]
fn every_judged_query_answers_a_cold_engine_in_two_rounds_at_most() {
    let (_, index) = committed_index();
    let manifest = index.manifest.to_json();
    let published: BTreeMap<String, Vec<u8>> = index.published().into_iter().collect();
    let hot = &published[&index.manifest.hot_pack];
    let whole = Engine::from_files(manifest.as_bytes(), index.files.clone()).expect("opens");
    let mut slow = Vec::new();
    let mut searched = 0;
    for file in JUDGED_SETS.iter().map(|set| set.file) {
        let path = repo_root().join("curation").join(file);
        if !path.exists() {
            continue;
        }
        for judged in read_queries(&path).expect("judged queries load") {
            let cold = Engine::open_hot(manifest.as_bytes(), hot).expect("opens hot");
            let mut rounds = 0;
            let results = loop {
                match cold.search(&judged.query, 10) {
                    Err(SearchError::ChunksNeeded(ids)) => {
                        rounds += 1;
                        assert!(rounds < GIVE_UP_ROUNDS, "{}: loops", judged.query);
                        for id in ids {
                            let chunk = index.manifest.chunk_path(id).expect("a chunk");
                            cold.add_chunk(id, published[&chunk].clone()).expect("fits");
                        }
                    }
                    other => break other.expect("search"),
                }
            };
            let expected = whole.search(&judged.query, 10).expect("search");
            assert_eq!(
                results, expected,
                "{file}:{}: {}",
                judged.line, judged.query
            );
            let most = if whole.finds_as_typed(&judged.query).expect("search") {
                2
            } else {
                3
            };
            if rounds > most {
                slow.push(format!(
                    "{file}:{}: «{}», {rounds} rounds",
                    judged.line, judged.query
                ));
            }
            searched += 1;
        }
    }
    assert!(searched > 400, "{searched} judged queries");
    assert!(slow.is_empty(), "too many rounds:\n{}", slow.join("\n"));
}
