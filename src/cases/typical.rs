//! One real course to read as "a typical course": the one whose kinds of
//! effort and outcome differ least from what most courses had (the kinds at
//! least half of them had, the commonest outcome), its length nearest the
//! median breaking ties. A reader then sees a whole course in its own words,
//! not only counts.

use serde::{Deserialize, Serialize};

use super::elements::elements_of;
use super::overview::CasePage;
use super::record::OUTCOMES;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypicalCase {
    /// Content path of the course's page.
    pub path: String,
    /// The kinds of effort it had.
    pub elements: Vec<String>,
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_days: Option<u32>,
    /// What most courses had: the kinds at least half of them had …
    pub common_elements: Vec<String>,
    /// … and the commonest outcome (the first in [`OUTCOMES`] order on a tie).
    pub common_outcome: String,
}

/// The course nearest the common profile of `pages`; `None` when there are
/// none. `median_days` is the median length of the dated courses.
pub fn typical_case(pages: &[CasePage], median_days: Option<u32>) -> Option<TypicalCase> {
    let elements: Vec<Vec<&str>> = pages.iter().map(|p| elements_of(p.record)).collect();
    let mut common_elements: Vec<&str> = elements.iter().flatten().copied().collect();
    common_elements.sort_unstable();
    common_elements.dedup();
    common_elements
        .retain(|kind| 2 * elements.iter().filter(|e| e.contains(kind)).count() >= pages.len());
    // Keep the kinds in the order a course lists them (ELEMENTS order).
    common_elements.sort_by_key(|kind| {
        super::elements::ELEMENTS
            .iter()
            .position(|(label, _)| label == kind)
    });
    let common_outcome = OUTCOMES
        .iter()
        .map(|(label, _)| *label)
        .max_by_key(|label| {
            let count = pages.iter().filter(|p| p.record.outcome == *label).count();
            // max_by_key keeps the last of equals: reverse the order so the
            // first in OUTCOMES wins a tie.
            let order = OUTCOMES.iter().position(|(l, _)| l == label);
            (count, std::cmp::Reverse(order))
        })?;
    let distance = |n: usize| {
        let own = &elements[n];
        let missing = common_elements.iter().filter(|k| !own.contains(k)).count();
        let extra = own.iter().filter(|k| !common_elements.contains(k)).count();
        let other_outcome = usize::from(pages[n].record.outcome != common_outcome);
        let from_median = match (pages[n].record.duration_days, median_days) {
            (Some(days), Some(median)) => days.abs_diff(median),
            _ => u32::MAX,
        };
        (missing + extra + other_outcome, from_median, n)
    };
    let nearest = (0..pages.len()).min_by_key(|&n| distance(n))?;
    let page = &pages[nearest];
    Some(TypicalCase {
        path: page.path.clone(),
        elements: elements[nearest].iter().map(|k| k.to_string()).collect(),
        outcome: page.record.outcome.clone(),
        duration_days: page.record.duration_days,
        common_elements: common_elements.iter().map(|k| k.to_string()).collect(),
        common_outcome: common_outcome.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseRecord;

    fn case(internal: &str, outcome: &str, days: u32) -> CaseRecord {
        CaseRecord {
            internal_activities: Some(internal.into()),
            outcome: outcome.into(),
            duration_days: Some(days),
            ..CaseRecord::default()
        }
    }

    #[test]
    fn picks_the_course_nearest_what_most_had_then_the_median_length() {
        let cases = [
            case("Jobklub og småjob.", "Ordinært arbejde", 100),
            case("Jobklub og virksomhedspraktik.", "Fleksjob", 200),
            case("Jobklub og virksomhedspraktik.", "Ordinært arbejde", 400),
            case("Jobklub og virksomhedspraktik.", "Ordinært arbejde", 210),
            case("Virksomhedspraktik.", "Afbrudt før tid", 90),
        ];
        let pages = crate::cases::overview::pages(&cases);
        let typical = typical_case(&pages, Some(200)).expect("cases");
        assert_eq!(typical.common_elements, ["Jobklub", "Virksomhedspraktik"]);
        assert_eq!(typical.common_outcome, "Ordinært arbejde");
        // k2 and k3 match the profile; k3 is nearer the median length.
        assert_eq!(typical.path, "forloeb/k3.md");
        assert_eq!(typical.duration_days, Some(210));
    }
}
