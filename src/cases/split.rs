//! Candidate cases in local reports ("Kandidat 3 (K3)") become case documents
//! with structured fields; the report keeps a list of them where they stood.

use super::record::{outcome_of, CaseRecord};
use crate::ingest::{Block, BlockKind, Document, DocumentKind};

/// Field labels as the reports write them, and the field each fills.
const FIELD_LABELS: [(&str, CaseField); 13] = [
    ("Alder", CaseField::Age),
    ("Formål", CaseField::Purpose),
    ("Periode i forløb", CaseField::Period),
    ("Periode", CaseField::Period),
    ("Bolig", CaseField::Housing),
    ("Interne aktiviteter", CaseField::InternalActivities),
    ("Social intervention", CaseField::SocialIntervention),
    ("Andre indsatser", CaseField::SocialIntervention),
    ("Virksomhedspraktik/småjob m.m.", CaseField::WorkPlacement),
    ("Virksomhedspraktik/småjob", CaseField::WorkPlacement),
    ("Status", CaseField::Result),
    ("Resultatet", CaseField::Result),
    ("Resultat", CaseField::Result),
];

const HOUSING_KINDS: [&str; 4] = ["Lejebolig", "Andelsbolig", "Hjemløs", "Ejerbolig"];

/// A field of a case record, as its label in the report names it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CaseField {
    Age,
    Purpose,
    Period,
    Housing,
    InternalActivities,
    SocialIntervention,
    WorkPlacement,
    Result,
}

/// Heading words that open a case, and the letter of its code.
const CASE_WORDS: [(&str, char); 3] = [("Kandidat ", 'K'), ("Case ", 'C'), ("Borger ", 'B')];

/// "Kandidat 3 (K3)" → "K3"; "Kandidat 3", "Case 2: …", "Borger 4" →
/// "K3", "C2", "B4" when the report gives no code of its own.
pub fn case_code(heading: &str) -> Option<String> {
    CASE_WORDS.iter().find_map(|&(word, letter)| {
        let rest = heading.strip_prefix(word)?;
        let given = rest
            .split_once('(')
            .and_then(|(_, code)| code.strip_suffix(')'))
            .filter(|code| {
                code.len() > 1
                    && code.starts_with(letter)
                    && code[1..].chars().all(|c| c.is_ascii_digit())
            });
        if let Some(code) = given {
            return Some(code.to_string());
        }
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = &rest[digits.len()..];
        let whole = after.is_empty() || after.starts_with([' ', ':', '.', ',']);
        (!digits.is_empty() && digits.len() <= 3 && whole).then(|| format!("{letter}{digits}"))
    })
}

/// Moves each case of `report` into a document of its own, leaving a
/// [`BlockKind::CaseList`] where the first case stood.
pub fn split_cases(report: &mut Document, short_title: &str) -> Vec<Document> {
    let mut cases = Vec::new();
    let mut kept: Vec<Block> = Vec::new();
    let mut blocks = std::mem::take(&mut report.blocks).into_iter().peekable();
    while let Some(block) = blocks.next() {
        let (BlockKind::Heading(level), Some(code)) = (&block.kind, case_code(&block.text)) else {
            kept.push(block);
            continue;
        };
        let level = *level;
        let mut body = vec![block];
        while let Some(next) = blocks.next_if(|b| !ends_case(b, level)) {
            body.push(next);
        }
        if cases.is_empty() {
            kept.push(Block::new(
                BlockKind::CaseList,
                String::new(),
                body[0].first_line,
            ));
        }
        cases.push(case_document(report, short_title, code, body, cases.len()));
    }
    report.blocks = kept;
    cases
}

fn ends_case(block: &Block, case_level: u8) -> bool {
    matches!(block.kind, BlockKind::Heading(level) if level <= case_level)
}

fn case_document(
    report: &Document,
    short_title: &str,
    code: String,
    mut blocks: Vec<Block>,
    position: usize,
) -> Document {
    // On its own page the case heading is the page's first subheading.
    let shift = match blocks.first().map(|b| &b.kind) {
        Some(BlockKind::Heading(level)) => level.saturating_sub(2),
        _ => 0,
    };
    for block in &mut blocks {
        if let BlockKind::Heading(level) = &mut block.kind {
            *level -= shift.min(*level - 2);
        }
    }
    let record = record(&blocks, &code, report);
    let age = record.age.map(|a| format!(", {a} år")).unwrap_or_default();
    let title = format!("{short_title}, {code}{age}: {}", record.outcome);
    let first = blocks.first().map(|b| b.first_line).unwrap_or(1);
    let last = blocks.iter().map(|b| b.last_line).max().unwrap_or(first);
    Document {
        kind: DocumentKind::Case,
        slug: format!("{}-{}", report.slug, code.to_lowercase()),
        title,
        weight: report.weight * 100 + position as u32 + 1,
        section_number: None,
        source: report.source.clone(),
        source_lines: (first, last),
        pages: None,
        alternative_sources: report.alternative_sources.clone(),
        keywords: Vec::new(),
        blocks,
        footnotes: Vec::new(),
        case: Some(record),
        published: None,
    }
}

