//! What is left of a figure in PDF text: its labels, laid out in columns
//! with runs of spaces ("Social              Arbejds-"), under a short title
//! ("Kontinuum"). The labels cannot be read as prose, so they are dropped
//! and listed in the build report; the site draws the continuum itself.
//! Lettered placements under a figure ("A:  En anderledes livsstil …")
//! are a list.

use std::collections::HashSet;

use super::lines::{Line, LineKind};
use super::tables::split_row;

/// Labels are short; a longer line is prose or a table row.
const LABEL_MAX_CHARS: usize = 45;
/// A column gap: this many spaces inside a line.
const COLUMN_GAP: &str = "   ";
/// A figure's title above its labels has at most this many words.
const TITLE_MAX_WORDS: usize = 3;

/// Line numbers of figure labels (and the title just above them): the
/// paragraphs whose lines are all short and at least half of them laid
/// out in columns.
pub fn figure_lines(lines: &[&Line]) -> HashSet<usize> {
    let paragraphs: Vec<Vec<&Line>> = lines
        .split(|l| l.kind == LineKind::Gap)
        .map(|p| {
            p.iter()
                .copied()
                .filter(|l| matches!(l.kind, LineKind::Text { .. }))
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = HashSet::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let table = paragraph.iter().any(|l| split_row(&l.text).is_some());
        if table || !is_label_block(paragraph) {
            continue;
        }
        found.extend(paragraph.iter().map(|l| l.number));
        let title = index
            .checked_sub(1)
            .map(|at| &paragraphs[at])
            .filter(|p| p.len() == 1 && is_title(&p[0].text));
        if let Some(title) = title {
            found.insert(title[0].number);
        }
    }
    found
}

fn is_label_block(paragraph: &[&Line]) -> bool {
    let short = paragraph
        .iter()
        .all(|l| l.text.chars().count() <= LABEL_MAX_CHARS);
    let columned = paragraph
        .iter()
        .filter(|l| l.text.contains(COLUMN_GAP))
        .count();
    short && columned > 0 && columned * 2 >= paragraph.len()
}

fn is_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=TITLE_MAX_WORDS).contains(&words)
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.trim_end().ends_with(['.', ':', ',', ';'])
}

/// "A:  En anderledes livsstil, Hjørnestenen": a capital letter and a
/// colon opening the line; the letter.
fn lettered(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    (chars.next() == Some(':') && chars.next().is_some_and(char::is_whitespace)).then_some(letter)
}

/// Line numbers of lettered items "A: …", "B: …" in alphabetical order,
/// two or more in a row.
pub fn lettered_items(lines: &[&Line]) -> HashSet<usize> {
    let text: Vec<&Line> = lines
        .iter()
        .copied()
        .filter(|l| matches!(l.kind, LineKind::Text { .. }))
        .collect();
    let mut found = HashSet::new();
    let mut run: Vec<usize> = Vec::new();
    let mut expected: Option<char> = None;
    for line in &text {
        match lettered(&line.text) {
            Some(letter) if expected == Some(letter) => run.push(line.number),
            Some('A') => {
                if run.len() >= 2 {
                    found.extend(run.drain(..));
                }
                run = vec![line.number];
            }
            _ => {
                if run.len() >= 2 {
                    found.extend(run.drain(..));
                }
                run.clear();
                expected = None;
                continue;
            }
        }
        expected = lettered(&line.text).and_then(|l| char::from_u32(l as u32 + 1));
    }
    if run.len() >= 2 {
        found.extend(run);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::lines::classify;

    fn numbers(found: &HashSet<usize>) -> Vec<usize> {
        let mut numbers: Vec<usize> = found.iter().copied().collect();
        numbers.sort_unstable();
        numbers
    }

    #[test]
    fn finds_the_continuum_figure_and_its_lettered_placements() {
        // Chapter 3.1 (sources/004 lines 4578–4592), as extracted.
        let raw = [
            "aktivering og arbejdsmarkeds beskæftigelse. ",
            " ",
            "Kontinuum ",
            "A      B        C           D       E ",
            " ",
            "Social              Arbejds- ",
            "aktivering             markedsrettet ",
            "beskæftigelse ",
            " ",
            "De fem indsatser vil placere sig således: ",
            "A:  En anderledes livsstil, Hjørnestenen ",
            "B:  Projekt Grønt Job, Reva København ",
            "C:  Møllegruppen – Lyngby Taarbæk kommune ",
            "(Mentorordningen) ",
        ];
        let raw: Vec<String> = raw.iter().map(|l| l.to_string()).collect();
        let lines = classify(&raw);
        let refs: Vec<&Line> = lines.iter().collect();
        assert_eq!(numbers(&figure_lines(&refs)), [3, 4, 6, 7, 8]);
        assert_eq!(numbers(&lettered_items(&refs)), [11, 12, 13]);
    }

    #[test]
    fn prose_and_tables_are_no_figure() {
        let raw = [
            "Fraflyttet kommunen       5 personer ",
            "Afmeldt grundet ordinært arbejde    10 personer ",
            " ",
            "Kontinuum ",
            " ",
            "Det er en helt almindelig linje med tekst, som er lang nok. ",
        ];
        let raw: Vec<String> = raw.iter().map(|l| l.to_string()).collect();
        let lines = classify(&raw);
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(figure_lines(&refs).is_empty());
    }
}
