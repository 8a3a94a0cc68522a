//! The browse pages a whole build publishes: taxonomy and term pages, the
//! continuum figure, the gap map, the exports and /faktorer/'s quotes, and
//! under each page on a term page the sentence that earned its tag, marked
//! as reviewed when an editor confirmed it.

mod common;

use common::reviewed::built_with_one_reviewed_page;
use common::visible::visible;
use common::{normalize, Fixture};
use praksis::content::front_matter::split;

#[test]
fn browse_pages_link_every_tag_and_the_overview_links_every_example() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let public = fixture.path().join("public");
    let read = |path: &str| {
        std::fs::read_to_string(public.join(path)).unwrap_or_else(|_| panic!("{path}"))
    };
    let methods = read("metode/index.html");
    assert!(methods.contains("Mentorordning"), "{methods}");
    let mentor = read("metode/mentorordning/index.html");
    assert!(
        mentor.contains("/eksempler/projekt-integration-uden-omveje-den-direkte-vej/"),
        "{mentor}"
    );
    for taxonomy in ["maalgruppe", "lovgrundlag", "sted", "organisation"] {
        assert!(
            public.join(taxonomy).join("index.html").is_file(),
            "{taxonomy}/ missing"
        );
    }
    let overview = read("kontinuum/index.html");
    let svg = overview
        .split("<svg")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .expect("svg");
    let links = svg.matches("<a href=\"/eksempler/").count();
    assert_eq!(links, 21, "one link per example in the figure");
    let matrix = read("matrix/index.html");
    let rows = matrix.matches("<th scope=\"row\">").count();
    assert!(rows >= 10, "{rows} method rows");
    assert!(
        matrix.contains("class=\"empty\""),
        "the gap map shows empty cells"
    );
    assert!(matrix.contains("/eksempler/projekt-integration-uden-omveje-den-direkte-vej/"));
    let json: serde_json::Value =
        serde_json::from_str(&read("eksport/praksisbasen.json")).expect("json");
    let records = json.as_array().expect("array");
    let csv = read("eksport/praksisbasen.csv");
    assert_eq!(
        csv.lines().count(),
        records.len() + 1,
        "a header and one row per page"
    );
    let examples: Vec<_> = records
        .iter()
        .filter(|r| r["section"] == "eksempler")
        .collect();
    assert_eq!(examples.len(), 21);
    assert!(examples
        .iter()
        .all(|r| r["continuum"].is_number() && !r["metode"].as_array().expect("list").is_empty()));
    assert!(
        read("index.html").contains("eksport/praksisbasen.csv"),
        "front page links the export"
    );
    for overview in ["faktorer/index.html", "kom-i-gang/index.html"] {
        assert!(
            read(overview).contains("href=\"/eksempler/"),
            "{overview} links no example"
        );
    }
    check_factor_quotes(fixture.path());
    let example = read("eksempler/projekt-foeniks/index.html");
    assert!(
        example.contains("class=\"continuum-bar\""),
        "no continuum bar"
    );
    assert!(example.contains("Hvorfor disse tags?"), "no evidence");
}

/// Every factor quoted from the catalogue shows its sentence on /faktorer/
/// and on its term page; one no page shows has no term page, and
/// /faktorer/ says that no example or report shows it.
fn check_factor_quotes(root: &std::path::Path) {
    let text = std::fs::read_to_string(root.join("content/faktorer/_index.md")).expect("section");
    let (front, _) = split("faktorer/_index.md", &text).expect("front matter");
    let front: toml::Value = toml::from_str(&front).expect("toml");
    let factors = front["extra"]["factors"].as_array().expect("extra.factors");
    let overview = visible(
        &std::fs::read_to_string(root.join("public/faktorer/index.html")).expect("faktorer"),
    );
    let mut unshown = 0;
    for factor in factors {
        let field = |key: &str| factor[key].as_str().expect("a string field");
        let (taxonomy, term, sentence) = (field("taxonomy"), field("term"), field("sentence"));
        assert!(
            overview.contains(&format!("»{sentence}«")),
            "/faktorer/ lacks the quote of {term}"
        );
        let term_page = root.join(format!(
            "public/{taxonomy}/{}/index.html",
            praksis::slug::slugify(term)
        ));
        // A factor no page shows has no term page; where it once had one, a
        // redirect to /faktorer/ stands in its place (static/).
        let html = std::fs::read_to_string(&term_page).unwrap_or_default();
        if !html.is_empty() && !html.contains("http-equiv=\"refresh\"") {
            let page = visible(&html);
            assert!(
                page.contains(&format!("»{sentence}«")),
                "{term}: its page lacks the quote"
            );
        } else {
            unshown += 1;
            let quoted = overview.find(sentence).expect("quoted") + sentence.len();
            let after = &overview[quoted..];
            let next = after.find(" (").unwrap_or(after.len());
            assert!(
                after[..next].contains("Intet eksempel og ingen rapport har faktoren som tag"),
                "{term}: shown by no page, and /faktorer/ does not say so"
            );
        }
    }
    assert!(
        unshown >= 1 && unshown < factors.len(),
        "{unshown} of {} unshown",
        factors.len()
    );
}

