//! Tags with evidence: every example tagged with a method and a target
//! group, each tag with a sentence from the page itself, and a course tagged
//! from its own fields and its report.

mod common;

use common::normalize;
use common::pages::{examples, pages_of};

#[test]
fn every_example_has_a_method_and_a_target_group_with_evidence_from_its_own_text() {
    for (path, front, text) in examples() {
        for taxonomy in ["metode", "maalgruppe"] {
            let terms = front.taxonomies.get(taxonomy).cloned().unwrap_or_default();
            assert!(!terms.is_empty(), "{path} has no {taxonomy}");
        }
        for evidence in &front.extra.evidence {
            let terms = &front.taxonomies[&evidence.taxonomy];
            assert!(
                terms.contains(&evidence.term),
                "{path}: evidence for an absent tag"
            );
            assert!(
                text.contains(&normalize(&evidence.sentence)),
                "{path}: evidence for {} is not the page's own text: {:?}",
                evidence.term,
                evidence.sentence
            );
        }
        let tagged: usize = front
            .taxonomies
            .iter()
            .filter(|(k, _)| *k != "kildetype")
            .map(|(_, t)| t.len())
            .sum();
        assert_eq!(
            tagged,
            front.extra.evidence.len(),
            "{path}: every tag has evidence"
        );
    }
}

/// A course's tags rest on what the course did, in its own words, or, for
/// where and by whom it ran, on its report's sentence, marked as the
/// report's; a field's label never earns a tag, and courses are neither
/// placed on the continuum nor given lessons.
#[test]
fn a_course_is_tagged_from_its_own_fields_and_its_report() {
    let courses = pages_of("forloeb/");
    let reports = pages_of("rapporter/");
    assert!(courses.len() >= 10, "the reports' courses are generated");
    let mut tagged_methods = 0;
    for (path, (front, text)) in &courses {
        let case = front
            .extra
            .case
            .as_ref()
            .expect("a course has a case record");
        assert!(front.extra.continuum.is_none(), "{path} is placed");
        for lesson in ["fremmer", "haemmer", "ide"] {
            assert!(
                !front.taxonomies.contains_key(lesson),
                "{path} has {lesson}"
            );
        }
        tagged_methods += usize::from(front.taxonomies.contains_key("metode"));
        for evidence in &front.extra.evidence {
            let sentence = normalize(&evidence.sentence);
            match &evidence.from {
                None => {
                    assert!(
                        ["metode", "maalgruppe", "lovgrundlag"]
                            .contains(&evidence.taxonomy.as_str()),
                        "{path}: {} from its own text",
                        evidence.taxonomy
                    );
                    assert!(
                        text.contains(&sentence),
                        "{path}: not its text: {sentence:?}"
                    );
                    assert!(
                        praksis::cases::case_field(&evidence.sentence).is_none(),
                        "{path}: a field label earned {}: {sentence:?}",
                        evidence.term
                    );
                }
                Some(report) => {
                    assert_eq!(report, &case.report, "{path}");
                    let (report_front, report_text) = &reports[report];
                    assert!(
                        report_text.contains(&sentence),
                        "{path}: not the report's text"
                    );
                    assert!(
                        report_front.taxonomies[&evidence.taxonomy].contains(&evidence.term),
                        "{path}: {} is not its report's",
                        evidence.term
                    );
                }
            }
        }
    }
    assert!(
        tagged_methods * 2 > courses.len(),
        "most courses name a method: {tagged_methods} of {}",
        courses.len()
    );
}
