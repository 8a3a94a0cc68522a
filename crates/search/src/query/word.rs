//! All ways one typed word can match: as written and inflected, misspelt
//! (its nearest indexed words), half-typed (its completions) and as a
//! compound (its parts), each way weighted by how far it is from the word
//! typed, and each widening noted for the reader.

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::clauses::{all_of, any_of, boosted, term_anywhere, term_written, PARTS_WEIGHT};
use super::{compound_part, fallback, Widening};
use crate::analysis::{analyze, analyze_unstemmed};
use crate::compounds::compound_leaves;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;

/// Corrections tried per misspelt word.
const MAX_CORRECTIONS: usize = 3;
/// A misspelt word this long is also corrected by its stem.
const MIN_STEM_CORRECTED_CHARS: usize = 8;
/// A misspelt or half-typed match counts for this share of an exact one.
const FUZZY_WEIGHT: f32 = 0.4;
const PREFIX_WEIGHT: f32 = 0.5;
/// A prefix shorter than this matches too much to mean anything.
const MIN_PREFIX_CHARS: usize = 3;

/// Weight of the parts of a compound the index has, when both are long words.
const KNOWN_PARTS_WEIGHT: f32 = 0.4;
const MIN_KNOWN_PART_CHARS: usize = 5;

/// How many completions of a half-typed word a rewrite note names.
const PREFIX_NOTE_WORDS: usize = 5;

