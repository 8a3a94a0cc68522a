//! Zola's `page` variable: a content page with its rendered body and the
//! fields Zola's templates read, under Zola's names.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::config::SiteConfig;
use super::super::markdown::{Heading, Rendered};
use super::super::sorting::SortKeys;
use crate::content::front_matter::PageExtra;
use crate::content::LoadedPage;

#[derive(Clone, Debug, Serialize)]
pub struct Page {
    pub title: String,
    pub description: Option<String>,
    /// The rendered body; `None` in lists (see [`Page::listing`]).
    pub content: Option<String>,
    pub permalink: String,
    pub path: String,
    pub slug: String,
    pub relative_path: String,
    pub components: Vec<String>,
    pub weight: Option<u32>,
    pub taxonomies: BTreeMap<String, Vec<String>>,
    pub extra: PageExtra,
    /// `None` in lists.
    pub toc: Option<Vec<Heading>>,
    pub word_count: usize,
    pub reading_time: usize,
    pub ancestors: Vec<String>,
    pub date: Option<String>,
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub draft: bool,
    pub lang: String,
    // Zola's other page fields, as a single-language site without co-located
    // assets has them.
    pub updated: Option<String>,
    pub authors: Vec<String>,
    pub assets: Vec<String>,
    pub colocated_path: Option<String>,
    pub translations: Vec<String>,
    pub summary: Option<String>,
    /// The neighbours in a sorted section; `None` in lists.
    pub lower: Option<Box<Page>>,
    pub higher: Option<Box<Page>>,
    /// Pages and sections linking here with `@/` (Zola's backlinks).
    pub backlinks: Vec<Backlink>,
}

/// One entry of `backlinks`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Backlink {
    pub permalink: String,
    pub title: String,
}

impl Page {
    pub fn new(page: &LoadedPage, rendered: Rendered, config: &SiteConfig) -> Page {
        let section_index = if page.section.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{}/_index.md", page.section)
        };
        let mut ancestors = vec!["_index.md".to_string()];
        if section_index != "_index.md" {
            ancestors.push(section_index);
        }
        let date = page.front.date.clone();
        let date_part = |range| date_part(date.as_deref(), range);
        Page {
            title: page.front.title.clone(),
            description: page.front.description.clone(),
            content: Some(rendered.html),
            permalink: config.url_for(&page.path),
            path: format!("/{}", page.path),
            slug: page.slug.clone(),
            relative_path: page.relative_path.clone(),
            components: page
                .path
                .trim_end_matches('/')
                .split('/')
                .map(str::to_string)
                .collect(),
            weight: page.front.weight,
            taxonomies: page.front.taxonomies.clone(),
            extra: page.front.extra.clone(),
            toc: Some(rendered.toc),
            word_count: rendered.word_count,
            reading_time: rendered.word_count.div_ceil(200),
            ancestors,
            year: date_part(0..4),
            month: date_part(5..7),
            day: date_part(8..10),
            date,
            draft: false,
            lang: config.default_language.clone(),
            updated: None,
            authors: Vec::new(),
            assets: Vec::new(),
            colocated_path: None,
            translations: Vec::new(),
            summary: rendered.summary,
            lower: None,
            higher: None,
            backlinks: Vec::new(),
        }
    }

    /// The page as lists show it (sections, taxonomy terms, lower/higher):
    /// every field but the rendered body and what hangs off it. Zola gives
    /// lists whole pages; copying every body into every list made a
    /// 1 000-page build spend most of its time cloning.
    pub fn listing(&self) -> Page {
        Page {
            content: None,
            toc: None,
            lower: None,
            higher: None,
            title: self.title.clone(),
            description: self.description.clone(),
            permalink: self.permalink.clone(),
            path: self.path.clone(),
            slug: self.slug.clone(),
            relative_path: self.relative_path.clone(),
            components: self.components.clone(),
            weight: self.weight,
            taxonomies: self.taxonomies.clone(),
            extra: self.extra.clone(),
            word_count: self.word_count,
            reading_time: self.reading_time,
            ancestors: self.ancestors.clone(),
            date: self.date.clone(),
            year: self.year,
            month: self.month,
            day: self.day,
            draft: self.draft,
            lang: self.lang.clone(),
            updated: self.updated.clone(),
            authors: self.authors.clone(),
            assets: self.assets.clone(),
            colocated_path: self.colocated_path.clone(),
            translations: self.translations.clone(),
            summary: self.summary.clone(),
            backlinks: self.backlinks.clone(),
        }
    }
}

impl SortKeys for Page {
    fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn weight(&self) -> Option<u32> {
        self.weight
    }
    fn slug(&self) -> &str {
        &self.slug
    }
    fn permalink(&self) -> &str {
        &self.permalink
    }
}

/// Zola's `page.year`/`month`/`day`: numbers from the date, when it has them.
fn date_part(date: Option<&str>, range: std::ops::Range<usize>) -> Option<u32> {
    date.and_then(|d| d.get(range))
        .and_then(|part| part.parse().ok())
}
