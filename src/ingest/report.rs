//! Local-effort reports: headings in capitals or Markdown, one paragraph per
//! line (or hard-wrapped), and repeated page headers to drop.

use std::collections::HashSet;

use super::blocks::{Block, BlockKind};
use super::document::{slugify, Document, DocumentKind, DropReason};
use super::lines::{classify, LineKind};
use super::reflow::{detect_layout, reflow, ReflowOptions};
use super::source::SourceFile;
use super::Ingested;
use crate::curation::SourceCuration;
use crate::error::InputError;

pub fn ingest_report(
    source: &SourceFile,
    curation: Option<&SourceCuration>,
    weight: u32,
    out: &mut Ingested,
) -> Result<Document, InputError> {
    let lines = classify(&source.lines);
    for line in lines.iter().filter(|l| l.kind == LineKind::PageNumber) {
        out.drop_line(
            &source.name,
            line.number,
            &line.text,
            DropReason::PageNumber,
        );
    }
    let options = ReflowOptions {
        layout: detect_layout(&lines),
        plain_heading_level: 3,
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut seen_headings: HashSet<String> = HashSet::new();
    for mut block in reflow(&lines, options) {
        if let Some((level, text)) = report_heading(&block.text) {
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
    if !blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading(_)))
    {
        return Err(InputError::file(
            &source.name,
            "has no headings (expected capitalised or Markdown headings in a report)",
        ));
    }
    let title = match curation.and_then(|c| c.title.clone()) {
        Some(title) => title,
        None => take_title(&mut blocks),
    };
    let slug = curation
        .and_then(|c| c.slug.clone())
        .unwrap_or_else(|| slugify(&title, 48));
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
        alternative_sources: Vec::new(),
        keywords: Vec::new(),
        blocks,
        footnotes: Vec::new(),
    })
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
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    if all_caps && text.chars().count() <= 120 {
        let level = if text.starts_with("KANDIDAT") { 3 } else { 2 };
        return Some((level, sentence_case(text)));
    }
    None
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
    }
}
