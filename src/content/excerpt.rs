//! How much of its source a page holds, said on the page: a report whose
//! text begins at an appendix ("Bilag 1: …") lacks what stood before it, and
//! "[…]" marks words the extraction lost (`ingest::gaps`). A reader who
//! meets either unexplained takes the page for broken (blind user test 25).

use crate::ingest::{BlockKind, Document, DocumentKind, GAP_MARK};

/// The places in `document` where the extraction lost words.
pub fn gaps(document: &Document) -> usize {
    document
        .blocks
        .iter()
        .map(|block| block.text.matches(GAP_MARK).count())
        .sum()
}

/// The heading a report's text opens with, when it is an appendix: the
/// report itself is not in the source.
pub fn opening_appendix(document: &Document) -> Option<String> {
    if document.kind != DocumentKind::Report {
        return None;
    }
    let first = document
        .blocks
        .iter()
        .find(|block| matches!(block.kind, BlockKind::Heading(_)))?;
    first.text.starts_with("Bilag").then(|| first.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Block;

    fn report(blocks: &[(BlockKind, &str)]) -> Document {
        let mut document = Document::test_report("r.txt", &[]);
        document.blocks = blocks
            .iter()
            .enumerate()
            .map(|(i, (kind, text))| Block::new(kind.clone(), text.to_string(), i + 1))
            .collect();
        document
    }

    #[test]
    fn an_appendix_first_and_every_gap_are_counted() {
        let excerpt = report(&[
            (BlockKind::Heading(2), "Bilag 1: Erfaringer"),
            (BlockKind::Paragraph, "Hos A og B. […] fra C. Til […]"),
            (BlockKind::Heading(3), "Bilag 2"),
        ]);
        assert_eq!(gaps(&excerpt), 2);
        assert_eq!(
            opening_appendix(&excerpt).as_deref(),
            Some("Bilag 1: Erfaringer")
        );
        // A report that opens with its own text, an appendix later, is whole.
        let whole = report(&[
            (BlockKind::Paragraph, "Indledning."),
            (BlockKind::Heading(2), "Resultater"),
            (BlockKind::Heading(2), "Bilag 1"),
        ]);
        assert_eq!((gaps(&whole), opening_appendix(&whole)), (0, None));
        // Only a report: a catalogue chapter may be an appendix.
        let mut chapter = excerpt.clone();
        chapter.kind = DocumentKind::Chapter;
        assert_eq!(opening_appendix(&chapter), None);
    }
}
