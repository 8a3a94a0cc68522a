//! Stage 2 (after ingest and tagging): documents → the Zola `content/` tree
//! (Markdown with front matter), and everything about that tree: its front
//! matter (`front_matter.rs`, with the case records case pages carry), who
//! wrote each file (`provenance.rs`), writing and loading it (`tree/`),
//! checking hand-written pages (`validate.rs`), an example's results
//! (`results.rs`) and `praksis new` (`scaffold.rs`). Every later stage reads
//! the tree through this module.
//!
//! The tree is committed; `praksis check` regenerates it in memory and
//! compares, so hand edits and stale output are caught.

mod chapter_mentions;
mod citation;
mod excerpt;
mod factors;
pub mod front_matter;
mod markdown;
mod provenance;
mod related;
mod report_mentions;
mod results;
mod scaffold;
mod sections;
pub mod stated_factors;
mod summary;
mod tree;
mod validate;

use std::collections::BTreeMap;

pub use markdown::{escape, table as markdown_table};
pub use provenance::{provenance, Provenance, MARKER_KEY};
pub use scaffold::{example_page, REPORT_EXAMPLE};
pub use sections::WISHES_APART;
pub use tree::{
    check, plan, update, ContentFile, ContentPlan, ContentTree, Drift, Kept, LoadedPage,
    LoadedSection,
};
pub use validate::{validate, Finding};

use crate::cases::{self, CasePage, CaseRecord};
use crate::curation::SynonymLists;
use crate::ingest::{Block, BlockKind, Document, DocumentKind, Ingested};
use crate::tagging::{split_sentences, PageTags, Vocabularies};
use front_matter::{PageExtra, PageFrontMatter, PlaceNote, TagEvidence};
pub use results::results_panel;
use results::{is_opinion, result_figures, results_heading, results_summary};

/// Taxonomy every page carries: what kind of source it comes from.
pub const SOURCE_TYPE_TAXONOMY: &str = "kildetype";
const DESCRIPTION_CHARS: usize = 200;
const RESULTS_CHARS: usize = 400;

