//! Zola's taxonomies: each `[[taxonomies]]` of config.toml with its terms
//! (`term` on a term page, `terms` on the list, `get_taxonomy`'s `items`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::config::SiteConfig;
use super::super::sorting::{sort_pages, SortBy};
use super::page::Page;
use super::term_slug;
use crate::content::ContentTree;

/// `taxonomy` in the list and term templates, and `get_taxonomy`'s `kind`.
#[derive(Clone, Debug, Serialize)]
pub struct TaxonomyKind {
    pub name: String,
}

/// A taxonomy with its terms in Zola's order.
#[derive(Clone, Debug, Serialize)]
pub struct Taxonomy {
    pub kind: TaxonomyKind,
    pub items: Vec<Term>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub permalink: String,
    pub page_count: usize,
    /// The term's pages as lists show them, newest first, undated last.
    pub pages: Vec<Page>,
}

pub fn build_taxonomies(
    tree: &ContentTree,
    config: &SiteConfig,
    pages: &BTreeMap<String, Page>,
) -> BTreeMap<String, Taxonomy> {
    let mut out = BTreeMap::new();
    for taxonomy in &config.taxonomies {
        let mut terms: BTreeMap<String, Vec<&Page>> = BTreeMap::new();
        for page in &tree.pages {
            for term in page
                .front
                .taxonomies
                .get(&taxonomy.name)
                .into_iter()
                .flatten()
            {
                if let Some(listed) = pages.get(&page.relative_path) {
                    terms.entry(term.clone()).or_default().push(listed);
                }
            }
        }
        // Zola's order: terms by slug, then name; names with the same slug are one term.
        let mut named: Vec<(String, String, Vec<&Page>)> = terms
            .into_iter()
            .map(|(name, term_pages)| (term_slug(&name), name, term_pages))
            .collect();
        named.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let mut merged: Vec<(String, String, Vec<&Page>)> = Vec::new();
        for (slug, name, term_pages) in named {
            match merged.last_mut() {
                Some(last) if last.0 == slug => last.2.extend(term_pages),
                _ => merged.push((slug, name, term_pages)),
            }
        }
        let items = merged
            .into_iter()
            .map(|(slug, name, term_pages)| {
                // Zola lists a term's pages newest first, undated ones last.
                let (mut ordered, undated) = sort_pages(&term_pages, SortBy::Date);
                ordered.extend(undated);
                let path = format!("/{}/{}/", taxonomy.name, slug);
                Term {
                    name,
                    slug,
                    permalink: config.url_for(&path),
                    path,
                    page_count: ordered.len(),
                    pages: ordered.into_iter().map(Page::listing).collect(),
                }
            })
            .collect();
        out.insert(
            taxonomy.name.clone(),
            Taxonomy {
                kind: TaxonomyKind {
                    name: taxonomy.name.clone(),
                },
                items,
            },
        );
    }
    out
}
