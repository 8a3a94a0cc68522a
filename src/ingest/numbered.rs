//! Numbered lines in reports: section headings ("2.1 Resultater", "1.
//! Indledning" alone), parallel sections at one level, runs of numbered
//! paragraphs as a list, and a chart's legend without its chart.

use std::collections::HashSet;

use super::blocks::{Block, BlockKind};
use super::document::DropReason;
use super::headings::numbered_heading_level;

/// Sections numbered "1. …", "2. …", "3. …" are parallel: they get the
/// level the first of them has, where the report set it ("#### 1." and
/// then "## 2." in the 2020 report are one series).
pub(super) fn level_parallel_sections(blocks: &mut [Block]) {
    let mut series: Vec<usize> = Vec::new();
    let mut last_number = 0;
    let close = |series: &mut Vec<usize>, blocks: &mut [Block]| {
        if let (true, Some(&first)) = (series.len() >= 2, series.first()) {
            let level = blocks[first].kind.clone();
            for &at in series.iter() {
                blocks[at].kind = level.clone();
            }
        }
        series.clear();
    };
    for index in 0..blocks.len() {
        if !matches!(blocks[index].kind, BlockKind::Heading(_)) {
            continue;
        }
        match section_number(&blocks[index].text) {
            Some(1) => {
                close(&mut series, blocks);
                series.push(index);
                last_number = 1;
            }
            Some(n) if n == last_number + 1 && !series.is_empty() => {
                series.push(index);
                last_number = n;
            }
            _ => {}
        }
    }
    close(&mut series, blocks);
}

/// "3. Samarbejdet med jobcentret" → 3.
fn section_number(text: &str) -> Option<u32> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    text[digits..]
        .starts_with(". ")
        .then(|| text[..digits].parse().ok())
        .flatten()
}

/// Paragraphs "1. …", "2. …" one after another are a numbered list; a
/// single word before items in lower case ("Salg" + "1. selvforsørgelse
/// i ordinært job …") is a chart's series name and legend without the
/// chart, dropped.
pub(super) fn mark_numbered_runs(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let mut end = i;
        while end < blocks.len()
            && blocks[end].kind == BlockKind::Paragraph
            && section_number(&blocks[end].text) == Some((end - i + 1) as u32)
        {
            end += 1;
        }
        if end - i < 2 {
            i += 1;
            continue;
        }
        let items_lowercase = blocks[i..end].iter().all(|b| {
            let digits = b.text.chars().take_while(char::is_ascii_digit).count();
            b.text[digits + 2..]
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        });
        let series_name = i.checked_sub(1).filter(|&at| {
            let text = blocks[at].text.trim();
            blocks[at].kind == BlockKind::Paragraph
                && text.split_whitespace().count() == 1
                && text.chars().all(char::is_alphabetic)
        });
        // "1. scoring sker …" in lower case is an ordinal ("first
        // scoring"), kept as written; capitalised items are a list.
        match series_name.filter(|_| items_lowercase) {
            Some(name) => {
                for block in &mut blocks[name..end] {
                    block.kind = BlockKind::Dropped(DropReason::ChartLegend);
                }
            }
            None if items_lowercase => {}
            None => {
                for (offset, block) in blocks[i..end].iter_mut().enumerate() {
                    let digits = block.text.chars().take_while(char::is_ascii_digit).count();
                    block.text = block.text[digits + 2..].trim_start().to_string();
                    block.kind = BlockKind::NumberedItem(offset as u32 + 1);
                }
            }
        }
        i = end;
    }
}

/// Paragraphs that are numbered section headings: "2.1 Resultater" (two to
/// four parts), or "1. Indledning" alone, not one of a run of numbered
/// lines ("1. …", "2. …" one after another are a list).
pub(super) fn numbered_headings(blocks: &[Block]) -> HashSet<usize> {
    let single = |b: &Block| b.kind == BlockKind::Paragraph && single_numbered_heading(&b.text);
    let numbered_line = |b: Option<&Block>| {
        b.is_some_and(|b| {
            let digits = b.text.chars().take_while(char::is_ascii_digit).count();
            (1..=2).contains(&digits) && b.text[digits..].starts_with(". ")
        })
    };
    blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            let multi = b.kind == BlockKind::Paragraph
                && numbered_heading_level(&b.text).is_some()
                && !b.text.trim_end().ends_with('.');
            let alone = single(b)
                && !numbered_line(i.checked_sub(1).and_then(|p| blocks.get(p)))
                && !numbered_line(blocks.get(i + 1));
            multi || alone
        })
        .map(|(i, _)| i)
        .collect()
}

/// "1. Indledning": one or two digits, a period, a capitalised title of at
/// most eight words that does not end like a sentence.
fn single_numbered_heading(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let Some(title) = text[digits..].strip_prefix(". ") else {
        return false;
    };
    (1..=2).contains(&digits)
        && title.chars().next().is_some_and(char::is_uppercase)
        && title.split_whitespace().count() <= 8
        && !title.trim_end().ends_with(['.', ':', ',', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_sections_share_a_level_and_numbered_lines_are_a_list() {
        // The 2020 report (sources/003 lines 19–49).
        let block = |kind, text: &str| Block::new(kind, text.into(), 1);
        let mut blocks = vec![
            block(
                BlockKind::Heading(3),
                "Hvad siger de lokalt forankrede indsatser?",
            ),
            block(
                BlockKind::Paragraph,
                "1. Betydning af den lokale forankring",
            ),
            block(
                BlockKind::Paragraph,
                "2. Målgruppen er meget udsatte borgere",
            ),
            block(
                BlockKind::Heading(4),
                "1. Betydning af den lokale forankring",
            ),
            block(
                BlockKind::Heading(2),
                "2. Målgruppen er meget udsatte borgere",
            ),
            block(BlockKind::Heading(2), "3. Samarbejdet med jobcentret"),
        ];
        level_parallel_sections(&mut blocks);
        mark_numbered_runs(&mut blocks);
        let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(3),
                BlockKind::NumberedItem(1),
                BlockKind::NumberedItem(2),
                BlockKind::Heading(4),
                BlockKind::Heading(4),
                BlockKind::Heading(4),
            ]
        );
        assert_eq!(blocks[1].text, "Betydning af den lokale forankring");
    }

    #[test]
    fn a_chart_legend_without_its_chart_is_dropped() {
        // The 2023 report (sources/001 lines 159–171).
        let block = |kind, text: &str| Block::new(kind, text.into(), 1);
        let mut blocks = vec![
            block(BlockKind::Heading(2), "Resultater for de 6 forløb"),
            block(BlockKind::Paragraph, "Salg"),
            block(
                BlockKind::Paragraph,
                "1. selvforsørgelse i ordinært job/løntilskud",
            ),
            block(BlockKind::Paragraph, "2. ansat i fleksjob"),
            block(BlockKind::Paragraph, "3. småjob"),
        ];
        mark_numbered_runs(&mut blocks);
        let dropped = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Dropped(DropReason::ChartLegend))
            .count();
        assert_eq!(dropped, 4);
    }
}
