//! A report's own statement of when its courses ended ("Alle kandidater har
//! afsluttet deres forløb … i første kvartal af 2022"), checked against the
//! periods its course records give: where a course ran past the stated
//! quarter, the report's overview and the course's page say so, quoting the
//! sentence, so a reader need not find the contradiction (blind user test 19
//! found 2022 K8 running to 29.04.2022).

use serde::{Deserialize, Serialize};

use super::overview::CasePage;

/// A course whose recorded end falls after the end its report states.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateConflict {
    /// The course's content path.
    pub course: String,
    /// Its recorded end (ISO date).
    pub course_end: String,
    /// The report's sentence stating when the courses ended.
    pub sentence: String,
    /// The last day that sentence allows (ISO date).
    pub stated_end: String,
}

/// The quarters' names and last days.
const QUARTERS: [(&str, &str); 4] = [
    ("første", "03-31"),
    ("andet", "06-30"),
    ("tredje", "09-30"),
    ("fjerde", "12-31"),
];

/// The last day a sentence saying the courses ended "i første kvartal af
/// 2022" allows: "2022-03-31". `None` for a sentence saying no such thing.
fn stated_end(sentence: &str) -> Option<String> {
    let words = crate::tagging::words(sentence);
    if !words.iter().any(|w| w.starts_with("afslut")) {
        return None;
    }
    let at = words.iter().position(|w| w == "kvartal")?;
    let (_, last_day) = QUARTERS
        .iter()
        .find(|(name, _)| at > 0 && words[at - 1] == *name)?;
    let year = words[at + 1..]
        .iter()
        .take(2)
        .find(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))?;
    Some(format!("{year}-{last_day}"))
}

/// The courses of `pages` (one report's) that end after what one of the
/// report's `sentences` states, in the pages' order.
pub fn date_conflicts<'a>(
    sentences: impl IntoIterator<Item = &'a str>,
    pages: &[CasePage],
) -> Vec<DateConflict> {
    let mut conflicts = Vec::new();
    for sentence in sentences {
        let Some(stated) = stated_end(sentence) else {
            continue;
        };
        for page in pages {
            let Some(end) = &page.record.period_end else {
                continue;
            };
            // ISO dates compare as text.
            if end.as_str() > stated.as_str() {
                conflicts.push(DateConflict {
                    course: page.path.clone(),
                    course_end: end.clone(),
                    sentence: sentence.to_string(),
                    stated_end: stated.clone(),
                });
            }
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseRecord;

    #[test]
    fn a_quarter_stated_for_every_course_is_checked_against_each_end() {
        assert_eq!(
            stated_end("Alle kandidater har afsluttet deres forløb i første kvartal af 2022."),
            Some("2022-03-31".to_string())
        );
        assert_eq!(stated_end("Et møde i første kvartal af 2022."), None);
        assert_eq!(stated_end("Forløbet er afsluttet."), None);
        let record = |end: &str| CaseRecord {
            period_end: Some(end.to_string()),
            ..CaseRecord::default()
        };
        let (early, late) = (record("2022-03-02"), record("2022-04-29"));
        let pages = [
            CasePage {
                path: "forloeb/k1.md".into(),
                record: &early,
                mentions: vec![],
            },
            CasePage {
                path: "forloeb/k8.md".into(),
                record: &late,
                mentions: vec![],
            },
        ];
        let found = date_conflicts(
            ["Intet her.", "Alle har afsluttet i første kvartal af 2022."],
            &pages,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].course, "forloeb/k8.md");
        assert_eq!(found[0].course_end, "2022-04-29");
        assert_eq!(found[0].stated_end, "2022-03-31");
    }
}
