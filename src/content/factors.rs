//! The catalogue's own words for each factor: a factor entry that names its
//! section of chapter 3.2 (`chapter = "3.2.1.2"` in the vocabulary) gets the
//! first sentence of that section's paragraphs naming it (else the first),
//! with the section's heading and anchor. `/faktorer/` carries the quotes in
//! `extra.factors`, so a factor no example or report shows is still listed,
//! quoted, and said to be shown by none.

use serde::Serialize;

use super::page_path;
use super::summary::sentences;
use crate::ingest::{BlockKind, Document, DocumentKind};
use crate::slug::slugify;
use crate::tagging::Vocabularies;

/// The taxonomy of what helps, and of what hinders.
pub const HELPS_TAXONOMY: &str = "fremmer";
pub const HINDERS_TAXONOMY: &str = "haemmer";
/// Taxonomies whose entries are factors.
pub const FACTOR_TAXONOMIES: [&str; 2] = [HELPS_TAXONOMY, HINDERS_TAXONOMY];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorQuote {
    pub taxonomy: String,
    pub term: String,
    /// The factor's anchor on `/faktorer/`, where every factor is listed even
    /// when no page shows it (and so no term page exists to link to).
    pub id: String,
    /// "3.2.1.2"
    pub section: String,
    pub heading: String,
    /// Content path of the chapter page, and the heading's anchor in it.
    pub page: String,
    pub anchor: String,
    pub sentence: String,
}

/// The quote of every factor entry that names a chapter section, in
/// vocabulary order; an entry whose section is not found is left out (the
/// completeness test names it).
pub fn factor_quotes(documents: &[Document], vocabularies: &Vocabularies) -> Vec<FactorQuote> {
    let chapters: Vec<&Document> = documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Chapter)
        .collect();
    vocabularies
        .taxonomies
        .iter()
        .filter(|t| FACTOR_TAXONOMIES.contains(&t.name.as_str()))
        .flat_map(|taxonomy| {
            taxonomy.entries.iter().filter_map(|entry| {
                let section = entry.chapter.as_ref()?;
                chapters.iter().find_map(|chapter| {
                    let (heading, sentence) = quote(chapter, section, &entry.terms)?;
                    Some(FactorQuote {
                        taxonomy: taxonomy.name.clone(),
                        term: entry.label.clone(),
                        id: slugify(&entry.label),
                        section: section.clone(),
                        page: page_path(chapter),
                        anchor: slugify(&heading),
                        heading,
                        sentence,
                    })
                })
            })
        })
        .collect()
}

/// The heading numbered `section` in `chapter` and the first sentence under
/// it (before the next heading of its level or above) holding a term, else
/// the first.
fn quote(chapter: &Document, section: &str, terms: &[String]) -> Option<(String, String)> {
    let numbered = |text: &str| {
        text.strip_prefix(section)
            .is_some_and(|rest| rest.starts_with(['.', ' ']))
    };
    let (at, level) = chapter
        .blocks
        .iter()
        .enumerate()
        .find_map(|(at, b)| match b.kind {
            BlockKind::Heading(level) if numbered(&b.text) => Some((at, level)),
            _ => None,
        })?;
    // Paragraphs only: a list item is half a sentence ("at ville …").
    let sentences: Vec<String> = chapter.blocks[at + 1..]
        .iter()
        .take_while(|b| !matches!(b.kind, BlockKind::Heading(l) if l <= level))
        .filter(|b| b.kind == BlockKind::Paragraph)
        .flat_map(|b| sentences(&b.text))
        .collect();
    let names = |s: &&String| {
        let lower = s.to_lowercase();
        terms.iter().any(|t| lower.contains(&t.to_lowercase()))
    };
    // One space between words, as the page shows it.
    let sentence = sentences
        .iter()
        .find(names)
        .or(sentences.first())?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((chapter.blocks[at].text.clone(), sentence))
}
