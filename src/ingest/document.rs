//! What ingestion produces: documents to publish and text it dropped, with why.

use super::blocks::Block;
use super::pages::PageSpan;
use crate::cases::CaseRecord;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocumentKind {
    /// One of the catalogue's practice examples (sections 2.1–2.21).
    Example,
    /// A catalogue chapter outside chapter 2, or its preface.
    Chapter,
    /// A local-effort report.
    Report,
    /// A candidate case from a report (K1, K2 …).
    Case,
}

impl DocumentKind {
    /// The content section the page lives in.
    pub fn section(self) -> &'static str {
        match self {
            DocumentKind::Example => "eksempler",
            DocumentKind::Chapter => "kapitler",
            DocumentKind::Report => "rapporter",
            DocumentKind::Case => "forloeb",
        }
    }

    /// Danish label, used as the `kildetype` taxonomy term.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Example => "Praksiseksempel",
            DocumentKind::Chapter => "Kapitel i kataloget",
            DocumentKind::Report => "Lokal rapport",
            DocumentKind::Case => "Borgerforløb",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub number: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: String,
    pub slug: String,
    pub weight: u32,
    /// The catalogue's own number, e.g. "2.15".
    pub section_number: Option<String>,
    pub source: String,
    /// First and last source line used (1-based, inclusive).
    pub source_lines: (usize, usize),
    /// The catalogue's printed pages the section spans (catalogue only).
    pub pages: Option<PageSpan>,
    /// Other source files holding the same document (another extraction).
    pub alternative_sources: Vec<String>,
    pub keywords: Vec<String>,
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Structured fields, for candidate cases.
    pub case: Option<CaseRecord>,
    /// When its source was published ("2023-10"), from `curation/sources.toml`.
    pub published: Option<String>,
}

#[cfg(test)]
impl Document {
    /// A test report from `source` whose paragraphs are `paragraphs`, one
    /// per source line from line 1.
    pub(crate) fn test_report(source: &str, paragraphs: &[&str]) -> Document {
        Document {
            kind: DocumentKind::Report,
            title: "Rapport".into(),
            slug: "rapport".into(),
            weight: 0,
            section_number: None,
            source: source.into(),
            source_lines: (1, paragraphs.len()),
            pages: None,
            alternative_sources: Vec::new(),
            keywords: Vec::new(),
            blocks: paragraphs
                .iter()
                .enumerate()
                .map(|(i, text)| {
                    Block::new(super::blocks::BlockKind::Paragraph, text.to_string(), i + 1)
                })
                .collect(),
            footnotes: Vec::new(),
            case: None,
            published: None,
        }
    }
}

/// Source text that is not published, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    pub file: String,
    pub line: usize,
    pub text: String,
    pub reason: DropReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    PageNumber,
    RunningHeader,
    DuplicateFile,
    /// A label the page layout replaces: "Nøgleord" before the keywords in
    /// front matter, the "2. Eksempelsamling" heading over the example pages.
    StructureLabel,
    /// A letter's head inside the text: sender, address, case and EAN numbers.
    Letterhead,
    /// Labels of a figure the text cannot show (axis ends, column letters).
    Figure,
    /// A chart's series name and legend, without the chart.
    ChartLegend,
    /// A heading with nothing published under it (`empty_headings.rs`).
    EmptySection,
}

impl DropReason {
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::PageNumber => "sidetal",
            DropReason::RunningHeader => "gentaget sidehoved",
            DropReason::DuplicateFile => {
                "samme dokument som en anden kildefil (se sidens alternative kilder)"
            }
            DropReason::StructureLabel => "overskrift som sidens opbygning erstatter",
            DropReason::Letterhead => "brevhoved: afsender, adresse, sags- og EAN-numre",
            DropReason::Figure => {
                "etiketter fra en figur som teksten ikke kan vise (kontinuet vises på /kontinuum/)"
            }
            DropReason::ChartLegend => "et diagrams serienavn og forklaring, uden diagrammet",
            DropReason::EmptySection => {
                "overskrift uden tekst under sig (kun udeladt tekst eller straks en ny overskrift)"
            }
        }
    }
}
