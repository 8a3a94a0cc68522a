//! Second pass: joins classified lines into headings, paragraphs and list items.
//!
//! Hard-wrapped text (the catalogue) is joined line by line; a paragraph ends
//! at a whitespace-only line, or where a sentence ends on a clearly short line.
//! Text with one paragraph per line (most reports) keeps its lines as blocks.

use std::collections::HashSet;

use super::blocks::{Block, BlockKind};
use super::document::DropReason;
use super::figures::{figure_lines, lettered_items};
use super::headings::{
    heading_continues, heading_shaped, numbered_heading_level, without_final_period,
};
use super::letterhead::rejoin_across_page_furniture;
use super::line_ends::{ends_on_purpose, ends_sentence, join_wrapped, starts_lowercase};
use super::lines::{Line, LineKind};
use super::lists::{list_item_text, list_kind, list_marker};
use super::tables::{split_row, table_lines};

/// How the extractor laid out the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Layout {
    /// Lines wrapped at about `width` characters.
    HardWrapped { width: usize },
    /// Each line is a paragraph, heading or list item.
    LinePerParagraph,
}

/// PDF wraps sit near 80–95 characters; a text where many lines run far
/// longer has one paragraph per line.
pub fn detect_layout(lines: &[Line]) -> Layout {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Text { .. }))
        .map(|l| l.text.chars().count())
        .collect();
    if lengths.is_empty() {
        return Layout::LinePerParagraph;
    }
    lengths.sort_unstable();
    let long_lines = lengths.iter().filter(|&&n| n > 130).count();
    if long_lines * 5 > lengths.len() {
        Layout::LinePerParagraph
    } else {
        let width = lengths[lengths.len() * 9 / 10].max(40);
        Layout::HardWrapped { width }
    }
}

/// Options that differ between catalogue examples and chapters.
#[derive(Clone, Copy, Debug)]
pub struct ReflowOptions<'a> {
    pub layout: Layout,
    /// Level given to unnumbered subheadings ("Målgruppe", "Resultater").
    pub plain_heading_level: u8,
    /// Words the whole source writes in lower case somewhere (so not names),
    /// from [`super::line_ends::lower_case_words`].
    pub lower_case: &'a HashSet<String>,
}

pub fn reflow(lines: &[Line], options: ReflowOptions) -> Vec<Block> {
    let empty_breaks = empty_lines_are_breaks(lines);
    let gap = Line {
        number: 0,
        kind: LineKind::Gap,
        text: String::new(),
    };
    let text_lines: Vec<&Line> = lines
        .iter()
        .filter_map(|l| match l.kind {
            LineKind::Text { .. } | LineKind::Gap => Some(l),
            LineKind::Empty if empty_breaks => Some(&gap),
            _ => None,
        })
        .collect();
    match options.layout {
        Layout::LinePerParagraph => per_line_blocks(&text_lines),
        Layout::HardWrapped { width } => wrapped_blocks(&text_lines, width, options),
    }
}

/// PDF extraction puts an empty line after every line, also inside sentences,
/// and marks paragraph ends with whitespace-only lines. A text written by a
/// person has neither: there an empty line ends a paragraph. Empty lines are
/// breaks when the text has no whitespace-only line and fewer than a third
/// of them fall inside a sentence (a PDF's fall inside most).
fn empty_lines_are_breaks(lines: &[Line]) -> bool {
    if lines.iter().any(|l| l.kind == LineKind::Gap) {
        return false;
    }
    let mut empties = 0;
    let mut across_sentences = 0;
    let mut previous: Option<&Line> = None;
    let mut after_empty = false;
    for line in lines {
        match line.kind {
            LineKind::Empty => after_empty = true,
            LineKind::Text { .. } => {
                if let (true, Some(before)) = (after_empty, previous) {
                    empties += 1;
                    if !ends_sentence(&before.text) && starts_lowercase(&line.text) {
                        across_sentences += 1;
                    }
                }
                previous = Some(line);
                after_empty = false;
            }
            _ => {}
        }
    }
    empties > 0 && across_sentences * 3 < empties
}

