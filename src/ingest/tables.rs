//! Tables the PDF laid out with runs of spaces ("Fraflyttet kommunen       5 personer").
//!
//! A row is a label, a gap of two or more spaces, and a value starting with a
//! digit. Three or more such lines with nothing but blank lines between them
//! form a table; fewer are more likely a stray gap in prose.

use std::collections::HashSet;

use super::lines::{Line, LineKind};

const MIN_ROWS: usize = 3;

/// "Fraflyttet kommunen       5 personer" → ("Fraflyttet kommunen", "5 personer").
pub fn split_row(text: &str) -> Option<(String, String)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b' ' && bytes[i + 1] == b' ' {
            let label = text[..i].trim();
            let value = text[i..].trim();
            let numeric = value.chars().next().is_some_and(|c| c.is_ascii_digit());
            let worded = label.split_whitespace().count() >= 2;
            if numeric && worded && !value.contains("  ") {
                return Some((label.to_string(), value.to_string()));
            }
            return None;
        }
        i += 1;
    }
    None
}

/// Line numbers of lines that belong to a table.
pub fn table_lines(lines: &[&Line]) -> HashSet<usize> {
    let mut found = HashSet::new();
    let mut run: Vec<usize> = Vec::new();
    let mut close = |run: &mut Vec<usize>| {
        if run.len() >= MIN_ROWS {
            found.extend(run.iter().copied());
        }
        run.clear();
    };
    for line in lines {
        match line.kind {
            LineKind::Gap | LineKind::Empty => {}
            LineKind::Text { .. } if split_row(&line.text).is_some() => run.push(line.number),
            _ => close(&mut run),
        }
    }
    close(&mut run);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_need_a_gap_a_worded_label_and_a_number() {
        assert_eq!(
            split_row("Fraflyttet kommunen       5 personer"),
            Some(("Fraflyttet kommunen".into(), "5 personer".into()))
        );
        assert_eq!(split_row("Social             Arbejds-"), None);
        assert_eq!(split_row("A      B        C"), None);
        assert_eq!(split_row("Ingen mellemrum 5 personer"), None);
    }
}
