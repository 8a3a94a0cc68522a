//! The spelling reader's tests: misspelt words read as the word meant,
//! real words and compounds left alone.

use crate::engine::Engine;
use crate::hit::{RewriteKind, SearchResults};
use crate::test_pages::{engine_of, page};
use crate::writer::IndexBuilder;

fn engine() -> Engine {
    let synonyms = vec![vec!["udlændinge".to_string(), "indvandrere".to_string()]];
    engine_of(
        IndexBuilder::new().with_synonyms(synonyms),
        [
            page("Flygtninge", "Flygtninge får arbejde i en virksomhed."),
            page("Indvandrere", "Indvandrere lærer dansk på arbejdspladsen."),
            page("Kontakt", "En kontakt person følger hver borger."),
            page("Forandring", "Vi vil ændre måden vi arbejder på."),
            page("Skive", "Et værksted i Skive."),
            page("Skema", "Hvad der skal ske står i et skema."),
        ],
    )
}

fn search(text: &str) -> SearchResults {
    engine().search(text, 10).expect("search")
}

fn titles(results: &SearchResults) -> Vec<&str> {
    results.hits.iter().map(|h| h.title.as_str()).collect()
}

fn spelling(results: &SearchResults) -> Vec<(&str, Vec<&str>)> {
    results
        .rewrites
        .iter()
        .filter(|r| r.kind == RewriteKind::Spelling)
        .map(|r| {
            (
                r.typed.as_str(),
                r.also.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn an_inflection_no_page_writes_is_read_by_its_stem() {
    // No page writes "flygtningene"; one edit from its stem "flygtning".
    let results = search("flygtnngene ");
    assert_eq!(titles(&results), ["Flygtninge"]);
    assert_eq!(spelling(&results), [("flygtnngene", vec!["flygtninge"])]);
}

#[test]
fn a_word_of_the_synonym_list_is_read_as_typed_right() {
    // "udlændinge" is on no page: read as it, it widens to its group.
    let results = search("udlæninge ");
    assert_eq!(titles(&results), ["Indvandrere"]);
    assert_eq!(spelling(&results), [("udlæninge", vec!["udlændinge"])]);
}

#[test]
fn a_sure_reading_joins_the_next_word_as_if_typed_right() {
    // Read as "kontakt", the two words stand side by side on one page.
    let results = search("konttakt person ");
    assert_eq!(titles(&results).first(), Some(&"Kontakt"));
}

#[test]
fn a_short_reading_is_taken_when_the_next_word_confirms_it() {
    let engine = engine_of(
        IndexBuilder::new(),
        [
            page("Kontaktperson", "Kontakt med en kontaktperson hver uge."),
            page("Kontrakt", "En kontrakt om en person i job."),
        ],
    );
    // "konakt" alone could be "kontakt" or "kontrakt"; with "person"
    // after it, "kontaktperson" is a word the pages write.
    let results = engine.search("konakt person ", 10).expect("search");
    assert_eq!(titles(&results).first(), Some(&"Kontaktperson"));
    let joined = results
        .rewrites
        .iter()
        .any(|r| r.kind == RewriteKind::Joined);
    assert!(joined, "{:?}", results.rewrites);
}

#[test]
fn a_short_unknown_word_is_kept_and_its_readings_only_searched_beside_it() {
    // "ældre" may be a real word no page uses: it is not replaced by
    // "ændre", which is searched beside it, weakly.
    let results = search("ældre ");
    assert_eq!(spelling(&results), [("ældre", vec!["ændre"])]);
    assert_eq!(titles(&results), ["Forandring"]);
    let weak = results.hits[0].score;
    let exact = search("ændre ").hits[0].score;
    assert!(weak < exact * 0.5, "{weak} vs {exact}");
}

fn engine_knowing_danish(words: &[&str]) -> Engine {
    let danish = words.iter().map(|w| w.to_string()).collect();
    engine_of(
        IndexBuilder::new().with_danish_words(danish),
        [
            page("Forandring", "Vi vil ændre måden vi arbejder på."),
            page("Skive", "Et værksted i Skive."),
        ],
    )
}

#[test]
fn a_real_danish_word_is_not_read_as_a_slip() {
    // With the dictionary's word, "ældre" is what the reader meant.
    let results = engine_knowing_danish(&["ældre", "pille"])
        .search("ældre vi arbejder", 10)
        .expect("search");
    assert!(spelling(&results).is_empty(), "{:?}", results.rewrites);
}

#[test]
fn a_short_word_no_dictionary_holds_is_read_as_the_word_meant() {
    // "skiva" is no Danish word: read as "skive", as if typed right,
    // not kept beside it and searched weakly.
    let engine = engine_knowing_danish(&["ældre", "pille"]);
    let results = engine.search("skiva værksted", 10).expect("search");
    assert_eq!(spelling(&results), [("skiva", vec!["skive"])]);
    assert!(
        results.rewrites.iter().all(|r| r.instead),
        "{:?}",
        results.rewrites
    );
    let exact = engine.search("skive værksted", 10).expect("search");
    assert_eq!(results.hits[0].score, exact.hits[0].score);
    // Without a dictionary the same word is kept and read weakly.
    let unsure = engine_knowing_danish(&[])
        .search("skiva værksted", 10)
        .expect("search");
    assert!(unsure.hits[0].score < exact.hits[0].score, "{unsure:?}");
    assert!(
        unsure.rewrites.iter().all(|r| !r.instead),
        "{:?}",
        unsure.rewrites
    );
}

#[test]
fn readings_as_near_as_the_likeliest_are_searched_too() {
    // "skve" is one edit from "ske" and from "skive" alike; nothing
    // matches it as typed, so the wider search reads it as both.
    let results = search("skve ");
    let mut found = titles(&results);
    found.sort_unstable();
    assert_eq!(found, ["Skema", "Skive"]);
}

#[test]
fn a_slip_in_a_question_word_leaves_the_question_word_out() {
    let results = search("hvofor flygtninge ");
    assert_eq!(titles(&results), ["Flygtninge"]);
}

#[test]
fn what_a_reading_leads_to_is_named_as_the_pages_write_it() {
    let engine = engine_of(
        IndexBuilder::new(),
        [page(
            "Støtteperson",
            "En støtteperson på arbejdspladsen. Støttepersonen hjælper.",
        )],
    );
    // Still being typed: its completions are named after the reading.
    let results = engine.search("stotteprson", 10).expect("search");
    let named: Vec<&str> = results.rewrites.iter().map(|r| r.typed.as_str()).collect();
    assert!(named.contains(&"stotteprson"), "{:?}", results.rewrites);
    assert!(!named.contains(&"stotteperson"), "{:?}", results.rewrites);
    assert!(named.contains(&"støtteperson"), "{:?}", results.rewrites);
}

#[test]
fn a_compound_beginning_with_a_function_word_is_no_slip() {
    let engine = engine_of(
        IndexBuilder::new(),
        [
            page("Behandling", "Behandling og efterbehandlingstilbud."),
            page("Efter", "Efter et forløb: misbrugere i job."),
        ],
    );
    // "efter" is never a part of its own; "efterbehandling" is still
    // "efter|behandling", not a slip for "efte|behandling".
    let results = engine
        .search("efterbehandling af misbrugere", 10)
        .expect("search");
    assert!(spelling(&results).is_empty(), "{:?}", results.rewrites);
}

#[test]
fn a_short_rest_of_a_compound_is_not_read_as_a_slip() {
    let engine = engine_of(
        IndexBuilder::new(),
        [page("Bænke", "Bænke i parken, og så videre.")],
    );
    // "bænkebidere" is a real word; its rest "bidere" is one edit from
    // "videre", too short a rest to tell a slip from a word.
    let results = engine.search("bænkebidere i job", 10).expect("search");
    assert!(spelling(&results).is_empty(), "{:?}", results.rewrites);
}

#[test]
fn a_slip_in_a_compound_s_first_part_is_read_as_the_part_meant() {
    let engine = engine_of(
        IndexBuilder::new(),
        [
            page(
                "Progression",
                "Et progressionsværktøj måler borgerens progression.",
            ),
            page("Mål", "Borgerens mål for forløbet."),
        ],
    );
    // No page writes "progressionsmål"; a slip in its first part is read
    // as the part meant, with the known last part, and so found by its parts.
    let results = engine.search("progresionsmål", 10).expect("search");
    assert_eq!(
        spelling(&results),
        [("progresionsmål", vec!["progressionsmål"])]
    );
    assert_eq!(titles(&results)[..1], ["Progression"]);
}

#[test]
fn a_compound_of_known_words_is_no_slip() {
    let results = search("flygtningearbejde ");
    assert!(spelling(&results).is_empty(), "{:?}", results.rewrites);
}

/// A dropped æ is one letter dropped, though the index folds it to two:
/// "sydsjlland" is read as "sydsjælland", not as "sydjylland", which more
/// pages write but which is two slips away.
#[test]
fn a_dropped_folded_letter_counts_as_one_slip() {
    let engine = engine_of(
        IndexBuilder::new(),
        [
            page("Aabenraa", "Et værested i Sydjylland."),
            page("Esbjerg", "Et værksted i Sydjylland."),
            page("Vordingborg", "Et værested i Sydsjælland."),
        ],
    );
    let results = engine.search("sydsjlland", 10).expect("search");
    assert_eq!(titles(&results), ["Vordingborg"]);
    assert_eq!(spelling(&results), [("sydsjlland", vec!["sydsjælland"])]);
}
