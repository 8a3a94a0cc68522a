//! The suggestion list: each page's title and keywords, folded as the index
//! folds them, in a few kilobytes. The browser answers from it while the
//! engine and index are still loading, so the first keystroke already shows
//! pages that are right for it (a prefix or part of a title or keyword word).
//! It stays a few kilobytes on a site of any size: the first
//! [`SUGGESTED_PAGES`] pages only, the site's own sections first.

use serde::Serialize;

use crate::fold::fold_danish;
use crate::writer::IndexDocument;

/// Pages the list holds at most. It answers only while the engine loads, and
/// it is fetched beside the engine: on a site of 10 000 pages the whole list
/// was 0.5 MB gzip before the first answer (docs/loading.md). 200 pages are
/// about 11 kB gzip; the pages beyond wait for the engine.
const SUGGESTED_PAGES: usize = 200;

#[derive(Serialize)]
struct Suggestion<'a> {
    title: &'a str,
    url: &'a str,
    /// Folded, lower-case words of the title, space-separated.
    title_words: String,
    /// The same for each keyword: a page with more keywords that match
    /// ranks higher, as the engine would rank it.
    keywords: Vec<String>,
}

fn folded_words(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let folded = fold_danish(&word.to_lowercase());
        if !words.contains(&folded) {
            words.push(folded);
        }
    }
    words.join(" ")
}

/// `suggestions.json`: the pages of `section_order`'s sections first, in
/// that order, then every other page; by URL within each, up to
/// [`SUGGESTED_PAGES`]. The site decides which sections readers look for
/// first, not the engine.
pub fn suggestions_json(documents: &[IndexDocument], section_order: &[String]) -> Vec<u8> {
    let rank = |document: &IndexDocument| {
        section_order
            .iter()
            .position(|section| *section == document.section)
            .unwrap_or(section_order.len())
    };
    let mut ordered: Vec<&IndexDocument> = documents.iter().collect();
    ordered.sort_by(|a, b| (rank(a), &a.url).cmp(&(rank(b), &b.url)));
    let list: Vec<Suggestion> = ordered
        .into_iter()
        .take(SUGGESTED_PAGES)
        .map(|document| Suggestion {
            title: &document.title,
            url: &document.url,
            title_words: folded_words(&document.title),
            keywords: document.keywords.iter().map(|k| folded_words(k)).collect(),
        })
        .collect();
    // A list of plain structs of strings always serializes.
    serde_json::to_vec(&list).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, section: &str, keywords: &[&str]) -> IndexDocument {
        IndexDocument {
            title: title.into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            url: format!("{section}/{}/", title.to_lowercase()),
            section: section.into(),
            ..IndexDocument::default()
        }
    }

    fn titles(json: &[u8]) -> Vec<String> {
        let list: Vec<serde_json::Value> = serde_json::from_slice(json).expect("json");
        list.iter()
            .map(|s| s["title"].as_str().expect("a title").to_string())
            .collect()
    }

    #[test]
    fn the_first_section_comes_first_with_folded_title_and_keyword_words() {
        let json = suggestions_json(
            &[
                page("Rapport", "rapporter", &[]),
                page(
                    "Projekt Føniks",
                    "eksempler",
                    &["Mentorordning", "Løntilskud"],
                ),
            ],
            &["eksempler".to_string()],
        );
        let list: serde_json::Value = serde_json::from_slice(&json).expect("json");
        assert_eq!(list[0]["title"], "Projekt Føniks");
        assert_eq!(list[0]["title_words"], "projekt foniks");
        assert_eq!(
            list[0]["keywords"],
            serde_json::json!(["mentorordning", "lontilskud"])
        );
        assert_eq!(list[1]["title"], "Rapport");
    }

    #[test]
    fn sections_come_in_the_order_given_then_the_rest_by_url() {
        let pages = [
            page("A", "kapitler", &[]),
            page("B", "eksempler", &[]),
            page("C", "rapporter", &[]),
            page("D", "eksempler", &[]),
            page("E", "forloeb", &[]),
        ];
        let order = ["rapporter".to_string(), "eksempler".to_string()];
        assert_eq!(
            titles(&suggestions_json(&pages, &order)),
            ["C", "B", "D", "E", "A"]
        );
        // URLs start with the section: "eksempler/…" < "forloeb/…" < "kapitler/…".
        assert_eq!(
            titles(&suggestions_json(&pages, &[])),
            ["B", "D", "E", "A", "C"]
        );
    }

    #[test]
    fn a_large_site_suggests_its_first_sections_pages_only() {
        let mut pages: Vec<IndexDocument> = (0..SUGGESTED_PAGES + 50)
            .map(|n| page(&format!("Side {n:04}"), "syntetisk", &[]))
            .collect();
        pages.push(page("Projekt Føniks", "eksempler", &[]));
        let listed = titles(&suggestions_json(&pages, &["eksempler".to_string()]));
        assert_eq!(listed.len(), SUGGESTED_PAGES);
        assert_eq!(listed[0], "Projekt Føniks");
        assert_eq!(listed.last().map(String::as_str), Some("Side 0198"));
    }
}
