//! What the reports' overviews of their courses claim, checked against the
//! case records on a whole build: every figure of an overview (a report's,
//! /forloeb/'s and the front page's) equals what the records give, and each
//! kind of effort it lists is named in the records of the courses listed.

mod common;

use std::collections::BTreeMap;

use common::pages::front_and_body;
use common::{between, Fixture};
use praksis::cases::{
    CaseRecord, EFFORT_STEPS, ELEMENTS, PURPOSE_AIMS, SUPPORTED_WORK, WORK_OR_EDUCATION,
};
use praksis::content::front_matter::split;

/// The overview's figures as the case records give them, computed here.
struct Expected {
    cases: usize,
    work_or_education: usize,
    with_supported_work: usize,
    /// Ordinary work and work on special terms, education left out.
    any_work: usize,
    outcomes: BTreeMap<String, usize>,
    median_days: Option<f64>,
    first_start: Option<String>,
    last_end: Option<String>,
}

/// A number of days as the pages write it: 234,5 or 235.
fn danish(days: f64) -> String {
    days.to_string().replace('.', ",")
}

fn expected(cases: &[&CaseRecord]) -> Expected {
    let mut outcomes = BTreeMap::new();
    for case in cases {
        *outcomes.entry(case.outcome.clone()).or_default() += 1;
    }
    let mut days: Vec<u32> = cases.iter().filter_map(|c| c.duration_days).collect();
    days.sort();
    let median_days = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(f64::from(days[n / 2])),
        n => Some(f64::from(days[n / 2 - 1] + days[n / 2]) / 2.0),
    };
    let in_outcomes = |labels: &[&str]| {
        cases
            .iter()
            .filter(|c| labels.contains(&c.outcome.as_str()))
            .count()
    };
    Expected {
        cases: cases.len(),
        work_or_education: in_outcomes(&WORK_OR_EDUCATION),
        with_supported_work: in_outcomes(&WORK_OR_EDUCATION) + in_outcomes(&SUPPORTED_WORK),
        any_work: in_outcomes(&["Ordinært arbejde"]) + in_outcomes(&SUPPORTED_WORK),
        outcomes,
        median_days,
        first_start: cases.iter().filter_map(|c| c.period_start.clone()).min(),
        last_end: cases.iter().filter_map(|c| c.period_end.clone()).max(),
    }
}

fn check_overview(
    name: &str,
    overview: &praksis::cases::CaseOverview,
    html: &str,
    want: &Expected,
    records: &BTreeMap<String, CaseRecord>,
) {
    assert_eq!(overview.cases as usize, want.cases, "{name}: cases");
    let got: BTreeMap<String, usize> = overview
        .outcomes
        .iter()
        .map(|o| (o.outcome.clone(), o.cases as usize))
        .collect();
    assert_eq!(got, want.outcomes, "{name}: outcomes");
    assert_eq!(overview.median_days, want.median_days, "{name}: median");
    assert_eq!(overview.first_start, want.first_start, "{name}: start");
    assert_eq!(overview.last_end, want.last_end, "{name}: end");
    let box_start = html
        .find("<section class=\"case-overview\"")
        .expect("overview box");
    let shown = &html[box_start..];
    let shown = &shown[..shown.find("</section>").expect("box end")];
    for (outcome, count) in &want.outcomes {
        let line = format!("<li>{outcome}: {count} af {}</li>", want.cases);
        assert!(shown.contains(&line), "{name}: the box lacks {line}");
    }
    if let Some(days) = want.median_days.map(danish) {
        assert!(
            shown.contains(&format!("{days} dage")),
            "{name}: median {days}"
        );
    }
    check_work_headline(name, shown, want);
    check_elements(name, overview, shown, records);
}

