//! An example's results: the section that reports them (a results heading,
//! else an experience heading), its summary for listings and compare, and
//! the figures quoted in the panel at the top of the page.

use super::summary;
use super::{is_prose, RESULTS_CHARS};
use crate::ingest::{Block, BlockKind, Document, DocumentKind};
use crate::tagging::{is_wish, points_back, split_sentences};

/// The heading and blocks of an example's section about results: the first
/// heading naming results ("Resultater", "Succeskriterier og resultater" …),
/// else the first naming experience ("Erfaringer", "Brugererfaringer"),
/// where the catalogue's examples without a results section report outcomes.
fn results_block(document: &Document) -> Option<(&str, &[Block])> {
    if document.kind != DocumentKind::Example {
        return None;
    }
    let heading_with = |word: &str| {
        document.blocks.iter().position(|b| {
            matches!(b.kind, BlockKind::Heading(_)) && b.text.to_lowercase().contains(word)
        })
    };
    let at = heading_with("resultat").or_else(|| heading_with("erfaring"))?;
    let rest = &document.blocks[at + 1..];
    let end = rest
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
        .unwrap_or(rest.len());
    Some((document.blocks[at].text.as_str(), &rest[..end]))
}

fn results_section(document: &Document) -> &[Block] {
    results_block(document).map_or(&[], |(_, blocks)| blocks)
}

/// The heading the results section starts with.
pub(super) fn results_heading(document: &Document) -> Option<String> {
    results_block(document).map(|(heading, _)| heading.to_string())
}

