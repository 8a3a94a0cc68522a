//! What a set of case records adds up to: the overview at the top of a report
//! and on `/forloeb/` (how many courses, their outcomes, the median length,
//! the period they span). Computed from the records, never typed by hand.

use serde::{Deserialize, Serialize};

use super::record::{CaseRecord, OUTCOMES};

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
    /// Courses that give both dates: the median is taken over these.
    pub dated: u32,
    /// Median length in days of the dated courses, rounded half up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days: Option<u32>,
    /// Earliest start and latest end (ISO dates) of the dated courses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_end: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeCount {
    pub outcome: String,
    pub cases: u32,
}

/// The overview of `cases`; `None` when there are none.
pub fn overview(cases: &[&CaseRecord]) -> Option<CaseOverview> {
    if cases.is_empty() {
        return None;
    }
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
    let mut days: Vec<u32> = cases.iter().filter_map(|c| c.duration_days).collect();
    days.sort_unstable();
    let mut reports: Vec<&str> = cases.iter().map(|c| c.report.as_str()).collect();
    reports.sort_unstable();
    reports.dedup();
    Some(CaseOverview {
        cases: cases.len() as u32,
        reports: reports.len() as u32,
        outcomes: outcomes.into_iter().map(|(_, o)| o).collect(),
        dated: days.len() as u32,
        median_days: median(&days),
        first_start: cases.iter().filter_map(|c| c.period_start.clone()).min(),
        last_end: cases.iter().filter_map(|c| c.period_end.clone()).max(),
    })
}

/// Median of sorted values; the mean of the middle two rounded half up.
fn median(sorted: &[u32]) -> Option<u32> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]).div_ceil(2)),
    }
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
    fn counts_outcomes_most_frequent_first_and_takes_the_median() {
        let cases = [
            case("Fleksjob", Some(10), "a"),
            case("Ordinært arbejde", Some(40), "a"),
            case("Ordinært arbejde", None, "b"),
            case("Fleksjob", Some(21), "b"),
            case("Andet", Some(100), "b"),
        ];
        let refs: Vec<&CaseRecord> = cases.iter().collect();
        let o = overview(&refs).expect("cases");
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
        // 10, 21, 40, 100: (21 + 40) / 2 = 30.5, rounded up.
        assert_eq!(o.median_days, Some(31));
        assert_eq!(overview(&[]), None);
    }
}
