//! Turns what a user typed into a tantivy query, built by hand rather than with
//! `QueryParser`: user text is never syntax that can fail to parse.
//!
//! Understood: words (inflected, compounded, misspelt, in ASCII spelling),
//! "phrases in quotes" that must occur, `-word` to exclude, and the last word
//! as a prefix while the reader is still typing it.

use std::collections::BTreeSet;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query,
    TermQuery,
};

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::{analyze, analyze_unstemmed};
use crate::compounds::compound_leaves;
use crate::hit::{Rewrite, RewriteKind};
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;
use crate::synonyms::Member;
use capped::CappedQuery;
mod capped;
mod compound_part;
mod fallback;
mod parse;
mod window;

pub(crate) use parse::ParsedQuery;

/// A misspelt or half-typed match counts for this share of an exact one.
const FUZZY_WEIGHT: f32 = 0.4;
const PREFIX_WEIGHT: f32 = 0.5;
/// A prefix shorter than this matches too much to mean anything.
const MIN_PREFIX_CHARS: usize = 3;
/// Weight of a query word found as two parts of a compound.
const PARTS_WEIGHT: f32 = 0.8;
/// What a page earns for using another member of the typed word's synonym
/// group: half for using it at all, the other half growing with how much it
/// uses it (a page saying "misbrugere" nine times above one saying it once,
/// for "junkier"), never past the whole; and more when a member is in its
/// title or keywords (the page is about it: "Psykiatri-tilbud" for "psykisk
/// syge"). A page using the word typed earns all of it, on top of its own
/// score, so it ranks above every page that only uses a synonym ("mentor"
/// above "kontaktperson").
const SYNONYM_SCORE: f32 = 4.0;
const SYNONYM_USED_SHARE: f32 = 0.5;
/// The synonym's BM25 score counts at this rate towards the rest.
const SYNONYM_USE_RATE: f32 = 0.5;
const SYNONYM_TOPIC_SCORE: f32 = 4.0;
/// Weight of the parts of a compound the index has, when both are long words.
const KNOWN_PARTS_WEIGHT: f32 = 0.4;
const MIN_KNOWN_PART_CHARS: usize = 5;
/// Weight of the compound two adjacent query words make ("kontakt person").
const JOINED_WEIGHT: f32 = 1.5;
/// Extra weight for pages that contain every word of a multi-word query,
/// and a share of it for each word fewer (down to two), for this many steps.
const ALL_WORDS_WEIGHT: f32 = 2.0;
const RELAXED_SHARE: f32 = 0.5;
const RELAXED_STEPS: usize = 3;

/// Extra weight for pages where two words typed side by side stand side by
/// side ("Projekt Føniks", "Københavns Kommune"), a stop word or two apart
/// ("Åndehullet i Vordingborg"): a name, not two words met apart.
const NEAR_WEIGHT: f32 = 2.5;
const NEAR_SLOP: u32 = 2;

/// The weight of a word found on every page, beside 1 for one found on one
/// page: near nothing, so in "hvordan hjælper man udsatte med at blive i
/// jobbet" the words nearly every page uses ("hjælper", "jobbet") barely
/// count beside the one that tells pages apart (0.3 before issue #25's third
/// round; 0.1 ranked better on all three judged sets it was tried on).
const MIN_DISCRIMINATION: f32 = 0.1;

/// Weight of a word in the names of the page's tags (its method, target
/// group, ideas and lessons): what counts is that the tag says the page is
/// about the word, which the every-word bonus and a typed word's synonym
/// floor reward; the names are short and shared by many pages, so their
/// own score counts little (0.1–0.25 ranked a little worse on the judged
/// sets, 1 and 2 clearly worse).
const TAGS_WEIGHT: f32 = 0.05;

/// Weight of a word in the title; compound parts of the title count a share.
const TITLE_WEIGHT: f32 = 3.0;

/// How many completions of a half-typed word a rewrite note names.
const PREFIX_NOTE_WORDS: usize = 5;

/// How far a query may be widened beyond the words typed, and a record of
/// each widening made, for the reader.
#[derive(Debug, Default)]
pub(crate) struct Widening {
    /// Only the words typed (and their inflections): no synonyms, spelling
    /// suggestions, compound parts or completions.
    pub literal: bool,
    /// The query as typed found nothing: every word is searched wider (any
    /// part of a compound, spelling two edits away).
    pub fallback: bool,
    pub rewrites: Vec<Rewrite>,
    /// Terms only a multi-word synonym brought in ("uden" of "uden bolig"):
    /// highlighted alone they would mislead.
    pub unhighlighted: BTreeSet<String>,
    /// Terms only a synonym brought in ("kontaktperson" for "mentor"): a
    /// snippet shows the word typed where the page has it.
    pub synonyms_only: BTreeSet<String>,
}

