//! Second pass: joins classified lines into headings, paragraphs and list items.
//!
//! Hard-wrapped text (the catalogue) is joined line by line; a paragraph ends
//! at a whitespace-only line, or where a sentence ends on a clearly short line.
//! Text with one paragraph per line (most reports) keeps its lines as blocks.

use super::blocks::{Block, BlockKind};
use super::document::DropReason;
use super::figures::{figure_lines, lettered_items};
use super::lines::{Line, LineKind};
use super::tables::{split_row, table_lines};
use super::verbs::is_finite_verb;
use std::collections::HashSet;

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

/// Bullet glyphs that are never words: an item starts at them wherever the
/// line stands. A dash may also continue a sentence ("– herunder …").
const GLYPHS: [&str; 6] = ["• ", "v ", "o ", "* ", "■ ", "\u{f0b7} "];
const DASHES: [&str; 2] = ["- ", "– "];

/// A list marker at the start of a line, and the item text after it.
pub fn list_item_text(text: &str) -> Option<&str> {
    list_marker(text).map(|(item, _)| item)
}

/// The item text, and whether the marker is a dash (which needs a
/// paragraph boundary or a capital to start an item).
fn list_marker(text: &str) -> Option<(&str, bool)> {
    for (marker, dash) in GLYPHS
        .iter()
        .map(|g| (g, false))
        .chain(DASHES.iter().map(|d| (d, true)))
    {
        if let Some(rest) = text.strip_prefix(marker) {
            let first = rest.trim_start().chars().next();
            // "**" opens bold text in reports written as Markdown.
            if first.is_some_and(char::is_alphanumeric) || rest.trim_start().starts_with("**") {
                return Some((rest.trim_start(), dash));
            }
        }
    }
    // "§ At forebygge …", "§ en arbejdsmarkedssituation …" and "§ 25 pct. har
    // …" are bullets; "§ 94 boform" is a paragraph sign.
    if let Some(rest) = text.strip_prefix("§ ") {
        if rest.chars().next().is_some_and(char::is_alphabetic) || is_share(rest) {
            return Some((rest, false));
        }
    }
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) && text[digits..].starts_with(") ") {
        return Some((text[digits + 2..].trim_start(), false));
    }
    None
}

/// "25 pct. har …", "15 % udsluses …", "33% overgår …": a share, which a
/// paragraph sign never precedes.
fn is_share(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].trim_start();
    digits > 0 && (rest.starts_with('%') || rest.starts_with("pct") || rest.starts_with("procent"))
}

/// "3) Kravene …" is item 3 of a numbered list; other markers make bullets.
fn list_kind(text: &str) -> BlockKind {
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    match text[..digits].parse() {
        Ok(number) if text[digits..].starts_with(") ") => BlockKind::NumberedItem(number),
        _ => BlockKind::ListItem,
    }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', '”', '"', ')'])
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Joins two wrapped lines, undoing hyphenation ("beskæf-" + "tigelse") but
/// keeping suspended compounds ("aktivitets- og") and real hyphens before capitals.
pub fn join_wrapped(left: &str, right: &str) -> String {
    let left = left.trim_end();
    if let Some(stem) = left.strip_suffix('-') {
        let stem_ends_in_letter = stem.chars().last().is_some_and(char::is_alphabetic);
        let next_word = right.split_whitespace().next().unwrap_or("");
        let suspended = matches!(next_word, "og" | "eller" | "samt" | "til" | "som");
        if stem_ends_in_letter && keeps_hyphen(stem) && !suspended {
            return format!("{left}{right}");
        }
        if stem_ends_in_letter && starts_lowercase(right) && !suspended {
            return format!("{stem}{right}");
        }
        if stem_ends_in_letter && !suspended {
            return format!("{left}{right}");
        }
    }
    format!("{left} {right}")
}

/// A word before a hyphen that Danish always writes with it: "ikke-" before
/// a word ("ikke-arbejdsmarkedsparat"), and abbreviations ("IT-", "EU-").
fn keeps_hyphen(stem: &str) -> bool {
    let word = stem
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or(stem);
    let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase());
    acronym || matches!(word.to_lowercase().as_str(), "ikke" | "non" | "anti")
}

