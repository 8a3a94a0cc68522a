//! Stage 1: source text files → documents (title, structure, keywords) and a
//! list of everything dropped, with the reason.

mod blocks;
mod catalogue;
mod document;
mod duplicates;
mod empty_headings;
mod extractions;
mod figures;
mod footnotes;
mod gaps;
mod headings;
mod letterhead;
mod line_ends;
mod lines;
mod lists;
mod numbered;
mod pages;
mod publication;
mod reflow;
mod repair;
mod report;
mod source;
mod tables;
mod verbs;

use std::path::Path;

pub use blocks::{Block, BlockKind};
pub use catalogue::EXAMPLE_COUNT;
pub use document::{Document, DocumentKind, DropReason, Dropped, Footnote};
pub use duplicates::find_duplicates;
pub use extractions::ExtractionChoice;
pub use footnotes::references as footnote_references;
pub use gaps::{Gap, GAP_MARK};
pub use pages::{PageBasis, PageSpan};
pub use repair::{skeleton, Repair, Vocabulary};
pub use source::SourceFile;
pub use verbs::has_finite_verb;

use crate::curation::Curation;
use crate::error::Error;

/// Everything ingestion produced from the sources.
#[derive(Debug, Default)]
pub struct Ingested {
    pub documents: Vec<Document>,
    pub dropped: Vec<Dropped>,
    /// Words repaired in text that lost its æ, ø and å.
    pub repairs: Vec<Repair>,
    /// Where two extractions of one document differ, and which reading won.
    pub choices: Vec<ExtractionChoice>,
    /// Text the sources lost, marked in the published text.
    pub gaps: Vec<Gap>,
}

impl Ingested {
    fn drop_line(&mut self, file: &str, line: usize, text: &str, reason: DropReason) {
        self.dropped.push(Dropped {
            file: file.to_string(),
            line,
            text: text.to_string(),
            reason,
        });
    }
}

/// Reads every `*.txt` in `dir`, in name order.
pub fn read_sources(dir: &Path) -> Result<Vec<SourceFile>, Error> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|err| crate::files::walk_error(dir, err))?;
        if entry.path().extension().is_some_and(|e| e == "txt") {
            paths.push(entry.into_path());
        }
    }
    if paths.is_empty() {
        return Err(Error::file(
            &dir.display().to_string(),
            "holds no .txt source files",
        ));
    }
    paths.iter().map(|p| SourceFile::read(p)).collect()
}

pub fn ingest(sources: &[SourceFile], curation: &Curation) -> Result<Ingested, Error> {
    let mut out = Ingested::default();
    let duplicates = find_duplicates(sources);
    let mut catalogues = 0;
    for (index, source) in sources.iter().enumerate() {
        if let Some(&(_, kept)) = duplicates.iter().find(|(dup, _)| *dup == index) {
            drop_duplicate(source, &sources[kept].name, &mut out);
            continue;
        }
        let alternatives: Vec<String> = duplicates
            .iter()
            .filter(|(_, kept)| *kept == index)
            .map(|(dup, _)| sources[*dup].name.clone())
            .collect();
        let before = out.documents.len();
        if catalogue::is_catalogue(source) {
            catalogues += 1;
            catalogue::ingest_catalogue(source, &mut out)?;
        } else {
            let weight = (index as u32 + 1) * 10;
            let document =
                report::ingest_report(source, curation.source(&source.name), weight, &mut out)?;
            out.documents.push(document);
        }
        for document in &mut out.documents[before..] {
            document.alternative_sources = alternatives.clone();
        }
    }
    for document in &mut out.documents {
        empty_headings::settle_empty_headings(&mut document.blocks);
    }
    drop_marked_blocks(sources, &mut out);
    out.choices = better_extractions(sources, &duplicates, curation, &mut out.documents)?;
    out.repairs = repair::repair_documents(&mut out.documents, &curation.repairs);
    out.gaps = gaps::mark_gaps(&mut out.documents, &curation.repairs.gaps)?;
    let mut cases = Vec::new();
    for report in out
        .documents
        .iter_mut()
        .filter(|d| d.kind == DocumentKind::Report)
    {
        let short_title = curation
            .source(&report.source)
            .and_then(|c| c.short_title.clone())
            .unwrap_or_else(|| report.title.clone());
        cases.extend(crate::cases::split_cases(report, &short_title));
    }
    out.documents.extend(cases);
    // The curated date, else the one a report's cover states (a report's
    // cases share it).
    let stated: std::collections::HashMap<String, String> = out
        .documents
        .iter()
        .filter_map(|d| Some((d.source.clone(), d.published.clone()?)))
        .collect();
    for document in &mut out.documents {
        document.published = curation
            .source(&document.source)
            .and_then(|c| c.published.clone())
            .or_else(|| stated.get(&document.source).cloned());
    }
    if catalogues == 0 {
        return Err(Error::file(
            "sources/",
            "no catalogue found (a file with the heading \"2. Eksempelsamling\")",
        ));
    }
    Ok(out)
}

/// Each published report that has a second extraction takes, word by
/// word, the reading that is a known Danish word.
fn better_extractions(
    sources: &[SourceFile],
    duplicates: &[(usize, usize)],
    curation: &Curation,
    documents: &mut [Document],
) -> Result<Vec<ExtractionChoice>, Error> {
    let mut choices = Vec::new();
    for &(dup, kept) in duplicates {
        let (other, published) = (&sources[dup], &sources[kept]);
        if catalogue::is_catalogue(other) {
            continue;
        }
        // The other extraction, read as a report of its own.
        let mut scratch = Ingested::default();
        let other_document =
            report::ingest_report(other, curation.source(&other.name), 0, &mut scratch)?;
        let other_text: Vec<&str> = other_document
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        let field_text = sources
            .iter()
            .filter(|s| s.name != other.name && s.name != published.name)
            .flat_map(|s| s.lines.iter().map(String::as_str));
        let lexicon = extractions::Lexicon {
            words: &curation.lexicon,
            field: extractions::field_words(field_text),
        };
        for document in documents.iter_mut().filter(|d| d.source == published.name) {
            choices.extend(extractions::choose(
                document,
                &other_text.join("\n"),
                &other.name,
                &lexicon,
            ));
        }
    }
    Ok(choices)
}

/// Removes the blocks ingestion marked as not for publishing and lists
/// each of their source lines, with the reason, in the drop report.
fn drop_marked_blocks(sources: &[SourceFile], out: &mut Ingested) {
    let mut dropped = Vec::new();
    for document in &mut out.documents {
        let source = sources.iter().find(|s| s.name == document.source);
        document.blocks.retain(|block| {
            let BlockKind::Dropped(reason) = block.kind else {
                return true;
            };
            let lines = source
                .and_then(|s| {
                    s.lines
                        .get(block.first_line.saturating_sub(1)..block.last_line)
                })
                .unwrap_or_default();
            for (offset, line) in lines.iter().enumerate() {
                if !line.trim().is_empty() {
                    dropped.push(Dropped {
                        file: document.source.clone(),
                        line: block.first_line + offset,
                        text: line.trim().to_string(),
                        reason,
                    });
                }
            }
            false
        });
    }
    out.dropped.extend(dropped);
}

fn drop_duplicate(source: &SourceFile, kept: &str, out: &mut Ingested) {
    for (index, line) in source.lines.iter().enumerate() {
        if !line.trim().is_empty() {
            out.drop_line(
                &source.name,
                index + 1,
                line.trim(),
                DropReason::DuplicateFile,
            );
        }
    }
    if let Some(last) = out.dropped.last_mut() {
        last.text = format!("{} (kept: {kept})", last.text);
    }
}
