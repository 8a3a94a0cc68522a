//! A target group the page names only as a trait of some participants
//! ("Desuden har hovedparten stadig … hjemløshed"): kept apart from the
//! tags, shown on the page and on the group's page under its own heading,
//! each with the page's own sentence.

mod common;

use common::normalize;
use common::visible::visible;
use common::Fixture;
use praksis::content::ContentTree;

#[test]
fn traits_of_some_participants_are_shown_apart_from_the_target_groups() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let tree = ContentTree::load(&fixture.path().join("content")).expect("content");
    let public = fixture.path().join("public");
    let mut shown = Vec::new();
    for page in &tree.pages {
        for t in &page.front.extra.traits {
            let carried = page
                .front
                .taxonomies
                .get(&t.taxonomy)
                .is_some_and(|terms| terms.contains(&t.term));
            assert!(!carried, "{}: {} is a tag and a trait", page.path, t.term);
            let text = normalize(&praksis::index::plain_text(&page.markdown));
            assert!(
                text.contains(&normalize(&t.sentence)),
                "{}: the trait's sentence is not the page's own: {}",
                page.path,
                t.sentence
            );
            let quoted = format!("»{}«", normalize(&t.sentence));
            // On the page itself, in its overview.
            let html = std::fs::read_to_string(public.join(&page.path).join("index.html"))
                .expect("page html");
            let glance = html
                .split("Nævnt om nogle deltagere")
                .nth(1)
                .and_then(|rest| rest.split("</dd>").next())
                .unwrap_or_else(|| panic!("{} does not show its traits", page.path));
            assert!(visible(glance).contains(&quoted), "{}: {quoted}", page.path);
            // On the group's page: under its own heading, not among its pages.
            let slug = praksis::slug::slugify(&t.term);
            let file = public.join(&t.taxonomy).join(&slug).join("index.html");
            let html = std::fs::read_to_string(&file).expect("term page");
            let (tagged, apart) = html
                .split_once("id=\"deltagere\"")
                .unwrap_or_else(|| panic!("{} has no traits section", file.display()));
            let link = format!("href=\"/{}\"", page.path);
            assert!(
                !tagged.contains(&link),
                "{} lists {} among its pages",
                file.display(),
                page.path
            );
            let entry = apart
                .split(&link)
                .nth(1)
                .and_then(|rest| rest.split("</li>").next())
                .unwrap_or_else(|| panic!("{} does not list {}", file.display(), page.path));
            assert!(
                visible(entry).contains(&quoted),
                "{}: {quoted}",
                file.display()
            );
            shown.push((page.slug.clone(), t.term.clone()));
        }
    }
    // The catalogue's Bufferen: "Desuden har hovedparten stadig massive
    // sociale problemer, herunder hjemløshed og kriminalitet."
    assert!(
        shown
            .iter()
            .any(|(slug, term)| slug.starts_with("bufferen") && term == "Hjemløse"),
        "{shown:?}"
    );
}