/// Did a wrapped line end on purpose? It did when the next line's first
/// word would have fitted on it, and the next line starts like a new block
/// (a capital, a bullet): a signature, a motto, a list item ending without
/// a period.
fn ends_on_purpose(text: &str, next: Option<&str>, width: usize, common: &HashSet<String>) -> bool {
    let Some(next) = next else {
        return false;
    };
    if lost_sentence_end(text, next, common) {
        return true;
    }
    // A bullet and its first word travel together ("– herunder").
    let words = if list_item_text(next).is_some() { 2 } else { 1 };
    let first_words: usize = next
        .split_whitespace()
        .take(words)
        .map(|w| w.chars().count() + 1)
        .sum();
    let fits = text.chars().count() + first_words < width * 93 / 100;
    let trailing = text.trim_end().ends_with([',', '-', '–', '/', '(']);
    let starts_block =
        next.chars().next().is_some_and(char::is_uppercase) || list_item_text(next).is_some();
    fits && starts_block && !trailing
}

/// "… og går i behandling" + "Projektet har desuden succes …": the next
/// line opens a main clause (a capitalised word the text also writes in
/// lower case, then a finite verb: Danish puts the verb second), and the
/// line before ends on a content word without punctuation. The sentence end
/// was lost in extraction; the block ends there.
fn lost_sentence_end(text: &str, next: &str, common: &HashSet<String>) -> bool {
    let words: Vec<&str> = next.split_whitespace().collect();
    let [first, second, _, ..] = words.as_slice() else {
        return false;
    };
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(char::is_lowercase)
        && first.chars().count() >= 2;
    let last = text.split_whitespace().last().unwrap_or("");
    let open_end = text.trim_end().ends_with(|c: char| c.is_alphabetic())
        && !DANGLING.contains(&last.to_lowercase().as_str())
        && text.split_whitespace().count() >= 4;
    capitalised && common.contains(&first.to_lowercase()) && is_finite_verb(second) && open_end
}

/// Words after which a sentence cannot end.
const DANGLING: [&str; 27] = [
    "om", "for", "efter", "indenfor", "til", "af", "i", "på", "med", "en", "et", "og", "end", "at",
    "der", "som", "de", "den", "det", "samt", "eller", "fra", "ved", "under", "over", "mellem",
    "hos",
];

/// Words `lines` write in lower case somewhere (so not names).
pub fn lower_case_words(lines: &[Line]) -> HashSet<String> {
    let mut counts: HashSet<&str> = HashSet::new();
    for line in lines {
        for word in line.text.split(|c: char| !c.is_alphabetic()) {
            if word.chars().next().is_some_and(char::is_lowercase) {
                counts.insert(word);
            }
        }
    }
    counts.into_iter().map(str::to_string).collect()
}

/// Could `text` be a subheading, judged on the line alone?
fn heading_shaped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first_upper = text.chars().next().is_some_and(|c| c.is_uppercase());
    first_upper
        && (1..=9).contains(&words)
        && text.chars().count() <= 70
        && !text.trim_end().ends_with(['.', ',', ';', ':', '-', '–'])
        && list_item_text(text).is_none()
}

/// "3.2. Hvilke …" → level 2, "4.2.1 Ny vejledning" → level 3, deeper → 4.
pub fn numbered_heading_level(text: &str) -> Option<u8> {
    let number: &str = text.split_whitespace().next()?;
    let rest = text[number.len()..].trim_start();
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()));
    let titled = rest.chars().next().is_some_and(char::is_uppercase);
    (numeric && (2..=4).contains(&parts.len()) && titled && text.chars().count() <= 90)
        .then_some(parts.len().min(4) as u8)
}

/// Does a heading go on in the next line? Yes if that line starts in lower case,
/// or the heading stops on a word that cannot end a title ("efter", "om", …).
pub fn heading_continues(heading: &str, next: &str) -> bool {
    let last_word = heading.split_whitespace().last().unwrap_or("");
    let dangling = matches!(
        last_word,
        "om" | "for"
            | "efter"
            | "indenfor"
            | "til"
            | "af"
            | "i"
            | "på"
            | "med"
            | "en"
            | "et"
            | "og"
            | "end"
    );
    !next.is_empty() && (starts_lowercase(next) || dangling) && next.chars().count() <= 90
}

