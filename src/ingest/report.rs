//! Local-effort reports: headings in capitals or Markdown, one paragraph per
//! line (or hard-wrapped), and repeated page headers to drop.

use std::collections::{HashMap, HashSet};

use super::blocks::{Block, BlockKind};
use super::document::{Document, DocumentKind, DropReason};
use super::headings::without_final_period;
use super::line_ends::lower_case_words;
use super::lines::{classify, LineKind};
use super::numbered::{level_parallel_sections, mark_numbered_runs, numbered_headings};
use super::reflow::{detect_layout, reflow, ReflowOptions};
use super::source::SourceFile;
use super::verbs::has_finite_verb;
use super::Ingested;
use crate::curation::SourceCuration;
use crate::error::Error;
use crate::slug::file_stem;

pub fn ingest_report(
    source: &SourceFile,
    curation: Option<&SourceCuration>,
    weight: u32,
    out: &mut Ingested,
) -> Result<Document, Error> {
    let lines = classify(&source.lines);
    for line in lines.iter().filter(|l| l.kind == LineKind::PageNumber) {
        out.drop_line(
            &source.name,
            line.number,
            &line.text,
            DropReason::PageNumber,
        );
    }
    let lower_case = lower_case_words(&lines);
    let options = ReflowOptions {
        layout: detect_layout(&lines),
        plain_heading_level: 3,
        lower_case: &lower_case,
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut seen_headings: HashSet<String> = HashSet::new();
    let reflowed = reflow(&lines, options);
    let numbered = numbered_headings(&reflowed);
    for (index, mut block) in reflowed.into_iter().enumerate() {
        if let Some(sentence) = caps_sentence(&block.text) {
            block.text = sentence;
        }
        let heading = report_heading(&block.text)
            .or_else(|| numbered.contains(&index).then(|| (2, block.text.clone())))
            .map(|(level, text)| (level, without_final_period(&text)));
        if let Some((level, text)) = heading {
            let key = text.to_lowercase();
            if is_continuation_header(&key) || !seen_headings.insert(key) {
                out.drop_line(
                    &source.name,
                    block.first_line,
                    &block.text,
                    DropReason::RunningHeader,
                );
                continue;
            }
            block.kind = BlockKind::Heading(level);
            block.text = text;
        }
        blocks.push(block);
    }
    restore_proper_nouns(&mut blocks);
    level_parallel_sections(&mut blocks);
    mark_numbered_runs(&mut blocks);
    if !blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading(_)))
    {
        let read = blocks
            .iter()
            .take(3)
            .map(|b| format!("line {}: \"{}\"", b.first_line, cut(&b.text, 50)))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(Error::at(
            &source.name,
            blocks.first().map_or(1, |b| b.first_line),
            format!(
                "found no heading, so the text cannot be cut into sections. A report needs \
                 headings on lines of their own, such as \"# Indledning\" (Markdown), \
                 \"1. Indledning\" or \"2.1 Resultater\" (numbered) or \"INDLEDNING\" \
                 (capitals), each with a paragraph after it. Read as paragraphs: {read}. \
                 `praksis new rapport` prints a minimal valid report"
            ),
        ));
    }
    let title = match curation.and_then(|c| c.title.clone()) {
        Some(title) => title,
        None => take_title_line(&mut blocks).unwrap_or_else(|| take_title(&mut blocks)),
    };
    let slug = curation
        .and_then(|c| c.slug.clone())
        .unwrap_or_else(|| file_stem(&title, 48));
    let first = blocks.iter().map(|b| b.first_line).min().unwrap_or(1);
    let last = blocks.iter().map(|b| b.last_line).max().unwrap_or(first);
    Ok(Document {
        kind: DocumentKind::Report,
        title,
        slug,
        weight,
        section_number: None,
        source: source.name.clone(),
        source_lines: (first, last),
        pages: None,
        alternative_sources: Vec::new(),
        keywords: Vec::new(),
        blocks,
        footnotes: Vec::new(),
        case: None,
        published: super::publication::publication_in_text(&source.lines),
    })
}

fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// "JOBCENTERET HAR ØNSKET FØLGENDE SPØRGSMÅL BESVARET." is a sentence set
/// in capitals (a finite verb and a final period), not a heading: it is
/// given back in sentence case.
fn caps_sentence(text: &str) -> Option<String> {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    (all_caps && text.trim_end().ends_with('.') && has_finite_verb(text))
        .then(|| sentence_case(text))
}

/// A short first line shortly before the first heading is the report's
/// title ("Ny rapport om beskæftigelse i Greve"; a cover date may stand
/// between them).
fn take_title_line(blocks: &mut Vec<Block>) -> Option<String> {
    let first = blocks.first()?;
    let words = first.text.split_whitespace().count();
    let title_like = first.kind == BlockKind::Paragraph
        && (1..=15).contains(&words)
        && !first.text.trim_end().ends_with(['.', ':', ','])
        && blocks[1..]
            .iter()
            .take(2)
            .any(|b| matches!(b.kind, BlockKind::Heading(_)));
    title_like.then(|| blocks.remove(0).text)
}

/// Uses the first heading as the title when nothing is curated.
fn take_title(blocks: &mut Vec<Block>) -> String {
    match blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
    {
        Some(at) => blocks.remove(at).text,
        None => "Rapport".to_string(),
    }
}

fn is_continuation_header(lowercase: &str) -> bool {
    lowercase.ends_with("- fortsat") || lowercase.ends_with("– fortsat")
}

