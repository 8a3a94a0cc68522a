//! Blocks → Markdown text, escaping source text so it is never read as syntax.

use std::collections::HashSet;

use crate::ingest::{footnote_references, Block, BlockKind, Footnote};

/// Escapes characters Markdown would interpret, and line-start markers.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    escape_line_start(out)
}

/// "1. " or "2004. " at the start would begin a list; "#" a heading; "-"/"+" a bullet.
fn escape_line_start(text: String) -> String {
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && (text[digits..].starts_with(". ") || text[digits..].starts_with(") ")) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    if text.starts_with(['#', '-', '+', '=']) {
        return format!("\\{text}");
    }
    text
}

/// Turns footnote numbers glued to a word ("småjob.”16") into `[^16]`.
fn link_footnotes(text: &str, numbers: &HashSet<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, number) in footnote_references(text, numbers) {
        out.push_str(&text[at..start]);
        out.push_str(&format!("[^{number}]"));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Header of tables found in the sources: they list a figure per line.
const TABLE_HEADER: [&str; 2] = ["Opgørelse", "Antal"];

/// A Markdown table's header row and rule.
fn table_header(header: &[&str]) -> String {
    format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    )
}

/// A Markdown table; cells are escaped, links are not.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = table_header(header);
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out
}

/// Markdown for `blocks`; `case_list` replaces a [`BlockKind::CaseList`].
pub fn render_body(blocks: &[Block], footnotes: &[Footnote], case_list: &str) -> String {
    let numbers: HashSet<&str> = footnotes.iter().map(|f| f.number.as_str()).collect();
    // Runs of spaces are layout left by the PDF, not meaning.
    let cell = |text: &str| {
        let single_spaced = text.split_whitespace().collect::<Vec<_>>().join(" ");
        link_footnotes(&escape(&single_spaced), &numbers)
    };
    let mut out = String::new();
    let mut previous: Option<&BlockKind> = None;
    for block in blocks
        .iter()
        .filter(|b| !matches!(b.kind, BlockKind::Dropped(_)))
    {
        let tight = matches!(
            (previous, &block.kind),
            (Some(BlockKind::ListItem), BlockKind::ListItem)
                | (Some(BlockKind::NumberedItem(_)), BlockKind::NumberedItem(_))
                | (Some(BlockKind::TableRow(_)), BlockKind::TableRow(_))
        );
        if previous.is_some() && !tight {
            out.push('\n');
        }
        match &block.kind {
            BlockKind::Heading(level) => {
                out.push_str(&"#".repeat(*level as usize));
                out.push(' ');
                out.push_str(&cell(&block.text));
            }
            BlockKind::Paragraph => out.push_str(&cell(&block.text)),
            BlockKind::NumberedItem(number) => {
                out.push_str(&format!("{number}) "));
                out.push_str(&cell(&block.text));
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&cell(&block.text));
            }
            BlockKind::CaseList => out.push_str(case_list.trim_end()),
            BlockKind::Dropped(_) => {}
            BlockKind::TableRow(cells) => {
                if !tight {
                    out.push_str(&table_header(&TABLE_HEADER));
                }
                let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
                out.push_str(&format!("| {} |", cells.join(" | ")));
            }
        }
        out.push('\n');
        previous = Some(&block.kind);
    }
    for note in footnotes {
        out.push_str(&format!("\n[^{}]: {}\n", note.number, escape(&note.text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_text_is_never_markup() {
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("2004. Året"), "2004\\. Året");
        assert_eq!(escape("# ikke overskrift"), "\\# ikke overskrift");
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
    }

    #[test]
    fn links_footnotes_only_when_defined() {
        let numbers: HashSet<&str> = ["16"].into_iter().collect();
        assert_eq!(
            link_footnotes("småjob.”16 Og § 16 her", &numbers),
            "småjob.”[^16] Og § 16 her"
        );
        assert_eq!(link_footnotes("K16 er en kode", &numbers), "K16 er en kode");
        let one: HashSet<&str> = ["1"].into_iter().collect();
        assert_eq!(
            link_footnotes("1.1. Hvad er problemet?", &one),
            "1.1. Hvad er problemet?"
        );
    }
}
