//! Turns what a user typed into a tantivy query, built by hand rather than with
//! `QueryParser`: user text is never syntax that can fail to parse.
//!
//! Understood: words (inflected, compounded, misspelt, in ASCII spelling),
//! "phrases in quotes" that must occur, `-word` to exclude, and the last word
//! as a prefix while the reader is still typing it.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};

use crate::analysis::analyze;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;
use clauses::{
    boosted, boosted_fields, phrase_query, sloppy_phrase_query, term_anywhere, term_query,
};
use per_word::word_queries;
mod age;
mod capped;
mod clauses;
mod compound_part;
mod fallback;
mod inflection;
mod parse;
mod passage;
mod per_word;
mod spelling;
mod widening;
mod window;
mod word;

pub use word::edit_distance_for;

pub(crate) use age::age_query;

pub(crate) use parse::ParsedQuery;
pub(crate) use widening::Widening;

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

/// `None` when the text has nothing to search for. The lexicon answers what
/// the index knows, for compounds and misspellings.
///
/// The pages it matches are those the query matches without the tags'
/// words ([`IndexFields::tag_words`]), which only rank them: a query's hit
/// count and facets stay those of the words typed and of the widenings the
/// reader is told of.
pub(crate) fn build_query(
    parsed: &ParsedQuery,
    fields: &IndexFields,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Option<Box<dyn Query>> {
    let scored = scored_query(parsed, fields, lexicon, widening)?;
    // The same query with the tags' names where their words were: the
    // rewrites it notes are the scored query's already.
    let without_tag_words = IndexFields {
        tag_words: fields.tags,
        ..*fields
    };
    let mut same = Widening {
        literal: widening.literal,
        fallback: widening.fallback,
        scaffolding: widening.scaffolding,
        ..Widening::default()
    };
    let matched = scored_query(parsed, &without_tag_words, lexicon, &mut same)?;
    Some(Box::new(BooleanQuery::new(vec![
        (Occur::Must, clauses::constant(matched, 0.0)),
        (Occur::Should, scored),
    ])))
}

/// The query's score: every way a page can match and rank.
fn scored_query(
    parsed: &ParsedQuery,
    fields: &IndexFields,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> Option<Box<dyn Query>> {
    if parsed.is_empty() {
        return None;
    }
    let corrected = spelling::correct(parsed, lexicon, widening);
    let parsed = &corrected;
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
        for (joined, term) in known_compounds(&pair[0], &pair[1], lexicon) {
            widening.note(RewriteKind::Joined, &pair.join(" "), vec![joined]);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(term_anywhere(fields, &term), JOINED_WEIGHT)),
            ));
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
    clauses.extend(passage::passage_clause(&parsed.words, fields));
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

/// The compounds two words typed apart make that the index has ("kontakt
/// person": "kontaktperson"; with a linking s too), each as written and as
/// its analyzed term.
fn known_compounds(first: &str, second: &str, lexicon: &dyn Lexicon) -> Vec<(String, String)> {
    [format!("{first}{second}"), format!("{first}s{second}")]
        .into_iter()
        .filter_map(|joined| {
            let [term] = analyze(&joined).try_into().ok()?;
            lexicon.knows_stem(&term).then_some((joined, term))
        })
        .collect()
}
