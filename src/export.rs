//! The catalogue as data: one record per page (tags, continuum, source), as
//! JSON and CSV in `static/eksport/`, so both `praksis build` and `zola build`
//! publish them. Derived from `content/`, like the index.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::content::ContentTree;
use crate::error::Error;
use crate::files::write_owned_files;
use crate::index::Related;

pub const EXPORT_DIR: &str = "eksport";
const JSON_FILE: &str = "praksisbasen.json";
const CSV_FILE: &str = "praksisbasen.csv";
/// Similar examples per page, which the theme reads with Zola's `load_data`
/// (the index finds them, and `zola build` cannot run the index).
pub const RELATED_FILE: &str = "lignende.json";
/// The same, one file per page (see [`related_per_page`]).
const RELATED_DIR: &str = "lignende";
/// The term pages a search box links to when the query names a term (see
/// [`term_pages_json`]).
const TERM_PAGES_FILE: &str = "termer.json";
/// The taxonomies whose term pages quote each page's sentence for the term.
const QUOTING_TAXONOMIES: [&str; 3] = ["metode", "ide", "maalgruppe"];
/// Taxonomies exported as columns, in this order.
const TAXONOMIES: [&str; 6] = [
    "kildetype",
    "metode",
    "maalgruppe",
    "lovgrundlag",
    "sted",
    "organisation",
];

#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    title: &'a str,
    section: &'a str,
    kildetype: Vec<String>,
    metode: Vec<String>,
    maalgruppe: Vec<String>,
    lovgrundlag: Vec<String>,
    sted: Vec<String>,
    organisation: Vec<String>,
    continuum: Option<f64>,
    source: &'a str,
    source_lines: [usize; 2],
}

fn records(tree: &ContentTree) -> Vec<Record<'_>> {
    tree.pages
        .iter()
        .map(|page| {
            let terms = |name: &str| page.front.taxonomies.get(name).cloned().unwrap_or_default();
            Record {
                path: &page.path,
                title: &page.front.title,
                section: &page.section,
                kildetype: terms("kildetype"),
                metode: terms("metode"),
                maalgruppe: terms("maalgruppe"),
                lovgrundlag: terms("lovgrundlag"),
                sted: terms("sted"),
                organisation: terms("organisation"),
                continuum: page.front.extra.continuum,
                source: &page.front.extra.source,
                source_lines: page.front.extra.source_lines,
            }
        })
        .collect()
}