/// All files of `content/`, sorted by path.
pub fn render(
    ingested: &Ingested,
    tags: &BTreeMap<String, PageTags>,
    vocabularies: &Vocabularies,
    synonyms: &SynonymLists,
) -> Vec<ContentFile> {
    let all_cases: Vec<CasePage> = ingested
        .documents
        .iter()
        .filter_map(|d| case_page(d, &ingested.documents))
        .collect();
    let mut reports: Vec<String> = all_cases.iter().map(|c| c.record.report.clone()).collect();
    reports.sort();
    reports.dedup();
    let mut files: Vec<ContentFile> = sections::section_files(
        cases::overview(&all_cases).as_ref(),
        &reports,
        &factors::factor_quotes(&ingested.documents, vocabularies),
        &related::related_terms(&ingested.documents, vocabularies, synonyms),
    );
    files.extend(
        ingested
            .documents
            .iter()
            .map(|d| render_page(d, &ingested.documents, tags.get(&d.slug), vocabularies)),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for file in &mut files {
        file.text = provenance::mark(&file.text);
    }
    files
}

fn render_page(
    document: &Document,
    all: &[Document],
    tags: Option<&PageTags>,
    vocabularies: &Vocabularies,
) -> ContentFile {
    let mut taxonomies = BTreeMap::new();
    taxonomies.insert(
        SOURCE_TYPE_TAXONOMY.to_string(),
        vec![document.kind.label().to_string()],
    );
    let empty = PageTags::default();
    let tags = tags.unwrap_or(&empty);
    taxonomies.extend(tags.terms.clone());
    // An effort states its own; a course's are its report's, and a
    // chapter's are the factors themselves.
    let stated = match document.kind {
        DocumentKind::Example | DocumentKind::Report => {
            stated_factors::stated_factors(document, vocabularies, &taxonomies)
        }
        _ => Default::default(),
    };
    let results = results_summary(document);
    // Named only where there are results taken from it.
    let results_heading = results.as_ref().and_then(|_| results_heading(document));
    let results_opinion = results
        .as_deref()
        .is_some_and(|summary| summary::sentences(summary).iter().all(|s| is_opinion(s)));
    let chapter_mentions = match document.kind {
        DocumentKind::Chapter => chapter_mentions::chapter_mentions(document, vocabularies),
        _ => Vec::new(),
    };
    let mut front = PageFrontMatter {
        title: document.title.clone(),
        description: Some(description(document)),
        date: document
            .published
            .as_deref()
            .and_then(crate::curation::publication_date),
        weight: Some(document.weight),
        aliases: Vec::new(),
        taxonomies,
        extra: PageExtra {
            generated: None,
            reviewed: Vec::new(),
            source: document.source.clone(),
            source_lines: [document.source_lines.0, document.source_lines.1],
            section_number: document.section_number.clone(),
            pages: document.pages.as_ref().map(citation::catalogue_pages),
            alternative_sources: document.alternative_sources.clone(),
            published: document.published.clone(),
            continuum: tags.placement.as_ref().map(|p| p.position),
            continuum_reasons: tags
                .placement
                .as_ref()
                .map(|p| p.reasons.clone())
                .unwrap_or_default(),
            keywords: document.keywords.clone(),
            case: document.case.clone(),
            stated,
            chapter_mentions,
            results,
            report_mentions: report_mentions::report_mentions(document, all),
            results_heading,
            results_opinion,
            overview: report_overview(document, all),
            result_figures: result_figures(document),
            evidence: tags.evidence.iter().map(TagEvidence::from).collect(),
            traits: tags.traits.iter().map(TagEvidence::from).collect(),
            places: tags
                .places
                .iter()
                .map(|p| PlaceNote {
                    name: p.name.clone(),
                    today: p.today.clone(),
                })
                .collect(),
            wish_only: Vec::new(),
            gaps: excerpt::gaps(document),
            opening_appendix: excerpt::opening_appendix(document),
        },
    };
    front.extra.wish_only = front_matter::wish_only_terms(&front.extra.evidence);
    let body = markdown::render_body(
        &document.blocks,
        &document.footnotes,
        &case_table(document, all),
    );
    ContentFile {
        path: page_path(document),
        text: format!("{}\n{}", front_matter::render(&front), body),
    }
}

pub fn page_path(document: &Document) -> String {
    format!("{}/{}.md", document.kind.section(), document.slug)
}

/// The cases of a report as a table linking each case page (Zola `@/` links).
fn case_table(report: &Document, all: &[Document]) -> String {
    let path = page_path(report);
    let rows: Vec<Vec<String>> = all
        .iter()
        .filter_map(|d| Some((d, d.case.as_ref().filter(|c| c.report == path)?)))
        .map(|(document, case)| {
            let optional = |value: &Option<String>| escape(value.as_deref().unwrap_or("–"));
            vec![
                format!("[{}](@/{})", case.code, page_path(document)),
                case.age
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "–".into()),
                escape(case.housing_kind.as_deref().unwrap_or("Andet")),
                optional(&case.period),
                escape(&case.outcome),
            ]
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let cases = cases_of(report, all);
    let mut out = markdown::table(&["Forløb", "Alder", "Bolig", "Periode", "Resultat"], &rows);
    // Pages live at <section>/<slug>/: two levels below the site root.
    out.push_str(&cases::chart_markdown(&report.slug, &cases, "../../"));
    out
}

/// A case document as its record, the path of its page and what its report
/// says of it elsewhere.
fn case_page<'a>(document: &'a Document, all: &[Document]) -> Option<CasePage<'a>> {
    Some(CasePage {
        path: page_path(document),
        record: document.case.as_ref()?,
        mentions: report_mentions::report_mentions(document, all),
    })
}

/// A report's overview of its courses, with the courses that ran past the
/// end its text states.
fn report_overview(report: &Document, all: &[Document]) -> Option<cases::CaseOverview> {
    let pages = case_pages_of(report, all);
    let mut overview = cases::overview(&pages)?;
    let sentences: Vec<&str> = report
        .blocks
        .iter()
        .flat_map(|b| split_sentences(&b.text))
        .collect();
    overview.date_conflicts = cases::date_conflicts(sentences, &pages);
    Some(overview)
}

fn case_pages_of<'a>(report: &Document, all: &'a [Document]) -> Vec<CasePage<'a>> {
    let path = page_path(report);
    all.iter()
        .filter_map(|d| case_page(d, all))
        .filter(|c| c.record.report == path)
        .collect()
}

fn cases_of<'a>(report: &Document, all: &'a [Document]) -> Vec<&'a CaseRecord> {
    let path = page_path(report);
    all.iter()
        .filter_map(|d| d.case.as_ref())
        .filter(|c| c.report == path)
        .collect()
}

/// The first paragraph in whole sentences: for listings and meta tags.
fn description(document: &Document) -> String {
    if let Some(result) = document.case.as_ref().and_then(|c| c.result.as_ref()) {
        return summary::whole_sentences(
            [format!("Resultat: {result}").as_str()],
            DESCRIPTION_CHARS,
        )
        .unwrap_or_default();
    }
    let paragraphs = document
        .blocks
        .iter()
        .filter(|b| is_prose(b))
        .map(|b| b.text.as_str());
    let first_paragraph = || {
        document
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.clone())
    };
    summary::whole_sentences(paragraphs, DESCRIPTION_CHARS)
        .or_else(first_paragraph)
        .unwrap_or_default()
}

/// Paragraphs and list items: what a lead-in ("… og:") may lead into.
fn is_prose(block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedItem(_)
    )
}
