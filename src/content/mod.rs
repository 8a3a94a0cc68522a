//! Stage 2 (after ingest and tagging): documents → the Zola `content/` tree
//! (Markdown with front matter), and everything about that tree: its front
//! matter (`front_matter.rs`, with the case records case pages carry), who
//! wrote each file (`provenance.rs`), writing and loading it (`tree/`),
//! checking hand-written pages (`validate.rs`) and `praksis new`
//! (`scaffold.rs`). Every later stage reads the tree through this module.
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
use crate::curation::Synonyms;
use crate::ingest::{Block, BlockKind, Document, DocumentKind, Ingested};
use crate::tagging::{is_wish, points_back, split_sentences, PageTags, Vocabularies};
use front_matter::{PageExtra, PageFrontMatter, PlaceNote, TagEvidence};

/// Taxonomy every page carries: what kind of source it comes from.
pub const SOURCE_TYPE_TAXONOMY: &str = "kildetype";
const DESCRIPTION_CHARS: usize = 200;
const RESULTS_CHARS: usize = 400;

/// All files of `content/`, sorted by path.
pub fn render(
    ingested: &Ingested,
    tags: &BTreeMap<String, PageTags>,
    vocabularies: &Vocabularies,
    synonyms: &Synonyms,
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

/// The heading and blocks of an example's section about results: the first
/// heading naming results ("Resultater", "Succeskriterier og resultater" …),
/// else the first naming experience ("Erfaringer", "Brugererfaringer"),
/// where the catalogue's examples without a results section report outcomes.
fn results_block(document: &Document) -> Option<(&str, &[Block])> {
    if document.kind != DocumentKind::Example {
        return None;
    }
    let heading_with = |word: &str| {
        document.blocks.iter().position(|b| {
            matches!(b.kind, BlockKind::Heading(_)) && b.text.to_lowercase().contains(word)
        })
    };
    let at = heading_with("resultat").or_else(|| heading_with("erfaring"))?;
    let rest = &document.blocks[at + 1..];
    let end = rest
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
        .unwrap_or(rest.len());
    Some((document.blocks[at].text.as_str(), &rest[..end]))
}

fn results_section(document: &Document) -> &[Block] {
    results_block(document).map_or(&[], |(_, blocks)| blocks)
}

/// The heading the results section starts with.
fn results_heading(document: &Document) -> Option<String> {
    results_block(document).map(|(heading, _)| heading.to_string())
}

/// The first paragraph of the results section (on into the next when it
/// leads into it), in whole sentences; a hope or a plan ("Ole Rudolf håber,
/// at …") is left out unless the section holds nothing else.
fn results_summary(document: &Document) -> Option<String> {
    let section = results_section(document);
    let summary_of = |keep: &dyn Fn(&str) -> bool| {
        let paragraphs: Vec<String> = section
            .iter()
            .filter(|b| is_prose(b))
            .map(|b| {
                // A sentence pointing back to one left out ("Han fremhæver
                // …" after Ole Rudolf's hope) is left out with it.
                let mut left_out = false;
                split_sentences(&b.text)
                    .into_iter()
                    .filter(|s| {
                        left_out = states_base(s) || !keep(s) || (left_out && points_back(s));
                        !left_out
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|text| !text.is_empty())
            .collect();
        summary::whole_sentences(paragraphs.iter().map(String::as_str), RESULTS_CHARS)
    };
    summary_of(&|s| !is_wish(s))
        .or_else(|| summary_of(&|_| true))
        .or_else(|| outcome_rows(section))
        .or_else(|| section.first().and_then(row_text))
}

/// Words in a table row's label that make it an outcome for the people
/// served (work, education), not a count of activity.
const OUTCOME_LABEL_WORDS: [&str; 5] = [
    "arbejde",
    "job",
    "uddannelse",
    "beskæftigelse",
    "selvforsørg",
];

/// A results table's rows that tell outcomes, joined: Følordningen's
/// "Påbegyndt social- og sundhedsuddannelse: 15 personer" and "Afmeldt
/// grundet ordinært arbejde: 10 personer", not its first row, the
/// attendance at information meetings (blind user test 19).
fn outcome_rows(section: &[Block]) -> Option<String> {
    let rows: Vec<String> = section
        .iter()
        .filter_map(|block| {
            let BlockKind::TableRow(cells) = &block.kind else {
                return None;
            };
            let label = cells.first()?.to_lowercase();
            OUTCOME_LABEL_WORDS
                .iter()
                .any(|w| label.contains(w))
                .then(|| row_text(block))
                .flatten()
        })
        .collect();
    (!rows.is_empty()).then(|| rows.join("; "))
}

/// Verbs that report what someone stresses or thinks, not what happened.
const OPINION_VERBS: [&str; 7] = [
    "betoner",
    "fremhæver",
    "understreger",
    "mener",
    "synes",
    "håber",
    "ønsker",
];

/// "Ole Rudolf betoner samtidig, at der både skal gives plads til …": a
/// view of what should be, with no figure in it.
fn is_opinion(sentence: &str) -> bool {
    let words = crate::tagging::words(sentence);
    words.iter().any(|w| OPINION_VERBS.contains(&w.as_str()))
        && !sentence.chars().any(|c| c.is_ascii_digit())
}

/// "… resultaterne baserer sig derfor på 21 personer.": what the results
/// are counted on, not a result.
fn states_base(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "baserer sig",
        "er baseret på",
        "bygger på",
        "tager udgangspunkt i",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
}

/// A table row as "label: value" (a label may bring its own colon).
fn row_text(block: &Block) -> Option<String> {
    let BlockKind::TableRow(cells) = &block.kind else {
        return None;
    };
    let (label, values) = cells.split_first()?;
    Some(format!(
        "{}: {}",
        label.trim_end().trim_end_matches(':'),
        values.join(" ")
    ))
}

/// The sentences a page's results panel shows (summary and figures), table
/// rows left out: a row is a label and a value, not a sentence.
pub fn results_panel(document: &Document) -> Vec<String> {
    let section = results_section(document);
    // A summary joined from table rows is rows too.
    let joined_rows = outcome_rows(section);
    let summary = results_summary(document)
        .filter(|s| Some(s) != joined_rows.as_ref())
        .unwrap_or_default();
    let rows: Vec<String> = section.iter().filter_map(row_text).collect();
    let mut sentences: Vec<String> = Vec::new();
    for piece in split_sentences(&summary) {
        // "Ca." cut off before "25 pct. kommer …" is an abbreviation.
        match sentences.last_mut() {
            Some(last) if last.split_whitespace().count() == 1 => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => sentences.push(piece.to_string()),
        }
    }
    sentences
        .into_iter()
        .chain(result_figures(document))
        .filter(|s| !rows.contains(s))
        .collect()
}

/// Words that make a number in a results sentence a figure worth showing.
const FIGURE_WORDS: [&str; 9] = [
    "personer",
    "deltagere",
    "brugere",
    "ud af",
    "%",
    "procent",
    "kursister",
    "medlemmer",
    "job",
];
const MAX_FIGURES: usize = 6;

/// Sentences of the results section that give a figure (at most
/// [`MAX_FIGURES`]), then every row of its tables: a table is not cut.
fn result_figures(document: &Document) -> Vec<String> {
    let section = results_section(document);
    let sentences = section
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::TableRow(_)))
        .flat_map(|block| split_sentences(&block.text))
        .filter(|s| {
            let lower = s.to_lowercase();
            s.chars().any(|c| c.is_ascii_digit())
                && FIGURE_WORDS.iter().any(|w| lower.contains(w))
                && !states_base(s)
        })
        .map(String::from)
        .take(MAX_FIGURES);
    sentences
        .chain(section.iter().filter_map(row_text))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Block;

    fn example(results: &[&str]) -> Document {
        let mut document = Document::test_report("e.txt", &[]);
        document.kind = DocumentKind::Example;
        document.blocks = std::iter::once(Block::new(
            BlockKind::Heading(2),
            "Brugererfaringer".into(),
            1,
        ))
        .chain(
            results
                .iter()
                .enumerate()
                .map(|(i, text)| Block::new(BlockKind::Paragraph, text.to_string(), i + 2)),
        )
        .collect();
        document
    }

    #[test]
    fn a_hope_is_no_result_unless_the_section_holds_nothing_else() {
        // "Han" points back to the hope's speaker: left out with the hope.
        let hoped = example(&[
            "Formanden håber, at stedet vokser. Han fremhæver stedets værdi. \
             Formanden betoner fællesskabet.",
        ]);
        assert_eq!(
            results_summary(&hoped).as_deref(),
            Some("Formanden betoner fællesskabet.")
        );
        assert!(is_opinion("Formanden betoner fællesskabet."));
        assert!(!is_opinion("Formanden betoner, at 12 fik arbejde."));
        assert!(!is_opinion("Tre deltagere fik arbejde."));
        let only_hoped = example(&["Formanden håber, at stedet vokser."]);
        assert_eq!(
            results_summary(&only_hoped).as_deref(),
            Some("Formanden håber, at stedet vokser.")
        );
    }

    #[test]
    fn a_table_of_figures_is_summed_up_by_its_outcome_rows() {
        let mut table = example(&[]);
        let row = |cells: &[&str], line| {
            Block::new(
                BlockKind::TableRow(cells.iter().map(|c| c.to_string()).collect()),
                String::new(),
                line,
            )
        };
        table.blocks.extend([
            row(&["Deltagere på informationsmøder:", "270 personer"], 2),
            row(&["Påbegyndt uddannelse:", "15 personer"], 3),
            row(&["Afmeldt grundet ordinært arbejde:", "10 personer"], 4),
        ]);
        assert_eq!(
            results_summary(&table).as_deref(),
            Some(
                "Påbegyndt uddannelse: 15 personer; Afmeldt grundet ordinært arbejde: 10 personer"
            )
        );
        // Without an outcome row, the first row as before.
        table.blocks.truncate(2);
        assert_eq!(
            results_summary(&table).as_deref(),
            Some("Deltagere på informationsmøder: 270 personer")
        );
    }
}
