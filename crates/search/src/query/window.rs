//! Evidence that a page speaks of two of the query's concepts together:
//! each pair of typed words found within a short window of each other, in
//! either order (about a sentence or two), scores again. A page that joins
//! "psykisk sårbare" and "job" in one passage is about both; one that
//! mentions them sections apart may be about neither. Words typed side by
//! side and standing side by side (a name) score besides, by nearness.

use tantivy::query::{Occur, PhraseQuery, Query};
use tantivy::Term;

use super::clauses::boosted;
use crate::analysis::analyze;
use crate::schema::IndexFields;

/// How far apart, in words, two of the query's words may stand (either
/// order): 20 ranked best on the judged sets, against 5, 10 and 15 (a
/// little less) and 30 or 50 (less: then most pages qualify).
const WINDOW_WORDS: u32 = 20;
/// Weight of each pair found together (1 and 1.5 gained less; 3 and more
/// lost on questions, where it outweighed the words themselves).
const WINDOW_WEIGHT: f32 = 2.0;
/// Pairs are counted among the first words only: a pasted paragraph would
/// make hundreds of them.
const MAX_WINDOW_WORDS: usize = 8;

/// One clause per pair of typed words (each by its first analyzed term).
pub(super) fn window_clauses(
    words: &[String],
    fields: &IndexFields,
) -> Vec<(Occur, Box<dyn Query>)> {
    let terms: Vec<String> = words
        .iter()
        .take(MAX_WINDOW_WORDS)
        .filter_map(|word| analyze(word).into_iter().next())
        .collect();
    let mut clauses = Vec::new();
    for (i, first) in terms.iter().enumerate() {
        for second in terms[i + 1..].iter().filter(|second| *second != first) {
            // Two terms in a sloppy phrase match within the slop either way round.
            let mut together = PhraseQuery::new(vec![
                Term::from_field_text(fields.text, first),
                Term::from_field_text(fields.text, second),
            ]);
            together.set_slop(WINDOW_WORDS);
            clauses.push((Occur::Should, boosted(Box::new(together), WINDOW_WEIGHT)));
        }
    }
    clauses
}

#[cfg(test)]
mod tests {
    use crate::test_pages::{engine_of, page};
    use crate::writer::IndexBuilder;

    #[test]
    fn a_page_joining_two_words_in_a_sentence_outranks_one_naming_them_far_apart() {
        let filler = "Borgerne mødes om morgenen i værkstedet og taler om ugen. ".repeat(4);
        let engine = engine_of(
            IndexBuilder::new(),
            [
                // "job" twice: without the window this page would rank first.
                page(
                    "Spredt",
                    &format!("Sårbare borgere. {filler} Et job. Et job."),
                ),
                page(
                    "Samlet",
                    &format!("Sårbare borgere fik hjælp til et job. {filler}"),
                ),
                page("Andet", "Et værksted for alle."),
            ],
        );
        let results = engine.search("sårbare job", 10).expect("search");
        let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Samlet", "Spredt"]);
    }
}
