//! How a search widens beyond the words typed (synonyms, spelling,
//! question scaffolding, related words) and how its notes name what it did.

use super::*;
use crate::hit::{Rewrite, RewriteKind};
use crate::test_pages::{
    engine_of, engine_with_synonyms, keyword_engine, page, sorted_titles, tagged_engine,
    titles_as_typed,
};
use crate::writer::{IndexBuilder, IndexDocument};

/// `text` searched as typed and inflected only (`Filters::literal`).
fn search_literal(engine: &Engine, text: &str) -> SearchResults {
    let literal = Filters {
        literal: true,
        ..Filters::default()
    };
    engine.search_filtered(text, 10, &literal).expect("search")
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
    let exact = search_literal(&engine, "hjemløse");
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
    let as_typed = search_literal(&engine, "mentorordnig");
    assert_eq!(
        as_typed.total, 0,
        "literally, a misspelt word finds nothing"
    );
}

#[test]
fn a_questions_scaffolding_searched_when_nothing_else_found_is_named() {
    let engine = keyword_engine(&[
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
    let plain = search_literal(&engine, "mentor");
    assert!(plain.rewrites.is_empty(), "{:?}", plain.rewrites);
}

#[test]
fn an_age_asked_for_finds_the_cases_of_that_age_and_says_so() {
    let case = |title: &str, body: &str, age: u64| IndexDocument {
        age: Some(age),
        ..page(title, body)
    };
    let engine = engine_of(
        IndexBuilder::new(),
        [
            case("Alfa", "Borgeren er ledig og får et fleksjob.", 59),
            case("Beta", "Borgeren er ledig og får et fleksjob.", 40),
            page("Gamma", "Ledige over 30 får kun ét tilbud."),
            page("Delta", "Et værested for hjemløse."),
        ],
    );
    let over = engine.search("ledig over 55", 10).expect("search");
    assert_eq!(over.hits[0].title, "Alfa", "the case of 59 first");
    assert!(over.rewrites.contains(&Rewrite {
        kind: RewriteKind::Age,
        typed: "over 55".into(),
        also: vec!["56 år eller ældre".into()],
        instead: false,
    }));
    // Alone, an age lists the cases in its range.
    let seniors = engine.search("seniorer", 10).expect("search");
    assert_eq!(titles_as_typed(&seniors), ["Alfa"]);
    // The number is still a word: the rule about "ledige over 30" is
    // found beside the cases over 30, and a count is not an age.
    let rule = engine.search("over 30", 10).expect("search");
    assert_eq!(sorted_titles(&rule), ["Alfa", "Beta", "Gamma"]);
    let counted = engine.search("over 20 virksomheder", 10).expect("search");
    assert!(counted.rewrites.iter().all(|r| r.kind != RewriteKind::Age));
    // A literal search reads what was typed, not an age group.
    let literal = search_literal(&engine, "seniorer");
    assert_eq!(literal.total, 0);
}

#[test]
fn a_reading_a_page_names_only_in_its_keywords_is_written_as_they_write_it() {
    let engine = keyword_engine(&[
        ("Alfa", "Sydsjælland", "Et værested for hjemløse."),
        ("Beta", "Fyn", "Et aktivitetscenter for misbrugere."),
    ]);
    let results = engine.search("sydsjlland", 10).expect("search");
    let spelling = results
        .rewrites
        .iter()
        .find(|r| r.kind == RewriteKind::Spelling)
        .expect("read as a word the index has");
    assert_eq!(spelling.also[0], "sydsjælland", "{:?}", results.rewrites);
}

#[test]
fn a_verb_form_no_page_writes_is_found_in_the_forms_pages_write() {
    let engine = engine_with_synonyms(
        Vec::new(),
        &[
            (
                "Alfa",
                "Borgeren opførte sig truende over for sin kontaktperson.",
            ),
            ("Beta", "Et værested for hjemløse."),
        ],
    );
    let results = engine.search("truer", 10).expect("search");
    assert_eq!(titles_as_typed(&results), ["Alfa"]);
    assert!(results.rewrites.contains(&Rewrite {
        kind: RewriteKind::Inflection,
        typed: "truer".into(),
        also: vec!["truende".into()],
        instead: false,
    }));
    // A form a page writes is searched as it is.
    let written = engine.search("truende", 10).expect("search");
    assert!(written
        .rewrites
        .iter()
        .all(|r| r.kind != RewriteKind::Inflection));
    // A literal search reads only the word typed.
    let literal = search_literal(&engine, "truer");
    assert_eq!(literal.total, 0);
}
