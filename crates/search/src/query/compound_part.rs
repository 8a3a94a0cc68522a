//! A compound the index has, found weakly by each of its long parts alone:
//! a reader's compound is often not the page's ("løntilskudsjob" where the
//! page says "løntilskud", "praktikforløb" where it says "praktik"), and a
//! long part names the subject. Each part counts by how well it tells pages
//! apart, so a part on most pages ("forløb") adds next to nothing.

use tantivy::query::Query;

use super::clauses::any_of;
use super::Widening;
use crate::analysis::analyze;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;

/// A part shorter than this is too often a word by accident ("job", "hold").
const MIN_PART_CHARS: usize = 6;
/// What a rare part alone earns beside the whole compound (1).
const PART_ALONE_WEIGHT: f32 = 0.2;

/// The pages with one of the long `parts` of the compound `word`, each part
/// weighted by its rarity; `None` when no part is long enough. Noted for the
/// reader unless every part searched is already named (`noted`).
pub(super) fn parts_alone(
    fields: &IndexFields,
    word: &str,
    parts: &[String],
    noted: bool,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Option<Box<dyn Query>> {
    // The last part is the compound's head, the kind of thing it names, and
    // generic ("mentor|ordning", "praktik|forløb"): alone it finds every
    // "ordning" (blind user test 12: 8 of 17 hits for "mentorordning").
    // The parts before it say which one.
    let modifiers = &parts[..parts.len().saturating_sub(1)];
    let long: Vec<&String> = modifiers
        .iter()
        .filter(|part| part.chars().count() >= MIN_PART_CHARS)
        .collect();
    if long.is_empty() {
        return None;
    }
    if !noted {
        widening.note(
            RewriteKind::Compound,
            word,
            long.iter().map(|part| part.to_string()).collect(),
        );
    }
    let clauses = long
        .into_iter()
        .map(|part| {
            let rarity = analyze(part)
                .iter()
                .map(|term| lexicon.discrimination(term))
                .fold(0.0, f32::max);
            any_of(
                fields,
                std::slice::from_ref(part),
                PART_ALONE_WEIGHT * rarity,
            )
        })
        .map(|query| (tantivy::query::Occur::Should, query))
        .collect();
    Some(Box::new(tantivy::query::BooleanQuery::new(clauses)))
}

#[cfg(test)]
mod tests {
    use crate::hit::RewriteKind;
    use crate::test_pages::{engine_of, page, titles_as_typed};
    use crate::writer::IndexBuilder;

    #[test]
    fn a_compound_finds_pages_with_its_long_part_alone_below_those_with_it_whole() {
        let engine = engine_of(
            IndexBuilder::new(),
            [
                page("Tømrer", "Hun fik løntilskud hos en tømrer."),
                page("Kommunen", "Et løntilskudsjob i kommunen."),
                page("Café", "Et job i en café."),
            ],
        );
        let results = engine.search("løntilskudsjob ", 10).expect("search");
        let as_typed = titles_as_typed(&results);
        // "job" is too short to search alone, as typed or wider (a wider
        // head has four letters at least): the café is not found.
        assert_eq!(as_typed, ["Kommunen", "Tømrer"]);
        assert_eq!(results.hits.len(), 2, "{:?}", results.hits);
        // Named as the compound holds it, linking "s" and all (as the
        // compound's other notes name its parts).
        assert!(results.rewrites.iter().any(|rewrite| {
            rewrite.kind == RewriteKind::Compound
                && rewrite.typed == "løntilskudsjob"
                && rewrite.also == ["løntilskuds"]
        }));
    }

    #[test]
    fn the_head_of_a_compound_is_not_searched_alone() {
        let engine = engine_of(
            IndexBuilder::new(),
            [
                page("Mentorer", "En mentorordning for hver deltager."),
                page("Praktik", "En mentor under praktikken."),
                page(
                    "Frokost",
                    "Virksomheden leverer frokostordninger og en ordning for ældre.",
                ),
            ],
        );
        let results = engine.search("mentorordning", 10).expect("search");
        let as_typed = titles_as_typed(&results);
        // "mentor" alone finds the placement; "ordning" alone finds nothing
        // (only the wider search that follows so few pages does).
        assert_eq!(as_typed, ["Mentorer", "Praktik"]);
    }
}
