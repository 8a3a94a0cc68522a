//! A candidate case from a local report (K1, K2 …) as structured fields: what
//! case pages carry in `[extra.case]` and what listings and charts read.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseRecord {
    /// The report's code for the case, e.g. "K3".
    pub code: String,
    /// Content path of the report page, e.g. "rapporter/lokalvaerdi-2022.md".
    pub report: String,
    /// Outcome category derived from the result, one of [`OUTCOMES`].
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing: Option<String>,
    /// "Lejebolig", "Hjemløs" … when the housing text names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing_kind: Option<String>,
    /// The period as the report writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// ISO dates parsed from `period`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_activities: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_intervention: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_placement: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

/// Outcome categories, and the words in a result that place a case in one.
/// The word found first in the result wins ("ordinært arbejde i samme
/// virksomhed som hun var i løntilskud hos" is ordinary work), the longer
/// word when two start together ("ordinær uddannelse").
pub const OUTCOMES: [(&str, &[&str]); 8] = [
    ("Afbrudt før tid", &["afbrudt"]),
    ("Fleksjob", &["fleksjob"]),
    ("Førtidspension", &["førtidspension"]),
    ("Job med løntilskud", &["løntilskud"]),
    ("Småjob", &["småjob"]),
    (
        "Uddannelse",
        &["ordinær uddannelse", "uddannelse", "elevplads"],
    ),
    ("Ordinært arbejde", &["ordinær", "ordinært"]),
    (OTHER_OUTCOME, &[]),
];

pub const OTHER_OUTCOME: &str = "Andet";

/// The outcome category of a result text.
pub fn outcome_of(result: &str) -> &'static str {
    let lower = result.to_lowercase();
    OUTCOMES
        .iter()
        .flat_map(|(label, words)| {
            let lower = &lower;
            words
                .iter()
                .filter_map(move |w| Some((lower.find(w)?, std::cmp::Reverse(w.len()), *label)))
        })
        .min()
        .map(|(_, _, label)| label)
        .unwrap_or(OTHER_OUTCOME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_follow_the_result_text() {
        assert_eq!(outcome_of("K7 er i ordinær uddannelse."), "Uddannelse");
        assert_eq!(
            outcome_of("Borger er ansat i ordinær beskæftigelse"),
            "Ordinært arbejde"
        );
        assert_eq!(
            outcome_of("Forløb afbrudt før tid. K2 blev henvist til andet tilbud."),
            "Afbrudt før tid"
        );
        assert_eq!(
            outcome_of("Borger har fået tilkendt og er blevet ansat i fleksjob"),
            "Fleksjob"
        );
        assert_eq!(
            outcome_of("K4 er i ordinært arbejde i samme virksomhed som hun var i løntilskud hos."),
            "Ordinært arbejde"
        );
        assert_eq!(outcome_of("Ukendt"), OTHER_OUTCOME);
    }
}
