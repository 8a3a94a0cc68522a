//! The catalogue of Rådet for Socialt Udsatte: preface, chapters 1, 3 and 4,
//! the appendix, and the 21 practice examples of chapter 2.

use std::collections::HashSet;

use super::blocks::Block;
use super::document::{Document, DocumentKind, DropReason, Footnote};
use super::headings::{heading_continues, title_tail};
use super::line_ends::{join_wrapped, lower_case_words};
use super::lines::{classify, Line, LineKind};
use super::pages::PageMap;
use super::reflow::{detect_layout, reflow, ReflowOptions};
use super::source::SourceFile;
use super::Ingested;
use crate::error::Error;
use crate::slug::file_stem;

pub const EXAMPLE_COUNT: usize = 21;
const SLUG_LEN: usize = 48;
/// The label before each example's keyword list.
const KEYWORD_LABEL: &str = "Nøgleord";

/// Does this source look like the catalogue? It names its example chapter.
pub fn is_catalogue(source: &SourceFile) -> bool {
    source
        .lines
        .iter()
        .any(|l| l.trim() == "2. Eksempelsamling")
}

/// A chapter or section heading found in the text.
struct Heading {
    /// Index into the classified lines.
    index: usize,
    /// Index of the first line after the (possibly wrapped) heading.
    body_start: usize,
    number: String,
    title: String,
}

pub fn ingest_catalogue(source: &SourceFile, out: &mut Ingested) -> Result<(), Error> {
    let first_document = out.documents.len();
    let lines = classify(&source.lines);
    let lower_case = lower_case_words(&lines);
    let pages = PageMap::from_lines(&lines);
    let context = Context {
        source,
        lower_case: &lower_case,
        pages: pages.as_ref(),
    };
    out.drop_page_furniture(&source.name, &lines);
    let chapters = find_chapters(source, &lines)?;
    let chapter_two = chapters.iter().position(|c| c.number == "2").unwrap_or(0);
    let examples_end = chapters
        .get(chapter_two + 1)
        .map(|c| c.index)
        .unwrap_or(lines.len());
    let examples = find_examples(source, &lines, chapters[chapter_two].index, examples_end)?;
    let chapter_two_heading = &lines[chapters[chapter_two].index..chapters[chapter_two].body_start];
    let keyword_labels = lines
        .iter()
        .filter(|l| is_text(l) && l.text.trim_end_matches(':').trim() == KEYWORD_LABEL);
    for line in chapter_two_heading
        .iter()
        .filter(|l| is_text(l))
        .chain(keyword_labels)
    {
        out.drop_line(
            &source.name,
            line.number,
            &line.text,
            DropReason::StructureLabel,
        );
    }

    // Preface: everything before chapter 1.
    let first = chapters.first().map(|c| c.index).unwrap_or(lines.len());
    out.documents.push(chapter_document(
        &context,
        &lines[..first],
        "0",
        "Forord og læsevejledning",
        0,
    ));
    for (position, chapter) in chapters.iter().enumerate() {
        if chapter.number == "2" {
            continue;
        }
        let end = chapters
            .get(position + 1)
            .map(|c| c.index)
            .unwrap_or(lines.len());
        let weight = (position as u32 + 1) * 10;
        out.documents.push(chapter_document(
            &context,
            &lines[chapter.body_start..end],
            &chapter.number,
            &chapter.title,
            weight,
        ));
    }
    for (position, example) in examples.iter().enumerate() {
        let end = examples
            .get(position + 1)
            .map(|e| e.index)
            .unwrap_or(examples_end);
        out.documents.push(example_document(
            &context,
            &lines[example.index..end],
            example,
            position,
        )?);
    }
    super::footnotes::assign(&mut out.documents[first_document..]);
    Ok(())
}

/// What every section of the catalogue is read with.
struct Context<'a> {
    source: &'a SourceFile,
    lower_case: &'a HashSet<String>,
    /// `None` if the text kept fewer than two page numbers.
    pages: Option<&'a PageMap>,
}