/// The first paragraph of the results section (on into the next when it
/// leads into it), in whole sentences; a hope or a plan ("Ole Rudolf håber,
/// at …") is left out unless the section holds nothing else.
pub(super) fn results_summary(document: &Document) -> Option<String> {
    let section = results_section(document);
    let summary_of = |keep: &dyn Fn(&str) -> bool| {
        let paragraphs: Vec<String> = section
            .iter()
            .filter(|b| is_prose(b))
            .map(|b| {
                // A sentence pointing back to one left out ("Han fremhæver
                // …" after Ole Rudolf's hope) is left out with it.
                let mut left_out = false;
                split_sentences(&b.text)
                    .into_iter()
                    .filter(|s| {
                        left_out = states_base(s) || !keep(s) || (left_out && points_back(s));
                        !left_out
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|text| !text.is_empty())
            .collect();
        summary::whole_sentences(paragraphs.iter().map(String::as_str), RESULTS_CHARS)
    };
    summary_of(&|s| !is_wish(s))
        .or_else(|| summary_of(&|_| true))
        .or_else(|| outcome_rows(section))
        .or_else(|| section.first().and_then(row_text))
}

/// Words in a table row's label that make it an outcome for the people
/// served (work, education), not a count of activity.
const OUTCOME_LABEL_WORDS: [&str; 5] = [
    "arbejde",
    "job",
    "uddannelse",
    "beskæftigelse",
    "selvforsørg",
];

/// A results table's rows that tell outcomes, joined: Følordningen's
/// "Påbegyndt social- og sundhedsuddannelse: 15 personer" and "Afmeldt
/// grundet ordinært arbejde: 10 personer", not its first row, the
/// attendance at information meetings (blind user test 19).
fn outcome_rows(section: &[Block]) -> Option<String> {
    let rows: Vec<String> = section
        .iter()
        .filter_map(|block| {
            let BlockKind::TableRow(cells) = &block.kind else {
                return None;
            };
            let label = cells.first()?.to_lowercase();
            OUTCOME_LABEL_WORDS
                .iter()
                .any(|w| label.contains(w))
                .then(|| row_text(block))
                .flatten()
        })
        .collect();
    (!rows.is_empty()).then(|| rows.join("; "))
}

/// Verbs that report what someone stresses or thinks, not what happened.
const OPINION_VERBS: [&str; 7] = [
    "betoner",
    "fremhæver",
    "understreger",
    "mener",
    "synes",
    "håber",
    "ønsker",
];

/// "Ole Rudolf betoner samtidig, at der både skal gives plads til …": a
/// view of what should be, with no figure in it.
pub(super) fn is_opinion(sentence: &str) -> bool {
    let words = crate::tagging::words(sentence);
    words.iter().any(|w| OPINION_VERBS.contains(&w.as_str()))
        && !sentence.chars().any(|c| c.is_ascii_digit())
}

/// "… resultaterne baserer sig derfor på 21 personer.": what the results
/// are counted on, not a result.
fn states_base(sentence: &str) -> bool {
    summary::says_any(
        sentence,
        &[
            "baserer sig",
            "er baseret på",
            "bygger på",
            "tager udgangspunkt i",
        ],
    )
}

/// A table row as "label: value" (a label may bring its own colon).
fn row_text(block: &Block) -> Option<String> {
    let BlockKind::TableRow(cells) = &block.kind else {
        return None;
    };
    let (label, values) = cells.split_first()?;
    Some(format!(
        "{}: {}",
        label.trim_end().trim_end_matches(':'),
        values.join(" ")
    ))
}

/// The sentences a page's results panel shows (summary and figures), table
/// rows left out: a row is a label and a value, not a sentence.
pub fn results_panel(document: &Document) -> Vec<String> {
    let section = results_section(document);
    // A summary joined from table rows is rows too.
    let joined_rows = outcome_rows(section);
    let summary = results_summary(document)
        .filter(|s| Some(s) != joined_rows.as_ref())
        .unwrap_or_default();
    let rows: Vec<String> = section.iter().filter_map(row_text).collect();
    let mut sentences: Vec<String> = Vec::new();
    for piece in split_sentences(&summary) {
        // "Ca." cut off before "25 pct. kommer …" is an abbreviation.
        match sentences.last_mut() {
            Some(last) if last.split_whitespace().count() == 1 => {
                last.push(' ');
                last.push_str(piece);
            }
            _ => sentences.push(piece.to_string()),
        }
    }
    sentences
        .into_iter()
        .chain(result_figures(document))
        .filter(|s| !rows.contains(s))
        .collect()
}

/// Words that make a number in a results sentence a figure worth showing.
const FIGURE_WORDS: [&str; 9] = [
    "personer",
    "deltagere",
    "brugere",
    "ud af",
    "%",
    "procent",
    "kursister",
    "medlemmer",
    "job",
];
const MAX_FIGURES: usize = 6;

/// Sentences of the results section that give a figure (at most
/// [`MAX_FIGURES`]), then every row of its tables: a table is not cut.
pub(super) fn result_figures(document: &Document) -> Vec<String> {
    let section = results_section(document);
    let sentences = section
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::TableRow(_)))
        .flat_map(|block| split_sentences(&block.text))
        .filter(|s| {
            let lower = s.to_lowercase();
            s.chars().any(|c| c.is_ascii_digit())
                && FIGURE_WORDS.iter().any(|w| lower.contains(w))
                && !states_base(s)
        })
        .map(String::from)
        .take(MAX_FIGURES);
    sentences
        .chain(section.iter().filter_map(row_text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Block;

    fn example(results: &[&str]) -> Document {
        let mut document = Document::test_report("e.txt", &[]);
        document.kind = DocumentKind::Example;
        document.blocks = std::iter::once(Block::new(
            BlockKind::Heading(2),
            "Brugererfaringer".into(),
            1,
        ))
        .chain(
            results
                .iter()
                .enumerate()
                .map(|(i, text)| Block::new(BlockKind::Paragraph, text.to_string(), i + 2)),
        )
        .collect();
        document
    }

    #[test]
    fn a_hope_is_no_result_unless_the_section_holds_nothing_else() {
        // "Han" points back to the hope's speaker: left out with the hope.
        let hoped = example(&[
            "Formanden håber, at stedet vokser. Han fremhæver stedets værdi. \
             Formanden betoner fællesskabet.",
        ]);
        assert_eq!(
            results_summary(&hoped).as_deref(),
            Some("Formanden betoner fællesskabet.")
        );
        assert!(is_opinion("Formanden betoner fællesskabet."));
        assert!(!is_opinion("Formanden betoner, at 12 fik arbejde."));
        assert!(!is_opinion("Tre deltagere fik arbejde."));
        let only_hoped = example(&["Formanden håber, at stedet vokser."]);
        assert_eq!(
            results_summary(&only_hoped).as_deref(),
            Some("Formanden håber, at stedet vokser.")
        );
    }

    #[test]
    fn a_table_of_figures_is_summed_up_by_its_outcome_rows() {
        let mut table = example(&[]);
        let row = |cells: &[&str], line| {
            Block::new(
                BlockKind::TableRow(cells.iter().map(|c| c.to_string()).collect()),
                String::new(),
                line,
            )
        };
        table.blocks.extend([
            row(&["Deltagere på informationsmøder:", "270 personer"], 2),
            row(&["Påbegyndt uddannelse:", "15 personer"], 3),
            row(&["Afmeldt grundet ordinært arbejde:", "10 personer"], 4),
        ]);
        assert_eq!(
            results_summary(&table).as_deref(),
            Some(
                "Påbegyndt uddannelse: 15 personer; Afmeldt grundet ordinært arbejde: 10 personer"
            )
        );
        // Without an outcome row, the first row as before.
        table.blocks.truncate(2);
        assert_eq!(
            results_summary(&table).as_deref(),
            Some("Deltagere på informationsmøder: 270 personer")
        );
    }
}
