//! The structure a page is made of, independent of Markdown syntax.

use super::document::DropReason;

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// Heading level 2..=4 (level 1 is the page title).
    Heading(u8),
    Paragraph,
    ListItem,
    /// Item of a numbered list, with the number the source gives it.
    NumberedItem(u32),
    /// One row of a table; `text` holds the cells joined by spaces, for
    /// everything that reads blocks as prose.
    TableRow(Vec<String>),
    /// Where a report's candidate cases stood before they became pages of
    /// their own; rendered as a table linking them.
    CaseList,
    /// Text that is not published, with why; ingestion removes these blocks
    /// and lists their lines in the drop report.
    Dropped(DropReason),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Source lines this block came from (1-based, inclusive).
    pub first_line: usize,
    pub last_line: usize,
}

impl Block {
    pub fn new(kind: BlockKind, text: String, line: usize) -> Block {
        Block {
            kind,
            text,
            first_line: line,
            last_line: line,
        }
    }

    pub fn table_row(cells: Vec<String>, line: usize) -> Block {
        let text = cells.join(" ");
        Block::new(BlockKind::TableRow(cells), text, line)
    }
}
