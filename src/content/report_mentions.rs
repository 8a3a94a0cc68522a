//! What a report says about one of its courses outside the course's own
//! record: the 2022 report's K1 ends with her case closed at her own wish,
//! and only a paragraph about småjob says why: "Dette blev ikke aktuelt,
//! idet K1 frasagde sig kontanthjælp, og efterfølgende selv har fundet
//! fuldtidsarbejde." Every sentence of the report that names the course's
//! code ("K1", "K1s") outside its record is shown on the course's page.

use super::page_path;
use crate::ingest::{BlockKind, Document};
use crate::tagging::split_sentences;

/// The sentences of `course`'s report, outside the course's own lines, that
/// name its code; in the report's order, each once.
pub fn report_mentions(course: &Document, all: &[Document]) -> Vec<String> {
    let Some(case) = &course.case else {
        return Vec::new();
    };
    let Some(report) = all
        .iter()
        .find(|d| d.case.is_none() && page_path(d) == case.report)
    else {
        return Vec::new();
    };
    let own = course.source_lines.0..=course.source_lines.1;
    let genitive = format!("{}s", case.code);
    let mut found: Vec<String> = Vec::new();
    // Prose only: a table row or the place a course stood is no sentence.
    let prose = |kind: &BlockKind| {
        matches!(
            kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedItem(_)
        )
    };
    for block in report
        .blocks
        .iter()
        .filter(|b| prose(&b.kind) && !(own.contains(&b.first_line) && own.contains(&b.last_line)))
    {
        for sentence in split_sentences(&block.text) {
            let words = words_of(sentence);
            let names = words.iter().any(|w| *w == case.code || *w == genitive);
            if names && !names_the_convention(&words) && !found.iter().any(|s| s == sentence) {
                found.push(sentence.to_string());
            }
        }
    }
    found
}

fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// "Kandidaterne omtales som K1, K2 osv.": a list of codes ending in "osv."
/// says how courses are named, nothing about one.
fn names_the_convention(words: &[&str]) -> bool {
    let is_code = |w: &str| {
        let w = w.strip_suffix('s').unwrap_or(w);
        w.len() > 1 && w.starts_with('K') && w[1..].chars().all(|c| c.is_ascii_digit())
    };
    words
        .iter()
        .rposition(|w| is_code(w))
        .is_some_and(|last| words.get(last + 1) == Some(&"osv"))
}

#[cfg(test)]
mod tests {
    use super::{names_the_convention, words_of as words};

    #[test]
    fn a_list_of_codes_ending_in_osv_names_no_course() {
        assert!(names_the_convention(&words(
            "Kandidaterne omtales som K1, K2 osv."
        )));
        assert!(!names_the_convention(&words(
            "I de 6 forløb har 2 af kandidaterne, K1 og K6 været i småjob."
        )));
        assert!(!names_the_convention(&words(
            "Det var planen i K3s forløb."
        )));
    }
}