/// A CSV field for Danish spreadsheets, quoted when it holds the separator
/// (";"), a quote or a line break.
fn csv_field(value: &str) -> String {
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// Taxonomies of the catalogue's factors and ideas, CSV columns after the rest.
const FACTOR_TAXONOMIES: [&str; 3] = ["fremmer", "haemmer", "ide"];

/// The catalogue as a CSV file that Danish Excel opens as it is: UTF-8 with
/// a byte-order mark, ";" between fields, decimal comma, and the results and
/// factors besides what the JSON has (the JSON stays as it was).
pub fn csv(tree: &ContentTree) -> String {
    let mut out = String::from("\u{feff}sti;titel;sektion;");
    out.push_str(&TAXONOMIES.join(";"));
    out.push_str(";kontinuum;kilde;linjer;");
    out.push_str(&FACTOR_TAXONOMIES.join(";"));
    out.push_str(";resultater\r\n");
    for (record, page) in records(tree).into_iter().zip(&tree.pages) {
        let lists = [
            &record.kildetype,
            &record.metode,
            &record.maalgruppe,
            &record.lovgrundlag,
            &record.sted,
            &record.organisation,
        ];
        let mut fields = vec![
            record.path.to_string(),
            record.title.to_string(),
            record.section.to_string(),
        ];
        fields.extend(lists.iter().map(|terms| terms.join(", ")));
        fields.push(
            record
                .continuum
                .map(|c| format!("{c:.2}").replace('.', ","))
                .unwrap_or_default(),
        );
        fields.push(record.source.to_string());
        fields.push(format!(
            "{}-{}",
            record.source_lines[0], record.source_lines[1]
        ));
        fields.extend(FACTOR_TAXONOMIES.iter().map(|taxonomy| {
            page.front
                .taxonomies
                .get(*taxonomy)
                .map(|terms| terms.join(", "))
                .unwrap_or_default()
        }));
        fields.push(page.front.extra.results.clone().unwrap_or_default());
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out
}

pub fn json(tree: &ContentTree) -> String {
    serde_json::to_string_pretty(&records(tree))
        .expect("records are strings, numbers and lists, which JSON holds")
        + "\n"
}

/// Each quoting taxonomy's terms with the address of their page (Zola's
/// slug, relative to the site's root, so any base path works) and how many
/// pages have the term: `{"metode": {"Mentorordning": {"path":
/// "metode/mentorordning/", "pages": 3}}}`. The search box reads it on any
/// page, where the results page's filter buttons are not at hand.
pub fn term_pages_json(tree: &ContentTree) -> String {
    let mut taxonomies: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for taxonomy in QUOTING_TAXONOMIES {
        let counts = taxonomies.entry(taxonomy).or_default();
        for page in &tree.pages {
            for term in page.front.taxonomies.get(taxonomy).into_iter().flatten() {
                *counts.entry(term.as_str()).or_default() += 1;
            }
        }
    }
    let json: BTreeMap<&str, BTreeMap<&str, serde_json::Value>> = taxonomies
        .into_iter()
        .map(|(taxonomy, counts)| {
            let terms = counts
                .into_iter()
                .map(|(term, pages)| {
                    let path = format!("{taxonomy}/{}/", crate::slug::slugify(term));
                    (term, serde_json::json!({ "path": path, "pages": pages }))
                })
                .collect();
            (taxonomy, terms)
        })
        .collect();
    serde_json::to_string_pretty(&json).expect("names, paths and counts serialise") + "\n"
}

/// Each page's content path with its similar examples (title, content path
/// for `@/` links that both renderers resolve under any base URL, and the
/// methods and target groups they share).
fn similar_by_page<'a>(
    tree: &'a ContentTree,
    related: &'a Related,
) -> BTreeMap<&'a str, Vec<serde_json::Value>> {
    let by_path: BTreeMap<&str, &str> = tree
        .pages
        .iter()
        .map(|page| (page.path.as_str(), page.relative_path.as_str()))
        .collect();
    tree.pages
        .iter()
        .map(|page| {
            let similar = related
                .get(&page.path)
                .into_iter()
                .flatten()
                .filter_map(|similar| {
                    let target = by_path.get(similar.hit.url.as_str())?;
                    Some(serde_json::json!({
                        "title": similar.hit.title,
                        "page": target,
                        "shared": similar.shared,
                    }))
                })
                .collect();
            (page.relative_path.as_str(), similar)
        })
        .collect()
}

/// Each page's similar examples as `lignende/<page path>.json`, the list
/// alone: a page's template loads its own file, so a build reads one small
/// file per page rather than every page's list per page.
fn related_per_page(tree: &ContentTree, related: &Related) -> Vec<(String, String)> {
    similar_by_page(tree, related)
        .into_iter()
        .map(|(page, similar)| {
            let name = format!("{RELATED_DIR}/{}.json", page.trim_end_matches(".md"));
            let text = serde_json::to_string_pretty(&similar)
                .expect("a list of JSON values serialises")
                + "\n";
            (name, text)
        })
        .collect()
}

/// Every page with its similar examples, as one export. A list, not a map:
/// Tera cannot look up keys holding quotes or dots.
pub fn related_json(tree: &ContentTree, related: &Related) -> String {
    let list: Vec<serde_json::Value> = similar_by_page(tree, related)
        .into_iter()
        .map(|(page, similar)| serde_json::json!({ "page": page, "similar": similar }))
        .collect();
    serde_json::to_string_pretty(&list).expect("a list of JSON values serialises") + "\n"
}

/// Writes the data files into `static_dir/eksport/`, atomically; `record`
/// lists what the build wrote there (see [`write_owned_files`]).
pub fn write(
    static_dir: &Path,
    record: &Path,
    tree: &ContentTree,
    related: &Related,
) -> Result<(), Error> {
    let mut files = vec![
        (JSON_FILE.to_string(), json(tree)),
        (CSV_FILE.to_string(), csv(tree)),
        (RELATED_FILE.to_string(), related_json(tree, related)),
        (TERM_PAGES_FILE.to_string(), term_pages_json(tree)),
    ];
    files.extend(related_per_page(tree, related));
    write_owned_files(&static_dir.join(EXPORT_DIR), record, &files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Projekt Føniks"), "Projekt Føniks");
        assert_eq!(
            csv_field("Fountain House, København"),
            "Fountain House, København"
        );
        assert_eq!(csv_field("a; b"), "\"a; b\"");
        assert_eq!(
            csv_field("”Integration\" uden"),
            "\"”Integration\"\" uden\""
        );
    }
}
