//! What "typical" means, once, for every place that says it: the kinds of
//! effort at least half of the courses had, the commonest outcome, and the
//! courses that had both that content and that outcome, to read as
//! examples. No single course is named "the typical one": a blind user test
//! found the one so chosen had been broken off for the candidate's conduct.
//! Nor is a course whose report says elsewhere that its counted outcome came
//! otherwise (a [`Caveat`]) offered as an example: it is counted, not shown.

use serde::{Deserialize, Serialize};

use super::caveats::Caveat;
use super::elements::{elements_of, ELEMENTS};
use super::overview::CasePage;
use super::record::OUTCOMES;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Typical {
    /// The kinds of effort at least half of the courses had, in [`ELEMENTS`]
    /// order.
    pub elements: Vec<String>,
    /// The commonest outcome (the first in [`OUTCOMES`] order on a tie) …
    pub outcome: String,
    /// … and how many courses had it.
    pub outcome_cases: u32,
    /// The courses with every kind of `elements` and the outcome `outcome`,
    /// but those with a caveat.
    pub courses: Vec<String>,
}

/// What is typical of `pages`, whose `caveats` are given; `None` when there
/// are none.
pub fn typical(pages: &[CasePage], caveats: &[Caveat]) -> Option<Typical> {
    let found: Vec<Vec<&str>> = pages.iter().map(|p| elements_of(p.record)).collect();
    let elements: Vec<&str> = ELEMENTS
        .iter()
        .map(|(label, _)| *label)
        .filter(|kind| 2 * found.iter().filter(|f| f.contains(kind)).count() >= pages.len())
        .collect();
    let outcome_count = |label: &str| pages.iter().filter(|p| p.record.outcome == label).count();
    // The first of the commonest: max_by_key keeps the last of equals, so
    // the order is reversed.
    let (outcome, _) = OUTCOMES
        .iter()
        .rev()
        .max_by_key(|(label, _)| outcome_count(label))?;
    let outcome_cases = outcome_count(outcome);
    if outcome_cases == 0 {
        return None;
    }
    let doubted: Vec<&str> = caveats.iter().map(|c| c.course.as_str()).collect();
    let courses = pages
        .iter()
        .zip(&found)
        .filter(|(page, own)| {
            page.record.outcome == *outcome
                && elements.iter().all(|kind| own.contains(kind))
                && !doubted.contains(&page.path.as_str())
        })
        .map(|(page, _)| page.path.clone())
        .collect();
    Some(Typical {
        elements: elements.iter().map(|k| k.to_string()).collect(),
        outcome: outcome.to_string(),
        outcome_cases: outcome_cases as u32,
        courses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseRecord;

    fn case(internal: &str, outcome: &str) -> CaseRecord {
        CaseRecord {
            internal_activities: Some(internal.into()),
            outcome: outcome.into(),
            ..CaseRecord::default()
        }
    }

    #[test]
    fn what_at_least_half_had_the_commonest_outcome_and_the_courses_with_both() {
        let cases = [
            case("Jobklub og småjob.", "Ordinært arbejde"),
            case("Jobklub og virksomhedspraktik.", "Fleksjob"),
            case("Jobklub og virksomhedspraktik.", "Ordinært arbejde"),
            case("Jobklub og virksomhedspraktik.", "Ordinært arbejde"),
            case("Virksomhedspraktik.", "Fleksjob"),
        ];
        let mut pages = crate::cases::overview::pages(&cases);
        let typical_of = |pages: &[CasePage]| {
            typical(pages, &crate::cases::caveats::caveats(pages)).expect("cases")
        };
        assert_eq!(
            typical_of(&pages).elements,
            ["Jobklub", "Virksomhedspraktik"]
        );
        assert_eq!(
            (
                typical_of(&pages).outcome.as_str(),
                typical_of(&pages).outcome_cases
            ),
            ("Ordinært arbejde", 3)
        );
        assert_eq!(
            typical_of(&pages).courses,
            ["forloeb/k2.md", "forloeb/k3.md"]
        );
        // A course its report doubts elsewhere is counted, not offered.
        pages[3].mentions = vec!["K3 fik ikke jobbet gennem indsatsen.".into()];
        assert_eq!(typical_of(&pages).outcome_cases, 3);
        assert_eq!(typical_of(&pages).courses, ["forloeb/k2.md"]);
    }

    #[test]
    fn a_tie_between_outcomes_goes_to_the_first_in_outcome_order() {
        let cases = [case("", "Småjob"), case("", "Fleksjob")];
        let pages = crate::cases::overview::pages(&cases);
        assert_eq!(typical(&pages, &[]).expect("cases").outcome, "Fleksjob");
    }
}
