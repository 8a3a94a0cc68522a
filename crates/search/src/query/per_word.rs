//! One query per word the reader typed, or per run of words a synonym
//! group names: the word's own ways of matching, the group's other members
//! (scored so a page using the word typed ranks above one using only a
//! synonym), and the whole weighted by how well the word tells pages apart.
//! Related words are named for the reader, not searched.

use tantivy::query::{BooleanQuery, DisjunctionMaxQuery, Occur, Query};

use super::age::{age_group, age_query, AskedAge};
use super::capped::CappedQuery;
use super::clauses::{
    all_of, all_terms, all_written, boosted, constant, in_title_or_keywords, phrase_query,
};
use super::word::word_query;
use super::{ParsedQuery, Widening};
use crate::analysis::analyze;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;
use crate::schema::IndexFields;
use crate::synonyms::Member;

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

/// What a case page earns when the age of the person it follows is in the
/// range a query names ("over 55", "seniorer").
const AGE_SCORE: f32 = 6.0;

/// The weight of a word found on every page, beside 1 for one found on one
/// page: near nothing, so in "hvordan hjælper man udsatte med at blive i
/// jobbet" the words nearly every page uses ("hjælper", "jobbet") barely
/// count beside the one that tells pages apart (0.3 before issue #25's third
/// round; 0.1 ranked better on all three judged sets it was tried on).
const MIN_DISCRIMINATION: f32 = 0.1;

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
pub(super) fn word_queries(
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
        if span == 1 {
            let word = &parsed.words[start];
            let group = age_group(word).filter(|_| !widening.literal);
            let asked = parsed.ages.iter().filter(|a| a.word == *word).cloned();
            for asked in asked.chain(group) {
                ways.push((Occur::Should, in_age(fields, &asked, widening)));
            }
        }
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
            let also = members_used(&found.alternatives, lexicon);
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

/// The case pages whose person is of the age asked for, noted for the reader.
fn in_age(fields: &IndexFields, asked: &AskedAge, widening: &mut Widening) -> Box<dyn Query> {
    widening.note(RewriteKind::Age, &asked.typed, vec![asked.described()]);
    constant(age_query(fields, &asked.ages), AGE_SCORE)
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
    let also = members_used(&related.alternatives, lexicon);
    widening.note(RewriteKind::Related, &typed, also);
}

/// The members some page uses, as written: a note names only those; the
/// others (a thesaurus word no source writes) are searched, but find nothing.
fn members_used(members: &[&Member], lexicon: &dyn Lexicon) -> Vec<String> {
    members
        .iter()
        .filter(|m| m.terms.iter().all(|t| lexicon.knows_stem(t)))
        .map(|m| m.text.clone())
        .collect()
}
