//! The building blocks of a query: one analyzed term, several terms or a
//! phrase, looked for in the page's fields, each field with its weight
//! (title above keywords above subheadings above text).

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::analyze;
use crate::schema::IndexFields;
use crate::synonyms::Member;

/// Weight of a query word found as two parts of a compound.
pub(super) const PARTS_WEIGHT: f32 = 0.8;

/// Weight of a word in the names of the page's tags (its method, target
/// group, ideas and lessons): what counts is that the tag says the page is
/// about the word, which the every-word bonus and a typed word's synonym
/// floor reward; the names are short and shared by many pages, so their
/// own score counts little (0.1–0.25 ranked a little worse on the judged
/// sets, 1 and 2 clearly worse).
pub(super) const TAGS_WEIGHT: f32 = 0.05;
/// Weight of a word among the vocabulary's words for the page's tags: like
/// a tag's name, what counts is the every-word bonus it lets a page earn
/// (0.2 and 0.5 ranked a little worse on the judged sets).
pub(super) const TAG_WORDS_WEIGHT: f32 = 0.05;

/// Weight of a word in the title; compound parts of the title count a share.
pub(super) const TITLE_WEIGHT: f32 = 3.0;

/// Title and keywords describe a page better than subheadings, and those
/// better than a passing mention in the text (body and compound parts);
/// the tags' names say what the page is about, in words it may not use.
pub(super) fn boosted_fields(fields: &IndexFields) -> [(Field, f32); 7] {
    [
        (fields.title, TITLE_WEIGHT),
        (fields.keywords, 2.0),
        (fields.headings, 1.5),
        (fields.title_parts, TITLE_WEIGHT * PARTS_WEIGHT),
        (fields.tags, TAGS_WEIGHT),
        (fields.tag_words, TAG_WORDS_WEIGHT),
        (fields.text, 1.0),
    ]
}

pub(super) fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

pub(super) fn constant(query: Box<dyn Query>, score: f32) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, score))
}

pub(super) fn term_query(field: Field, term: &str, boost: f32) -> Box<dyn Query> {
    let query = TermQuery::new(
        Term::from_field_text(field, term),
        IndexRecordOption::WithFreqs,
    );
    Box::new(BoostQuery::new(Box::new(query), boost))
}

/// One analyzed term in any field, each with its weight.
pub(super) fn term_anywhere(fields: &IndexFields, term: &str) -> Box<dyn Query> {
    term_in(boosted_fields(fields).into_iter(), term)
}

/// One analyzed term where the page writes it: not in its tags' names or
/// words (a literal search finds only pages that use the word).
pub(super) fn term_written(fields: &IndexFields, term: &str) -> Box<dyn Query> {
    let written = boosted_fields(fields)
        .into_iter()
        .filter(|&(field, _)| field != fields.tags && field != fields.tag_words);
    term_in(written, term)
}

pub(super) fn term_in(fields: impl Iterator<Item = (Field, f32)>, term: &str) -> Box<dyn Query> {
    let clauses = fields
        .map(|(field, boost)| (Occur::Should, term_query(field, term, boost)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Pages holding every one of `words` (analyzed as typed).
pub(super) fn all_of(fields: &IndexFields, words: &[String], boost: f32) -> Box<dyn Query> {
    let terms: Vec<String> = words.iter().flat_map(|w| analyze(w)).collect();
    all_terms(fields, &terms, boost)
}

/// Pages holding any of `words` (analyzed as typed).
pub(super) fn any_of(fields: &IndexFields, words: &[String], boost: f32) -> Box<dyn Query> {
    let clauses = words
        .iter()
        .flat_map(|w| analyze(w))
        .map(|term| (Occur::Should, term_anywhere(fields, &term)))
        .collect();
    boosted(Box::new(BooleanQuery::new(clauses)), boost)
}

/// Pages holding every one of the analyzed `terms`.
pub(super) fn all_terms(fields: &IndexFields, terms: &[String], boost: f32) -> Box<dyn Query> {
    let clauses = terms
        .iter()
        .map(|term| (Occur::Must, term_anywhere(fields, term)))
        .collect();
    Box::new(BoostQuery::new(Box::new(BooleanQuery::new(clauses)), boost))
}

/// Pages that write every one of the analyzed `terms` (see [`term_written`]).
pub(super) fn all_written(fields: &IndexFields, terms: &[String]) -> Box<dyn Query> {
    let clauses = terms
        .iter()
        .map(|term| (Occur::Must, term_written(fields, term)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

pub(super) fn phrase_query(fields: &IndexFields, terms: &[String]) -> Box<dyn Query> {
    sloppy_phrase_query(fields, terms, 0)
}

/// The terms in this order, at most `slop` positions out of place.
pub(super) fn sloppy_phrase_query(
    fields: &IndexFields,
    terms: &[String],
    slop: u32,
) -> Box<dyn Query> {
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
pub(super) fn in_title_or_keywords(fields: &IndexFields, members: &[&Member]) -> Box<dyn Query> {
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
