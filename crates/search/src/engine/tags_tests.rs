//! Searching the names of a page's tags: a page is found by what it does
//! where its own words differ, below the pages that write the word.

use super::*;
use crate::test_pages::{engine_of, page};
use crate::writer::{IndexBuilder, IndexDocument};

/// An engine on pages of (title, body, tags' names).
fn engine(pages: &[(&str, &str, &[&str])]) -> Engine {
    engine_of(
        IndexBuilder::new(),
        pages.iter().map(|(title, body, tags)| IndexDocument {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..page(title, body)
        }),
    )
}

fn titles(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.title.as_str()).collect()
}

#[test]
fn a_tagged_page_is_found_below_the_pages_that_write_the_word() {
    let engine = engine(&[
        (
            "Alfa",
            "Deltagerne får arbejdstræning i køkkenet.",
            &["Jobtræning"],
        ),
        ("Beta", "Jobtræning hver dag i værkstedet.", &["Jobtræning"]),
        ("Gamma", "Samtaler i køkkenet.", &[]),
    ]);
    let found = engine.search("jobtræning", 10).expect("search");
    assert_eq!(titles(&found), ["Beta", "Alfa"]);
    // A page tagged with both words outranks one that only writes one.
    let both = engine.search("jobtræning køkkenet", 10).expect("search");
    assert_eq!(titles(&both)[0], "Alfa");
    // A literal search finds only the pages that use the word.
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    let written = engine
        .search_filtered("jobtræning", 10, &literal)
        .expect("search");
    assert_eq!(titles(&written), ["Beta"]);
}

#[test]
fn a_tag_word_ranks_the_pages_a_query_matches_and_matches_none_alone() {
    let page = |title: &str, body: &str, tag_words: &[&str]| IndexDocument {
        tag_words: tag_words.iter().map(|t| t.to_string()).collect(),
        ..crate::test_pages::page(title, body)
    };
    let engine = engine_of(
        IndexBuilder::new(),
        [
            page("Alfa", "Værkstedet har plads til udviklingshæmmede.", &[]),
            page("Beta", "Værkstedet har plads til mange.", &[]),
            page(
                "Delta",
                "Værkstedet har plads til mange.",
                &["udviklingshæmmede"],
            ),
            page(
                "Gamma",
                "Køkkenet har plads til mange.",
                &["udviklingshæmmede"],
            ),
        ],
    );
    // Delta earns the every-word bonus through its tag word and ranks above
    // Beta, its twin without it; Gamma, which only has the tag word, is not
    // found at all.
    let found = engine
        .search("værksted udviklingshæmmede", 10)
        .expect("search");
    assert_eq!(titles(&found), ["Alfa", "Delta", "Beta"]);
    assert_eq!(found.total, 3);
    let alone = engine.search("udviklingshæmmede", 10).expect("search");
    assert_eq!(titles(&alone), ["Alfa"]);
    assert_eq!(alone.total, 1);
}