/// Every kind of effort listed is named (outside the purpose) in the record
/// of every course listed with it; the list runs most frequent first.
fn check_elements(
    name: &str,
    overview: &praksis::cases::CaseOverview,
    shown: &str,
    records: &BTreeMap<String, CaseRecord>,
) {
    assert!(!overview.elements.is_empty(), "{name}: no kinds of effort");
    let counts: Vec<usize> = overview.elements.iter().map(|e| e.cases.len()).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "{name}: {counts:?}"
    );
    for element in &overview.elements {
        assert_named_in_records(name, element, &ELEMENTS, records, |record| {
            [
                &record.internal_activities,
                &record.social_intervention,
                &record.work_placement,
            ]
            .iter()
            .filter_map(|f| f.as_deref())
            .collect::<Vec<_>>()
            .join(" ")
        });
        let line = format!(
            "<li>{}: {} af {}",
            element.element,
            element.cases.len(),
            overview.cases
        );
        assert!(shown.contains(&line), "{name}: the box lacks {line}");
    }
    check_steps(name, overview, shown, records);
}

/// Every course listed under `kind` names one of its words (from `table`)
/// in the text `text_of` takes from its record.
fn assert_named_in_records(
    name: &str,
    kind: &praksis::cases::ElementCount,
    table: &[(&str, &[&str])],
    records: &BTreeMap<String, CaseRecord>,
    text_of: impl Fn(&CaseRecord) -> String,
) {
    let words = table
        .iter()
        .find(|(label, _)| *label == kind.element)
        .map(|(_, words)| *words)
        .unwrap_or_else(|| panic!("{name}: unknown kind {}", kind.element));
    for path in &kind.cases {
        let text = text_of(&records[path]).to_lowercase();
        assert!(
            words.iter().any(|w| text.contains(w)),
            "{name}: {path} is listed under {} but its record names none of {words:?}",
            kind.element
        );
    }
}

/// "Det typiske forløb": the purpose step's aims are named in the purpose of
/// every course listed with them; the later steps hold every kind of effort
/// once, with the overview's counts; the steps are shown in order, and the
/// typical course is linked with its own kinds of effort.
fn check_steps(
    name: &str,
    overview: &praksis::cases::CaseOverview,
    shown: &str,
    records: &BTreeMap<String, CaseRecord>,
) {
    let steps: Vec<&str> = overview.steps.iter().map(|s| s.step.as_str()).collect();
    let mut want = vec!["Formål"];
    want.extend(EFFORT_STEPS.iter().map(|(step, _)| *step));
    assert_eq!(steps, want, "{name}");
    for aim in &overview.steps[0].kinds {
        assert_named_in_records(name, aim, &PURPOSE_AIMS, records, |record| {
            record.purpose.clone().unwrap_or_default()
        });
    }
    let in_steps: Vec<&praksis::cases::ElementCount> =
        overview.steps[1..].iter().flat_map(|s| &s.kinds).collect();
    assert_eq!(
        in_steps.len(),
        overview.elements.len(),
        "{name}: a kind missing from the steps"
    );
    for kind in in_steps {
        assert!(overview.elements.contains(kind), "{name}: {kind:?}");
    }
    let mut from = 0;
    for step in &overview.steps {
        let heading = format!("<strong>{}</strong>", step.step);
        let at = shown[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("{name}: step {} missing or out of order", step.step));
        from += at;
    }
    check_typical(name, overview, shown, records);
    check_in_brief(name, overview, shown);
}

