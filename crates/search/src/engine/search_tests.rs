//! The engine's searches on small indexes built here.

use super::*;
use crate::test_pages::{engine_of, keyword_engine, page, tagged_engine};
use crate::writer::{IndexBuilder, IndexDocument};

#[test]
fn finds_inflected_form_and_ranks_keywords_above_body() {
    let engine = keyword_engine(&[
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
    let engine = keyword_engine(&[
        ("Alpha", "Værksted", "Her bruges en mentorordning."),
        ("Beta", "Køkken", "Ordningen har en mentor."),
    ]);
    let results = engine.search("\"mentor ordning\"", 10).expect("search");
    let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, ["Alpha"]);
}

#[test]
fn snippets_escape_markup_from_content() {
    let engine = keyword_engine(&[(
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
    let engine = keyword_engine(&[
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
    let engine = keyword_engine(&[("Delta", "x", "noget tekst")]);
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
        results
            .hits
            .into_iter()
            .filter(|hit| !hit.judged)
            .map(|hit| hit.title)
            .collect()
    };
    assert_eq!(titles(&plain, &Filters::default()), ["Alfa", "Beta"]);
    // Beta is lifted above Alfa; Gamma, which the word does not find, is
    // not among the pages matched (it may only follow them, marked:
    // `wider`).
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

#[test]
fn a_page_of_the_kind_the_best_pages_are_rises_among_the_matches() {
    let tagged = |title: &str, body: &str, method: &str| IndexDocument {
        taxonomies: [("metode".to_string(), vec![method.to_string()])].into(),
        ..page(title, body)
    };
    let pages = || {
        [
            tagged("Værksted", "Et værksted med jobtræning.", "Jobtræning"),
            tagged("Beta", "Et værksted for kunst og kultur i byen.", "Jobtræning"),
            tagged("Gamma", "Et værksted for kunst og kultur.", "Kunst"),
            tagged(
                "Delta",
                "Et stort værksted med mange andre ting og sager og meget mere tekst her om alt muligt.",
                "Kunst",
            ),
        ]
    };
    let titles = |engine: &Engine| -> Vec<String> {
        let results = engine.search("værksted", 10).expect("search");
        results.hits.iter().map(|h| h.title.clone()).collect()
    };
    let plain = engine_of(IndexBuilder::new(), pages());
    assert_eq!(titles(&plain), ["Værksted", "Gamma", "Beta", "Delta"]);
    let by_kind = engine_of(
        IndexBuilder::new().with_kind_taxonomies(&["metode"]),
        pages(),
    );
    let ranked = titles(&by_kind);
    assert_eq!(ranked[..2], ["Værksted", "Beta"], "Beta is Værksted's kind");
}
