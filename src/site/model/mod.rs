//! The site as Zola's templates see it: typed `page`, `section` and taxonomy
//! values with Zola's field names, built once and shared by all templates.

mod page;
mod section;
mod taxonomy;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

pub use page::{Backlink, Page};
pub use section::Section;
pub use taxonomy::Taxonomy;

use super::config::SiteConfig;
use super::markdown;
use crate::content::ContentTree;
use crate::error::Error;

/// Slug for taxonomy terms: Zola's, from the term's name.
pub fn term_slug(name: &str) -> String {
    crate::slug::slugify(name)
}

pub struct SiteModel {
    /// Keyed by relative path (`eksempler/x.md`), in load order.
    pub pages: BTreeMap<String, Page>,
    /// Keyed by relative path (`eksempler/_index.md`).
    pub sections: BTreeMap<String, Section>,
    /// Taxonomy name → its terms, each term with its pages.
    pub taxonomies: BTreeMap<String, Taxonomy>,
}

impl SiteModel {
    pub fn build(tree: &ContentTree, config: &SiteConfig) -> Result<SiteModel, Error> {
        let permalinks: BTreeMap<&str, String> = tree
            .pages
            .iter()
            .map(|p| (p.relative_path.as_str(), &p.path))
            .chain(
                tree.sections
                    .iter()
                    .map(|s| (s.relative_path.as_str(), &s.path)),
            )
            .map(|(relative, path)| (relative, config.url_for(path)))
            .collect();
        let switches = config.markdown_options();
        // Target → the pages and sections linking to it with `@/` (Zola's backlinks).
        let linked_from: RefCell<BTreeMap<String, BTreeSet<String>>> = RefCell::default();
        let render = |markdown: &str, permalink: &str, relative_path: &str| {
            let internal_link = |path: &str| {
                let found = permalinks.get(path).cloned();
                if found.is_some() {
                    linked_from
                        .borrow_mut()
                        .entry(path.to_string())
                        .or_default()
                        .insert(relative_path.to_string());
                }
                found
            };
            markdown::render_with(markdown, permalink, &internal_link, &switches)
                .map_err(|message| Error::file(&format!("content/{relative_path}"), message))
        };
        // Sections first, so every backlink is known before pages are listed.
        let mut section_bodies = BTreeMap::new();
        for section in &tree.sections {
            let permalink = config.url_for(&section.path);
            let rendered = render(&section.markdown, &permalink, &section.relative_path)?;
            section_bodies.insert(section.relative_path.clone(), rendered);
        }
        let mut pages = BTreeMap::new();
        for page in &tree.pages {
            let permalink = config.url_for(&page.path);
            let rendered = render(&page.markdown, &permalink, &page.relative_path)?;
            pages.insert(
                page.relative_path.clone(),
                Page::new(page, rendered, config),
            );
        }
        let titles: BTreeMap<&str, (&str, String)> = tree
            .pages
            .iter()
            .map(|p| {
                (
                    p.relative_path.as_str(),
                    (p.front.title.as_str(), config.url_for(&p.path)),
                )
            })
            .chain(tree.sections.iter().map(|s| {
                (
                    s.relative_path.as_str(),
                    (s.front.title.as_str(), config.url_for(&s.path)),
                )
            }))
            .collect();
        let backlinks = |target: &str| -> Vec<Backlink> {
            let sources = linked_from.borrow();
            let mut links: Vec<Backlink> = sources
                .get(target)
                .into_iter()
                .flatten()
                .filter_map(|source| titles.get(source.as_str()))
                .map(|(title, permalink)| Backlink {
                    permalink: permalink.clone(),
                    title: title.to_string(),
                })
                .collect();
            links.sort();
            links
        };
        // Before the sections list their pages, so lists carry backlinks too.
        for (relative, page) in pages.iter_mut() {
            page.backlinks = backlinks(relative);
        }
        let mut sections = section::build_sections(tree, config, &mut pages, &mut section_bodies)?;
        for (relative, section) in sections.iter_mut() {
            section.backlinks = backlinks(relative);
        }
        let taxonomies = taxonomy::build_taxonomies(tree, config, &pages);
        Ok(SiteModel {
            pages,
            sections,
            taxonomies,
        })
    }
}
