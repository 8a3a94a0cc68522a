//! What a set of case records adds up to: the overview at the top of a report
//! and on `/forloeb/` (how many courses, how many ended in work or education,
//! their outcomes, the median length, the period they span, what the courses
//! contained). Computed from the records, never typed by hand.

use serde::{Deserialize, Serialize};

use super::caveats::{caveats, Caveat};
use super::date_claims::DateConflict;
use super::elements::{elements_of, ELEMENTS};
use super::record::{CaseRecord, OUTCOMES};
use super::stages::{course_steps, CourseStep};
use super::typical::{typical, Typical};

/// Outcomes that are work or education on ordinary terms.
pub const WORK_OR_EDUCATION: [&str; 2] = ["Ordinært arbejde", "Uddannelse"];
/// Work on special terms, counted beside them in the second figure.
pub const SUPPORTED_WORK: [&str; 3] = ["Fleksjob", "Job med løntilskud", "Småjob"];
/// Work on ordinary terms, counted with [`SUPPORTED_WORK`] as work of any kind.
const ORDINARY_WORK: &str = "Ordinært arbejde";

/// A case record, the content path of its page, and the sentences of its
/// report outside the record that name it (`content::report_mentions`).
pub struct CasePage<'a> {
    pub path: String,
    pub record: &'a CaseRecord,
    pub mentions: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseOverview {
    /// Number of courses (case records).
    pub cases: u32,
    /// Number of reports they come from.
    pub reports: u32,
    /// Courses per outcome, most frequent first (ties in [`OUTCOMES`] order),
    /// empty outcomes left out.
    pub outcomes: Vec<OutcomeCount>,
    /// Courses that ended in work or education ([`WORK_OR_EDUCATION`]).
    #[serde(default)]
    pub work_or_education: u32,
    /// The same and those that ended in [`SUPPORTED_WORK`].
    #[serde(default)]
    pub with_supported_work: u32,
    /// Courses that ended in work of any kind, ordinary or on special terms
    /// (education left out): the figure a planner otherwise adds up (blind
    /// user test 23).
    #[serde(default)]
    pub any_work: u32,
    /// The names of [`SUPPORTED_WORK`] in lower case, for the sentence.
    #[serde(default)]
    pub supported_work: Vec<String>,
    /// Each kind of effort the courses contained, most frequent first.
    #[serde(default)]
    pub elements: Vec<ElementCount>,
    /// The steps before the result, in the order the reports describe a
    /// course, with what each step's field names.
    #[serde(default)]
    pub steps: Vec<CourseStep>,
    /// What at least half of the courses had, the commonest outcome, and
    /// the courses with both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical: Option<Typical>,
    /// Courses that give both dates: the median is taken over these.
    pub dated: u32,
    /// Median length in days of the dated courses: with an even count, the
    /// mean of the middle two, so it may end in a half (234,5; blind user
    /// test 27 recomputed 234.5 where the site said 235).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days: Option<f64>,
    /// Earliest start and latest end (ISO dates) of the dated courses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_end: Option<String>,
    /// Counted courses whose report says otherwise of them elsewhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    /// Courses that ran past the end their report states (set per report,
    /// where the report's text is at hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub date_conflicts: Vec<DateConflict>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCount {
    pub outcome: String,
    pub cases: u32,
}

/// A kind of effort ([`ELEMENTS`]) and the pages of the courses that had it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElementCount {
    pub element: String,
    pub cases: Vec<String>,
}

/// The overview of `pages`; `None` when there are none.
pub fn overview(pages: &[CasePage]) -> Option<CaseOverview> {
    if pages.is_empty() {
        return None;
    }
    let cases: Vec<&CaseRecord> = pages.iter().map(|p| p.record).collect();
    let in_outcomes = |labels: &[&str]| {
        cases
            .iter()
            .filter(|c| labels.contains(&c.outcome.as_str()))
            .count() as u32
    };
    let work_or_education = in_outcomes(&WORK_OR_EDUCATION);
    let mut outcomes: Vec<(usize, OutcomeCount)> = OUTCOMES
        .iter()
        .enumerate()
        .map(|(order, (label, _))| {
            let count = cases.iter().filter(|c| c.outcome == *label).count();
            (
                order,
                OutcomeCount {
                    outcome: label.to_string(),
                    cases: count as u32,
                },
            )
        })
        .filter(|(_, o)| o.cases > 0)
        .collect();
    outcomes.sort_by_key(|(order, o)| (std::cmp::Reverse(o.cases), *order));
    let elements = element_counts(pages);
    let mut days: Vec<u32> = cases.iter().filter_map(|c| c.duration_days).collect();
    days.sort_unstable();
    let mut reports: Vec<&str> = cases.iter().map(|c| c.report.as_str()).collect();
    reports.sort_unstable();
    reports.dedup();
    let caveats = caveats(pages);
    Some(CaseOverview {
        cases: cases.len() as u32,
        reports: reports.len() as u32,
        outcomes: outcomes.into_iter().map(|(_, o)| o).collect(),
        work_or_education,
        with_supported_work: work_or_education + in_outcomes(&SUPPORTED_WORK),
        any_work: in_outcomes(&[ORDINARY_WORK]) + in_outcomes(&SUPPORTED_WORK),
        supported_work: SUPPORTED_WORK.iter().map(|s| s.to_lowercase()).collect(),
        steps: course_steps(pages, &elements),
        elements,
        typical: typical(pages, &caveats),
        dated: days.len() as u32,
        median_days: median(&days),
        first_start: cases.iter().filter_map(|c| c.period_start.clone()).min(),
        last_end: cases.iter().filter_map(|c| c.period_end.clone()).max(),
        caveats,
        date_conflicts: Vec::new(),
    })
}