impl Context<'_> {
    fn pages(&self, (first, last): (usize, usize)) -> Option<super::PageSpan> {
        self.pages.map(|map| map.span(first, last))
    }
}

fn chapter_document(
    context: &Context,
    lines: &[Line],
    number: &str,
    title: &str,
    weight: u32,
) -> Document {
    let blocks = body_blocks(lines, 3, context.lower_case);
    let source_lines = line_span(lines);
    Document {
        kind: DocumentKind::Chapter,
        title: title.to_string(),
        slug: file_stem(title, SLUG_LEN),
        weight,
        section_number: (number != "0").then(|| number.to_string()),
        source: context.source.name.clone(),
        source_lines,
        pages: context.pages(source_lines),
        alternative_sources: Vec::new(),
        keywords: Vec::new(),
        footnotes: footnotes(lines),
        case: None,
        published: None,
        blocks,
    }
}

fn example_document(
    context: &Context,
    lines: &[Line],
    heading: &Heading,
    position: usize,
) -> Result<Document, Error> {
    // lines[0] is the heading; its continuation lines were folded into the title.
    let title_lines = heading.body_start - heading.index;
    let keyword_at = lines
        .iter()
        .position(|l| is_text(l) && l.text.trim_end_matches(':').trim() == KEYWORD_LABEL);
    let body_end = keyword_at.unwrap_or(lines.len());
    let keywords = keyword_at
        .map(|at| keyword_list(&lines[at + 1..]))
        .unwrap_or_default();
    let body = &lines[title_lines.min(body_end)..body_end];
    let blocks = body_blocks(body, 2, context.lower_case);
    if blocks.is_empty() {
        return Err(Error::at(
            &context.source.name,
            lines[0].number,
            format!("section {} has no text", heading.number),
        ));
    }
    Ok(Document {
        kind: DocumentKind::Example,
        title: heading.title.clone(),
        slug: file_stem(&heading.title, SLUG_LEN),
        weight: position as u32 + 1,
        section_number: Some(heading.number.clone()),
        source: context.source.name.clone(),
        source_lines: line_span(lines),
        pages: context.pages(line_span(lines)),
        alternative_sources: Vec::new(),
        keywords,
        footnotes: footnotes(lines),
        case: None,
        published: None,
        blocks,
    })
}

fn body_blocks(
    lines: &[Line],
    plain_heading_level: u8,
    lower_case: &HashSet<String>,
) -> Vec<Block> {
    let options = ReflowOptions {
        layout: detect_layout(lines),
        plain_heading_level,
        lower_case,
    };
    reflow(lines, options)
}

fn is_text(line: &Line) -> bool {
    matches!(line.kind, LineKind::Text { .. })
}

fn line_span(lines: &[Line]) -> (usize, usize) {
    let used = || {
        lines
            .iter()
            .filter(|l| is_text(l) || matches!(l.kind, LineKind::Footnote(_)))
    };
    let first = used().next().map(|l| l.number).unwrap_or(0);
    let last = used().next_back().map(|l| l.number).unwrap_or(first);
    (first, last)
}

/// One keyword per line; a line starting in lower case continues the previous one.
fn keyword_list(lines: &[Line]) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    for line in lines.iter().filter(|l| is_text(l)) {
        let continues = line.text.chars().next().is_some_and(char::is_lowercase);
        match keywords.last_mut() {
            Some(last) if continues => *last = join_wrapped(last, &line.text),
            _ => keywords.push(line.text.trim_end_matches(['.', ' ']).to_string()),
        }
    }
    keywords
}

fn footnotes(lines: &[Line]) -> Vec<Footnote> {
    let mut notes: Vec<Footnote> = Vec::new();
    for line in lines {
        match &line.kind {
            LineKind::Footnote(number) => notes.push(Footnote {
                number: number.clone(),
                text: line.text.clone(),
            }),
            LineKind::FootnoteMore => {
                if let Some(note) = notes.last_mut() {
                    note.text = join_wrapped(&note.text, &line.text);
                }
            }
            _ => {}
        }
    }
    notes
}

