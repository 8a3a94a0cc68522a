//! Counted, but told otherwise elsewhere: a course the overview counts as
//! work or education whose report, outside the course's own record, says of
//! it that something did not happen. The 2022 report counts K1 as ordinary
//! work; its record ends with her case closed at her own wish, and a
//! paragraph about småjob adds "Dette blev ikke aktuelt, idet K1 frasagde
//! sig kontanthjælp, og efterfølgende selv har fundet fuldtidsarbejde." The
//! overview quotes such sentences beside its counts (with the mention a
//! "Dette …" points back to), so no figure stands without what its own
//! report says against it. Sentences that only confirm
//! the outcome ("K1 endte med en fulltidsansættelse") are not caveats.
//!
//! A course's own record may say so too: 2022 K6 is counted as ordinary
//! work, and its record says the course was ended early ("det blev derfor
//! besluttet at forløbet skulle bringes til ophør, en uge før oprindeligt
//! aftalt"; blind user test 29 found it counted, and named typical, with no
//! word of it).

use serde::{Deserialize, Serialize};

use super::elements::says_not_done;
use super::overview::{CasePage, SUPPORTED_WORK, WORK_OR_EDUCATION};
use crate::tagging::{points_back, split_sentences};

/// A counted course and what its report says of it elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    /// The course's content path.
    pub course: String,
    /// The outcome it is counted under.
    pub outcome: String,
    /// The report's sentences, outside the record, that name the course and
    /// say something did not happen, each with the mention before it when it
    /// points back to it ("Dette …"); in the report's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<String>,
    /// The course's own sentence saying it was ended before its time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_early: Option<String>,
}

/// Words that say a course (or the case) was brought to an end, not run to
/// its end: "forløbet skulle bringes til ophør", "blev afbrudt".
const ENDED: [&str; 3] = ["til ophør", "afbrudt", "før tid"];
const COURSE: [&str; 2] = ["forløb", "sag"];

/// The first sentence of the record's own text saying the course or the
/// case was ended ([`ENDED`] with [`COURSE`]).
fn ended_early(record: &crate::cases::CaseRecord) -> Option<String> {
    [
        &record.purpose,
        &record.internal_activities,
        &record.social_intervention,
        &record.work_placement,
        &record.result,
    ]
    .into_iter()
    .flatten()
    .flat_map(|text| split_sentences(text))
    .find(|sentence| {
        let lower = sentence.to_lowercase();
        ENDED.iter().any(|w| lower.contains(w)) && COURSE.iter().any(|w| lower.contains(w))
    })
    .map(|sentence| sentence.trim().to_string())
}

/// The caveats of `pages`, in their order: each course counted in the work
/// figures ([`WORK_OR_EDUCATION`], [`SUPPORTED_WORK`]) with such sentences.
pub fn caveats(pages: &[CasePage]) -> Vec<Caveat> {
    pages
        .iter()
        .filter(|p| {
            let outcome = p.record.outcome.as_str();
            WORK_OR_EDUCATION.contains(&outcome) || SUPPORTED_WORK.contains(&outcome)
        })
        .filter_map(|p| {
            let mut sentences: Vec<String> = Vec::new();
            for (at, sentence) in p.mentions.iter().enumerate() {
                if !says_not_done(sentence) {
                    continue;
                }
                // "Dette blev ikke aktuelt" says what did not happen only with
                // the mention before it, which it points back to.
                if let Some(before) = at.checked_sub(1).filter(|_| points_back(sentence)) {
                    let before = &p.mentions[before];
                    if !sentences.contains(before) {
                        sentences.push(before.clone());
                    }
                }
                if !sentences.contains(sentence) {
                    sentences.push(sentence.clone());
                }
            }
            let ended_early = ended_early(p.record);
            (!sentences.is_empty() || ended_early.is_some()).then(|| Caveat {
                course: p.path.clone(),
                outcome: p.record.outcome.clone(),
                sentences,
                ended_early,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::CaseRecord;

    fn page<'a>(path: &str, record: &'a CaseRecord, mentions: &[&str]) -> CasePage<'a> {
        CasePage {
            path: path.into(),
            record,
            mentions: mentions.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn record(outcome: &str) -> CaseRecord {
        CaseRecord {
            outcome: outcome.into(),
            ..CaseRecord::default()
        }
    }

    #[test]
    fn a_sentence_that_does_not_point_back_is_quoted_alone() {
        let work = record("Uddannelse");
        let found = caveats(&[page(
            "forloeb/k4.md",
            &work,
            &["K4 startede i praktik.", "K4 fik ikke sin eksamen."],
        )]);
        assert_eq!(
            found[0].sentences,
            vec!["K4 fik ikke sin eksamen.".to_string()]
        );
    }

    #[test]
    fn a_counted_course_told_otherwise_elsewhere_carries_the_sentences_that_say_so() {
        let (work, confirmed, broken_off) = (
            record("Ordinært arbejde"),
            record("Småjob"),
            record("Afbrudt før tid"),
        );
        let found = caveats(&[
            page(
                "forloeb/k1.md",
                &work,
                &[
                    "Der var indgået aftale med arbejdsgiver i K1s forløb.",
                    "Dette blev ikke aktuelt, idet K1 frasagde sig kontanthjælp.",
                ],
            ),
            // Confirming the outcome, "uden" praktik before it, or an
            // agreement that K2 could go on: no caveat.
            page(
                "forloeb/k2.md",
                &confirmed,
                &[
                    "K2 kom direkte i job uden forudgående virksomhedspraktik.",
                    "Konsulenten fik en aftale om at K2 kunne overgå til en varig stilling.",
                ],
            ),
            // Not counted in the work figures: nothing to qualify.
            page(
                "forloeb/k3.md",
                &broken_off,
                &["Det var ikke muligt for K3."],
            ),
        ]);
        assert_eq!(
            found,
            vec![Caveat {
                course: "forloeb/k1.md".into(),
                outcome: "Ordinært arbejde".into(),
                // With the sentence "Dette" points back to.
                sentences: vec![
                    "Der var indgået aftale med arbejdsgiver i K1s forløb.".into(),
                    "Dette blev ikke aktuelt, idet K1 frasagde sig kontanthjælp.".into()
                ],
                ended_early: None,
            }]
        );
    }

    #[test]
    fn a_counted_course_whose_record_says_it_was_ended_early_carries_that_sentence() {
        let ended = CaseRecord {
            outcome: "Ordinært arbejde".into(),
            internal_activities: Some(
                "K6 deltog i jobklub. Det blev besluttet at forløbet skulle bringes til ophør, en uge før oprindeligt aftalt.".into(),
            ),
            ..CaseRecord::default()
        };
        // The end of a placement is no end of the course.
        let placement_ended = CaseRecord {
            outcome: "Ordinært arbejde".into(),
            work_placement: Some("K5 overgik til job i forlængelse af praktikens ophør.".into()),
            ..CaseRecord::default()
        };
        let found = caveats(&[
            page("forloeb/k6.md", &ended, &[]),
            page("forloeb/k5.md", &placement_ended, &[]),
        ]);
        assert_eq!(
            found,
            vec![Caveat {
                course: "forloeb/k6.md".into(),
                outcome: "Ordinært arbejde".into(),
                sentences: Vec::new(),
                ended_early: Some(
                    "Det blev besluttet at forløbet skulle bringes til ophør, en uge før oprindeligt aftalt.".into()
                ),
            }]
        );
    }
}