#[test]
fn term_pages_show_under_each_page_the_sentence_that_earned_the_tag() {
    let (fixture, reviewed) = built_with_one_reviewed_page();
    let tree = praksis::content::ContentTree::load(&fixture.path().join("content")).expect("tree");
    let public = fixture.path().join("public");
    let (mut checked, mut wishes, mut kinds_counted) = (0, 0, 0);
    for page in &tree.pages {
        for evidence in &page.front.extra.evidence {
            let slug = praksis::slug::slugify(&evidence.term);
            let file = public
                .join(&evidence.taxonomy)
                .join(&slug)
                .join("index.html");
            let html = std::fs::read_to_string(&file)
                .unwrap_or_else(|_| panic!("no term page {}", file.display()));
            kinds_counted += usize::from(check_page_kinds(&html, &file));
            // The page's entry: from its link to the end of its list item.
            let link = format!("href=\"/{}\"", page.path);
            let entry = html
                .split(&link)
                .nth(1)
                .and_then(|rest| rest.split("</li>").next())
                .unwrap_or_else(|| panic!("{} does not list {}", file.display(), page.path));
            let shown = format!("»{}«", normalize(&evidence.sentence));
            assert!(
                visible(entry).contains(&shown),
                "{} lists {} without its sentence {shown}",
                file.display(),
                page.path
            );
            // A page that only wishes for the term reports no results of it.
            let only_wished = page
                .front
                .extra
                .evidence
                .iter()
                .filter(|e| (&e.taxonomy, &e.term) == (&evidence.taxonomy, &evidence.term))
                .all(|e| e.role.as_deref() == Some("ønske eller mulighed"));
            if only_wished {
                assert!(
                    !visible(entry).contains("Resultat:")
                        && visible(entry).contains("nævner det kun som ønske eller mulighed"),
                    "{}: {} only wishes for it, but: {}",
                    file.display(),
                    page.path,
                    visible(entry)
                );
                assert!(
                    html.contains("Kun nævnt som ønske eller mulighed, ikke noget gjort, i "),
                    "{}: its count of pages does not say some only wish for it",
                    file.display()
                );
                wishes += 1;
            } else if let Some(overview) = &page.front.extra.overview {
                // A report's line gives what all its courses came to, said to be the whole report's.
                let outcome = format!(
                    "Resultat for hele rapporten, ikke kun forløbene med »{}«: i arbejde {} af de {} forløb",
                    evidence.term, overview.any_work, overview.cases
                );
                assert!(
                    visible(entry).contains(&outcome),
                    "{}: {} without {outcome}",
                    file.display(),
                    page.path
                );
            } else if let Some(case) = &page.front.extra.case {
                let outcome = format!("Resultat: {}", case.outcome);
                assert!(
                    visible(entry).contains(&outcome),
                    "{}: {} without {outcome}",
                    file.display(),
                    page.path
                );
            }
            let confirmed = reviewed.iter().any(|r| {
                page.path.contains(&r.page)
                    && (&r.taxonomy, &r.term, &r.sentence)
                        == (&evidence.taxonomy, &evidence.term, &evidence.sentence)
            });
            assert_eq!(evidence.reviewed, confirmed, "{}: {evidence:?}", page.path);
            let state = if confirmed { "gennemset" } else { "forslag" };
            assert!(
                entry.contains(&format!("<span class=\"review\">{state}</span>")),
                "{}: {} should be shown as {state}",
                file.display(),
                page.path
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "every tag with its evidence: {checked}");
    assert!(wishes > 0, "no page only wishes for a term");
    assert!(kinds_counted > 0, "no term page counts its kinds of page");
}

/// A method's page quotes what the catalogue's chapters say of it, each
/// sentence linking to the section it stands in, which exists.
#[test]
fn method_pages_quote_the_chapters_sentences_that_name_the_method() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let tree = praksis::content::ContentTree::load(&fixture.path().join("content")).expect("tree");
    let public = fixture.path().join("public");
    let mut quoted = 0;
    for page in tree.pages.iter().filter(|p| p.section == "kapitler") {
        let chapter = std::fs::read_to_string(public.join(&page.path).join("index.html"))
            .expect("chapter page");
        for mention in &page.front.extra.chapter_mentions {
            let term_page = public
                .join(&mention.taxonomy)
                .join(praksis::slug::slugify(&mention.term))
                .join("index.html");
            let html = std::fs::read_to_string(&term_page).expect("term page");
            let shown = format!("»{}«", normalize(&mention.sentence));
            assert!(
                visible(&html).contains(&shown),
                "{}: lacks {shown}",
                term_page.display()
            );
            let link = format!("href=\"/{}#{}\"", page.path, mention.anchor);
            assert!(html.contains(&link), "{}: no {link}", term_page.display());
            assert!(
                chapter.contains(&format!("id=\"{}\"", mention.anchor)),
                "{} has no section #{}",
                page.path,
                mention.anchor
            );
            quoted += 1;
        }
    }
    assert!(quoted > 10, "{quoted} chapter sentences quoted");
}

/// "4 sider: 1 praksiseksempel, 1 lokal rapport og 2 borgerforløb.": the
/// kinds add up to the pages.
fn check_page_kinds(html: &str, file: &std::path::Path) -> bool {
    let Some(at) = html.find(" sider: ") else {
        return false; // one kind only, or one page
    };
    let start = html[..at].rfind("<p>").expect("the count's paragraph") + 3;
    let line = &html[start..at + html[at..].find('.').expect("sentence end")];
    let (total, kinds) = line.split_once(" sider: ").expect("the count");
    // "…; heraf 2 kun som ønske eller mulighed" is a part of them, not a kind.
    let kinds = kinds.split(';').next().expect("the kinds");
    let total: usize = total.parse().expect("a count");
    let sum: usize = kinds
        .split([',', ' '])
        .filter_map(|word| word.parse::<usize>().ok())
        .sum();
    assert_eq!(sum, total, "{}: {line}", file.display());
    true
}
