//! A letter's head inside the text of a report: the page break put the
//! sender's office, address and reference numbers between two halves of a
//! sentence. The halves are joined and the letterhead is dropped.

use super::blocks::{Block, BlockKind};
use super::document::DropReason;
use super::line_ends::{ends_sentence, join_wrapped, starts_lowercase};

/// Short lines a page break can put inside a sentence (letterhead, address).
const FURNITURE_MAX_CHARS: usize = 70;
const FURNITURE_MAX_LINES: usize = 8;

/// A sentence cut by a page break goes on after the page's letterhead:
/// "… men har særligt" [address lines] "det sidste års tid …". The halves
/// are joined; the short lines between them are the letterhead, dropped.
pub(super) fn rejoin_across_page_furniture(mut blocks: Vec<Block>) -> Vec<Block> {
    mark_identifiers(&mut blocks);
    let mut i = 0;
    while i < blocks.len() {
        let unfinished = blocks[i].kind == BlockKind::Paragraph && !ends_sentence(&blocks[i].text);
        let continuation = unfinished
            .then(|| {
                (i + 2..blocks.len().min(i + 2 + FURNITURE_MAX_LINES)).find(|&j| {
                    let between_is_furniture = blocks[i + 1..j].iter().all(|b| {
                        matches!(b.kind, BlockKind::Dropped(_))
                            || (b.kind == BlockKind::Paragraph
                                && b.text.chars().count() <= FURNITURE_MAX_CHARS)
                    });
                    between_is_furniture
                        && blocks[j].kind == BlockKind::Paragraph
                        && starts_lowercase(&blocks[j].text)
                })
            })
            .flatten();
        if let Some(j) = continuation {
            let rest = blocks.remove(j);
            blocks[i].text = join_wrapped(&blocks[i].text, &rest.text);
            blocks[i].last_line = rest.last_line;
            for furniture in &mut blocks[i + 1..j] {
                furniture.kind = BlockKind::Dropped(DropReason::Letterhead);
            }
        }
        i += 1;
    }
    blocks
}

/// "Sagsnummer" + "2019-0335020": a one-word label and a line of digits
/// and hyphens under it are a letter's reference numbers, not text.
fn mark_identifiers(blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let text = blocks[i].text.trim();
        let identifier = text.chars().filter(char::is_ascii_digit).count() >= 6
            && text.chars().all(|c| c.is_ascii_digit() || c == '-');
        let label = blocks[i - 1].text.trim();
        let labelled = label.split_whitespace().count() == 1
            && label.chars().next().is_some_and(char::is_uppercase)
            && label.chars().all(|c| c.is_alphabetic() || c == '-');
        let both_text = [&blocks[i - 1], &blocks[i]]
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph);
        if identifier && labelled && both_text {
            blocks[i - 1].kind = BlockKind::Dropped(DropReason::Letterhead);
            blocks[i].kind = BlockKind::Dropped(DropReason::Letterhead);
            // The letter's date stands just above its reference numbers.
            let dated = i
                .checked_sub(2)
                .filter(|&at| blocks[at].kind == BlockKind::Paragraph && is_date(&blocks[at].text));
            if let Some(at) = dated {
                blocks[at].kind = BlockKind::Dropped(DropReason::Letterhead);
            }
        }
    }
}

/// "11. marts 2020": a date alone on its line.
fn is_date(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let number = |w: &str, digits: std::ops::RangeInclusive<usize>| {
        digits.contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    match words.as_slice() {
        [day, month, year] => {
            day.strip_suffix('.').is_some_and(|d| number(d, 1..=2))
                && super::publication::MONTHS.contains(&month.to_lowercase().as_str())
                && number(year, 4..=4)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejoins_a_sentence_cut_by_a_letterhead_and_drops_it() {
        // The 2020 report (sources/003 lines 11–15 and 37–47).
        let paragraph = |text: &str, line| Block::new(BlockKind::Paragraph, text.into(), line);
        let blocks = vec![
            paragraph("11. marts 2020", 9),
            paragraph("Sagsnummer", 11),
            paragraph("2019-0335020", 12),
            paragraph(
                "De vil helst arbejde med lokale borgere, men har særligt",
                37,
            ),
            paragraph("CF 2. kontor, område 1", 40),
            paragraph("EAN-nummer", 44),
            paragraph("5798009710178", 45),
            paragraph("det sidste års tid fået mange borgere.", 47),
        ];
        let kept: Vec<(String, bool)> = rejoin_across_page_furniture(blocks)
            .into_iter()
            .map(|b| (b.text, b.kind == BlockKind::Paragraph))
            .collect();
        let published: Vec<&str> = kept
            .iter()
            .filter(|(_, p)| *p)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(
            published,
            ["De vil helst arbejde med lokale borgere, men har særligt det sidste års tid fået mange borgere."]
        );
        assert_eq!(
            kept.len(),
            7,
            "the letterhead stays, marked for the drop report"
        );
    }
}
