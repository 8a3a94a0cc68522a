//! Stage 2: documents → the Zola `content/` tree (Markdown with front matter).
//!
//! The tree is committed; `praksis check` regenerates it in memory and
//! compares, so hand edits and stale output are caught.

mod markdown;
mod sections;
mod tree;

use std::collections::BTreeMap;

pub use markdown::escape;
pub use tree::{check, write, ContentFile, Drift};

use crate::front_matter::{self, PageExtra, PageFrontMatter};
use crate::ingest::{BlockKind, Document, Ingested};

/// Taxonomy every page carries: what kind of source it comes from.
pub const SOURCE_TYPE_TAXONOMY: &str = "kildetype";
const DESCRIPTION_CHARS: usize = 200;

/// All files of `content/`, sorted by path.
pub fn render(ingested: &Ingested) -> Vec<ContentFile> {
    let mut files: Vec<ContentFile> = sections::section_files();
    files.extend(ingested.documents.iter().map(render_page));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn render_page(document: &Document) -> ContentFile {
    let mut taxonomies = BTreeMap::new();
    taxonomies.insert(
        SOURCE_TYPE_TAXONOMY.to_string(),
        vec![document.kind.label().to_string()],
    );
    let front = PageFrontMatter {
        title: document.title.clone(),
        description: Some(description(document)),
        weight: document.weight,
        taxonomies,
        extra: PageExtra {
            source: document.source.clone(),
            source_lines: [document.source_lines.0, document.source_lines.1],
            section_number: document.section_number.clone(),
            alternative_sources: document.alternative_sources.clone(),
            continuum: None,
            keywords: document.keywords.clone(),
        },
    };
    let body = markdown::render_body(&document.blocks, &document.footnotes);
    ContentFile {
        path: format!("{}/{}.md", document.kind.section(), document.slug),
        text: format!("{}\n{}", front_matter::render(&front), body),
    }
}

/// The first paragraph, cut at a word boundary: for listings and meta tags.
fn description(document: &Document) -> String {
    let first = document
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .unwrap_or("");
    if first.chars().count() <= DESCRIPTION_CHARS {
        return first.to_string();
    }
    let cut: String = first.chars().take(DESCRIPTION_CHARS).collect();
    let at_word = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{}…", at_word.trim_end_matches([',', ' ', '–', '-']))
}