/// "# Indledning", "## 2.1 Resultater": a Markdown heading line.
pub fn is_markdown_heading(text: &str) -> bool {
    let hashes = text.chars().take_while(|&c| c == '#').count();
    (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') && text.len() > hashes + 1
}

fn per_line_blocks(lines: &[&Line]) -> Vec<Block> {
    let blocks = lines
        .iter()
        .filter(|l| l.kind != LineKind::Gap)
        .map(|line| match list_item_text(&line.text) {
            Some(item) => Block::new(list_kind(&line.text), item.to_string(), line.number),
            None => Block::new(BlockKind::Paragraph, line.text.clone(), line.number),
        })
        .collect();
    rejoin_across_page_furniture(blocks)
}

fn wrapped_blocks(lines: &[&Line], width: usize, options: ReflowOptions) -> Vec<Block> {
    let short = width * 3 / 4;
    let table = table_lines(lines);
    let figure = figure_lines(lines);
    let common = options.lower_case;
    let plain_heading_level = options.plain_heading_level;
    let lettered = lettered_items(lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    let mut after_break = true;
    let mut continuing_heading = false;
    for (i, line) in lines.iter().enumerate() {
        if continuing_heading && line.kind != LineKind::Gap {
            if let Some(heading) = blocks.last_mut() {
                heading.text = join_wrapped(&heading.text, &line.text);
                heading.last_line = line.number;
            }
            let next = next_line_text(lines, i);
            continuing_heading = blocks
                .last()
                .is_some_and(|h| heading_continues(&h.text, next.unwrap_or("")));
            continue;
        }
        if line.kind == LineKind::Gap {
            blocks.extend(open.take());
            after_break = true;
            continue;
        }
        let text = line.text.as_str();
        if figure.contains(&line.number) {
            blocks.extend(open.take());
            match blocks.last_mut() {
                Some(last) if last.kind == BlockKind::Dropped(DropReason::Figure) => {
                    last.last_line = line.number;
                }
                _ => blocks.push(Block::new(
                    BlockKind::Dropped(DropReason::Figure),
                    text.to_string(),
                    line.number,
                )),
            }
            after_break = true;
            continue;
        }
        if lettered.contains(&line.number) {
            blocks.extend(open.take());
            open = Some(Block::new(
                BlockKind::ListItem,
                text.to_string(),
                line.number,
            ));
            after_break = false;
            continue;
        }
        // A Markdown heading is a line of its own wherever it stands.
        if is_markdown_heading(text) {
            blocks.extend(open.take());
            blocks.push(Block::new(
                BlockKind::Paragraph,
                text.to_string(),
                line.number,
            ));
            after_break = true;
            continue;
        }
        if let Some((label, value)) = split_row(text).filter(|_| table.contains(&line.number)) {
            push_table_row(&mut blocks, open.take(), label, value, line.number);
            after_break = true;
            continue;
        }
        let next_text = next_line_text(lines, i);
        let previous_ended = open
            .as_ref()
            .map(|b| ends_sentence(&b.text))
            .unwrap_or(true);
        let at_boundary = after_break || previous_ended;
        // A short next line still makes this a heading when it introduces
        // something ("Projektets målsætninger er:").
        let next_is_body = next_text.is_some_and(|n| {
            !starts_lowercase(n)
                && (n.chars().count() >= width / 2
                    || list_item_text(n).is_some()
                    || n.trim_end().ends_with(':'))
        });
        // "4.2.2 Iværksættelse …" is a heading even after an unfinished line:
        // three-part numbers do not occur inside sentences.
        let numbered = numbered_heading_level(text).filter(|&level| at_boundary || level >= 3);
        if let Some(level) = numbered {
            blocks.extend(open.take());
            blocks.push(Block::new(
                BlockKind::Heading(level),
                without_final_period(text),
                line.number,
            ));
            continuing_heading = heading_continues(text, next_text.unwrap_or(""));
            after_break = true;
            continue;
        }
        if at_boundary && heading_shaped(text) && next_is_body {
            blocks.extend(open.take());
            blocks.push(Block::new(
                BlockKind::Heading(plain_heading_level),
                text.to_string(),
                line.number,
            ));
            after_break = true;
            continue;
        }
        // A dash inside a list continues it after "…, " ("- at flytte …");
        // elsewhere a dash before a lower-case word continues the sentence.
        let in_list = open.as_ref().is_some_and(|b| {
            matches!(b.kind, BlockKind::ListItem) && b.text.trim_end().ends_with([',', ';'])
        });
        let item = list_marker(text)
            .filter(|(item, dash)| !dash || at_boundary || in_list || !starts_lowercase(item))
            .map(|(item, _)| item);
        if let Some(item) = item {
            blocks.extend(open.take());
            open = Some(Block::new(list_kind(text), item.to_string(), line.number));
        } else if let Some(block) = open.as_mut().filter(|_| !after_break) {
            block.text = join_wrapped(&block.text, text);
            block.last_line = line.number;
        } else {
            blocks.extend(open.take());
            open = Some(Block::new(
                BlockKind::Paragraph,
                text.to_string(),
                line.number,
            ));
        }
        // A sentence ending well short of the margin ends the paragraph.
        after_break = (ends_sentence(text) && text.chars().count() < short)
            || ends_on_purpose(text, next_text, width, common);
    }
    blocks.extend(open);
    blocks
}

/// Adds a table row; an unfinished paragraph just before it is the start of
/// the row's label ("Deltagere på afholdte informationsmøder siden" + "starten af 1998:").
fn push_table_row(
    blocks: &mut Vec<Block>,
    open: Option<Block>,
    label: String,
    value: String,
    line: usize,
) {
    let label_starts_before = open.as_ref().is_some_and(|b| {
        b.kind == BlockKind::Paragraph && !ends_sentence(&b.text) && starts_lowercase(&label)
    });
    match open {
        Some(start) if label_starts_before => {
            let mut row = Block::table_row(vec![join_wrapped(&start.text, &label), value], line);
            row.first_line = start.first_line;
            blocks.push(row);
        }
        other => {
            blocks.extend(other);
            blocks.push(Block::table_row(vec![label, value], line));
        }
    }
}

fn next_line_text<'a>(lines: &[&'a Line], i: usize) -> Option<&'a str> {
    lines[i + 1..]
        .iter()
        .find(|l| l.kind != LineKind::Gap)
        .map(|l| l.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::line_ends::lower_case_words;
    use crate::ingest::lines::classify;

    fn blocks(text: &str) -> Vec<(BlockKind, String)> {
        let raw: Vec<String> = text.split('\n').map(String::from).collect();
        let lines = classify(&raw);
        let lower_case = lower_case_words(&lines);
        let options = ReflowOptions {
            layout: Layout::HardWrapped { width: 90 },
            plain_heading_level: 3,
            lower_case: &lower_case,
        };
        reflow(&lines, options)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn joins_wrapped_lines_and_finds_headings_and_bullets() {
        let text = "Dette er en lang linje der fortsætter over flere linjer i\n\nteksten uden at stoppe.\n \nMålsætninger og succeskriterier\nBasens målsætning lægger sig op ad formålet i loven og mere:\n§ At forebygge, at problemer\nforværres\n§ At forbedre";
        assert_eq!(
            blocks(text),
            vec![
                (BlockKind::Paragraph, "Dette er en lang linje der fortsætter over flere linjer i teksten uden at stoppe.".into()),
                (BlockKind::Heading(3), "Målsætninger og succeskriterier".into()),
                (BlockKind::Paragraph, "Basens målsætning lægger sig op ad formålet i loven og mere:".into()),
                (BlockKind::ListItem, "At forebygge, at problemer forværres".into()),
                (BlockKind::ListItem, "At forbedre".into()),
            ]
        );
    }

    /// Lines as the catalogue's extraction gives them: an empty line after
    /// each, a whitespace-only line where a paragraph ended.
    fn catalogue(lines: &[&str]) -> String {
        format!(" \n{}", lines.join("\n\n"))
    }

    #[test]
    fn shares_after_a_paragraph_sign_are_bullets() {
        // Chapter 1 (sources/004 lines 155–169), SFI's figures.
        let text = catalogue(&[
            "Udbredelsen af problemer ud over ledighed har ifølge undersøgelsen blandt andet ",
            "følgende omfang blandt de svageste kontanthjælpsmodtagere: ",
            "§ 25 pct. har nedsat arbejdsevne på grund af fysisk sygdom, ulykke eller nedslidning ",
            "§ 33 pct. skønnes at have et alkoholmisbrug i et sådant omfang, at det udgør en ",
            "barriere for beskæftigelse. 26 pct. Heraf er eller har været i behandling ",
            "§ 15 % udsluses til ordinært arbejde ",
        ]);
        let kinds: Vec<BlockKind> = blocks(&text).into_iter().map(|b| b.0).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
        assert_eq!(list_item_text("§ 94 boform for hjemløse"), None);
    }

    #[test]
    fn a_dash_before_a_lower_case_word_continues_the_sentence() {
        // 2.21 Jobfokus (sources/004 line 4391).
        let text = catalogue(&[
            "centre i kommunen. Væksthuset samarbejder endvidere med andre kompetenceområder ",
            "– herunder uddannelsesinstitutioner og behandlingscentre. Formålet med samarbejdet er ",
        ]);
        assert_eq!(blocks(&text).len(), 1, "{:?}", blocks(&text));
        // 2.15, a list item ending in a comma: the next dash is the next item.
        let text = catalogue(&[
            "- At udvikle metoder for offentlige/private virksomheder at ansætte og integrere ",
            "flygtninge/indvandrere/socialt udsatte,  ",
            "- at flytte deltagernes erfaringer og viden ind i en dansk sammenhæng på ",
        ]);
        assert_eq!(blocks(&text).len(), 2);
    }

    #[test]
    fn a_line_ended_on_purpose_ends_its_block() {
        // 2.14's motto, 2.6's last bullet, the preface's signature (sources/004).
        for (short, next) in [
            ("vej ", "Der blev i efteråret 2001 etableret et samarbejde mellem Kofoeds Skole, København, Det "),
            ("§ Tæt kontakt til rådgiveren på Nymølle ", "Hovedparten af deltagerne arbejder i have- og naturplejeordningen, som omfatter pasning "),
            ("Med venlig hilsen ", "Preben Brandt "),
        ] {
            let text = catalogue(&[
                "Dette er en lang linje der fortsætter over flere linjer i teksten uden at stoppe",
                short,
                next,
            ]);
            let found = blocks(&text);
            let last = found.last().map(|b| b.1.as_str()).unwrap_or("");
            assert!(last.starts_with(next.trim()), "{short:?} / {next:?}: {found:?}");
        }
        // 2.12 and 2.2 (sources/004 lines 2654 and 782): a lost period.
        for (line, next) in [
            ("stykke tid i projektet kontakter amtets misbrugsbehandling og går i behandling ", "Projektet har desuden succes, hvis problemer og behov, man ikke hidtil har kendt blandt "),
            ("Medlemskab forudsætter, at der ikke er misbrug af medicin, stoffer eller alkohol ", "Aktuelt indgår ca. 300 ”huse” i et internationalt netværk, hvoraf fem ligger i Danmark.  "),
        ] {
            let text = catalogue(&["I projektet er det aktuelt godt.", line, next]);
            let found = blocks(&text);
            let last = found.last().map(|b| b.1.as_str()).unwrap_or("");
            assert!(last.starts_with(next.trim()), "{found:?}");
        }
        // "… den tidligere" + "Lov om aktiv socialpolitik": no verb second.
        let text = catalogue(&[
            "Denne fokusering sker på bekostning af mere differentierede målsætninger i den tidligere",
            "Lov om aktiv socialpolitik, som udover en lov er god.",
        ]);
        assert_eq!(blocks(&text).len(), 1);
        // A line cut because the next word did not fit goes on.
        let text = catalogue(&[
            "Dette er en lang linje der fortsætter over flere linjer i teksten uden at",
            "Beskæftigelsesministeriets teksten uden at stoppe.",
        ]);
        assert_eq!(blocks(&text).len(), 1);
    }
}
