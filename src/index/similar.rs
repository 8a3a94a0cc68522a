//! "Lignende eksempler": for each page, the catalogue examples most like it.
//! Text similarity from the index alone paired a Copenhagen course about a
//! placement and a wage-subsidy job with the Greenlanders' project (blind
//! user test 7), so the index only proposes candidates, and among them the
//! examples sharing the page's methods and target groups come first. The
//! shared terms are listed beside each, so a reader sees why it is there.

use std::collections::BTreeMap;

use praksis_search::{Engine, Hit, IndexFiles};

use super::INDEX_DIR;
use crate::content::{ContentTree, LoadedPage};
use crate::error::Error;

/// How many similar examples each page lists.
const RELATED_COUNT: usize = 4;
/// How many of the index's most similar examples are weighed by their terms.
const CANDIDATES: usize = 12;
/// The section related pages are taken from.
const RELATED_SECTION: &str = "eksempler";
/// Taxonomies whose shared terms make two pages alike, and what a shared
/// term weighs: a method says more about what an effort does than a target
/// group does.
const SHARED_WEIGHTS: [(&str, u32); 2] = [("metode", 2), ("maalgruppe", 1)];

/// An example like a page, and the terms they share.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarExample {
    pub hit: Hit,
    /// Shared methods, then shared target groups.
    pub shared: Vec<String>,
}

/// Page path → the examples most like it.
pub type Related = BTreeMap<String, Vec<SimilarExample>>;

pub fn related_examples(tree: &ContentTree, index: &IndexFiles) -> Result<Related, Error> {
    let fail = |err: praksis_search::SearchError| Error::search(INDEX_DIR, err);
    let engine = Engine::from_files(index.manifest.to_json().as_bytes(), index.files.clone())
        .map_err(fail)?;
    let by_path: BTreeMap<&str, &LoadedPage> =
        tree.pages.iter().map(|p| (p.path.as_str(), p)).collect();
    let mut related = Related::new();
    for page in &tree.pages {
        let candidates = engine
            .related(&page.path, RELATED_SECTION, CANDIDATES)
            .map_err(fail)?;
        let similar = by_shared_terms(page, candidates, |url| by_path.get(url).copied());
        related.insert(page.path.clone(), similar);
    }
    Ok(related)
}

/// The first [`RELATED_COUNT`] of `candidates` (most similar text first),
/// those sharing more weighted terms with `page` moved ahead; `page_of`
/// finds a candidate's page by its path.
fn by_shared_terms<'a>(
    page: &LoadedPage,
    candidates: Vec<Hit>,
    page_of: impl Fn(&str) -> Option<&'a LoadedPage>,
) -> Vec<SimilarExample> {
    let mut weighed: Vec<(u32, usize, SimilarExample)> = candidates
        .into_iter()
        .enumerate()
        .map(|(rank, hit)| {
            let (weight, shared) = page_of(&hit.url)
                .map(|other| shared_terms(page, other))
                .unwrap_or_default();
            (weight, rank, SimilarExample { hit, shared })
        })
        .collect();
    weighed.sort_by_key(|(weight, rank, _)| (std::cmp::Reverse(*weight), *rank));
    weighed
        .into_iter()
        .take(RELATED_COUNT)
        .map(|(_, _, similar)| similar)
        .collect()
}

/// The weight of the terms `a` and `b` share, and those terms.
fn shared_terms(a: &LoadedPage, b: &LoadedPage) -> (u32, Vec<String>) {
    let mut weight = 0;
    let mut shared = Vec::new();
    for (taxonomy, term_weight) in SHARED_WEIGHTS {
        let theirs = b.front.taxonomies.get(taxonomy);
        for term in a.front.taxonomies.get(taxonomy).into_iter().flatten() {
            if theirs.is_some_and(|terms| terms.contains(term)) {
                weight += term_weight;
                shared.push(term.clone());
            }
        }
    }
    (weight, shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::PageFrontMatter;

    fn page(path: &str, methods: &[&str], groups: &[&str]) -> LoadedPage {
        let mut front = PageFrontMatter::default();
        let terms = |list: &[&str]| list.iter().map(|t| t.to_string()).collect();
        front.taxonomies.insert("metode".into(), terms(methods));
        front.taxonomies.insert("maalgruppe".into(), terms(groups));
        LoadedPage {
            relative_path: format!("{path}.md"),
            path: path.into(),
            slug: path.into(),
            section: "eksempler".into(),
            front,
            markdown: String::new(),
        }
    }

    fn hit(url: &str) -> Hit {
        Hit {
            title: url.into(),
            url: url.into(),
            section: "eksempler".into(),
            snippet: String::new(),
            wish: false,
            wider: false,
            judged: false,
            score: 1.0,
        }
    }

    #[test]
    fn shared_methods_and_groups_come_before_text_similarity() {
        let course = page(
            "k4",
            &["Virksomhedspraktik", "Løntilskud"],
            &["Handicappede"],
        );
        let pages = [
            page("a", &[], &[]),
            page("b", &["Virksomhedspraktik"], &[]),
            page("c", &[], &["Handicappede"]),
            page("d", &["Virksomhedspraktik", "Løntilskud"], &[]),
            page("e", &[], &[]),
        ];
        let found = by_shared_terms(
            &course,
            ["a", "b", "c", "d", "e"].map(hit).to_vec(),
            |url| pages.iter().find(|p| p.path == url),
        );
        let order: Vec<(&str, Vec<String>)> = found
            .iter()
            .map(|s| (s.hit.url.as_str(), s.shared.clone()))
            .collect();
        assert_eq!(
            order,
            [
                ("d", vec!["Virksomhedspraktik".into(), "Løntilskud".into()]),
                ("b", vec!["Virksomhedspraktik".to_string()]),
                ("c", vec!["Handicappede".to_string()]),
                // Nothing shared: the index's order.
                ("a", vec![]),
            ]
        );
    }
}