/// "… Frederiksborg og Århus" + "Amter": one or two capitalised words with
/// no final punctuation end a wrapped title, unless body text follows them
/// (then they are a subheading: "Baggrund" + "Baggrunden for …").
pub fn title_tail(next: &str, after: Option<&str>) -> bool {
    let words: Vec<&str> = next.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let body_follows = after.is_some_and(|a| {
        a.chars().next().is_some_and(char::is_uppercase) && a.chars().count() >= 40
    });
    (1..=2).contains(&words.len())
        && capitalised
        && !next.trim_end().ends_with(['.', ':', ',', ';', '?', '!'])
        && !body_follows
}

/// "Erfaringer og viden fra de afsluttede forløb." → without the period
/// a heading does not have ("…" and "m.v." keep theirs).
pub fn without_final_period(text: &str) -> String {
    let trimmed = text.trim_end();
    let last_word = trimmed.split_whitespace().last().unwrap_or("");
    let abbreviation = last_word.trim_end_matches('.').contains('.');
    match trimmed.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !abbreviation => rest.to_string(),
        _ => trimmed.to_string(),
    }
}

/// Options that differ between catalogue examples and chapters.
#[derive(Clone, Copy, Debug)]
pub struct ReflowOptions<'a> {
    pub layout: Layout,
    /// Level given to unnumbered subheadings ("Målgruppe", "Resultater").
    pub plain_heading_level: u8,
    /// Words the whole source writes in lower case somewhere (so not names),
    /// from [`lower_case_words`].
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

/// Short lines a page break can put inside a sentence (letterhead, address).
const FURNITURE_MAX_CHARS: usize = 70;
const FURNITURE_MAX_LINES: usize = 8;

/// A sentence cut by a page break goes on after the page's letterhead:
/// "… men har særligt" [address lines] "det sidste års tid …". The halves
/// are joined; the short lines between them are the letterhead, dropped.
fn rejoin_across_page_furniture(mut blocks: Vec<Block>) -> Vec<Block> {
    mark_identifiers(&mut blocks);
    let mut i = 0;
    while i < blocks.len() {
        let unfinished = blocks[i].kind == BlockKind::Paragraph && !ends_sentence(&blocks[i].text);
        let continuation = unfinished
            .then(|| {
                (i + 2..blocks.len().min(i + 2 + FURNITURE_MAX_LINES)).find(|&j| {
                    let between_is_furniture = blocks[i + 1..j].iter().all(|b| {
                        matches!(b.kind, BlockKind::Dropped(_))
                            || (b.kind == BlockKind::Paragraph
                                && b.text.chars().count() <= FURNITURE_MAX_CHARS)
                    });
                    between_is_furniture
                        && blocks[j].kind == BlockKind::Paragraph
                        && starts_lowercase(&blocks[j].text)
                })
            })
            .flatten();
        if let Some(j) = continuation {
            let rest = blocks.remove(j);
            blocks[i].text = join_wrapped(&blocks[i].text, &rest.text);
            blocks[i].last_line = rest.last_line;
            for furniture in &mut blocks[i + 1..j] {
                furniture.kind = BlockKind::Dropped(DropReason::Letterhead);
            }
        }
        i += 1;
    }
    blocks
}

