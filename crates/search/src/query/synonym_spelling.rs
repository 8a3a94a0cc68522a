//! A misspelt word nearer to a word of the synonym list than to any word the
//! pages write is read as that word ("udlæninge" as "udlændinge"): the list
//! holds readers' words the pages do not use ("junkies", "nydanskere"), so
//! the index alone cannot correct them, and once corrected the word widens
//! to its group as if typed right.

use super::word::edit_distance_for;
use super::{ParsedQuery, Widening};
use crate::analysis::{analyze, analyze_unstemmed};
use crate::edits::edit_distance;
use crate::hit::RewriteKind;
use crate::lexicon::Lexicon;

/// `parsed` with each misspelt word read as the synonym-list word nearest it.
pub(super) fn correct_to_synonyms(
    parsed: &ParsedQuery,
    lexicon: &dyn Lexicon,
    widening: &mut Widening,
) -> ParsedQuery {
    let mut corrected = parsed.clone();
    if widening.literal {
        return corrected;
    }
    for word in &mut corrected.words {
        if let Some(member) = nearest_member(word, lexicon) {
            widening.note(RewriteKind::Spelling, word, vec![member.clone()]);
            *word = member;
        }
    }
    corrected
}

/// The synonym-list word `word` misspells, if it is one: not a word a page
/// writes nor a member already, and no nearer to a word the pages write.
/// A word whose stem the pages have is an inflection as often as a slip
/// ("junies" has "juni"'s), so for it one edit is the most allowed.
fn nearest_member(word: &str, lexicon: &dyn Lexicon) -> Option<String> {
    let [typed] = analyze_unstemmed(word).try_into().ok()?;
    let [stem] = analyze(word).try_into().ok()?;
    let synonyms = lexicon.synonyms();
    if lexicon.knows_word(&typed) || synonyms.has_term(&stem) {
        return None;
    }
    let allowed = if lexicon.knows_stem(&stem) {
        edit_distance_for(word).min(1)
    } else {
        edit_distance_for(word)
    };
    if allowed == 0 {
        return None;
    }
    let (edits, member) = synonyms
        .single_words()
        .filter_map(|member| {
            let [folded] = analyze_unstemmed(member).try_into().ok()?;
            let edits = edit_distance(&typed, &folded);
            (edits <= usize::from(allowed)).then(|| (edits, member.to_string()))
        })
        .min()?;
    let nearer_in_pages = lexicon
        .near_words(&typed, allowed)
        .first()
        .is_some_and(|(_, page_edits)| usize::from(*page_edits) < edits);
    (!nearer_in_pages).then_some(member)
}
