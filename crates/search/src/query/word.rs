//! All ways one typed word can match: as written and inflected, half-typed
//! (its completions) and as a compound (its parts), each way weighted by how
//! far it is from the word typed, and each widening noted for the reader. A
//! misspelt word arrives here as the word meant (`super::spelling`).

use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::clauses::{all_of, any_of, boosted, term_anywhere, term_written, PARTS_WEIGHT};
use super::{compound_part, fallback, inflection, Widening};
use crate::analysis::{analyze, analyze_unstemmed};
use crate::compounds::compound_leaves;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;

/// Another reading of a misspelt word, as near as the one it was read as,
/// counts for this share of it.
const ALTERNATIVE_WEIGHT: f32 = 0.4;
/// A half-typed match counts for this share of an exact one.
const PREFIX_WEIGHT: f32 = 0.5;
/// A prefix shorter than this matches too much to mean anything.
const MIN_PREFIX_CHARS: usize = 3;

/// Another inflection of a word no page writes ("truende" for "truer")
/// counts for this share of the word itself.
const INFLECTION_WEIGHT: f32 = 0.8;

/// Weight of the parts of a compound the index has, when both are long words.
const KNOWN_PARTS_WEIGHT: f32 = 0.4;
const MIN_KNOWN_PART_CHARS: usize = 5;

/// How many completions of a half-typed word a rewrite note names.
const PREFIX_NOTE_WORDS: usize = 5;

/// Typo tolerance: one edit for words of 5+ letters, two for 9+ (`super::spelling`).
pub fn edit_distance_for(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
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
            // (A misspelt word was read as the word meant already:
            // `super::spelling`.)
            let mut matched = lexicon.knows_stem(term);
            // A kept misspelling's weak readings do not count as a match: it
            // may be a real compound whose end the pages know, which
            // `fallback::known_end` then finds (the second development set
            // lost 0.008 when they counted).
            let alternatives = widening.spelling_alternatives.get(word).cloned();
            for alternative in alternatives.unwrap_or_default() {
                for term in analyze(&alternative) {
                    ways.push((
                        Occur::Should,
                        boosted(term_anywhere(fields, &term), ALTERNATIVE_WEIGHT),
                    ));
                }
            }
            // Half-typed words are compared as whole words.
            if let [typed] = analyze_unstemmed(word).as_slice() {
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
            // A word no page writes, in the inflections pages write.
            let known = lexicon.knows_stem(term);
            if !known {
                let inflections = inflection::other_inflections(word, term, lexicon);
                if !inflections.is_empty() {
                    matched = true;
                    let (written, terms): (Vec<String>, Vec<String>) =
                        inflections.into_iter().unzip();
                    widening.note(RewriteKind::Inflection, word, written);
                    for term in terms {
                        ways.push((
                            Occur::Should,
                            boosted(term_anywhere(fields, &term), INFLECTION_WEIGHT),
                        ));
                    }
                }
            }
            // A compound the index lacks is looked for as its parts; one it
            // has is not split (its parts may be words by accident: "revalide|ring").
            let split = compound_leaves(word, &|t| lexicon.knows_stem(t))
                .filter(|_| !widening.kept_misspellings.contains(word));
            if let Some(parts) = split.clone() {
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
            // The wider search that follows a query finding few pages.
            if let Some(head) = fallback::head_of_known(word, split.as_deref(), lexicon)
                .filter(|_| widening.fallback && known)
            {
                let head = vec![head];
                ways.push((Occur::Should, any_of(fields, &head, KNOWN_PARTS_WEIGHT)));
                widening.note(RewriteKind::Compound, word, head);
            }
            if let Some(part) = fallback::known_end(word, lexicon).filter(|_| !matched) {
                ways.push((
                    Occur::Should,
                    any_of(fields, std::slice::from_ref(&part), PARTS_WEIGHT),
                ));
                widening.note(RewriteKind::Compound, word, vec![part]);
            }
        }
        // "mentor-ordning": the parts together; when the query found nothing
        // that way, any of them, as a compound's parts are.
        parts if widening.fallback => {
            ways.push((Occur::Should, any_of(fields, parts, PARTS_WEIGHT)))
        }
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
        let titles = |text: &str| -> Vec<String> {
            let results = engine.search(text, 10).expect("search");
            results.hits.into_iter().map(|h| h.title).collect()
        };
        // Read as "aktivering", it finds what "aktivering" finds, not what
        // "aktiv" and "ring" find.
        assert_eq!(titles("aktivring"), titles("aktivering"));
        let results = engine.search("aktivring", 10).expect("search");
        let spelling: Vec<&str> = results
            .rewrites
            .iter()
            .filter(|r| r.typed == "aktivring")
            .map(|r| r.kind)
            .map(|kind| {
                if kind == RewriteKind::Spelling {
                    "spelling"
                } else {
                    "other"
                }
            })
            .collect();
        assert_eq!(spelling, ["spelling"], "{:?}", results.rewrites);
    }

    #[test]
    fn a_hyphenated_word_no_page_holds_whole_is_found_by_its_parts() {
        let engine = engine_of(
            IndexBuilder::new(),
            [
                page("IPS", "IPS misbrug er en samarbejdspartner."),
                page("Arbejdsmetoder", "Metoden bygger på støtte i job."),
            ],
        );
        let results = engine.search("ips-metoden", 10).expect("search");
        let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
        assert!(titles.contains(&"IPS"), "{titles:?}");
    }
}