/// "Kort fortalt": each step's commonest kinds of effort, every one with the
/// highest count and no other, and the commonest outcome.
fn check_in_brief(name: &str, overview: &praksis::cases::CaseOverview, shown: &str) {
    let brief = between(shown, "<p class=\"in-brief\">", "</p>")
        .unwrap_or_else(|| panic!("{name}: no sentence in brief"));
    let parts: Vec<&str> = brief.split("; ").collect();
    let told: Vec<&praksis::cases::CourseStep> = overview
        .steps
        .iter()
        .filter(|s| !s.kinds.is_empty())
        .collect();
    assert_eq!(parts.len(), told.len() + 1, "{name}: {brief}");
    for (part, step) in parts.iter().zip(&told) {
        let most = step
            .kinds
            .iter()
            .map(|k| k.cases.len())
            .max()
            .expect("a kind");
        let tops: Vec<&praksis::cases::ElementCount> = step
            .kinds
            .iter()
            .filter(|k| k.cases.len() == most)
            .collect();
        let each = if tops.len() > 1 { "hver " } else { "" };
        let count = format!("({each}{most} af {})", overview.cases);
        let step_name = step.step.to_lowercase();
        let (_, kinds) = part
            .split_once(&format!("{step_name}: "))
            .unwrap_or_else(|| panic!("{name}: {part} does not name {step_name}"));
        assert!(kinds.ends_with(&count), "{name}: {part} lacks {count}");
        for kind in &step.kinds {
            // After the step's own name, which may hold a kind's word.
            let said = kinds.contains(&kind.element.to_lowercase());
            assert_eq!(
                said,
                kind.cases.len() == most,
                "{name}: {} in {part}",
                kind.element
            );
        }
    }
    let top = overview.outcomes.first().expect("an outcome");
    let last = parts.last().expect("the outcome");
    let outcome = format!(
        "{} ({} af {}).",
        top.outcome.to_lowercase(),
        top.cases,
        overview.cases
    );
    assert!(
        last.starts_with("resultat") && last.ends_with(&outcome),
        "{name}: {last}"
    );
    let most = overview.outcomes.iter().map(|o| o.cases).max();
    assert_eq!(Some(top.cases), most, "{name}");
}

/// "Typisk": every kind named was had by at least half of the courses, no
/// kind left out was; the outcome is the commonest; every course listed had
/// both (but those with a caveat), and no course left out did.
fn check_typical(
    name: &str,
    overview: &praksis::cases::CaseOverview,
    shown: &str,
    records: &BTreeMap<String, CaseRecord>,
) {
    let typical = overview.typical.as_ref().expect("what is typical");
    for element in &overview.elements {
        assert_eq!(
            typical.elements.contains(&element.element),
            2 * element.cases.len() >= overview.cases as usize,
            "{name}: {} in {} of {}",
            element.element,
            element.cases.len(),
            overview.cases
        );
    }
    let most = overview.outcomes.iter().map(|o| o.cases).max();
    assert_eq!(Some(typical.outcome_cases), most, "{name}");
    // `name` is a report's content path, or "forloeb" for all of them.
    let counted = records
        .iter()
        .filter(|(_, record)| name == "forloeb" || record.report == name);
    for (path, record) in counted {
        let kinds = praksis::cases::elements_of(record);
        let both = record.outcome == typical.outcome
            && typical.elements.iter().all(|k| kinds.contains(&k.as_str()));
        // A course its report tells more of elsewhere is counted, not offered.
        let doubted = overview.caveats.iter().any(|c| &c.course == path);
        assert_eq!(
            typical.courses.contains(path),
            both && !doubted,
            "{name}: {path}"
        );
    }
    let sentence = format!(
        "hyppigste udfald: {} ({} af {})",
        typical.outcome.to_lowercase(),
        typical.outcome_cases,
        overview.cases
    );
    assert!(shown.contains(&sentence), "{name}: lacks {sentence}");
}

