//! "Det typiske forløb" as a sequence: the reports write every course in the
//! same order of fields (Formål, Interne aktiviteter, Social intervention or
//! Andre indsatser, Virksomhedspraktik/småjob, Resultat). The purpose step
//! counts what the referrals ask for; each later step, the kinds of effort
//! that belong to it; the result step is the overview's outcomes and median
//! length.

use serde::{Deserialize, Serialize};

use super::elements::named_in;
#[cfg(test)]
use super::elements::ELEMENTS;
use super::overview::{count_kinds, CasePage, ElementCount};
use super::record::CaseRecord;
use crate::tagging::split_sentences;

/// What a referral's purpose asks for, and the words that name it. A word
/// matches at the start of a word ("afklar" finds "afklaring", "afklares").
pub const PURPOSE_AIMS: [(&str, &[&str]); 6] = [
    (
        "Ordinære timer eller job",
        &[
            "ordinære timer",
            "ordinært job",
            "ordinær job",
            "ordinære job",
        ],
    ),
    (
        "Praktik eller løntilskud",
        &["praktik", "virksomhedspraktik", "løntilskud"],
    ),
    ("Opdateret CV", &["cv"]),
    (
        "Afklaring af arbejdsevne, branche eller fleksjob",
        &["afklar", "brancheafklaring", "fleksjobafklaring"],
    ),
    (
        "Sociale og sundhedsfremmende indsatser",
        &["sociale indsatser", "sociale og sundhedsfremmende"],
    ),
    ("Uddannelse", &["uddannelse"]),
];

/// The steps after the purpose, in the reports' order, and the kinds of
/// effort ([`ELEMENTS`]) that belong to each. A kind is counted wherever a
/// record names it, since the reports do not keep their fields apart (a
/// placement is often told under "Interne aktiviteter").
pub const EFFORT_STEPS: [(&str, &[&str]); 3] = [
    ("Interne aktiviteter", &["Jobklub", "Intern træningsbane"]),
    (
        "Social intervention og andre indsatser",
        &[
            "Samtaler med kontaktperson eller coach",
            "Hjælp til socialt frikort",
            "Hjælp med bolig",
        ],
    ),
    (
        "Virksomhedspraktik, småjob og job",
        &[
            "Virksomhedspraktik",
            "Job med løntilskud",
            "Småjob",
            "Fastholdelsesmentor",
        ],
    ),
];

/// One step of a course and what the courses had in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseStep {
    /// The reports' heading for the step.
    pub step: String,
    /// What the courses had in the step, most frequent first, with the
    /// courses.
    pub kinds: Vec<ElementCount>,
}

/// The steps before the result, in the reports' order; `elements` are the
/// overview's kinds of effort, most frequent first.
pub fn course_steps(pages: &[CasePage], elements: &[ElementCount]) -> Vec<CourseStep> {
    let purpose_labels: Vec<&str> = PURPOSE_AIMS.iter().map(|(label, _)| *label).collect();
    let purposes: Vec<Vec<&str>> = pages.iter().map(|p| purpose_aims(p.record)).collect();
    let mut steps = vec![CourseStep {
        step: "Formål".to_string(),
        kinds: count_kinds(pages, &purpose_labels, &purposes),
    }];
    steps.extend(EFFORT_STEPS.iter().map(|(step, kinds)| {
        CourseStep {
            step: step.to_string(),
            kinds: elements
                .iter()
                .filter(|e| kinds.contains(&e.element.as_str()))
                .cloned()
                .collect(),
        }
    }));
    steps
}

/// What `case`'s purpose asks for, in [`PURPOSE_AIMS`] order. A purpose is
/// a plan, so unlike the efforts no sentence is set aside as not done.
fn purpose_aims(case: &CaseRecord) -> Vec<&'static str> {
    let sentences: Vec<String> = case
        .purpose
        .as_deref()
        .map(split_sentences)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    named_in(&PURPOSE_AIMS, &sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_effort_belongs_to_one_step() {
        for (label, _) in ELEMENTS {
            let steps = EFFORT_STEPS
                .iter()
                .filter(|(_, kinds)| kinds.contains(&label))
                .count();
            assert_eq!(steps, 1, "{label}");
        }
        let listed: usize = EFFORT_STEPS.iter().map(|(_, kinds)| kinds.len()).sum();
        assert_eq!(listed, ELEMENTS.len(), "a step names an unknown kind");
    }

    #[test]
    fn the_purpose_step_counts_what_referrals_ask_for() {
        let cases = [
            CaseRecord {
                purpose: Some("At få ordinære timer samt sikre opdateret CV på Jobnet.".into()),
                internal_activities: Some("K1 deltog i Jobklub.".into()),
                ..CaseRecord::default()
            },
            CaseRecord {
                purpose: Some("At afklare arbejdsevnen. Evt. praktik.".into()),
                internal_activities: Some("Jobklub og virksomhedspraktik.".into()),
                ..CaseRecord::default()
            },
        ];
        let pages = crate::cases::overview::pages(&cases);
        let elements = crate::cases::overview(&pages).expect("cases").elements;
        let steps = course_steps(&pages, &elements);
        let shown: Vec<(&str, Vec<(&str, usize)>)> = steps
            .iter()
            .map(|s| {
                (
                    s.step.as_str(),
                    s.kinds
                        .iter()
                        .map(|k| (k.element.as_str(), k.cases.len()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "Formål",
                    vec![
                        ("Ordinære timer eller job", 1),
                        ("Praktik eller løntilskud", 1),
                        ("Opdateret CV", 1),
                        ("Afklaring af arbejdsevne, branche eller fleksjob", 1)
                    ]
                ),
                ("Interne aktiviteter", vec![("Jobklub", 2)]),
                ("Social intervention og andre indsatser", vec![]),
                (
                    "Virksomhedspraktik, småjob og job",
                    vec![("Virksomhedspraktik", 1)]
                ),
            ]
        );
    }
}