impl Widening {
    pub fn literal(literal: bool) -> Widening {
        Widening {
            literal,
            ..Widening::default()
        }
    }

    pub fn fallback() -> Widening {
        Widening {
            fallback: true,
            ..Widening::default()
        }
    }

    fn note(&mut self, kind: RewriteKind, typed: &str, also: Vec<String>) {
        if !also.is_empty() {
            self.rewrites.push(Rewrite {
                kind,
                typed: typed.to_string(),
                also,
            });
        }
    }
}

/// Title and keywords describe a page better than subheadings, and those
/// better than a passing mention in the text (body and compound parts);
/// the tags' names say what the page is about, in words it may not use.
fn boosted_fields(fields: &IndexFields) -> [(Field, f32); 6] {
    [
        (fields.title, TITLE_WEIGHT),
        (fields.keywords, 2.0),
        (fields.headings, 1.5),
        (fields.title_parts, TITLE_WEIGHT * PARTS_WEIGHT),
        (fields.tags, TAGS_WEIGHT),
        (fields.text, 1.0),
    ]
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

fn constant(query: Box<dyn Query>, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, score))
}

fn term_query(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// One analyzed term in any field, each with its weight.
fn term_anywhere(fields: &IndexFields, term: &str) -> Box<dyn Query> {
    term_in(boosted_fields(fields).into_iter(), term)
}

/// One analyzed term where the page writes it: not in its tags' names (a
/// literal search finds only pages that use the word).
fn term_written(fields: &IndexFields, term: &str) -> Box<dyn Query> {
    let written = boosted_fields(fields)
        .into_iter()
        .filter(|&(field, _)| field != fields.tags);
    term_in(written, term)
}

fn term_in(fields: impl Iterator<Item = (Field, f32)>, term: &str) -> Box<dyn Query> {
    let clauses = fields
        .map(|(field, boost)| (Occur::Should, term_query(field, term, boost)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Typo tolerance: one edit for words of 5+ letters, two for 9+.
fn edit_distance_for(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// All ways one typed word can match.
fn word_query(
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
            // Misspelt and half-typed words are compared as whole words; a
            // word the index knows neither whole nor by its stem is taken as
            // misspelt and searches for its nearest indexed words instead.
            if let [typed] = analyze_unstemmed(word).as_slice() {
                let distance = if widening.fallback {
                    fallback::wider_distance(word)
                } else {
                    edit_distance_for(word)
                };
                let unknown = !lexicon.knows_word(typed) && !lexicon.knows_stem(term);
                if distance > 0 && unknown {
                    let near_words = lexicon.near_words(typed, distance);
                    matched |= !near_words.is_empty();
                    for near in &near_words {
                        for term in analyze(near) {
                            ways.push((
                                Occur::Should,
                                boosted(term_anywhere(fields, &term), FUZZY_WEIGHT),
                            ));
                        }
                    }
                    widening.note(RewriteKind::Spelling, word, near_words);
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
            if let Some(parts) = compound_leaves(word, &|t| lexicon.knows_stem(t)) {
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

/// Pages holding every one of `words` (analyzed as typed).
fn all_of(fields: &IndexFields, words: &[String], boost: f32) -> Box<dyn Query> {
    let terms: Vec<String> = words.iter().flat_map(|w| analyze(w)).collect();
    all_terms(fields, &terms, boost)
}

/// Pages holding any of `words` (analyzed as typed).
fn any_of(fields: &IndexFields, words: &[String], boost: f32) -> Box<dyn Query> {
    let clauses = words
        .iter()
        .flat_map(|w| analyze(w))
        .map(|term| (Occur::Should, term_anywhere(fields, &term)))
        .collect();
    boosted(Box::new(BooleanQuery::new(clauses)), boost)
}

/// Pages holding every one of the analyzed `terms`.
fn all_terms(fields: &IndexFields, terms: &[String], boost: f32) -> Box<dyn Query> {
    let clauses = terms
        .iter()
        .map(|term| (Occur::Must, term_anywhere(fields, term)))
        .collect();
    Box::new(BoostQuery::new(Box::new(BooleanQuery::new(clauses)), boost))
}

/// Pages that write every one of the analyzed `terms` (see [`term_written`]).
fn all_written(fields: &IndexFields, terms: &[String]) -> Box<dyn Query> {
    let clauses = terms
        .iter()
        .map(|term| (Occur::Must, term_written(fields, term)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

fn phrase_query(fields: &IndexFields, terms: &[String]) -> Box<dyn Query> {
    sloppy_phrase_query(fields, terms, 0)
}

/// The terms in this order, at most `slop` positions out of place.
fn sloppy_phrase_query(fields: &IndexFields, terms: &[String], slop: u32) -> Box<dyn Query> {
    if let [term] = terms {
        return term_anywhere(fields, term);
    }
    let clauses = [
        (fields.title, TITLE_WEIGHT),
        (fields.keywords, 2.0),
        (fields.text, 1.0),
    ]
    .into_iter()
    .map(|(field, boost)| {
        let mut phrase = PhraseQuery::new(
            terms
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect(),
        );
        phrase.set_slop(slop);
        let boosted: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(phrase), boost));
        (Occur::Should, boosted)
    })
    .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Pages with one of `members` in their title or keywords (a member of
/// several words as a phrase there).
fn in_title_or_keywords(fields: &IndexFields, members: &[&Member]) -> Box<dyn Query> {
    let clauses = members
        .iter()
        .flat_map(|member| {
            [fields.title, fields.keywords].map(|field| {
                let query: Box<dyn Query> = match member.terms.as_slice() {
                    [term] => term_query(field, term, 1.0),
                    terms => Box::new(PhraseQuery::new(
                        terms
                            .iter()
                            .map(|t| Term::from_field_text(field, t))
                            .collect(),
                    )),
                };
                (Occur::Should, query)
            })
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// How much one typed word (or run of words) counts beside the others: a word
/// on nearly every page ("projekt") says little about which page is meant,
/// a rare one ("Olympos") much. A run counts as its rarest term.
fn discrimination_weight(typed: &[Vec<String>], lexicon: &dyn Lexicon) -> f32 {
    let rarest = typed
        .iter()
        .flatten()
        .map(|term| lexicon.discrimination(term))
        .fold(0.0, f32::max);
    MIN_DISCRIMINATION + (1.0 - MIN_DISCRIMINATION) * rarest
}

/// One query per word the reader typed, or per run of words that a synonym
/// group names ("psykisk syge"), each also matching the group's other members.
fn word_queries(
    parsed: &ParsedQuery,
    fields: &IndexFields,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Vec<Box<dyn Query>> {
    let analyzed: Vec<Vec<String>> = parsed.words.iter().map(|w| analyze(w)).collect();
    let last = parsed.words.len().saturating_sub(1);
    let mut queries = Vec::new();
    let mut start = 0;
    while start < parsed.words.len() {
        let synonyms = if widening.literal {
            None
        } else {
            lexicon.synonyms().match_at(&analyzed, start)
        };
        let span = synonyms.as_ref().map_or(1, |found| found.words);
        if !widening.literal {
            note_related(parsed, &analyzed, start, lexicon, widening);
        }
        let typed = if span == 1 {
            let prefix = parsed.last_is_prefix && start == last;
            word_query(fields, &parsed.words[start], prefix, lexicon, widening)
        } else {
            Some(all_of(fields, &parsed.words[start..start + span], 1.0))
        };
        // Earned by the word itself and its inflections where the page
        // writes them, not by what widened it (a misspelling's neighbours,
        // compound parts, completions) nor by a tag's name: a page that
        // uses the word ranks above every page that only uses a synonym.
        let typed_floor = (synonyms.is_some() && typed.is_some())
            .then(|| all_written(fields, &analyzed[start..start + span].concat()))
            .map(|own| constant(own, SYNONYM_SCORE + SYNONYM_TOPIC_SCORE));
        let mut ways: Vec<(Occur, Box<dyn Query>)> = typed
            .into_iter()
            .chain(typed_floor)
            .map(|query| (Occur::Should, query))
            .collect();
        if let Some(found) = synonyms {
            // The best synonym counts, not their sum: a page is not more about
            // work for saying "job", "arbejde" and "beskæftigelse" alike.
            // A member of several words is looked for as a phrase: "uden
            // bolig", not "uden" somewhere and "bolig" elsewhere.
            let alternatives = found
                .alternatives
                .iter()
                .map(|member| match member.terms.as_slice() {
                    [_] => {
                        widening.synonyms_only.extend(member.terms.iter().cloned());
                        all_terms(fields, &member.terms, 1.0)
                    }
                    _ => {
                        widening.unhighlighted.extend(member.terms.iter().cloned());
                        phrase_query(fields, &member.terms)
                    }
                })
                .collect();
            let typed = parsed.words[start..start + span].join(" ");
            // The note names only members some page uses: the others (a
            // thesaurus word no source writes) are searched, but find nothing.
            let also = found
                .alternatives
                .iter()
                .filter(|m| m.terms.iter().all(|t| lexicon.knows_stem(t)))
                .map(|m| m.text.clone())
                .collect();
            widening.note(RewriteKind::Synonym, &typed, also);
            let best: Box<dyn Query> = Box::new(DisjunctionMaxQuery::new(alternatives));
            let used = SYNONYM_SCORE * SYNONYM_USED_SHARE;
            ways.push((Occur::Should, constant(best.box_clone(), used)));
            let how_much = CappedQuery::new(best, SYNONYM_USE_RATE, SYNONYM_SCORE - used);
            ways.push((Occur::Should, Box::new(how_much)));
            let topic = in_title_or_keywords(fields, &found.alternatives);
            ways.push((Occur::Should, constant(topic, SYNONYM_TOPIC_SCORE)));
        }
        if !ways.is_empty() {
            let typed = &analyzed[start..start + span];
            let weight = discrimination_weight(typed, lexicon);
            queries.push(boosted(Box::new(BooleanQuery::new(ways)), weight));
        }
        start += span;
    }
    queries
}

/// Names the related words of the words from `start` on ("kontaktperson"
/// for "mentor"), those some page uses, without searching them: they do not
/// mean the same, so they would pad the results with pages about something
/// else, but a reader may want them.
fn note_related(
    parsed: &ParsedQuery,
    analyzed: &[Vec<String>],
    start: usize,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) {
    let Some(related) = lexicon.synonyms().related_at(analyzed, start) else {
        return;
    };
    let typed = parsed.words[start..start + related.words].join(" ");
    let also = related
        .alternatives
        .iter()
        .filter(|m| m.terms.iter().all(|t| lexicon.knows_stem(t)))
        .map(|m| m.text.clone())
        .collect();
    widening.note(RewriteKind::Related, &typed, also);
}

/// `None` when the text has nothing to search for. The lexicon answers what
/// the index knows, for compounds and misspellings.
pub(crate) fn build_query(
    parsed: &ParsedQuery,
    fields: &IndexFields,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Option<Box<dyn Query>> {
    if parsed.is_empty() {
        return None;
    }
    let per_word = word_queries(parsed, fields, lexicon, widening);
    // The typed words' own terms are highlighted whatever else brought them in.
    for word in &parsed.words {
        for term in analyze(word) {
            widening.unhighlighted.remove(&term);
            widening.synonyms_only.remove(&term);
        }
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // "kontakt person" typed apart: the compound they make, when the index has it.
    let joinable = if widening.literal {
        0
    } else {
        parsed.words.len()
    };
    for pair in parsed.words[..joinable].windows(2) {
        for joined in [
            format!("{}{}", pair[0], pair[1]),
            format!("{}s{}", pair[0], pair[1]),
        ] {
            if let [term] = analyze(&joined).as_slice() {
                if lexicon.knows_stem(term) {
                    widening.note(RewriteKind::Joined, &pair.join(" "), vec![joined.clone()]);
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(term_anywhere(fields, term), JOINED_WEIGHT)),
                    ));
                }
            }
        }
    }
    for pair in parsed.words.windows(2) {
        let terms: Vec<String> = pair.iter().flat_map(|w| analyze(w)).collect();
        if terms.len() > 1 {
            clauses.push((
                Occur::Should,
                boosted(sloppy_phrase_query(fields, &terms, NEAR_SLOP), NEAR_WEIGHT),
            ));
        }
    }
    clauses.extend(window::window_clauses(&parsed.words, fields));
    // Relaxing from every word to most words, step by step: a page about
    // two of three concepts outranks one that only shares the commonest word.
    for missing in 0..RELAXED_STEPS {
        let required = per_word.len().saturating_sub(missing);
        if required < 2 {
            break;
        }
        let words: Vec<(Occur, Box<dyn Query>)> = per_word
            .iter()
            .map(|q| (Occur::Should, q.box_clone()))
            .collect();
        let enough = BooleanQuery::with_minimum_required_clauses(words, required);
        let weight = ALL_WORDS_WEIGHT * RELAXED_SHARE.powi(missing as i32);
        clauses.push((Occur::Should, boosted(Box::new(enough), weight)));
    }
    // With a phrase, words are optional extras; without, at least one must match.
    clauses.extend(per_word.into_iter().map(|q| (Occur::Should, q)));
    for phrase in &parsed.phrases {
        clauses.push((Occur::Must, phrase_query(fields, phrase)));
    }
    for term in &parsed.excluded {
        for (field, _) in boosted_fields(fields) {
            clauses.push((Occur::MustNot, term_query(field, term, 1.0)));
        }
    }
    Some(Box::new(BooleanQuery::new(clauses)))
}
