//! Figures of the reports' case outcomes: every number drawn equals the count
//! computed from the case records, and every figure has a text alternative.

mod common;

use std::collections::BTreeMap;

use common::Fixture;
use praksis::content::front_matter::{parse, split, PageFrontMatter};

#[test]
fn chart_numbers_are_the_counts_of_the_case_records() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    // Outcome counts per report, from the case pages' front matter.
    let mut expected: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    let mut durations: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    for entry in std::fs::read_dir(root.join("content/forloeb")).expect("cases") {
        let path = entry.expect("entry").path();
        if path.ends_with("_index.md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("case");
        let name = path.display().to_string();
        let (front, _) = split(&name, &text).expect("front matter");
        let front: PageFrontMatter = parse(&name, &front).expect("parse");
        let case = front.extra.case.expect("case record");
        let report = case
            .report
            .trim_start_matches("rapporter/")
            .trim_end_matches(".md")
            .to_string();
        *expected
            .entry(report.clone())
            .or_default()
            .entry(case.outcome)
            .or_default() += 1;
        if let Some(days) = case.duration_days {
            durations.entry(report).or_default().insert(case.code, days);
        }
    }
    assert_eq!(expected.len(), 2, "two reports have cases");
    for (report, counts) in &expected {
        let svg =
            std::fs::read_to_string(root.join(format!("public/diagrammer/{report}-udfald.svg")))
                .expect("chart");
        assert_eq!(bars(&svg), *counts, "{report}: outcome chart");
        assert!(
            svg.contains("<title id=\"t\">Udfald af de"),
            "{report}: no title"
        );
        let days =
            std::fs::read_to_string(root.join(format!("public/diagrammer/{report}-varighed.svg")))
                .expect("chart");
        assert_eq!(bars(&days), durations[report], "{report}: duration chart");
        let page =
            std::fs::read_to_string(root.join(format!("public/rapporter/{report}/index.html")))
                .expect("report");
        for (outcome, count) in counts {
            assert!(
                page.contains(&format!("<td>{outcome}</td><td>{count}</td>"))
                    || page.contains(&format!("<td>{outcome}</td>\n<td>{count}</td>")),
                "{report}: table lacks {outcome} = {count}"
            );
        }
        assert!(
            page.contains(&format!(
                "alt=\"Udfald af de {} forløb:",
                counts.values().sum::<u32>()
            )),
            "{report}: image without text alternative"
        );
    }
}

/// The (label, value) pairs a chart draws.
fn bars(svg: &str) -> BTreeMap<String, u32> {
    svg.split("<g data-label=\"")
        .skip(1)
        .map(|rest| {
            let (label, rest) = rest.split_once('"').expect("label");
            let value = rest
                .split("data-value=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .expect("value");
            (label.to_string(), value.parse().expect("number"))
        })
        .collect()
}

#[test]
fn results_panels_quote_figures_from_the_examples_own_results() {
    let generated =
        praksis::pipeline::generate_content(&praksis::pipeline::Project::new(common::repo_root()))
            .expect("ingests");
    let mut panels = 0;
    let pages = generated
        .files
        .iter()
        .filter(|f| f.path.starts_with("eksempler/") && !f.path.ends_with("_index.md"));
    for file in pages {
        let (front, body) = split(&file.path, &file.text).expect("front matter");
        let front: PageFrontMatter = parse(&file.path, &front).expect("parse");
        let text = praksis::index::plain_text(&body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for figure in &front.extra.result_figures {
            assert!(
                figure.chars().any(|c| c.is_ascii_digit()),
                "{}: {figure:?}",
                file.path
            );
            let words: Vec<&str> = figure.split([' ', ':']).filter(|w| !w.is_empty()).collect();
            assert!(
                words.iter().all(|w| text.contains(w)),
                "{}: {figure:?} is not the page's text",
                file.path
            );
        }
        panels += usize::from(!front.extra.result_figures.is_empty());
        if file.path.starts_with("eksempler/foelordningen") {
            assert!(front
                .extra
                .result_figures
                .contains(&"Fraflyttet kommunen: 5 personer".to_string()));
        }
    }
    assert!(panels >= 5, "{panels} examples with figures");
}