#[test]
fn every_overview_figure_is_what_the_case_records_give() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    let mut by_report: BTreeMap<String, Vec<CaseRecord>> = BTreeMap::new();
    let mut records: BTreeMap<String, CaseRecord> = BTreeMap::new();
    for entry in std::fs::read_dir(root.join("content/forloeb")).expect("cases") {
        let path = entry.expect("entry").path();
        if path.ends_with("_index.md") {
            continue;
        }
        let case = front_and_body(&path).0.extra.case.expect("case record");
        let name = path.file_name().expect("name").to_string_lossy();
        records.insert(format!("forloeb/{name}"), case.clone());
        by_report.entry(case.report.clone()).or_default().push(case);
    }
    assert!(by_report.len() >= 2, "reports with cases: {by_report:?}");
    for (report, cases) in &by_report {
        let (front, _) = front_and_body(&root.join("content").join(report));
        let overview = front
            .extra
            .overview
            .expect("a report with cases has an overview");
        let slug = report
            .trim_start_matches("rapporter/")
            .trim_end_matches(".md");
        let html =
            std::fs::read_to_string(root.join(format!("public/rapporter/{slug}/index.html")))
                .expect("report page");
        let refs: Vec<&CaseRecord> = cases.iter().collect();
        check_overview(report, &overview, &html, &expected(&refs), &records);
    }
    // All reports together on /forloeb/.
    let text = std::fs::read_to_string(root.join("content/forloeb/_index.md")).expect("section");
    let (front, _) = split("forloeb/_index.md", &text).expect("front matter");
    let front: praksis::content::front_matter::SectionFrontMatter =
        toml::from_str(&front).expect("section front matter");
    let overview: praksis::cases::CaseOverview = front.extra["overview"]
        .clone()
        .try_into()
        .expect("overview");
    let all: Vec<&CaseRecord> = by_report.values().flatten().collect();
    let html = std::fs::read_to_string(root.join("public/forloeb/index.html")).expect("cases page");
    check_overview("forloeb", &overview, &html, &expected(&all), &records);
    assert_eq!(overview.reports as usize, by_report.len());
    let front = std::fs::read_to_string(root.join("public/index.html")).expect("front page");
    check_front_page(&front, &overview, &expected(&all));
    // Each report's own median beside the pooled one, on /forloeb/ and the
    // front page, as its own records give it.
    for (report, cases) in &by_report {
        let title = front_and_body(&root.join("content").join(report)).0.title;
        let refs: Vec<&CaseRecord> = cases.iter().collect();
        let want = expected(&refs);
        let median = danish(want.median_days.expect("the courses are dated"));
        let label = title.split(':').next().expect("a title");
        let line = format!("{label}</a> ({} forløb): ", want.cases);
        let at = html
            .find(&line)
            .unwrap_or_else(|| panic!("/forloeb/ lacks {line}"));
        let item = &html[at..at + html[at..].find("</li>").expect("item end")];
        assert!(item.contains(&format!("; median {median} dage")), "{item}");
        let front_median = format!("{label}: {median} dage");
        assert!(
            front.contains(&front_median),
            "the front page lacks {front_median}"
        );
    }
    // Reports all from one effort say so: not the city's figures.
    let efforts: std::collections::BTreeSet<String> = by_report
        .keys()
        .map(|report| front_and_body(&root.join("content").join(report)).0.title)
        .filter_map(|title| title.split_once(": ").map(|(_, effort)| effort.to_string()))
        .collect();
    // … in the text under the figure, and in the figure's own line, read
    // alone (blind user test 27).
    let effort = efforts.first().expect("an effort");
    let one_effort = by_report.len() > 1 && efforts.len() == 1;
    for says in [
        format!("fra én indsats, »{effort}«, beskriver enkeltvis"),
        format!("</strong> borgerforløb fra »{effort}«"),
    ] {
        assert_eq!(
            front.contains(&says),
            one_effort,
            "the front page and {says}"
        );
    }
    // A report without described courses is named beside the figures.
    for entry in std::fs::read_dir(root.join("content/rapporter")).expect("reports") {
        let path = entry.expect("entry").path();
        if path.ends_with("_index.md") || by_report.keys().any(|r| path.ends_with(r)) {
            continue;
        }
        let (front_matter, _) = front_and_body(&path);
        let note = format!(
            "{} beskriver ingen enkelte borgerforløb og indgår ikke i tallene",
            front_matter.title
        );
        assert!(front.contains(&note), "the front page lacks: {note}");
        assert!(html.contains(&note), "/forloeb/ lacks: {note}");
        // … with its own first sentence of what it covers.
        let opening = front_matter
            .description
            .as_deref()
            .unwrap_or_default()
            .split(". ")
            .next()
            .expect("a sentence")
            .trim_end_matches('.');
        let covers =
            format!("<summary>Hvad den handler om</summary><p>Den skriver selv: »{opening}.«</p>");
        assert!(!opening.is_empty() && html.contains(&covers), "no {covers}");
    }
}

