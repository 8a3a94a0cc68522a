//! The site as Zola's templates see it: `page`, `section` and taxonomy values
//! with Zola's field names, built once and shared by all templates.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::config::SiteConfig;
use super::markdown;
use super::sorting::{sort_pages, SortBy};
use crate::content::ContentTree;
use crate::error::Error;

/// Slug for taxonomy terms: Zola's, from the term's name.
pub fn term_slug(name: &str) -> String {
    crate::slug::slugify(name)
}

pub struct SiteModel {
    /// Keyed by relative path (`eksempler/x.md`), in load order.
    pub pages: BTreeMap<String, Value>,
    /// Keyed by relative path (`eksempler/_index.md`).
    pub sections: BTreeMap<String, Value>,
    /// Taxonomy name → terms, each term with its pages.
    pub taxonomies: BTreeMap<String, Vec<Value>>,
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
            let section_index = if page.section.is_empty() {
                "_index.md".to_string()
            } else {
                format!("{}/_index.md", page.section)
            };
            let mut ancestors = vec!["_index.md".to_string()];
            if section_index != "_index.md" {
                ancestors.push(section_index);
            }
            pages.insert(
                page.relative_path.clone(),
                json!({
                    "title": page.front.title,
                    "description": page.front.description,
                    "content": rendered.html,
                    "permalink": permalink,
                    "path": format!("/{}", page.path),
                    "slug": page.slug,
                    "relative_path": page.relative_path,
                    "components": page.path.trim_end_matches('/').split('/').collect::<Vec<_>>(),
                    "weight": page.front.weight,
                    "taxonomies": page.front.taxonomies,
                    "extra": page.front.extra,
                    "toc": rendered.toc,
                    "word_count": rendered.word_count,
                    "reading_time": rendered.word_count.div_ceil(200),
                    "ancestors": ancestors,
                    "date": page.front.date,
                    "year": date_part(&page.front.date, 0..4),
                    "month": date_part(&page.front.date, 5..7),
                    "day": date_part(&page.front.date, 8..10),
                    "draft": false,
                    // Zola's other page fields, as a single-language site
                    // without co-located assets has them.
                    "lang": config.default_language,
                    "updated": Value::Null,
                    "authors": [],
                    "assets": [],
                    "colocated_path": Value::Null,
                    "translations": [],
                    "summary": rendered.summary,
                    "lower": Value::Null,
                    "higher": Value::Null,
                }),
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
        let backlinks = |target: &str| -> Value {
            let sources = linked_from.borrow();
            let mut links: Vec<(&String, &str)> = sources
                .get(target)
                .into_iter()
                .flatten()
                .filter_map(|source| titles.get(source.as_str()))
                .map(|(title, permalink)| (permalink, *title))
                .collect();
            links.sort();
            json!(links
                .into_iter()
                .map(|(permalink, title)| json!({ "permalink": permalink, "title": title }))
                .collect::<Vec<_>>())
        };
        for (relative, page) in pages.iter_mut() {
            page["backlinks"] = backlinks(relative);
        }
        let mut sections = build_sections(tree, config, &mut pages, &mut section_bodies)?;
        for (relative, section) in sections.iter_mut() {
            section["backlinks"] = backlinks(relative);
        }
        let taxonomies = build_taxonomies(tree, config, &pages);
        Ok(SiteModel {
            pages,
            sections,
            taxonomies,
        })
    }
}

