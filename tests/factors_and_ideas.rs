//! Factors (what hinders and helps) and ideas: what a page says itself
//! hinders or helps it is its own text and the comparison quotes it; every
//! factor and idea is shown by some page or quoted from its chapter; and
//! /kom-i-gang/ lists apart the pages that only wish for an idea.

mod common;

use common::pages::{examples, pages_of};
use common::visible::visible;
use common::{normalize, repo_root, Fixture};
use praksis::pipeline::{self, Project};

/// What an example or report says itself hinders or helps it is its own
/// text or keywords, each sentence naming its side (or under a heading that does), and
/// the comparison shows it.
#[test]
fn stated_hindrances_and_helps_are_the_pages_own_sentences() {
    let mut pages = pages_of("eksempler/");
    pages.extend(pages_of("rapporter/"));
    let mut stated = 0;
    for (path, (front, text)) in &pages {
        for sentence in front
            .extra
            .stated
            .hinders
            .iter()
            .chain(&front.extra.stated.helps)
            .map(|s| &s.sentence)
        {
            stated += 1;
            // Its text, or one of the catalogue's keywords for it.
            assert!(
                text.contains(&normalize(sentence)) || front.extra.keywords.contains(sentence),
                "{path}: not its own text: {sentence:?}"
            );
        }
    }
    assert!(stated > 0, "some page states what hinders or helps it");
    let fixture = Fixture::new();
    fixture.build(&[]);
    let compare = std::fs::read_to_string(fixture.path().join("public/sammenlign/index.html"))
        .expect("the compare page is built");
    let (_, front_and_text) = pages
        .iter()
        .find(|(_, (f, _))| !f.extra.stated.hinders.is_empty())
        .expect("a page states a hindrance");
    let first = &front_and_text.0.extra.stated.hinders[0].sentence;
    assert!(
        visible(&compare).contains(&normalize(first)),
        "the comparison quotes {first:?}"
    );
}

/// Every idea is shown by some page; every factor by some page or, when
/// none shows it, by its chapter's own sentence on /faktorer/; and every
/// sub-heading of the catalogue's 3.2.1 (hinders) and 3.2.2 (helps) is
/// some factor's chapter, quoted there.
#[test]
fn every_factor_and_idea_is_shown_by_some_page_or_quoted_from_its_chapter() {
    let curation =
        praksis::tagging::TaggingCuration::load(&repo_root().join("curation")).expect("curation");
    let pages = examples();
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    let file = |path: &str| {
        &generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .text
    };
    let factors_page = file("faktorer/_index.md");
    let page_front_matter: String = generated
        .files
        .iter()
        .filter(|f| f.path != "faktorer/_index.md")
        .map(|f| f.text.as_str())
        .collect();
    let mut chapters = Vec::new();
    for taxonomy in curation
        .vocabularies
        .taxonomies
        .iter()
        .filter(|t| ["fremmer", "haemmer", "ide"].contains(&t.name.as_str()))
    {
        for entry in &taxonomy.entries {
            let shown = page_front_matter.contains(&format!("term = \"{}\"", entry.label));
            let quoted = factors_page.contains(&format!(
                "taxonomy = \"{}\"\nterm = \"{}\"",
                taxonomy.name, entry.label
            ));
            assert!(
                shown || (taxonomy.name != "ide" && quoted),
                "{} {:?} links to no page and is not quoted from the catalogue",
                taxonomy.name,
                entry.label
            );
            if let Some(chapter) = &entry.chapter {
                assert!(quoted, "{:?}: no sentence of {chapter} quoted", entry.label);
                chapters.push(chapter.clone());
            }
        }
    }
    let chapter = file("kapitler/perspektiver-for-en-aktivitets-og.md");
    let sub_headings: Vec<&str> = chapter
        .lines()
        .filter_map(|line| line.strip_prefix("#### "))
        .filter_map(|heading| heading.split([' ']).next())
        .map(|number| number.trim_end_matches('.'))
        .filter(|number| number.starts_with("3.2.1.") || number.starts_with("3.2.2."))
        .collect();
    assert!(sub_headings.len() >= 9, "{sub_headings:?}");
    for number in sub_headings {
        assert!(
            chapters.iter().any(|c| c == number),
            "chapter {number} names a factor no vocabulary entry quotes"
        );
    }
    assert!(!pages.is_empty());
}

