//! The engine's searches on small indexes built here.

use super::*;
use crate::hit::{Rewrite, RewriteKind};
use crate::test_pages::{engine_of, page};
use crate::writer::{IndexBuilder, IndexDocument};

fn engine(docs: &[(&str, &str, &str)]) -> Engine {
    engine_of(
        IndexBuilder::new(),
        docs.iter().map(|(title, keywords, body)| IndexDocument {
            keywords: vec![keywords.to_string()],
            taxonomies: [(
                "kildetype".to_string(),
                vec![format!("Type {}", title.len() % 2)],
            )]
            .into_iter()
            .collect(),
            continuum: Some(title.len() as f64 / 10.0),
            ..page(title, body)
        }),
    )
}

#[test]
fn filters_narrow_and_facets_count_the_matches() {
    // Titles of length 4 and 5: "Type 0" and "Type 1", continuum 0.4 and 0.5.
    let engine = engine(&[
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
fn widened_queries_say_how_and_a_literal_search_does_not_widen() {
    // "boligløs": a member no page uses, searched but not named.
    let engine = engine_with_synonyms(
        vec![vec![
            "hjemløs".into(),
            "uden bolig".into(),
            "boligløs".into(),
        ]],
        &[
            ("Alfa", "Hjemløse borgere får et job."),
            ("Beta", "Borgere uden bolig i byen."),
            ("Gamma", "Et liv uden misbrug og en god bolig."),
            ("Delta", "En mentorordning for unge."),
        ],
    );
    let titles = |results: &SearchResults| -> Vec<String> {
        let mut titles: Vec<String> = results.hits.iter().map(|h| h.title.clone()).collect();
        titles.sort();
        titles
    };
    let widened = engine.search("hjemløse", 10).expect("search");
    assert_eq!(
        titles(&widened),
        ["Alfa", "Beta"],
        "a synonym of several words is a phrase"
    );
    assert!(widened.rewrites.contains(&Rewrite {
        kind: RewriteKind::Synonym,
        typed: "hjemløse".into(),
        also: vec!["uden bolig".into()],
        instead: false,
    }));
    let beta = widened
        .hits
        .iter()
        .find(|h| h.title == "Beta")
        .expect("Beta");
    assert!(!beta.snippet.contains("<b>uden</b>"), "{}", beta.snippet);
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    let exact = engine
        .search_filtered("hjemløse", 10, &literal)
        .expect("search");
    assert_eq!(titles(&exact), ["Alfa"]);
    assert!(exact.rewrites.is_empty(), "{:?}", exact.rewrites);

    let misspelt = engine.search("mentorordnig", 10).expect("search");
    assert_eq!(titles(&misspelt), ["Delta"]);
    assert!(misspelt.rewrites.contains(&Rewrite {
        kind: RewriteKind::Spelling,
        typed: "mentorordnig".into(),
        also: vec!["mentorordning".into()],
        // A sure reading: the word typed is not searched.
        instead: true,
    }));
    let as_typed = engine
        .search_filtered("mentorordnig", 10, &literal)
        .expect("search");
    assert_eq!(
        as_typed.total, 0,
        "literally, a misspelt word finds nothing"
    );
}

#[test]
fn finds_inflected_form_and_ranks_keywords_above_body() {
    let engine = engine(&[
        (
            "Alpha",
            "Værksted",
            "En mentorordning nævnes i forbifarten her.",
        ),
        (
            "Beta",
            "Mentorordning",
            "Projektet bruger mentorordninger til job.",
        ),
    ]);
    let results = engine.search("mentorordningerne", 10).expect("search");
    assert_eq!(results.total, 2);
    assert_eq!(results.hits[0].title, "Beta");
    assert!(
        results.hits[0].snippet.contains("<b>"),
        "{}",
        results.hits[0].snippet
    );
}

#[test]
fn a_quoted_phrase_finds_the_compound_it_spells() {
    let engine = engine(&[
        ("Alpha", "Værksted", "Her bruges en mentorordning."),
        ("Beta", "Køkken", "Ordningen har en mentor."),
    ]);
    let results = engine.search("\"mentor ordning\"", 10).expect("search");
    let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["Alpha"]);
}

#[test]
fn snippets_escape_markup_from_content() {
    let engine = engine(&[(
        "Gamma",
        "x",
        "Tekst <script>alert(1)</script> om job og <img onerror=x>",
    )]);
    let hit = &engine.search("job", 10).expect("search").hits[0];
    assert!(!hit.snippet.contains("<script"), "{}", hit.snippet);
    assert!(!hit.snippet.contains("<img"), "{}", hit.snippet);
}

#[test]
fn hostile_queries_get_an_answer() {
    let engine = engine(&[
        ("Delta", "mentorordning", "noget tekst om mentorordningen"),
        ("Epsilon", "job", "en anden tekst"),
    ]);
    let long_word = "mentorordning".repeat(800);
    let many_words = "mentorordningen ".repeat(2_000);
    let hostile = [
        "",
        " \t\n ",
        "a".repeat(10_000).as_str(),
        long_word.as_str(),
        many_words.as_str(),
        "\"mentor",
        "\"\"\"",
        "og i at det",
        "!!! ??? ... ---",
        ".*(a|b)+$ [^x]{2,} \\d",
        "'; DROP TABLE pages; --",
        "1 OR 1=1",
        "<script>alert(1)</script>",
        "-",
        "-- -mentor",
        "mentor* ~2 title:x (((",
        "\u{202e}\u{200b}\u{0}",
        "🙂 مرحبا",
    ]
    .map(String::from);
    for query in &hostile {
        let results = engine.search(query, 10);
        assert!(results.is_ok(), "{query:.40}: {results:?}");
        let filtered = engine.search_filtered(query, usize::MAX, &Filters::default());
        assert!(filtered.is_ok(), "{query:.40}");
    }
    assert_eq!(
        engine.search(&many_words, 10).expect("search").hits[0].title,
        "Delta"
    );
}

#[test]
fn empty_and_nonsense_queries_return_nothing() {
    let engine = engine(&[("Delta", "x", "noget tekst")]);
    assert_eq!(engine.search("", 10).expect("search").total, 0);
    assert_eq!(
        engine
            .search("\"'%; DROP TABLE", 10)
            .expect("search")
            .hits
            .len(),
        0
    );
}

#[test]
fn a_questions_scaffolding_searched_when_nothing_else_found_is_named() {
    let engine = engine(&[
        ("Klubhuset", "x", "folk mødes i klubhuset"),
        ("Værkstedet", "x", "træning i værkstedet"),
    ]);
    let results = engine.search("folk med zzyzx", 10).expect("search");
    assert_eq!(sorted_titles(&results), ["Klubhuset"]);
    assert_eq!(
        results.rewrites,
        [Rewrite {
            kind: RewriteKind::Scaffolding,
            typed: "zzyzx".into(),
            also: vec!["folk".into()],
            instead: false,
        }]
    );
    // What the query asks about is found: no scaffolding searched or named.
    let found = engine.search("folk i værkstedet", 10).expect("search");
    assert_eq!(sorted_titles(&found), ["Værkstedet"]);
    assert!(found.rewrites.is_empty());
}

#[test]
fn a_synonym_of_several_words_is_found_through_its_stop_words() {
    let engine = engine_with_synonyms(
        vec![vec!["hjemløse".into(), "sover på gaden".into()]],
        &[
            ("Herberget", "tilbud til hjemløse om dagen"),
            ("Gaden", "gaden er stille, og han sover godt"),
        ],
    );
    // The page writing "hjemløse" is found (the run searched whole, not
    // "sover" and "gaden" apart); the one writing the words typed is too.
    let results = engine
        .search("folk der sover på gaden", 10)
        .expect("search");
    assert_eq!(sorted_titles(&results), ["Gaden", "Herberget"]);
    assert!(results
        .rewrites
        .iter()
        .any(|r| r.kind == RewriteKind::Synonym && r.typed == "sover på gaden"));
}

/// An engine over pages of (title, body, methods, target groups).
/// An engine on pages of (title, body), with these synonym groups.
fn engine_with_synonyms(groups: Vec<Vec<String>>, pages: &[(&str, &str)]) -> Engine {
    engine_of(
        IndexBuilder::new().with_synonyms(groups),
        pages.iter().map(|(title, body)| page(title, body)),
    )
}

fn tagged_engine(pages: &[(&str, &str, &[&str], &[&str])]) -> Engine {
    let terms = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    engine_of(
        IndexBuilder::new(),
        pages
            .iter()
            .map(|(title, body, methods, groups)| IndexDocument {
                taxonomies: [
                    ("metode".to_string(), terms(methods)),
                    ("maalgruppe".to_string(), terms(groups)),
                ]
                .into_iter()
                .collect(),
                ..page(title, body)
            }),
    )
}

fn sorted_titles(results: &SearchResults) -> Vec<String> {
    let mut titles: Vec<String> = results.hits.iter().map(|h| h.title.clone()).collect();
    titles.sort();
    titles
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

#[test]
fn a_word_found_as_part_of_a_compound_is_shown_in_its_sentence() {
    // "mentor", "fastholdelse" and "ordninger" stand alone on one page, so
    // the index splits the compounds.
    let engine = tagged_engine(&[
        ("Alfa", "En mentor hjælper med fastholdelse og ordninger.", &[], &[]),
        (
            "Beta",
            "Lang indledning om stedet og dets historie.\n\nBorgeren fik en fastholdelsesmentor i virksomheden.",
            &[],
            &[],
        ),
        (
            "Gamma",
            "Stedet har køkken.\n\nMentorordninger er et perspektiv.",
            &[],
            &[],
        ),
    ]);
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    for filters in [Filters::default(), literal] {
        let results = engine
            .search_filtered("mentor", 10, &filters)
            .expect("search");
        for (title, highlighted) in [
            ("Beta", "<b>fastholdelsesmentor</b>"),
            ("Gamma", "<b>Mentorordninger</b>"),
        ] {
            let hit = results.hits.iter().find(|h| h.title == title).expect(title);
            assert!(
                hit.snippet.contains(highlighted),
                "{filters:?}: {}",
                hit.snippet
            );
        }
    }
}

#[test]
fn rewrite_notes_name_words_as_the_pages_write_them() {
    let engine = tagged_engine(&[
        (
            "Alfa",
            "Hjemløseenheden hjælper hjemløse borgere.",
            &[],
            &[],
        ),
        (
            "Beta",
            "En støtteperson og en anden støtteperson.",
            &[],
            &[],
        ),
        ("Gamma", "Misbrug og behandling.", &[], &[]),
    ]);
    let also = |query: &str, kind: RewriteKind| -> Vec<String> {
        let results = engine.search(query, 10).expect("search");
        results
            .rewrites
            .iter()
            .filter(|r| r.kind == kind)
            .flat_map(|r| r.also.clone())
            .collect()
    };
    // Typed in ASCII or not, the completion is written with its ø.
    for typed in ["hjemlose", "hjemløse"] {
        assert_eq!(
            also(typed, RewriteKind::Prefix),
            ["hjemløseenheden"],
            "{typed}"
        );
    }
    assert_eq!(also("stotteprson", RewriteKind::Spelling), ["støtteperson"]);
    assert_eq!(also("støteperson", RewriteKind::Spelling), ["støtteperson"]);
}

#[test]
fn a_snippet_shows_the_word_typed_before_a_synonym_of_it() {
    // "mentor" ~ "kontaktperson"; "fastholdelse" alone on a page makes the
    // index split "fastholdelsesmentorforløb".
    let engine = engine_with_synonyms(
        vec![vec!["mentor".into(), "kontaktperson".into()]],
        &[
            ("Alfa", "En mentor og fastholdelse."),
            (
                "Beta",
                "Samtaler med kontaktperson hver uge.\n\nSenest fik K1 et fastholdelsesmentorforløb i virksomheden.",
            ),
            ("Gamma", "Samtaler med kontaktperson hver uge."),
        ],
    );
    let results = engine.search("mentor", 10).expect("search");
    let snippet = |title: &str| {
        results
            .hits
            .iter()
            .find(|h| h.title == title)
            .unwrap_or_else(|| panic!("{title} found"))
            .snippet
            .clone()
    };
    assert!(
        snippet("Beta").contains("<b>fastholdelsesmentorforløb</b>"),
        "{}",
        snippet("Beta")
    );
    // A page with only the synonym shows the synonym.
    assert!(
        snippet("Gamma").contains("<b>kontaktperson</b>"),
        "{}",
        snippet("Gamma")
    );
}

#[test]
fn related_words_are_named_but_not_searched() {
    let engine = engine_of(
        IndexBuilder::new().with_related(vec![vec!["mentor".into(), "kontaktperson".into()]]),
        [
            page("Alfa", "En mentor i praktikken."),
            page("Beta", "En kontaktperson hver uge."),
        ],
    );
    let results = engine.search("mentor", 10).expect("search");
    assert_eq!(sorted_titles(&results), ["Alfa"]);
    let related = Rewrite {
        kind: RewriteKind::Related,
        typed: "mentor".into(),
        also: vec!["kontaktperson".into()],
        instead: false,
    };
    assert!(
        results.rewrites.contains(&related),
        "{:?}",
        results.rewrites
    );
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    let plain = engine
        .search_filtered("mentor", 10, &literal)
        .expect("search");
    assert!(plain.rewrites.is_empty(), "{:?}", plain.rewrites);
}

/// A hit is marked as a wish when its snippet's match stands in one of the
/// page's wish sentences, and only then.
#[test]
fn a_snippet_in_a_wish_sentence_marks_its_hit() {
    let wish = "Værkstedet vil gerne prøve en mentor.";
    let engine = engine_of(
        IndexBuilder::new(),
        [
            IndexDocument {
                wishes: vec![wish.into()],
                ..page("Alfa", &format!("Vi har et værksted.\n\n{wish}"))
            },
            page("Beta", "Hver deltager har en mentor."),
        ],
    );
    let results = engine.search("mentor", 10).expect("search");
    let marked = |title: &str| {
        results
            .hits
            .iter()
            .find(|h| h.title == title)
            .map(|h| h.wish)
    };
    assert_eq!(marked("Alfa"), Some(true));
    assert_eq!(marked("Beta"), Some(false));
    // The match elsewhere than in the wish: not marked.
    let results = engine.search("værksted", 10).expect("search");
    assert_eq!(results.hits.first().map(|h| h.wish), Some(false));
}

#[test]
fn a_wish_sentence_not_in_the_text_is_refused_with_its_page() {
    let mut builder = IndexBuilder::new();
    builder.add(IndexDocument {
        wishes: vec!["Noget andet.".into()],
        ..page("Alfa", "En tekst.")
    });
    let err = builder.build().err().expect("refused");
    assert!(err.to_string().contains("eksempler/alfa/"), "{err}");
}

#[test]
fn judged_queries_lift_the_pages_they_point_to_among_the_pages_matched() {
    let pages = [
        page("Alfa", "hjemløse hjemløse hjemløse og job"),
        page("Beta", "hjemløse og en værkstedsplads"),
        page("Gamma", "en værkstedsplads for alle"),
    ];
    let judged = vec![crate::judged::JudgedQuery {
        text: "hjemløse i arbejde".into(),
        grades: vec![
            ("eksempler/beta/".into(), 3),
            ("eksempler/gamma/".into(), 3),
        ],
    }];
    let plain = engine_of(IndexBuilder::new(), pages.clone());
    let learned = engine_of(IndexBuilder::new().with_judged_queries(judged), pages);
    let titles = |engine: &Engine, filters: &Filters| -> Vec<String> {
        let results = engine
            .search_filtered("hjemløse", 10, filters)
            .expect("search");
        results.hits.into_iter().map(|hit| hit.title).collect()
    };
    assert_eq!(titles(&plain, &Filters::default()), ["Alfa", "Beta"]);
    // Beta is lifted above Alfa; Gamma, which the word does not find, is not added.
    assert_eq!(titles(&learned, &Filters::default()), ["Beta", "Alfa"]);
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    assert_eq!(titles(&learned, &literal), ["Alfa", "Beta"]);
    // A word no judged query holds ranks as before.
    let job = learned.search("værkstedsplads", 10).expect("search");
    let plain_job = plain.search("værkstedsplads", 10).expect("search");
    assert_eq!(job.hits, plain_job.hits);
}