/// Typo tolerance: one edit for words of 5+ letters, two for 9+.
pub(super) fn edit_distance_for(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A word a misspelt one may have meant: as the reader is shown it, and
/// the terms searched for it.
struct Correction {
    shown: String,
    terms: Vec<String>,
    edits: u8,
}

/// Corrections of a misspelt word, at most `MAX_CORRECTIONS`: the whole words
/// the pages write near it and the stems of the text near its stem (for an
/// inflection no page writes), the fewest edits first, one per stem.
fn corrections(lexicon: &dyn Lexicon, typed: &str, stem: &str, distance: u8) -> Vec<Correction> {
    let words = lexicon.near_words(typed, distance).into_iter().map(|(word, edits)| Correction {
        terms: analyze(&word),
        shown: word,
        edits,
    });
    // A stem is shorter than its words, so as many edits change more of
    // it: stems are near only by one edit, from words of 8+ letters, and
    // beginning as the stem typed does ("tørlag" is not "forlag").
    let stem_distance = if typed.chars().count() >= MIN_STEM_CORRECTED_CHARS {
        distance.min(1)
    } else {
        0
    };
    let first = stem.chars().next();
    let stems = lexicon.near_stems(stem, stem_distance).into_iter().filter(|(near, _)| near.chars().next() == first).map(|(near, edits)| {
        // Shown as the commonest word the pages write with that stem.
        let shown = lexicon
            .words_starting_with(&near)
            .into_iter()
            .find(|word| analyze(word) == [near.as_str()])
            .unwrap_or_else(|| near.clone());
        Correction {
            shown,
            terms: vec![near],
            edits,
        }
    });
    let mut all: Vec<Correction> = words.chain(stems).collect();
    // Stable: among equally near, whole words before stems, commonest first.
    all.sort_by_key(|c| c.edits);
    let mut kept: Vec<Correction> = Vec::new();
    for correction in all {
        if kept.len() < MAX_CORRECTIONS && !kept.iter().any(|k| k.terms == correction.terms) {
            kept.push(correction);
        }
    }
    kept
}

/// All ways one typed word can match.
pub(super) fn word_query(
    fields: &IndexFields,
    word: &str,
    prefix: bool,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Option<Box<dyn Query>> {
    let terms = analyze(word);
    let mut ways: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    match terms.as_slice() {
        [] => return None,
        [term] if widening.literal => ways.push((Occur::Should, term_written(fields, term))),
        [term] => {
            ways.push((Occur::Should, term_anywhere(fields, term)));
            // Does any way below find a page? If none does, the fallback's.
            let mut matched = lexicon.knows_stem(term);
            let mut corrected = false;
            // Misspelt and half-typed words are compared as whole words; a
            // word the index knows neither whole nor by its stem is taken as
            // misspelt and searches for its nearest indexed words instead.
            if let [typed] = analyze_unstemmed(word).as_slice() {
                let distance = if widening.fallback {
                    fallback::wider_distance(word)
                } else {
                    edit_distance_for(word)
                };
                // A word of the synonym list is the vocabulary's, not a slip.
                let unknown = !lexicon.knows_word(typed)
                    && !lexicon.knows_stem(term)
                    && !lexicon.synonyms().has_term(term);
                if distance > 0 && unknown {
                    let corrections = corrections(lexicon, typed, term, distance);
                    matched |= !corrections.is_empty();
                    corrected = !corrections.is_empty();
                    for correction in &corrections {
                        for term in &correction.terms {
                            ways.push((
                                Occur::Should,
                                boosted(term_anywhere(fields, term), FUZZY_WEIGHT),
                            ));
                        }
                    }
                    let shown = corrections.into_iter().map(|c| c.shown).collect();
                    widening.note(RewriteKind::Spelling, word, shown);
                }
                if prefix && typed.chars().count() >= MIN_PREFIX_CHARS {
                    let started_words = lexicon.words_starting_with(typed);
                    let longer = started_words.iter().filter(|w| *w != typed);
                    widening.note(
                        RewriteKind::Prefix,
                        word,
                        longer.take(PREFIX_NOTE_WORDS).cloned().collect(),
                    );
                    // Each completion as a term of its own (not an automaton
                    // query), so the engine sees which postings it needs.
                    let completions: Vec<(Occur, Box<dyn Query>)> = started_words
                        .iter()
                        .map(|word| {
                            let term = Term::from_field_text(fields.words, word);
                            let query: Box<dyn Query> =
                                Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                            (Occur::Should, query)
                        })
                        .collect();
                    if !completions.is_empty() {
                        matched = true;
                        let any = BooleanQuery::new(completions);
                        let started = Box::new(ConstScoreQuery::new(Box::new(any), 1.0));
                        ways.push((Occur::Should, boosted(started, PREFIX_WEIGHT)));
                    }
                }
            }
            // A compound the index lacks is looked for as its parts; one it
            // has is not split (its parts may be words by accident: "revalide|ring").
            let known = lexicon.knows_stem(term);
            // A misspelt word's correction is what was meant; its parts are
            // accidents ("aktiv|ring" in "aktivring", for "aktivering") and
            // would find pages that mean neither. The fallback, searching
            // wider because nothing was found, keeps both.
            let misspelt = corrected && !widening.fallback;
            let split = compound_leaves(word, &|t| lexicon.knows_stem(t)).filter(|_| !misspelt);
            if let Some(parts) = split {
                if !known {
                    matched = true;
                    widening.note(RewriteKind::Compound, word, parts.clone());
                    let parts_query = if widening.fallback {
                        any_of(fields, &parts, PARTS_WEIGHT)
                    } else {
                        all_of(fields, &parts, PARTS_WEIGHT)
                    };
                    ways.push((Occur::Should, parts_query));
                } else {
                    let all_long = parts
                        .iter()
                        .all(|part| part.chars().count() >= MIN_KNOWN_PART_CHARS);
                    if all_long {
                        // A compound the index has is also found as its long
                        // parts, weakly: "alkoholmisbrug" in a page that speaks of
                        // "alkohol" and "misbrug" (short parts are often accidents).
                        widening.note(RewriteKind::Compound, word, parts.clone());
                        ways.push((Occur::Should, all_of(fields, &parts, KNOWN_PARTS_WEIGHT)));
                        // Its head alone names something else: "ordningen"
                        // beside "mentorordningen" is no match of
                        // "mentorordning" (blind user test 19), so it is not
                        // highlighted; its modifiers are.
                        if let Some(head) = parts.last() {
                            widening.unhighlighted.insert(head.clone());
                        }
                    }
                    let alone = compound_part::parts_alone(
                        fields, word, &parts, all_long, lexicon, widening,
                    );
                    ways.extend(alone.map(|query| (Occur::Should, query)));
                }
            }
            if let Some(part) = fallback::known_end(word, lexicon).filter(|_| !matched) {
                ways.push((
                    Occur::Should,
                    any_of(fields, std::slice::from_ref(&part), PARTS_WEIGHT),
                ));
                widening.note(RewriteKind::Compound, word, vec![part]);
            }
        }
        // "mentor-ordning": the parts together.
        parts => ways.push((Occur::Should, all_of(fields, parts, 1.0))),
    }
    Some(Box::new(BooleanQuery::new(ways)))
}

#[cfg(test)]
mod tests {
    use crate::hit::RewriteKind;
    use crate::test_pages::{engine_of, page};
    use crate::writer::IndexBuilder;

    #[test]
    fn a_corrected_misspelling_is_not_also_searched_as_accidental_parts() {
        let engine = engine_of(
            IndexBuilder::new(),
            [
                page("Aktivering", "Social aktivering af ledige."),
                page("Telefon", "En aktiv dag: vi ring til borgerne."),
            ],
        );
        let results = engine.search("aktivring", 10).expect("search");
        let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Aktivering"]);
        let kinds: Vec<RewriteKind> = results.rewrites.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RewriteKind::Spelling], "{:?}", results.rewrites);
    }
}