/// Reads "Label: value" paragraphs; unlabelled paragraphs continue the field
/// before them, and a label with nothing after it takes the next paragraph.
fn record(blocks: &[Block], code: &str, report: &Document) -> CaseRecord {
    let mut fields: Vec<(CaseField, String)> = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph) {
        match labelled(&block.text) {
            Some((field, value)) => fields.push((field, value.to_string())),
            None => {
                if let Some((_, value)) = fields.last_mut() {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(&block.text);
                }
            }
        }
    }
    let get = |wanted: CaseField| -> Option<String> {
        let values: Vec<&str> = fields
            .iter()
            // "Andre indsatser: %" is a placeholder, not a value.
            .filter(|(f, v)| *f == wanted && v.chars().any(char::is_alphanumeric))
            .map(|(_, v)| v.as_str())
            .collect();
        (!values.is_empty()).then(|| values.join(" "))
    };
    let period = get(CaseField::Period);
    let dates: Vec<(i32, u32, u32)> = period.as_deref().map(dates_in).unwrap_or_default();
    let (start, end) = match dates.as_slice() {
        [start, end, ..] => (Some(*start), Some(*end)),
        _ => (None, None),
    };
    let housing = get(CaseField::Housing);
    let result = get(CaseField::Result);
    CaseRecord {
        code: code.to_string(),
        report: format!("{}/{}.md", report.kind.section(), report.slug),
        outcome: outcome_of(result.as_deref().unwrap_or("")).to_string(),
        age: get(CaseField::Age).and_then(|a| leading_number(&a)),
        housing_kind: housing.as_deref().and_then(housing_kind),
        housing,
        period,
        period_start: start.map(iso_date),
        period_end: end.map(iso_date),
        duration_days: start
            .zip(end)
            .and_then(|(s, e)| u32::try_from(day_number(e) - day_number(s)).ok()),
        purpose: get(CaseField::Purpose),
        internal_activities: get(CaseField::InternalActivities),
        social_intervention: get(CaseField::SocialIntervention),
        work_placement: get(CaseField::WorkPlacement),
        result,
    }
}

/// "Bolig: Lejebolig." → (Housing, "Lejebolig."); longest label first.
pub fn labelled(text: &str) -> Option<(CaseField, &str)> {
    FIELD_LABELS.iter().find_map(|(label, field)| {
        let rest = text.strip_prefix(label)?.trim_start().strip_prefix(':')?;
        Some((*field, rest.trim()))
    })
}

fn housing_kind(housing: &str) -> Option<String> {
    let lower = housing.to_lowercase();
    HOUSING_KINDS
        .iter()
        .find(|kind| lower.contains(&kind.to_lowercase()))
        .map(|kind| kind.to_string())
}

fn leading_number(text: &str) -> Option<u32> {
    let digits: String = text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Dates written d.m.yy or d.m.yyyy ("8.11.21 – 09.10.22", "26.10.2021-23.02.2022").
fn dates_in(text: &str) -> Vec<(i32, u32, u32)> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|token| {
            let parts: Vec<&str> = token.trim_matches('.').split('.').collect();
            let [day, month, year] = parts.as_slice() else {
                return None;
            };
            let (day, month): (u32, u32) = (day.parse().ok()?, month.parse().ok()?);
            let year: i32 = match year.len() {
                2 => 2000 + year.parse::<i32>().ok()?,
                4 => year.parse().ok()?,
                _ => return None,
            };
            ((1..=31).contains(&day) && (1..=12).contains(&month)).then_some((year, month, day))
        })
        .collect()
}

fn iso_date((year, month, day): (i32, u32, u32)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
fn day_number((year, month, day): (i32, u32, u32)) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_dates_and_labels() {
        assert_eq!(case_code("Kandidat 3 (K3)"), Some("K3".into()));
        assert_eq!(case_code("Kandidaterne (alle)"), None);
        assert_eq!(case_code("Kandidat 3"), Some("K3".into()));
        assert_eq!(case_code("Case 2: ung mand"), Some("C2".into()));
        assert_eq!(case_code("Borger 12"), Some("B12".into()));
        assert_eq!(case_code("Borger 2025-rapporten"), None);
        assert_eq!(case_code("Case studier"), None);
        assert_eq!(
            dates_in("8.11.21 – 09.10.22"),
            vec![(2021, 11, 8), (2022, 10, 9)]
        );
        assert_eq!(
            dates_in("29.11.2021- 11.03.2022"),
            vec![(2021, 11, 29), (2022, 3, 11)]
        );
        assert_eq!(day_number((2022, 3, 1)) - day_number((2022, 2, 1)), 28);
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(
            labelled("Periode i forløb: 26.10.2021-23.02.2022"),
            Some((CaseField::Period, "26.10.2021-23.02.2022"))
        );
        assert_eq!(
            labelled("Virksomhedspraktik/småjob m.m.:"),
            Some((CaseField::WorkPlacement, ""))
        );
    }

    #[test]
    fn a_placeholder_is_no_value() {
        // The 2022 report, K2 (sources/002 line 82).
        let report = Document {
            kind: DocumentKind::Report,
            title: "Rapport".into(),
            slug: "rapport".into(),
            weight: 0,
            section_number: None,
            source: "002.txt".into(),
            source_lines: (1, 1),
            pages: None,
            alternative_sources: Vec::new(),
            keywords: Vec::new(),
            blocks: Vec::new(),
            footnotes: Vec::new(),
            case: None,
            published: None,
        };
        let blocks = [
            Block::new(BlockKind::Paragraph, "Andre indsatser: %".into(), 82),
            Block::new(BlockKind::Paragraph, "Alder: 63".into(), 70),
        ];
        let record = record(&blocks, "K2", &report);
        assert_eq!(record.social_intervention, None);
        assert_eq!(record.age, Some(63));
    }
}