/// Each kind of effort with the courses that had it, most frequent first
/// (ties in [`ELEMENTS`] order); kinds no course had are left out.
fn element_counts(pages: &[CasePage]) -> Vec<ElementCount> {
    let labels: Vec<&str> = ELEMENTS.iter().map(|(label, _)| *label).collect();
    let found: Vec<Vec<&str>> = pages.iter().map(|p| elements_of(p.record)).collect();
    count_kinds(pages, &labels, &found)
}

/// Each of `labels` with the pages whose `found` (one list per page) holds
/// it, most frequent first (ties in `labels` order); labels no page has are
/// left out.
pub(super) fn count_kinds(
    pages: &[CasePage],
    labels: &[&str],
    found: &[Vec<&str>],
) -> Vec<ElementCount> {
    let mut counts: Vec<ElementCount> = labels
        .iter()
        .map(|label| ElementCount {
            element: label.to_string(),
            cases: pages
                .iter()
                .zip(found)
                .filter(|(_, kinds)| kinds.contains(label))
                .map(|(page, _)| page.path.clone())
                .collect(),
        })
        .filter(|e| !e.cases.is_empty())
        .collect();
    // A stable sort keeps `labels` order among equals.
    counts.sort_by_key(|e| std::cmp::Reverse(e.cases.len()));
    counts
}

/// Median of sorted values; with an even count the mean of the middle two.
fn median(sorted: &[u32]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some(f64::from(sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Test pages "forloeb/k0.md", "forloeb/k1.md" … for `cases`.
#[cfg(test)]
pub(super) fn pages(cases: &[CaseRecord]) -> Vec<CasePage<'_>> {
    cases
        .iter()
        .enumerate()
        .map(|(n, record)| CasePage {
            path: format!("forloeb/k{n}.md"),
            record,
            mentions: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(outcome: &str, days: Option<u32>, report: &str) -> CaseRecord {
        CaseRecord {
            outcome: outcome.into(),
            duration_days: days,
            report: report.into(),
            ..CaseRecord::default()
        }
    }

    #[test]
    fn counts_work_or_education_and_then_supported_work() {
        let cases = [
            case("Ordinært arbejde", None, "a"),
            case("Uddannelse", None, "a"),
            case("Småjob", None, "a"),
            case("Førtidspension", None, "a"),
            case("Afbrudt før tid", None, "a"),
        ];
        let o = overview(&pages(&cases)).expect("cases");
        assert_eq!((o.work_or_education, o.with_supported_work), (2, 3));
        assert_eq!(o.any_work, 2, "ordinary work and småjob, not education");
        for label in WORK_OR_EDUCATION
            .iter()
            .chain(&SUPPORTED_WORK)
            .chain([&ORDINARY_WORK])
        {
            assert!(OUTCOMES.iter().any(|(l, _)| l == label), "{label}");
        }
    }

    #[test]
    fn lists_each_kind_of_effort_with_its_courses_most_frequent_first() {
        let with = |internal: &str| CaseRecord {
            internal_activities: Some(internal.into()),
            ..CaseRecord::default()
        };
        let cases = [
            with("Jobklub."),
            with("Virksomhedspraktik. Jobklub."),
            with("Virksomhedspraktik og jobklub."),
        ];
        let o = overview(&pages(&cases)).expect("cases");
        let got: Vec<(&str, usize)> = o
            .elements
            .iter()
            .map(|e| (e.element.as_str(), e.cases.len()))
            .collect();
        assert_eq!(got, [("Jobklub", 3), ("Virksomhedspraktik", 2)]);
        assert_eq!(o.elements[1].cases, ["forloeb/k1.md", "forloeb/k2.md"]);
    }

    #[test]
    fn counts_outcomes_most_frequent_first_and_takes_the_median() {
        let cases = [
            case("Fleksjob", Some(10), "a"),
            case("Ordinært arbejde", Some(40), "a"),
            case("Ordinært arbejde", None, "b"),
            case("Fleksjob", Some(21), "b"),
            case("Andet", Some(100), "b"),
        ];
        let o = overview(&pages(&cases)).expect("cases");
        assert_eq!(o.cases, 5);
        assert_eq!(o.reports, 2);
        let order: Vec<(&str, u32)> = o
            .outcomes
            .iter()
            .map(|c| (c.outcome.as_str(), c.cases))
            .collect();
        assert_eq!(
            order,
            [("Fleksjob", 2), ("Ordinært arbejde", 2), ("Andet", 1)]
        );
        assert_eq!(o.dated, 4);
        // 10, 21, 40, 100: (21 + 40) / 2 = 30.5, not rounded.
        assert_eq!(o.median_days, Some(30.5));
        assert_eq!(overview(&[]), None);
    }
}