/// Sections with their pages sorted by weight, and each page's lower/higher neighbours.
fn build_sections(
    tree: &ContentTree,
    config: &SiteConfig,
    pages: &mut BTreeMap<String, Value>,
    bodies: &mut BTreeMap<String, markdown::Rendered>,
) -> Result<BTreeMap<String, Value>, Error> {
    let mut sections = BTreeMap::new();
    for section in &tree.sections {
        let folder = section.path.trim_end_matches('/');
        let sort_by = SortBy::parse(section.front.sort_by.as_deref()).map_err(|message| {
            Error::file(&format!("content/{}", section.relative_path), message)
        })?;
        let members: Vec<&Value> = tree
            .pages
            .iter()
            .filter(|p| p.section == folder)
            .filter_map(|p| pages.get(&p.relative_path))
            .collect();
        // As Zola: pages the order cannot place are left out of the list.
        let (sorted, _unplaced) = sort_pages(&members, sort_by);
        let keys: Vec<String> = sorted
            .iter()
            .filter_map(|p| p["relative_path"].as_str().map(str::to_string))
            .collect();
        // Zola links neighbours only in a sorted section.
        for (i, key) in keys.iter().enumerate().filter(|_| sort_by != SortBy::None) {
            let lower = i
                .checked_sub(1)
                .and_then(|j| keys.get(j))
                .and_then(|k| pages.get(k))
                .map(listing);
            let higher = keys.get(i + 1).and_then(|k| pages.get(k)).map(listing);
            if let Some(page) = pages.get_mut(key) {
                page["lower"] = lower.unwrap_or(Value::Null);
                page["higher"] = higher.unwrap_or(Value::Null);
            }
        }
        let member_values: Vec<Value> = keys
            .iter()
            .filter_map(|k| pages.get(k))
            .map(listing)
            .collect();
        // Direct subsections by weight, as Zola orders them.
        let mut children: Vec<&crate::content::LoadedSection> = tree
            .sections
            .iter()
            .filter(|s| parent_path(&s.path) == Some(section.path.as_str()))
            .collect();
        children.sort_by_key(|s| s.front.weight);
        let subsections: Vec<String> = children.iter().map(|s| s.relative_path.clone()).collect();
        let permalink = config.url_for(&section.path);
        let Some(rendered) = bodies.remove(&section.relative_path) else {
            continue;
        };
        sections.insert(
            section.relative_path.clone(),
            json!({
                "title": section.front.title,
                "description": section.front.description,
                "content": rendered.html,
                "permalink": permalink,
                "path": format!("/{}", section.path),
                "relative_path": section.relative_path,
                "components": section.path.trim_end_matches('/').split('/').filter(|c| !c.is_empty()).collect::<Vec<_>>(),
                "weight": section.front.weight,
                "extra": section.front.extra,
                "pages": member_values,
                "subsections": subsections,
                "toc": rendered.toc,
                "word_count": rendered.word_count,
                "reading_time": rendered.word_count.div_ceil(200),
                "ancestors": section_ancestors(&section.path),
                "draft": false,
                "lang": config.default_language,
                "assets": [],
                "colocated_path": Value::Null,
                "translations": [],
                "transparent": false,
                "generate_feeds": false,
                "paginate_by": Value::Null,
                "paginate_reversed": false,
            }),
        );
    }
    Ok(sections)
}

/// Zola's `page.year`/`month`/`day`: numbers from the date, when it has them.
fn date_part(date: &Option<String>, range: std::ops::Range<usize>) -> Value {
    date.as_deref()
        .and_then(|d| d.get(range))
        .and_then(|part| part.parse::<u32>().ok())
        .map_or(Value::Null, Value::from)
}

/// A page as lists show it (sections, taxonomy terms, lower/higher): every
/// field but the rendered body and what hangs off it. Zola gives lists whole
/// pages; copying every body into every list made a 1 000-page build spend
/// most of its time cloning.
fn listing(page: &Value) -> Value {
    let mut page = page.clone();
    if let Some(fields) = page.as_object_mut() {
        for heavy in ["content", "toc", "lower", "higher"] {
            fields.insert(heavy.to_string(), Value::Null);
        }
    }
    page
}

fn build_taxonomies(
    tree: &ContentTree,
    config: &SiteConfig,
    pages: &BTreeMap<String, Value>,
) -> BTreeMap<String, Vec<Value>> {
    let mut out = BTreeMap::new();
    for taxonomy in &config.taxonomies {
        let mut terms: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for page in &tree.pages {
            for term in page
                .front
                .taxonomies
                .get(&taxonomy.name)
                .into_iter()
                .flatten()
            {
                if let Some(value) = pages.get(&page.relative_path) {
                    terms.entry(term.clone()).or_default().push(listing(value));
                }
            }
        }
        // Zola's order: terms by slug, then name; names with the same slug are one term.
        let mut named: Vec<(String, String, Vec<Value>)> = terms
            .into_iter()
            .map(|(name, term_pages)| (term_slug(&name), name, term_pages))
            .collect();
        named.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let mut merged: Vec<(String, String, Vec<Value>)> = Vec::new();
        for (slug, name, term_pages) in named {
            match merged.last_mut() {
                Some(last) if last.0 == slug => last.2.extend(term_pages),
                _ => merged.push((slug, name, term_pages)),
            }
        }
        let values = merged
            .into_iter()
            .map(|(slug, name, term_pages)| {
                // Zola lists a term's pages newest first, undated ones last.
                let refs: Vec<&Value> = term_pages.iter().collect();
                let (mut ordered, undated) = sort_pages(&refs, SortBy::Date);
                ordered.extend(undated);
                let path = format!("/{}/{}/", taxonomy.name, slug);
                json!({
                    "name": name,
                    "slug": slug,
                    "path": path,
                    "permalink": config.url_for(&path),
                    "page_count": ordered.len(),
                    "pages": ordered,
                })
            })
            .collect();
        out.insert(taxonomy.name.clone(), values);
    }
    out
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
