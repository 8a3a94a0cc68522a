//! First pass over a source: what each line is (text, page furniture, footnote).
//!
//! PDF extraction leaves recognisable debris: empty lines between every line,
//! whitespace-only lines where paragraphs ended, a leading space on the first
//! line of each page, page numbers alone on a line, and footnotes after a long
//! run of spaces at the foot of a page.

/// Footnote separators are a run of spaces this long or longer.
const FOOTNOTE_RULE_MIN: usize = 20;

#[derive(Clone, Debug, PartialEq)]
pub enum LineKind {
    /// Nothing at all: an extraction artefact, not a break.
    Empty,
    /// Only whitespace: where the PDF had a paragraph break.
    Gap,
    PageNumber,
    FootnoteRule,
    /// Start of footnote `number` at the foot of a page.
    Footnote(String),
    /// Continuation of the previous footnote.
    FootnoteMore,
    /// Running text; `page_start` when it is the first line of a page.
    Text {
        page_start: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Line {
    /// 1-based line number in the source file.
    pub number: usize,
    pub kind: LineKind,
    /// Trimmed text (footnotes without their number).
    pub text: String,
}

pub fn classify(lines: &[String]) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_footnotes = false;
    for (index, raw) in lines.iter().enumerate() {
        let trimmed = raw.trim();
        let starts_with_space = raw.starts_with(' ') && !trimmed.is_empty();
        if in_footnotes && starts_with_space {
            in_footnotes = false;
        }
        let (kind, text) = if raw.is_empty() {
            (LineKind::Empty, String::new())
        } else if trimmed.is_empty() {
            if raw.chars().count() >= FOOTNOTE_RULE_MIN {
                in_footnotes = true;
                (LineKind::FootnoteRule, String::new())
            } else {
                (LineKind::Gap, String::new())
            }
        } else if is_page_number(trimmed) {
            (LineKind::PageNumber, trimmed.to_string())
        } else if in_footnotes {
            match split_footnote_number(trimmed) {
                Some((number, rest)) => (LineKind::Footnote(number.to_string()), rest.to_string()),
                None => (LineKind::FootnoteMore, trimmed.to_string()),
            }
        } else {
            (
                LineKind::Text {
                    page_start: starts_with_space,
                },
                trimmed.to_string(),
            )
        };
        out.push(Line {
            number: index + 1,
            kind,
            text,
        });
    }
    out
}

fn is_page_number(trimmed: &str) -> bool {
    trimmed.len() <= 3 && trimmed.chars().all(|c| c.is_ascii_digit())
}

/// "16 De svageste …" → ("16", "De svageste …").
fn split_footnote_number(text: &str) -> Option<(&str, &str)> {
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    rest.starts_with(' ')
        .then(|| (&text[..digits], rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        classify(&lines).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn recognises_page_furniture_and_footnotes() {
        let rule = " ".repeat(40);
        let text = format!("Tekst her.\n\n \n 36 \n{rule}\n12 En note\nfortsat\n ny side");
        assert_eq!(
            kinds(&text),
            vec![
                LineKind::Text { page_start: false },
                LineKind::Empty,
                LineKind::Gap,
                LineKind::PageNumber,
                LineKind::FootnoteRule,
                LineKind::Footnote("12".into()),
                LineKind::FootnoteMore,
                LineKind::Text { page_start: true },
            ]
        );
    }
}