/// One figure first, work of any kind, and what it is made of; education
/// and ordinary work or education only when some went into education.
fn check_work_headline(name: &str, shown: &str, want: &Expected) {
    let ordinary = want.outcomes.get("Ordinært arbejde").copied().unwrap_or(0);
    let supported = want.with_supported_work - want.work_or_education;
    let education = want.work_or_education - ordinary;
    let parts = match (ordinary, supported) {
        (_, 0) if ordinary > 0 => ", alle i ordinært arbejde".to_string(),
        (_, 0) => String::new(),
        _ => format!(" ({ordinary} i ordinært arbejde, {supported} i "),
    };
    let headline = format!("I arbejde: {} af {}</strong>", want.any_work, want.cases);
    let after = shown
        .find(&headline)
        .map(|at| &shown[at + headline.len()..])
        .unwrap_or_else(|| panic!("{name}: the box lacks {headline}"));
    // Whose courses they are may stand between the figure and its parts
    // (the front page: "borgerforløb fra »…«").
    let after = match after.strip_prefix(" borgerforløb fra »") {
        Some(rest) => &rest[rest.find('«').map_or(0, |end| end + '«'.len_utf8())..],
        None => after,
    };
    assert!(
        after.starts_with(&parts),
        "{name}: {headline} is not followed by {parts:?}"
    );
    assert_eq!(want.any_work, ordinary + supported, "{name}: any work");
    let education_line = format!(
        "I uddannelse: {education} af {}. Ordinært arbejde eller uddannelse: {} af {}.",
        want.cases, want.work_or_education, want.cases
    );
    assert_eq!(
        shown.contains(&education_line),
        education > 0,
        "{name}: {education_line} shown only when some had it"
    );
}

/// The front page answers "what came out of it" in the figures /forloeb/
/// shows, as the records give them, and links to the whole overview.
fn check_front_page(html: &str, overview: &praksis::cases::CaseOverview, want: &Expected) {
    let start = html
        .find("<section class=\"case-headline\"")
        .expect("the front page has the courses' figures");
    let shown = &html[start..];
    let shown = &shown[..shown.find("</section>").expect("box end")];
    check_work_headline("front page", shown, want);
    // The commonest outcome (any of them, if tied).
    let most = want.outcomes.values().max().expect("outcomes");
    assert!(
        want.outcomes
            .iter()
            .filter(|(_, count)| *count == most)
            .any(
                |(outcome, count)| shown.contains(&format!("{outcome}: {count} af {}", want.cases))
            ),
        "front page lacks the commonest outcome ({most} of {})",
        want.cases
    );
    let days = danish(want.median_days.expect("dated courses"));
    assert!(
        shown.contains(&format!("<dd>{days} dage for alle ")),
        "median {days}"
    );
    // What is typical, as /forloeb/ defines it.
    let typical = overview.typical.as_ref().expect("what is typical");
    assert!(
        !typical.elements.is_empty(),
        "the fixture's courses share kinds"
    );
    for kind in &typical.elements {
        assert!(
            shown.contains(&kind.to_lowercase()) || shown.contains(kind.as_str()),
            "front page lacks the typical {kind}"
        );
    }
    assert!(shown.contains("hver i mindst halvdelen af forløbene"));
    assert!(
        shown.contains("href=\"/forloeb/#overblik\""),
        "no link to /forloeb/"
    );
    assert!(
        shown.contains("href=\"/forloeb/#overblik-indhold\""),
        "no link to the typical course"
    );
}