/// "1. Indledning" … "4. Konkrete ideer …", then "Bilag 1. …", in order.
fn find_chapters(source: &SourceFile, lines: &[Line]) -> Result<Vec<Heading>, Error> {
    let mut chapters: Vec<Heading> = Vec::new();
    for (index, line) in lines.iter().enumerate().filter(|(_, l)| is_text(l)) {
        let expected = (chapters.len() + 1).to_string();
        let numbered = line
            .text
            .strip_prefix(&format!("{expected}. "))
            .filter(|rest| rest.chars().next().is_some_and(char::is_uppercase) && rest.len() < 80);
        if let Some(title) = numbered.filter(|_| chapters.len() < 4) {
            chapters.push(Heading {
                index,
                body_start: index + 1,
                number: expected,
                title: title.trim().to_string(),
            });
        } else if chapters.len() == 4 && line.text.starts_with("Bilag 1.") {
            let title = line
                .text
                .trim_start_matches("Bilag 1.")
                .trim()
                .trim_end_matches('.');
            chapters.push(Heading {
                index,
                body_start: index + 1,
                number: "Bilag 1".into(),
                title: format!("Bilag 1: {title}"),
            });
        }
    }
    if chapters.len() < 4 {
        let last_line = lines.last().map(|l| l.number).unwrap_or(1);
        return Err(Error::at(
            &source.name,
            last_line,
            format!(
                "expected chapter heading \"{}. …\" before the end of the file",
                chapters.len() + 1
            ),
        ));
    }
    Ok(chapters)
}

/// Sections "2.1." … "2.21." (the dot after the number is sometimes missing).
fn find_examples(
    source: &SourceFile,
    lines: &[Line],
    start: usize,
    end: usize,
) -> Result<Vec<Heading>, Error> {
    let mut examples: Vec<Heading> = Vec::new();
    for (index, line) in lines.iter().enumerate().take(end).skip(start) {
        if !is_text(line) || examples.len() == EXAMPLE_COUNT {
            continue;
        }
        let number = format!("2.{}", examples.len() + 1);
        let Some(rest) = line.text.strip_prefix(&number) else {
            continue;
        };
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        if !rest.starts_with(' ') {
            continue;
        }
        let mut title = rest.trim().to_string();
        let mut body_start = index + 1;
        let following: Vec<(usize, &Line)> = lines[index + 1..end]
            .iter()
            .enumerate()
            .filter(|(_, l)| is_text(l))
            .collect();
        for (position, &(offset, next)) in following.iter().enumerate() {
            let after = following.get(position + 1).map(|(_, l)| l.text.as_str());
            let continues = heading_continues(&title, &next.text);
            let tail = !continues && title_tail(&next.text, after);
            if !continues && !tail {
                break;
            }
            title = join_wrapped(&title, &next.text);
            body_start = index + 2 + offset;
            if tail {
                break;
            }
        }
        examples.push(Heading {
            index,
            body_start,
            number,
            title: tidy_title(&title),
        });
    }
    if examples.len() < EXAMPLE_COUNT {
        let after = examples
            .last()
            .map(|e| lines[e.index].number)
            .unwrap_or(lines[start].number);
        return Err(Error::at(
            &source.name,
            after,
            format!(
                "expected section 2.{} after this line, found none",
                examples.len() + 1
            ),
        ));
    }
    Ok(examples)
}

/// Collapses the doubled spaces PDF extraction leaves in titles.
fn tidy_title(title: &str) -> String {
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Ingested {
    fn drop_page_furniture(&mut self, file: &str, lines: &[Line]) {
        for line in lines.iter().filter(|l| l.kind == LineKind::PageNumber) {
            self.drop_line(
                file,
                line.number,
                &line.text,
                super::document::DropReason::PageNumber,
            );
        }
    }
}
