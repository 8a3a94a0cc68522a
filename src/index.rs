//! Stage 3: content pages → the tantivy index in `search-index/`, published
//! compressed (see `published`).

mod place_names;
pub mod published;
mod similar;
mod tag_words;

pub use similar::{related_examples, Related, SimilarExample};

use std::collections::BTreeMap;
use std::path::Path;

use praksis_search::{IndexBuilder, IndexDocument, IndexFiles, MANIFEST_FILE};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::{ContentTree, LoadedPage, WISHES_APART};
use crate::curation::Curation;
use crate::error::Error;
use crate::files::replace_dir;
use crate::ingest::DocumentKind;
use crate::tagging::{Role, Vocabularies};
use place_names::place_names_today;
use tag_words::TagWords;

/// The pages as the index sees them.
pub fn documents(tree: &ContentTree, vocabularies: &Vocabularies) -> Vec<IndexDocument> {
    let practised: Vec<_> = tree.pages.iter().map(practised).collect();
    let tag_words = TagWords::new(vocabularies, &practised);
    tree.pages
        .iter()
        .zip(practised)
        .map(|(page, taxonomies)| {
            let body = shown_text(page);
            IndexDocument {
                title: page.front.title.clone(),
                // A page's places today count as what it is about: a reader
                // who asks by a place wants the efforts there first.
                keywords: page
                    .front
                    .extra
                    .keywords
                    .iter()
                    .cloned()
                    .chain(place_names_today(
                        page.front.extra.places.iter().map(|p| p.today.as_str()),
                    ))
                    .collect(),
                headings: headings(&page.markdown),
                tags: searched_tags(&taxonomies)
                    .map(|(_, tag)| tag.to_string())
                    .collect(),
                tag_words: searched_tags(&taxonomies)
                    .flat_map(|(taxonomy, tag)| tag_words.of(taxonomy, tag))
                    .cloned()
                    .collect(),
                taxonomies,
                continuum: page.front.extra.continuum,
                age: page
                    .front
                    .extra
                    .case
                    .as_ref()
                    .and_then(|c| c.age)
                    .map(u64::from),
                wishes: wishes(page, &body),
                body,
                url: page.path.clone(),
                section: page.section.clone(),
            }
        })
        .collect()
}

/// The text a reader sees on the page: its Markdown, then what the report
/// says of a case elsewhere ("K4 var i intern praktik …"), which a case
/// page quotes under its facts.
fn shown_text(page: &LoadedPage) -> String {
    let mut text = plain_text(&page.markdown);
    for sentence in &page.front.extra.report_mentions {
        text.push_str("\n\n");
        text.push_str(sentence);
    }
    text
}

