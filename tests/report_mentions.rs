//! A course's page shows what its report says about it outside its own
//! record, in the report's words: the 2022 report's K1 ends with her case
//! closed, and only a paragraph about småjob says she found full-time work.

mod common;

use common::normalize;
use common::visible::visible;
use common::Fixture;
use praksis::content::ContentTree;

#[test]
fn a_course_shows_the_reports_sentences_that_name_it_elsewhere() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let tree = ContentTree::load(&fixture.path().join("content")).expect("content");
    let public = fixture.path().join("public");
    let text_of = |relative: &str| {
        let page = tree
            .pages
            .iter()
            .find(|p| p.relative_path == relative)
            .unwrap_or_else(|| panic!("no page {relative}"));
        normalize(&praksis::index::plain_text(&page.markdown))
    };
    let mut shown = 0;
    for course in tree.pages.iter().filter(|p| p.section == "forloeb") {
        let case = course
            .front
            .extra
            .case
            .as_ref()
            .expect("a course has a record");
        let report = text_of(&case.report);
        let own = text_of(&course.relative_path);
        let html = std::fs::read_to_string(public.join(&course.path).join("index.html"))
            .expect("course page");
        for sentence in &course.front.extra.report_mentions {
            let sentence = normalize(sentence);
            assert!(
                report.contains(&sentence),
                "{}: not the report's: {sentence}",
                course.path
            );
            assert!(
                !own.contains(&sentence),
                "{}: its own: {sentence}",
                course.path
            );
            let named = sentence
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == case.code || w == format!("{}s", case.code));
            assert!(
                named,
                "{}: does not name {}: {sentence}",
                course.path, case.code
            );
            let section = html
                .split("id=\"rapporten-om\"")
                .nth(1)
                .and_then(|rest| rest.split("</section>").next())
                .unwrap_or_else(|| panic!("{} does not show them", course.path));
            assert!(
                visible(section).contains(&format!("»{sentence}«")),
                "{}",
                course.path
            );
            shown += 1;
        }
    }
    let k1 = tree
        .pages
        .iter()
        .find(|p| p.relative_path == "forloeb/lokalvaerdi-2022-k1.md")
        .expect("2022 K1");
    assert!(
        k1.front
            .extra
            .report_mentions
            .iter()
            .any(|s| s.contains("selv har fundet fuldtidsarbejde")),
        "{:?}",
        k1.front.extra.report_mentions
    );
    assert!(shown >= 10, "{shown}");
}
