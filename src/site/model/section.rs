//! Zola's `section` variable: a section with its sorted pages, its
//! subsections, and each member page's lower/higher neighbours.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::config::SiteConfig;
use super::super::markdown::{Heading, Rendered};
use super::super::sorting::{sort_pages, SortBy};
use super::page::{Backlink, Page};
use crate::content::{ContentTree, LoadedSection};
use crate::error::Error;

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub title: String,
    pub description: Option<String>,
    pub content: String,
    pub permalink: String,
    pub path: String,
    pub relative_path: String,
    pub components: Vec<String>,
    pub weight: u32,
    pub extra: BTreeMap<String, toml::Value>,
    /// Member pages as lists show them, in the section's order.
    pub pages: Vec<Page>,
    /// Relative paths of the direct subsections, by weight.
    pub subsections: Vec<String>,
    pub toc: Vec<Heading>,
    pub word_count: usize,
    pub reading_time: usize,
    pub ancestors: Vec<String>,
    pub draft: bool,
    pub lang: String,
    pub assets: Vec<String>,
    pub colocated_path: Option<String>,
    pub translations: Vec<String>,
    pub transparent: bool,
    pub generate_feeds: bool,
    pub paginate_by: Option<u32>,
    pub paginate_reversed: bool,
    pub backlinks: Vec<Backlink>,
}

impl Section {
    /// Zola's `get_section(…, metadata_only = true)`: the section without its
    /// pages, which every page asking for its parent would otherwise copy.
    pub fn metadata_only(&self) -> Section {
        Section {
            pages: Vec::new(),
            title: self.title.clone(),
            description: self.description.clone(),
            content: self.content.clone(),
            permalink: self.permalink.clone(),
            path: self.path.clone(),
            relative_path: self.relative_path.clone(),
            components: self.components.clone(),
            weight: self.weight,
            extra: self.extra.clone(),
            subsections: self.subsections.clone(),
            toc: self.toc.clone(),
            word_count: self.word_count,
            reading_time: self.reading_time,
            ancestors: self.ancestors.clone(),
            draft: self.draft,
            lang: self.lang.clone(),
            assets: self.assets.clone(),
            colocated_path: self.colocated_path.clone(),
            translations: self.translations.clone(),
            transparent: self.transparent,
            generate_feeds: self.generate_feeds,
            paginate_by: self.paginate_by,
            paginate_reversed: self.paginate_reversed,
            backlinks: self.backlinks.clone(),
        }
    }
}

/// Sections with their pages sorted as each asks, and each member page's
/// lower/higher neighbours set.
pub fn build_sections(
    tree: &ContentTree,
    config: &SiteConfig,
    pages: &mut BTreeMap<String, Page>,
    bodies: &mut BTreeMap<String, Rendered>,
) -> Result<BTreeMap<String, Section>, Error> {
    let mut sections = BTreeMap::new();
    for section in &tree.sections {
        let folder = section.path.trim_end_matches('/');
        let sort_by = SortBy::parse(section.front.sort_by.as_deref()).map_err(|message| {
            Error::file(&format!("content/{}", section.relative_path), message)
        })?;
        let members: Vec<&Page> = tree
            .pages
            .iter()
            .filter(|p| p.section == folder)
            .filter_map(|p| pages.get(&p.relative_path))
            .collect();
        // As Zola: pages the order cannot place are left out of the list.
        let (sorted, _unplaced) = sort_pages(&members, sort_by);
        let keys: Vec<String> = sorted.iter().map(|p| p.relative_path.clone()).collect();
        // Zola links neighbours only in a sorted section.
        for (i, key) in keys.iter().enumerate().filter(|_| sort_by != SortBy::None) {
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| keys.get(j))
                    .and_then(|k| pages.get(k))
                    .map(|p| Box::new(p.listing()))
            };
            let lower = neighbour(i.checked_sub(1));
            let higher = neighbour(Some(i + 1));
            if let Some(page) = pages.get_mut(key) {
                page.lower = lower;
                page.higher = higher;
            }
        }
        let member_pages: Vec<Page> = keys
            .iter()
            .filter_map(|k| pages.get(k))
            .map(Page::listing)
            .collect();
        // Direct subsections by weight, as Zola orders them.
        let mut children: Vec<&LoadedSection> = tree
            .sections
            .iter()
            .filter(|s| parent_path(&s.path) == Some(section.path.as_str()))
            .collect();
        children.sort_by_key(|s| s.front.weight);
        let Some(rendered) = bodies.remove(&section.relative_path) else {
            continue;
        };
        sections.insert(
            section.relative_path.clone(),
            Section {
                title: section.front.title.clone(),
                description: section.front.description.clone(),
                content: rendered.html,
                permalink: config.url_for(&section.path),
                path: format!("/{}", section.path),
                relative_path: section.relative_path.clone(),
                components: section
                    .path
                    .trim_end_matches('/')
                    .split('/')
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
                    .collect(),
                weight: section.front.weight,
                extra: section.front.extra.clone(),
                pages: member_pages,
                subsections: children.iter().map(|s| s.relative_path.clone()).collect(),
                toc: rendered.toc,
                word_count: rendered.word_count,
                reading_time: rendered.word_count.div_ceil(200),
                ancestors: section_ancestors(&section.path),
                draft: false,
                lang: config.default_language.clone(),
                assets: Vec::new(),
                colocated_path: None,
                translations: Vec::new(),
                transparent: false,
                generate_feeds: false,
                paginate_by: None,
                paginate_reversed: false,
                backlinks: Vec::new(),
            },
        );
    }
    Ok(sections)
}

/// The site path of a section's parent section ("matrix/x/" → "matrix/",
/// "matrix/" → ""), or None for the home section.
fn parent_path(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let inner = path.trim_end_matches('/');
    Some(inner.rfind('/').map_or("", |slash| &path[..=slash]))
}

/// Zola's `ancestors` of a section: its parents' `_index.md`, the home first.
fn section_ancestors(path: &str) -> Vec<String> {
    let mut ancestors = Vec::new();
    let mut current = parent_path(path);
    while let Some(parent) = current {
        ancestors.push(format!("{parent}_index.md"));
        current = parent_path(parent);
    }
    ancestors.reverse();
    ancestors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_sections_know_their_parents() {
        assert_eq!(parent_path(""), None);
        assert_eq!(parent_path("matrix/"), Some(""));
        assert_eq!(parent_path("matrix/praksiseksempler/"), Some("matrix/"));
        assert_eq!(
            section_ancestors("matrix/praksiseksempler/"),
            ["_index.md", "matrix/_index.md"]
        );
        assert!(section_ancestors("").is_empty());
    }
}
