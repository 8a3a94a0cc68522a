//! A synonym widens a search but never outranks the word typed: on the
//! project's own index, for every one-word member of every synonym group,
//! each page that uses the word itself ranks above each page that only uses
//! another member ("mentor" above "kontaktperson", issue #26).

mod common;

use std::collections::BTreeSet;

use common::repo_root;
use praksis::pipeline::open_engine;
use praksis_search::Filters;

#[derive(serde::Deserialize)]
struct Groups {
    groups: Vec<Vec<String>>,
}

#[test]
fn pages_using_the_word_typed_rank_above_pages_using_only_a_synonym() {
    let root = repo_root();
    let engine = open_engine(&root.join("search-index")).expect("search-index/ opens");
    let text = std::fs::read_to_string(root.join("curation/synonyms.toml")).expect("synonyms");
    let groups: Groups = toml::from_str(&text).expect("synonyms.toml parses");
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    let mut widened_words = 0;
    for word in groups.groups.iter().flatten().filter(|w| !w.contains(' ')) {
        let own: BTreeSet<String> = engine
            .search_filtered(word, 100, &literal)
            .expect("literal search")
            .hits
            .into_iter()
            .map(|h| h.url)
            .collect();
        let ranking = engine.search(word, 100).expect("search").hits;
        if ranking.len() > own.len() {
            widened_words += 1;
        }
        // Every page the word finds alone is in the first own.len() places.
        let first: BTreeSet<String> = ranking
            .iter()
            .take(own.len())
            .map(|h| h.url.clone())
            .collect();
        assert_eq!(
            first,
            own,
            "{word}: ranking {:?}",
            ranking.iter().map(|h| &h.url).collect::<Vec<_>>()
        );
    }
    assert!(
        widened_words >= 10,
        "only {widened_words} words found more pages through a synonym"
    );
}