/// /kom-i-gang/ lists under each idea the pages that practise it; a page
/// whose sentence for the idea only wishes for it (role "ønske eller
/// mulighed") is listed apart, as a wish, and not counted.
#[test]
fn getting_started_lists_pages_that_only_wish_for_an_idea_apart() {
    let wish = praksis::tagging::Role::Hypothetical.label();
    let mut wishes: Vec<(String, String)> = Vec::new();
    let mut practised: Vec<(String, String)> = Vec::new();
    for (path, front, _) in examples() {
        let address = format!("/{}/", path.trim_end_matches(".md"));
        for evidence in front.extra.evidence.iter().filter(|e| e.taxonomy == "ide") {
            let entry = (evidence.term.clone(), address.clone());
            if evidence.role.as_deref() == Some(wish) {
                wishes.push(entry);
            } else {
                practised.push(entry);
            }
        }
    }
    assert!(!wishes.is_empty(), "some example only wishes for an idea");
    let fixture = Fixture::new();
    fixture.build(&[]);
    let html = std::fs::read_to_string(fixture.path().join("public/kom-i-gang/index.html"))
        .expect("kom-i-gang built");
    // Each idea's entry: from its <dt> to the next.
    let entry_of = |term: &str| -> String {
        // The idea's own entry, not a link to it from another's "Beslægtet".
        let start = html
            .match_indices("<dt><a href=")
            .map(|(at, _)| at)
            .find(|&at| {
                html[at..]
                    .split("</a>")
                    .next()
                    .is_some_and(|link| link.ends_with(&format!(">{term}")))
            })
            .unwrap_or_else(|| panic!("{term} on /kom-i-gang/"));
        let rest = &html[start..];
        let end = rest[1..].find("<dt>").map_or(rest.len(), |at| at + 1);
        rest[..end].to_string()
    };
    for (term, address) in &wishes {
        let entry = entry_of(term);
        let (list, note) = entry
            .split_once("class=\"note wishes\"")
            .unwrap_or_else(|| panic!("{term}: no wishes note in {entry}"));
        let link = format!("href=\"{address}\"");
        assert!(note.contains(&link), "{term}: {address} among the wishes");
        assert!(
            !list.contains(&link),
            "{term}: {address} not among the pages that do it"
        );
    }
    for (term, address) in &practised {
        let entry = entry_of(term);
        let list = entry.split("class=\"note wishes\"").next().expect("split");
        assert!(
            list.contains(&format!("href=\"{address}\"")),
            "{term}: {address} listed"
        );
    }
    // The page's own tag list marks an idea it only wishes for, and only that.
    let marked = |term: &str, address: &str| {
        let page = std::fs::read_to_string(
            fixture
                .path()
                .join("public")
                .join(address.trim_start_matches('/'))
                .join("index.html"),
        )
        .expect("example page");
        let footer = page
            .split("<footer class=\"source\"")
            .nth(1)
            .expect("footer");
        let after = footer
            .split(&format!(">{term}</a>"))
            .nth(1)
            .unwrap_or_else(|| panic!("{address}: no tag {term}"));
        after.starts_with(" <span class=\"wish\">(kun som ønske eller mulighed)</span>")
    };
    for (term, address) in &wishes {
        assert!(
            marked(term, address),
            "{address}: {term} not marked as a wish"
        );
    }
    for (term, address) in &practised {
        assert!(!marked(term, address), "{address}: {term} marked as a wish");
    }
}
