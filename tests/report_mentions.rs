//! A course's page shows what its report says about it outside its own
//! record, in the report's words: the 2022 report's K1 ends with her case
//! closed, and only a paragraph about småjob says she found full-time work.
//! Where such a sentence qualifies a counted course, the counts quote it.

mod common;

use common::normalize;
use common::visible::visible;
use common::Fixture;
use praksis::cases::{CaseOverview, SUPPORTED_WORK, WORK_OR_EDUCATION};
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

/// The `<p class="caveat">` lines of a page, as a reader sees them.
fn caveat_lines(html: &str) -> Vec<String> {
    html.split("<div class=\"caveat\">")
        .skip(1)
        .map(|rest| visible(rest.split("</div>").next().expect("caveat end")))
        .collect()
}

/// A course an overview counts as work or education, whose report says of it
/// elsewhere that something did not happen, is quoted beside the counts: on
/// its report, on /forloeb/ and on the front page. Test 9 found 2022 K1
/// counted as ordinary work with nothing said of how it ended.
#[test]
fn counted_courses_their_report_tells_otherwise_are_quoted_beside_the_counts() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let tree = ContentTree::load(&fixture.path().join("content")).expect("content");
    let public = fixture.path().join("public");
    let read = |path: &str| std::fs::read_to_string(public.join(path)).expect("page");
    let section = tree
        .sections
        .iter()
        .find(|s| s.relative_path == "forloeb/_index.md")
        .expect("/forloeb/");
    let all: CaseOverview = section.front.extra["overview"]
        .clone()
        .try_into()
        .expect("overview");
    let mut places = vec![(all, vec![read("forloeb/index.html"), read("index.html")])];
    for report in tree.pages.iter().filter(|p| p.section == "rapporter") {
        if let Some(overview) = &report.front.extra.overview {
            let html = read(&format!("{}index.html", report.path));
            places.push((overview.clone(), vec![html]));
        }
    }
    let mut quoted = 0;
    for (overview, pages) in &places {
        for caveat in &overview.caveats {
            let course = tree
                .pages
                .iter()
                .find(|p| p.relative_path == caveat.course)
                .unwrap_or_else(|| panic!("no course {}", caveat.course));
            let case = course.front.extra.case.as_ref().expect("a record");
            let outcome = case.outcome.as_str();
            assert_eq!(caveat.outcome, outcome);
            assert!(
                WORK_OR_EDUCATION.contains(&outcome) || SUPPORTED_WORK.contains(&outcome),
                "{}: {outcome} is not counted",
                caveat.course
            );
            for sentence in &caveat.sentences {
                assert!(
                    course.front.extra.report_mentions.contains(sentence),
                    "{}: not one of its report's mentions: {sentence}",
                    caveat.course
                );
                for html in pages {
                    let lines = caveat_lines(html);
                    assert!(
                        lines
                            .iter()
                            .any(|line| line.contains(&format!("»{sentence}«"))
                                && line.contains(&case.code)
                                && line
                                    .contains(&format!("tælles som {}", outcome.to_lowercase()))),
                        "{}: not quoted beside the counts: {lines:?}",
                        caveat.course
                    );
                    quoted += 1;
                }
            }
        }
        for html in pages {
            // Besides the caveats, a course that ran past its report's stated end.
            assert_eq!(
                caveat_lines(html).len(),
                overview.caveats.len() + overview.date_conflicts.len()
            );
        }
    }
    assert!(quoted >= 3, "{quoted}");
    let k1 = &places[0].0.caveats;
    assert!(
        k1.iter()
            .any(|c| c.course == "forloeb/lokalvaerdi-2022-k1.md"
                && c.sentences
                    .iter()
                    .any(|s| s.contains("selv har fundet fuldtidsarbejde"))),
        "{k1:?}"
    );
}
