//! The outcomes of a report's cases as figures: counts per outcome and the
//! length of each course, as SVG files in `static/diagrammer/` and, beside
//! them in the report, the same numbers as a table. Counts come from the
//! case records, never typed by hand: the files from the case pages of the
//! `content/` tree being built, so an edited case page is counted as edited.

use std::collections::BTreeMap;

use super::bar_chart::{bar_chart, Bar};
use super::record::{CaseRecord, OUTCOMES};
use crate::content::{ContentTree, LoadedPage};

/// Folder under `static/` the figures are written to.
pub const CHART_DIR: &str = "diagrammer";

/// Cases per outcome category, in the categories' order, empty ones left out.
pub fn outcome_bars(cases: &[&CaseRecord]) -> Vec<Bar> {
    OUTCOMES
        .iter()
        .map(|(label, _)| Bar {
            label: label.to_string(),
            value: cases.iter().filter(|c| c.outcome == *label).count() as u32,
        })
        .filter(|bar| bar.value > 0)
        .collect()
}

/// Days in each course that gives both dates.
pub fn duration_bars(cases: &[&CaseRecord]) -> Vec<Bar> {
    cases
        .iter()
        .filter_map(|c| {
            Some(Bar {
                label: c.code.clone(),
                value: c.duration_days?,
            })
        })
        .collect()
}

fn describe(bars: &[Bar], unit: &str) -> String {
    bars.iter()
        .map(|b| format!("{} {} {unit}", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The two figures of one report: (file name, SVG).
pub fn chart_files(report_slug: &str, cases: &[&CaseRecord]) -> Vec<(String, String)> {
    let outcomes = outcome_bars(cases);
    let durations = duration_bars(cases);
    let mut files = vec![(
        format!("{report_slug}-udfald.svg"),
        bar_chart(
            &format!("Udfald af de {} forløb", cases.len()),
            &outcomes,
            "forløb",
        ),
    )];
    if !durations.is_empty() {
        files.push((
            format!("{report_slug}-varighed.svg"),
            bar_chart("Hvert forløbs varighed", &durations, "dage"),
        ));
    }
    files
}

/// The figures of every report page with case pages: (file name, SVG) for
/// `static/diagrammer/`. Cases are counted in their pages' weight order (the
/// order the report lists them), unweighted ones last by path.
pub fn charts_of(tree: &ContentTree) -> Vec<(String, String)> {
    let mut by_report: BTreeMap<&str, Vec<&LoadedPage>> = BTreeMap::new();
    for page in &tree.pages {
        if let Some(case) = &page.front.extra.case {
            by_report
                .entry(case.report.as_str())
                .or_default()
                .push(page);
        }
    }
    for pages in by_report.values_mut() {
        pages.sort_by_key(|p| (p.front.weight.is_none(), p.front.weight, &p.relative_path));
    }
    tree.pages
        .iter()
        .filter_map(|report| Some((report, by_report.get(report.relative_path.as_str())?)))
        .flat_map(|(report, pages)| {
            let cases: Vec<&CaseRecord> = pages
                .iter()
                .filter_map(|p| p.front.extra.case.as_ref())
                .collect();
            chart_files(&report.slug, &cases)
        })
        .collect()
}

/// Markdown placing the figures in the report, each with a text alternative
/// and its numbers in a table. `to_root` leads from the page to the site root.
pub fn chart_markdown(report_slug: &str, cases: &[&CaseRecord], to_root: &str) -> String {
    let outcomes = outcome_bars(cases);
    let durations = duration_bars(cases);
    let mut out = format!(
        "\n![Udfald af de {} forløb: {}]({to_root}{CHART_DIR}/{report_slug}-udfald.svg)\n\n",
        cases.len(),
        describe(&outcomes, "forløb")
    );
    let rows: Vec<Vec<String>> = outcomes
        .iter()
        .map(|b| vec![b.label.clone(), b.value.to_string()])
        .collect();
    out.push_str(&crate::content::markdown_table(
        &["Udfald", "Forløb"],
        &rows,
    ));
    if !durations.is_empty() {
        out.push_str(&format!(
            "\n![Hvert forløbs varighed i dage: {}]({to_root}{CHART_DIR}/{report_slug}-varighed.svg)\n",
            describe(&durations, "dage")
        ));
    }
    out
}
