//! `praksis check` on pages people wrote: what would publish wrongly or not
//! at all, each named by file and line, with what to do about it.

use std::collections::BTreeSet;
use std::path::Path;

use super::tree::{ContentTree, LoadedPage};
use crate::error::Error;
use crate::tagging::{is_hand_written, Vocabularies};

/// One finding; `error` fails `praksis check`, a warning is reported only.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub message: String,
    pub error: bool,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.error { "error" } else { "warning" };
        write!(f, "{}:{}: {kind}: {}", self.file, self.line, self.message)
    }
}

/// The source-type taxonomy's terms, which the build gives, not the vocabularies.
const SOURCE_TYPES: [&str; 4] = [
    "Praksiseksempel",
    "Kapitel i kataloget",
    "Lokal rapport",
    "Borgerforløb",
];

/// Every finding on the hand-written and edited pages of `tree`, whose
/// files are under `content_dir`; `taxonomies` are those config.toml declares.
pub fn validate(
    tree: &ContentTree,
    content_dir: &Path,
    vocabularies: &Vocabularies,
    taxonomies: &[String],
) -> Result<Vec<Finding>, Error> {
    let targets: BTreeSet<&str> = tree
        .pages
        .iter()
        .map(|p| p.relative_path.as_str())
        .chain(tree.sections.iter().map(|s| s.relative_path.as_str()))
        .collect();
    let mut findings = Vec::new();
    for page in tree.pages.iter().filter(|p| is_hand_written(p)) {
        let file = format!("content/{}", page.relative_path);
        let path = content_dir.join(&page.relative_path);
        let text = std::fs::read_to_string(&path).map_err(|err| Error::io(&path, err))?;
        let mut add = |line: usize, message: String, error: bool| {
            findings.push(Finding {
                file: file.clone(),
                line,
                message,
                error,
            })
        };
        if page.front.title.trim().is_empty() {
            add(
                line_of(&text, "title").unwrap_or(2),
                "the page has no title (title = \"…\" in the front matter)".into(),
                true,
            );
        }
        for (taxonomy, terms) in &page.front.taxonomies {
            if !taxonomies.contains(taxonomy) {
                add(
                    line_of(&text, taxonomy).unwrap_or(1),
                    format!(
                        "unknown taxonomy \"{taxonomy}\" (config.toml declares {})",
                        taxonomies.join(", ")
                    ),
                    true,
                );
                continue;
            }
            let known = known_terms(vocabularies, taxonomy);
            for term in terms.iter().filter(|t| !known.contains(&t.as_str())) {
                let nearest = nearest(term, &known)
                    .map(|n| format!("; did you mean \"{n}\"?"))
                    .unwrap_or_default();
                add(
                    line_of(&text, &format!("\"{term}\"")).unwrap_or(1),
                    format!(
                        "\"{term}\" is not a term of {taxonomy}{nearest} (a new term goes into \
                         curation/vocabularies.toml first)"
                    ),
                    true,
                );
            }
        }
        if let Some(position) = page.front.extra.continuum {
            if !(0.0..=1.0).contains(&position) {
                add(
                    line_of(&text, "continuum").unwrap_or(1),
                    format!(
                        "continuum = {position} is outside 0..1 (0 = social aktivering, \
                         1 = arbejdsmarkedsrettet beskæftigelse)"
                    ),
                    true,
                );
            }
        }
        for (line, target) in internal_links(&text) {
            if !targets.contains(target.as_str()) {
                add(
                    line,
                    format!("link to @/{target}, which is not in content/"),
                    true,
                );
            }
        }
        if page.front.date.is_none() && is_listed(page) {
            add(
                line_of(&text, "title").unwrap_or(1),
                "no date = …: the page is left out of the feed (atom.xml)".into(),
                false,
            );
        }
    }
    Ok(findings)
}

fn is_listed(page: &LoadedPage) -> bool {
    matches!(page.section.as_str(), "eksempler" | "rapporter")
}

fn known_terms<'a>(vocabularies: &'a Vocabularies, taxonomy: &str) -> Vec<&'a str> {
    if taxonomy == crate::content::SOURCE_TYPE_TAXONOMY {
        return SOURCE_TYPES.to_vec();
    }
    vocabularies
        .taxonomies
        .iter()
        .filter(|t| t.name == taxonomy)
        .flat_map(|t| t.entries.iter().map(|e| e.label.as_str()))
        .collect()
}

/// The 1-based line of the first line that starts with `key` (front matter)
/// or holds it.
fn line_of(text: &str, needle: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .position(|l| l.trim_start().starts_with(needle))
        .or_else(|| lines.iter().position(|l| l.contains(needle)))
        .map(|i| i + 1)
}

/// Every `](@/path)` link with its line, the `#anchor` cut off.
fn internal_links(text: &str) -> Vec<(usize, String)> {
    let mut links = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("](@/") {
            let tail = &rest[at + 4..];
            let end = tail.find(')').unwrap_or(tail.len());
            let target = tail[..end].split('#').next().unwrap_or("").to_string();
            links.push((index + 1, target));
            rest = &tail[end..];
        }
    }
    links
}

/// The known term nearest to `term` in edit distance, if any is near.
fn nearest<'a>(term: &str, known: &[&'a str]) -> Option<&'a str> {
    let folded = term.to_lowercase();
    known
        .iter()
        .map(|k| {
            (
                praksis_search::edit_distance(&folded, &k.to_lowercase()),
                *k,
            )
        })
        .filter(|(distance, k)| *distance <= k.chars().count().max(4) / 2)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_term() {
        let known = ["Mentorordning", "Virksomhedspraktik", "Småjob"];
        assert_eq!(nearest("Mentorording", &known), Some("Mentorordning"));
        assert_eq!(
            nearest("virksomhedspraktikker", &known),
            Some("Virksomhedspraktik")
        );
        assert_eq!(nearest("Gartneri", &known), None);
    }

    #[test]
    fn finds_internal_links_with_their_lines() {
        let text = "a\n[x](@/eksempler/a.md#top) og [y](@/b.md)\n";
        assert_eq!(
            internal_links(text),
            [(2, "eksempler/a.md".to_string()), (2, "b.md".to_string())]
        );
    }
}