/// A heading's level and display text, if the block is one.
fn report_heading(text: &str) -> Option<(u8, String)> {
    if let Some(stripped) = text.strip_prefix('#') {
        let level = 1 + stripped.chars().take_while(|&c| c == '#').count();
        let title = stripped
            .trim_start_matches('#')
            .trim()
            .trim_matches('*')
            .trim();
        return Some(((level as u8).clamp(2, 4), title.to_string()));
    }
    // A whole line in bold is a subheading ("• **Hvordan bruges småjob …?**").
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        if !inner.contains("**") && !inner.trim().is_empty() {
            return Some((3, inner.trim().to_string()));
        }
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    if all_caps && text.chars().count() <= 120 {
        let level = if text.starts_with("KANDIDAT") { 3 } else { 2 };
        return Some((level, sentence_case(text)));
    }
    None
}

/// Words the body mostly writes capitalised ("SydhavnsCompagniet", "København"),
/// with their most common capitalised spelling. Mostly, not always: a web
/// address may spell a name in lower case.
fn proper_nouns(blocks: &[Block]) -> HashMap<String, String> {
    let mut counts: HashMap<String, (usize, HashMap<String, usize>)> = HashMap::new();
    let body = blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Heading(_)));
    for word in body.flat_map(|b| b.text.split(|c: char| !c.is_alphanumeric())) {
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && word != word.to_uppercase();
        let entry = counts.entry(word.to_lowercase()).or_default();
        if capitalised {
            *entry.1.entry(word.to_string()).or_default() += 1;
        } else {
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(lower, (lowercase_uses, forms))| {
            let capital_uses: usize = forms.values().sum();
            let best = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
            (capital_uses > 2 * lowercase_uses).then_some((lower, best.0))
        })
        .collect()
}

/// Sentence-cased headings get the body's spelling of proper nouns back.
fn restore_proper_nouns(blocks: &mut [Block]) {
    let nouns = proper_nouns(blocks);
    for block in blocks
        .iter_mut()
        .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
    {
        let mut out = String::with_capacity(block.text.len());
        let mut word = String::new();
        for ch in block.text.chars().chain(std::iter::once(' ')) {
            if ch.is_alphanumeric() {
                word.push(ch);
                continue;
            }
            let restored = nouns
                .get(&word)
                .cloned()
                .or_else(|| {
                    // A genitive: "sydhavnscompagniets" → "SydhavnsCompagniets".
                    let stem = word.strip_suffix('s')?;
                    nouns.get(stem).map(|noun| format!("{noun}s"))
                })
                .filter(|_| word == word.to_lowercase());
            out.push_str(restored.as_deref().unwrap_or(&word));
            word.clear();
            out.push(ch);
        }
        out.pop();
        block.text = out;
    }
}

/// "HVAD VIRKER GODT" → "Hvad virker godt"; case codes like "(K2)" stay.
fn sentence_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let is_code = word
            .trim_matches(['(', ')'])
            .chars()
            .any(|c| c.is_ascii_digit());
        if is_code {
            out.push_str(word);
        } else if i == 0 {
            let mut chars = word.chars();
            out.extend(chars.next());
            out.push_str(&chars.as_str().to_lowercase());
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_proper_nouns_back_but_not_common_words() {
        let mut blocks = vec![
            Block::new(
                BlockKind::Heading(2),
                "Hvem er sydhavnscompagniet i københavn?".into(),
                1,
            ),
            Block::new(
                BlockKind::Paragraph,
                "SydhavnsCompagniet ligger i København. Hvem ved, hvem.".into(),
                2,
            ),
        ];
        restore_proper_nouns(&mut blocks);
        assert_eq!(blocks[0].text, "Hvem er SydhavnsCompagniet i København?");
        let mut genitive = vec![
            Block::new(
                BlockKind::Heading(2),
                "Lokalværdi - sydhavnscompagniets beskæftigelsesindsats".into(),
                1,
            ),
            Block::new(
                BlockKind::Paragraph,
                "SydhavnsCompagniet ligger i Sydhavnen.".into(),
                2,
            ),
        ];
        restore_proper_nouns(&mut genitive);
        assert_eq!(
            genitive[0].text,
            "Lokalværdi - SydhavnsCompagniets beskæftigelsesindsats"
        );
    }

    #[test]
    fn sentences_in_capitals_and_headings_with_a_period() {
        // The 2023 report (sources/001 lines 15 and 175).
        assert_eq!(
            caps_sentence(
                "JOBCENTERET HAR ØNSKET FØLGENDE SPØRGSMÅL BESVARET I ERFARINGSOPSAMLINGEN."
            )
            .as_deref(),
            Some("Jobcenteret har ønsket følgende spørgsmål besvaret i erfaringsopsamlingen.")
        );
        assert_eq!(
            caps_sentence("ERFARINGER OG VIDEN FRA DE AFSLUTTEDE FORLØB."),
            None
        );
        assert_eq!(
            without_final_period("Erfaringer og viden fra de afsluttede forløb."),
            "Erfaringer og viden fra de afsluttede forløb"
        );
        assert_eq!(without_final_period("Kurser m.v."), "Kurser m.v.");
    }

    #[test]
    fn recognises_report_headings() {
        assert_eq!(
            report_heading("HVAD VIRKER GODT"),
            Some((2, "Hvad virker godt".into()))
        );
        assert_eq!(
            report_heading("KANDIDAT 2 (K2)"),
            Some((3, "Kandidat 2 (K2)".into()))
        );
        assert_eq!(
            report_heading("## *2. Målgruppen*"),
            Some((2, "2. Målgruppen".into()))
        );
        assert_eq!(report_heading("Alder: 59 år."), None);
        assert_eq!(
            report_heading("**Hvordan bruges småjob?**"),
            Some((3, "Hvordan bruges småjob?".into()))
        );
    }
}
