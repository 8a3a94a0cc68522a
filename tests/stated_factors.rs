//! What the examples and reports say themselves hinders or helps them
//! (`extra.stated`, e.g. a report's "Hvad virker mindre godt") counts: on
//! `/faktorer/` each item is quoted under the factors it names, on those
//! factors' pages too, and an item no factor covers is quoted apart; each
//! with a link to its page.

mod common;

use common::visible::visible;
use common::{normalize, repo_root, Fixture};
use praksis::content::front_matter::{parse, split, PageFrontMatter};
use praksis::pipeline::{self, Project};

/// Every generated example and report: content path and front matter.
fn efforts() -> Vec<(String, PageFrontMatter)> {
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    generated
        .files
        .iter()
        .filter(|f| {
            (f.path.starts_with("eksempler/") || f.path.starts_with("rapporter/"))
                && !f.path.ends_with("_index.md")
        })
        .map(|f| {
            let (front, _) = split(&f.path, &f.text).expect("front matter");
            let front: PageFrontMatter = parse(&f.path, &front).expect("page front matter");
            (f.path.clone(), front)
        })
        .collect()
}

/// The text between `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let (_, rest) = text
        .split_once(open)
        .unwrap_or_else(|| panic!("no {open:?}"));
    rest.split(close).next().expect("split yields a piece")
}

/// How a quoted keyword is marked (it is no sentence of the text).
const KEYWORD_MARK: &str = "(et af katalogets nøgleord, ikke en sætning)";

/// Does the visible text quote `quoted`, followed by a link to `title`?
/// A keyword quoted (`keyword`) is marked as one between quote and link.
fn quotes(text: &str, quoted: &str, keyword: bool, title: &str) -> bool {
    text.match_indices(quoted).any(|(at, _)| {
        let after = text[at + quoted.len()..].trim_start();
        let after = match after.strip_prefix(KEYWORD_MARK) {
            Some(rest) if keyword => rest.trim_start(),
            Some(_) => return false,
            None if keyword => return false,
            None => after,
        };
        after.starts_with('⟨')
            && after
                .split_once('⟩')
                .is_some_and(|(_, rest)| rest.starts_with(title))
    })
}

#[test]
fn the_pages_own_words_are_quoted_under_the_factors_they_name_and_apart() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let public = fixture.path().join("public");
    let overview = std::fs::read_to_string(public.join("faktorer/index.html")).expect("/faktorer/");
    let (mut named, mut apart) = (0, 0);
    for (path, front) in efforts() {
        let title = normalize(&front.title);
        for (taxonomy, items) in [
            ("haemmer", &front.extra.stated.hinders),
            ("fremmer", &front.extra.stated.helps),
        ] {
            let section = between(&overview, &format!("id=\"tax-{taxonomy}\""), "</section>");
            for item in items {
                let quoted = normalize(&format!("»{}«", item.sentence));
                for factor in &item.factors {
                    named += 1;
                    let carried = front.taxonomies.get(taxonomy).cloned().unwrap_or_default();
                    assert!(
                        carried.contains(factor),
                        "{path}: {factor} not among {carried:?}"
                    );
                    // The factor's entry: from its name to the end of its pages.
                    let entry = between(section, &format!(">{factor}</a>"), "</dd>");
                    assert!(
                        quotes(&visible(entry), &quoted, item.keyword, &title),
                        "/faktorer/ {factor}: no {quoted:?} in {}",
                        visible(entry)
                    );
                    // Its page, from the entry's link (the site is built under "/").
                    let before =
                        &section[..section.find(&format!(">{factor}</a>")).expect("named")];
                    let link = before.rsplit("href=\"").next().expect("a link");
                    let link = link.split('"').next().expect("its address");
                    let page = link.trim_start_matches('/');
                    let factor_page = std::fs::read_to_string(public.join(page).join("index.html"))
                        .unwrap_or_else(|_| panic!("no factor page at {link}"));
                    assert!(
                        quotes(&visible(&factor_page), &quoted, item.keyword, &title),
                        "{link}: no {quoted:?}"
                    );
                }
                if item.factors.is_empty() {
                    apart += 1;
                    let others = between(section, &format!("id=\"egne-ord-{taxonomy}\""), "</ul>");
                    assert!(
                        quotes(&visible(others), &quoted, item.keyword, &title),
                        "/faktorer/ {taxonomy}: {quoted:?} not among the items no factor covers"
                    );
                }
            }
        }
    }
    assert!(
        named > 0 && apart > 0,
        "{named} items name a factor, {apart} none"
    );
}
