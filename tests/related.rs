//! The "Beslægtet" block on method and idea pages: the mentor method, the
//! chapter-4 idea about mentors and the contact-person scheme link each
//! other both ways, and the links follow the data (a shared word or a group
//! of curation/synonyms.toml), not a list in a template.

mod common;

use common::{between, Fixture};

const MENTOR: &str = "public/metode/mentorordning/index.html";
const IDEA: &str = "public/ide/mentorordninger-for-socialt-udsatte/index.html";

/// The links of a page's "Beslægtet" section; none when it has none.
fn related_links(root: &std::path::Path, page: &str) -> Vec<String> {
    let html = std::fs::read_to_string(root.join(page)).expect("term page");
    let Some(start) = html.find("<section class=\"related-terms\"") else {
        return Vec::new();
    };
    let section = &html[start..];
    let section = &section[..section.find("</section>").expect("section end")];
    section
        .split("<a href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().expect("link").to_string())
        .collect()
}

#[test]
fn the_mentor_method_and_idea_link_each_other_and_the_contact_person_scheme() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    let from_method = related_links(root, MENTOR);
    assert!(
        from_method.contains(&"/ide/mentorordninger-for-socialt-udsatte/".to_string()),
        "the method does not link the idea: {from_method:?}"
    );
    assert!(
        from_method
            .iter()
            .any(|l| l.starts_with("/metode/kontaktperson")),
        "the method does not link the contact-person scheme: {from_method:?}"
    );
    // The catalogue's own sentence naming both is the reason given, linked
    // to its section, and the contact-person pages are open under it.
    let html = std::fs::read_to_string(root.join(MENTOR)).expect("term page");
    let item = html
        .split("<li>Metode: <a href=\"/metode/kontaktperson")
        .nth(1)
        .expect("the contact-person relation");
    let item = &item[..item.find("</details>").expect("its pages")];
    let reason = item
        .split_once("kataloget nævner begge i én sætning, <a href=\"")
        .map(|(_, rest)| rest)
        .expect("the catalogue's sentence is the reason");
    let (link, rest) = reason.split_once('"').expect("a link");
    let quoted = between(rest, "<q>", "</q>").expect("the sentence, quoted");
    assert!(quoted.contains("mentorrollen"), "{quoted}");
    let (chapter, anchor) = link.split_once('#').expect("the section's anchor");
    let chapter = std::fs::read_to_string(
        root.join("public")
            .join(chapter.trim_start_matches('/'))
            .join("index.html"),
    )
    .expect("the chapter page");
    assert!(
        chapter.contains(&format!("id=\"{anchor}\"")),
        "no #{anchor}"
    );
    assert!(chapter.contains(quoted), "the chapter lacks {quoted}");
    assert!(
        item.contains("<details class=\"also\" open>"),
        "folded: {item}"
    );
    // The method's own pages come first; the open related pages after them.
    let own_pages = html
        .find("<ul class=\"page-list\"")
        .expect("the tagged pages");
    let related = html
        .find("<section class=\"related-terms\"")
        .expect("the related block");
    assert!(
        own_pages < related,
        "the related block comes before the tagged pages"
    );
    let from_idea = related_links(root, IDEA);
    assert!(
        from_idea.contains(&"/metode/mentorordning/".to_string()),
        "the idea does not link the method: {from_idea:?}"
    );
    let overview =
        std::fs::read_to_string(root.join("public/kom-i-gang/index.html")).expect("ideas");
    assert!(
        overview.contains("Beslægtet: <a href=\"/metode/mentorordning/\">Mentorordning</a>"),
        "the ideas' overview does not link the method"
    );
}

#[test]
fn without_the_related_words_only_the_shared_word_links() {
    let fixture = Fixture::new();
    let synonyms = fixture.path().join("curation/synonyms.toml");
    let text = std::fs::read_to_string(&synonyms).expect("synonyms");
    // Mentor and the contact person are related words, not synonyms.
    let group = "[\"mentor\", \"kontaktperson\", \"støtteperson\"],";
    assert!(
        text.contains(group),
        "the mentor group moved; update this test"
    );
    std::fs::write(&synonyms, text.replace(group, "")).expect("write synonyms");
    fixture.build(&[]);
    let links = related_links(fixture.path(), MENTOR);
    assert!(
        links.contains(&"/ide/mentorordninger-for-socialt-udsatte/".to_string()),
        "the shared word still relates the idea: {links:?}"
    );
    assert!(
        !links.iter().any(|l| l.starts_with("/metode/kontaktperson")),
        "the contact-person scheme is linked without the group that relates it: {links:?}"
    );
}

/// The pages whose front matter gives `taxonomy` the term `term`, as the
/// site's addresses ("/eksempler/x/").
fn tagged(root: &std::path::Path, taxonomy: &str, term: &str) -> Vec<String> {
    let mut found = Vec::new();
    for section in ["eksempler", "rapporter", "forloeb", "kapitler"] {
        for entry in std::fs::read_dir(root.join("content").join(section)).expect("section") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            if name == "_index.md" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("page");
            let (front, _) =
                praksis::content::front_matter::split(&name, &text).expect("front matter");
            let front: praksis::content::front_matter::PageFrontMatter =
                praksis::content::front_matter::parse(&name, &front).expect("parse");
            if front
                .taxonomies
                .get(taxonomy)
                .is_some_and(|terms| terms.iter().any(|t| t == term))
            {
                found.push(format!("/{section}/{}/", name.trim_end_matches(".md")));
            }
        }
    }
    found.sort();
    found
}

/// The links of the "Desuden under …" lists in a page's "Beslægtet" block.
fn also_links(root: &std::path::Path, page: &str) -> Vec<String> {
    let html = std::fs::read_to_string(root.join(page)).expect("term page");
    let mut links: Vec<String> = html
        .split("<li>Desuden under »")
        .skip(1)
        .filter_map(|rest| rest.split("<a href=\"").nth(1))
        .map(|rest| rest.split('"').next().expect("link").to_string())
        .collect();
    links.sort();
    links
}

#[test]
fn the_mentor_method_and_idea_pages_each_list_the_pages_only_the_other_has() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    let method = tagged(root, "metode", "Mentorordning");
    let idea = tagged(root, "ide", "Mentorordninger for socialt udsatte");
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|p| !b.contains(p)).cloned().collect()
    };
    let idea_only = only(&idea, &method);
    let method_only = only(&method, &idea);
    assert!(
        !idea_only.is_empty() && !method_only.is_empty(),
        "the sets no longer differ; the test checks nothing: {method:?} {idea:?}"
    );
    assert_eq!(also_links(root, MENTOR), idea_only);
    assert_eq!(also_links(root, IDEA), method_only);
}