/// The page's own sentences that earned a tag only as a wish or possibility
/// (Hotellet "gerne vil arbejde videre med" mentors), as its text writes
/// them: a search showing one says so, as the term pages do. A sentence the
/// text writes otherwise (split by markup) cannot be pointed to and is left
/// out; `tests/search.rs` checks that none of the committed pages' are.
pub fn wishes(page: &LoadedPage, body: &str) -> Vec<String> {
    let wish = Role::Hypothetical.label();
    let mut found: Vec<String> = page
        .front
        .extra
        .evidence
        .iter()
        .filter(|e| e.role.as_deref() == Some(wish) && e.from.is_none())
        .map(|e| e.sentence.clone())
        .filter(|sentence| body.contains(sentence.as_str()))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The taxonomies whose terms say what a page does, for whom and with what
/// lesson: what the best pages of a search share of them ranks the rest
/// (`with_kind_taxonomies`), and they are searched as words, so a page is found by its method or target
/// group where its own words differ (Arbejdsevnemetoden for a page about
/// "ressourceprofiler"). Places, kinds of source, organisations and laws are
/// left out: their names are the pages' own words, and searching them
/// changed no judged query.
const SEARCHED_TAXONOMIES: &[&str] = &["metode", "maalgruppe", "ide", "fremmer", "haemmer"];

/// The page's terms in [`SEARCHED_TAXONOMIES`], each with its taxonomy.
fn searched_tags(taxonomies: &BTreeMap<String, Vec<String>>) -> impl Iterator<Item = (&str, &str)> {
    taxonomies
        .iter()
        .filter(|(name, _)| SEARCHED_TAXONOMIES.contains(&name.as_str()))
        .flat_map(|(name, terms)| terms.iter().map(move |t| (name.as_str(), t.as_str())))
}

/// The page's terms for the search's filters, without those of
/// [`WISHES_APART`] its text only wishes for: the filters count what
/// /kom-i-gang/ counts.
fn practised(page: &LoadedPage) -> BTreeMap<String, Vec<String>> {
    let wished = |taxonomy: &str, term: &str| {
        WISHES_APART.contains(&taxonomy)
            && page
                .front
                .extra
                .wish_only
                .contains(&format!("{taxonomy}/{term}"))
    };
    page.front
        .taxonomies
        .iter()
        .map(|(taxonomy, terms)| {
            let kept = terms
                .iter()
                .filter(|t| !wished(taxonomy, t))
                .cloned()
                .collect();
            (taxonomy.clone(), kept)
        })
        .collect()
}

pub fn build(
    tree: &ContentTree,
    curation: &Curation,
    vocabularies: &Vocabularies,
) -> Result<IndexFiles, Error> {
    // Readers look for practice examples first: suggestions list them first.
    let mut builder = IndexBuilder::new()
        .with_synonym_lists(curation.synonyms.clone())
        .with_kind_taxonomies(SEARCHED_TAXONOMIES)
        .with_judged_queries(curation.judged_queries.clone())
        .with_danish_words(curation.danish_near_words.clone())
        .with_section_order(&[DocumentKind::Example.section()]);
    for document in documents(tree, vocabularies) {
        builder.add(document);
    }
    builder.build().map_err(|err| Error::search(INDEX_DIR, err))
}

/// Where the index is written, as errors name it.
pub(crate) const INDEX_DIR: &str = "search-index/";

/// Writes the published index (the manifest plain; suggestions, hot pack
/// and chunks compressed) into `dir`, atomically.
pub fn write(dir: &Path, index: &IndexFiles) -> Result<(), Error> {
    replace_dir(dir, |staging| {
        for (name, bytes) in index.published() {
            let (path, bytes) = if name == MANIFEST_FILE {
                (staging.join(name), bytes)
            } else {
                (published::path(staging, &name), published::compress(&bytes))
            };
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
            }
            std::fs::write(&path, bytes).map_err(|err| Error::io(&path, err))?;
        }
        Ok(())
    })
}

/// The text of each heading in a Markdown body.
fn headings(markdown: &str) -> Vec<String> {
    let mut headings = Vec::new();
    let mut open: Option<String> = None;
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Heading { .. }) => open = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = open.as_mut() {
                    heading.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(open.take()),
            _ => {}
        }
    }
    headings
}

/// The readable text of a Markdown body, paragraphs separated by blank lines.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                text.push_str("\n\n")
            }
            _ => {}
        }
    }
    text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_found_by_what_its_page_quotes_from_the_report() {
        let mut front = crate::content::front_matter::PageFrontMatter::default();
        front.extra.report_mentions = vec!["K4 var i intern praktik.".into()];
        let page = LoadedPage {
            relative_path: "forloeb/k4.md".into(),
            path: "forloeb/k4/".into(),
            slug: "k4".into(),
            section: "forloeb".into(),
            front,
            markdown: "## Kandidat 4 (K4)\n\nAlder: 56 år".into(),
        };
        assert_eq!(
            shown_text(&page),
            "Kandidat 4 (K4)\n\nAlder: 56 år\n\nK4 var i intern praktik."
        );
    }

    #[test]
    fn plain_text_drops_markup_and_keeps_escaped_characters() {
        assert_eq!(
            plain_text("## Mål\n\nEn \\<b\\> *tekst*"),
            "Mål\n\nEn <b> tekst"
        );
    }
}
