//! Filters by taxonomy and continuum, and the facets that count them.

use super::*;
use crate::test_pages::{keyword_engine, sorted_titles, tagged_engine};

#[test]
fn filters_narrow_and_facets_count_the_matches() {
    // Titles of length 4 and 5: "Type 0" and "Type 1", continuum 0.4 and 0.5.
    let engine = keyword_engine(&[
        ("Alfa", "", "job og mentor"),
        ("Betaa", "", "job og netværk"),
        ("Gamma", "", "mentor alene"),
    ]);
    let all = engine.search("job", 10).expect("search");
    assert_eq!(all.total, 2);
    assert_eq!(all.facets["kildetype"]["Type 0"], 1);
    assert_eq!(all.facets["kildetype"]["Type 1"], 1);
    let mut filters = Filters::default();
    filters
        .terms
        .insert("kildetype".into(), vec!["Type 1".into()]);
    let narrowed = engine.search_filtered("job", 10, &filters).expect("search");
    assert_eq!(narrowed.hits.len(), 1);
    assert_eq!(narrowed.hits[0].title, "Betaa");
    let browse = engine.search_filtered("", 10, &filters).expect("browse");
    assert_eq!(browse.total, 2, "no words: everything the filter selects");
    let range = Filters {
        continuum: Some((0.0, 0.45)),
        ..Filters::default()
    };
    let low = engine.search_filtered("mentor", 10, &range).expect("range");
    assert_eq!(
        low.hits
            .iter()
            .map(|h| h.title.as_str())
            .collect::<Vec<_>>(),
        ["Alfa"]
    );
}

#[test]
fn terms_of_one_taxonomy_are_alternatives_and_taxonomies_all_hold() {
    let engine = tagged_engine(&[
        ("Alfa", "job", &["Mentorordning"], &["Hjemløse"]),
        ("Beta", "job", &["Netværk"], &["Hjemløse"]),
        ("Gamma", "job", &["Netværk"], &["Unge"]),
        ("Delta", "job", &["Værksted"], &["Hjemløse"]),
    ]);
    let mut filters = Filters::default();
    filters.terms.insert(
        "metode".into(),
        vec!["Mentorordning".into(), "Netværk".into()],
    );
    let either = engine.search_filtered("job", 10, &filters).expect("search");
    assert_eq!(sorted_titles(&either), ["Alfa", "Beta", "Gamma"]);
    filters
        .terms
        .insert("maalgruppe".into(), vec!["Hjemløse".into()]);
    let both = engine.search_filtered("job", 10, &filters).expect("search");
    assert_eq!(sorted_titles(&both), ["Alfa", "Beta"]);
    // With no words, the same pages: browsing by filters.
    let browse = engine.search_filtered("", 10, &filters).expect("browse");
    assert_eq!(sorted_titles(&browse), ["Alfa", "Beta"]);
    // A chosen taxonomy counts its terms among what the other filters
    // leave (Delta's method would add Delta), another among the results.
    let methods = &both.facets["metode"];
    assert_eq!(methods.get("Værksted"), Some(&1), "{methods:?}");
    assert_eq!(methods.get("Netværk"), Some(&1), "{methods:?}");
    let groups = &both.facets["maalgruppe"];
    assert_eq!(groups.get("Hjemløse"), Some(&2), "{groups:?}");
    assert_eq!(groups.get("Unge"), Some(&1), "{groups:?}");
    let only_methods = Filters {
        terms: [("metode".to_string(), vec!["Mentorordning".to_string()])]
            .into_iter()
            .collect(),
        ..Filters::default()
    };
    let one = engine
        .search_filtered("", 10, &only_methods)
        .expect("browse");
    assert_eq!(sorted_titles(&one), ["Alfa"]);
    assert_eq!(one.facets["metode"].get("Netværk"), Some(&2));
    assert_eq!(one.facets["maalgruppe"].get("Unge"), None);
}

#[test]
fn with_every_term_all_chosen_terms_of_a_taxonomy_must_hold() {
    let engine = tagged_engine(&[
        ("Alfa", "job", &["Netværk"], &["Hjemløse", "Misbrugere"]),
        ("Beta", "job", &["Netværk"], &["Hjemløse"]),
        (
            "Gamma",
            "job",
            &["Mentorordning"],
            &["Misbrugere", "Hjemløse"],
        ),
        ("Delta", "job", &["Netværk"], &["Misbrugere"]),
    ]);
    let mut filters = Filters::default();
    filters.terms.insert(
        "maalgruppe".into(),
        vec!["Hjemløse".into(), "Misbrugere".into()],
    );
    let either = engine.search_filtered("", 10, &filters).expect("browse");
    assert_eq!(sorted_titles(&either), ["Alfa", "Beta", "Delta", "Gamma"]);
    filters.every_term = true;
    let both = engine.search_filtered("", 10, &filters).expect("browse");
    assert_eq!(sorted_titles(&both), ["Alfa", "Gamma"]);
    let with_words = engine.search_filtered("job", 10, &filters).expect("search");
    assert_eq!(sorted_titles(&with_words), ["Alfa", "Gamma"]);
    // Counts are among the matches: each chosen term holds on both.
    assert_eq!(both.facets["maalgruppe"].get("Hjemløse"), Some(&2));
    assert_eq!(both.facets["metode"].get("Netværk"), Some(&1));
}