/// "Sagsnummer" + "2019-0335020": a one-word label and a line of digits
/// and hyphens under it are a letter's reference numbers, not text.
fn mark_identifiers(blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let text = blocks[i].text.trim();
        let identifier = text.chars().filter(char::is_ascii_digit).count() >= 6
            && text.chars().all(|c| c.is_ascii_digit() || c == '-');
        let label = blocks[i - 1].text.trim();
        let labelled = label.split_whitespace().count() == 1
            && label.chars().next().is_some_and(char::is_uppercase)
            && label.chars().all(|c| c.is_alphabetic() || c == '-');
        let both_text = [&blocks[i - 1], &blocks[i]]
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph);
        if identifier && labelled && both_text {
            blocks[i - 1].kind = BlockKind::Dropped(DropReason::Letterhead);
            blocks[i].kind = BlockKind::Dropped(DropReason::Letterhead);
            // The letter's date stands just above its reference numbers.
            let dated = i
                .checked_sub(2)
                .filter(|&at| blocks[at].kind == BlockKind::Paragraph && is_date(&blocks[at].text));
            if let Some(at) = dated {
                blocks[at].kind = BlockKind::Dropped(DropReason::Letterhead);
            }
        }
    }
}

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// "11. marts 2020": a date alone on its line.
fn is_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| {
        digits.contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    match words.as_slice() {
        [day, month, year] => {
            day.strip_suffix('.').is_some_and(|d| number(d, 1..=2))
                && MONTHS.contains(&month.to_lowercase().as_str())
                && number(year, 4..=4)
        }
        _ => false,
    }
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
    fn numbered_headings_and_their_continuations() {
        assert_eq!(numbered_heading_level("3.2. Hvilke muligheder"), Some(2));
        assert_eq!(numbered_heading_level("4.2.1 Ny vejledning"), Some(3));
        assert_eq!(numbered_heading_level("3.2.2.2. Erfaringer fra"), Some(4));
        assert_eq!(numbered_heading_level("2004. Det var året"), None);
        assert_eq!(numbered_heading_level("1) Arbejdsevnemetoden"), None);
        assert!(heading_continues(
            "2.18. Netværksordningen - et tilbud efter",
            "Servicelovens § 88"
        ));
        assert!(!heading_continues(
            "Servicelovens § 88",
            "I Vejle Amt er det"
        ));
        // 2.19 (sources/004 lines 3965–3969) and 2.12 (lines 2574–2577).
        assert!(title_tail("Amter  ", Some("maj 2003 – juli 2005")));
        assert!(!title_tail(
            "Baggrund",
            Some("Baggrunden for, at man i Aabenraa Kommune har søgt midler til et projekt til")
        ));
    }

    #[test]
    fn rejoins_a_sentence_cut_by_a_letterhead_and_drops_it() {
        // The 2020 report (sources/003 lines 11–15 and 37–47).
        let paragraph = |text: &str, line| Block::new(BlockKind::Paragraph, text.into(), line);
        let blocks = vec![
            paragraph("11. marts 2020", 9),
            paragraph("Sagsnummer", 11),
            paragraph("2019-0335020", 12),
            paragraph(
                "De vil helst arbejde med lokale borgere, men har særligt",
                37,
            ),
            paragraph("CF 2. kontor, område 1", 40),
            paragraph("EAN-nummer", 44),
            paragraph("5798009710178", 45),
            paragraph("det sidste års tid fået mange borgere.", 47),
        ];
        let kept: Vec<(String, bool)> = rejoin_across_page_furniture(blocks)
            .into_iter()
            .map(|b| (b.text, b.kind == BlockKind::Paragraph))
            .collect();
        let published: Vec<&str> = kept
            .iter()
            .filter(|(_, p)| *p)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            published,
            ["De vil helst arbejde med lokale borgere, men har særligt det sidste års tid fået mange borgere."]
        );
        assert_eq!(
            kept.len(),
            7,
            "the letterhead stays, marked for the drop report"
        );
    }

    #[test]
    fn dehyphenates_but_keeps_suspended_compounds_and_names() {
        assert_eq!(
            join_wrapped("at komme i beskæf-", "tigelse"),
            "at komme i beskæftigelse"
        );
        assert_eq!(
            join_wrapped("aktivitets-", "og beskæftigelse"),
            "aktivitets- og beskæftigelse"
        );
        assert_eq!(join_wrapped("et IT-", "Kursus"), "et IT-Kursus");
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

    #[test]
    fn keeps_the_hyphen_after_ikke_and_abbreviations() {
        // Chapter 3 (sources/004 lines 4852–4854).
        assert_eq!(
            join_wrapped(
                "begreberne arbejdsmarkedsparat og ikke-",
                "arbejdsmarkedsparat næsten"
            ),
            "begreberne arbejdsmarkedsparat og ikke-arbejdsmarkedsparat næsten"
        );
        assert_eq!(join_wrapped("et EU-", "projekt"), "et EU-projekt");
        assert_eq!(join_wrapped("beskæf-", "tigelse"), "beskæftigelse");
    }
}
