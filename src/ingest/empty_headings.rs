//! No heading without content. A heading whose section, up to the next
//! heading of its level or above, holds nothing published is not a section
//! and is dropped, with its reason in the build report: everything under it
//! was dropped (a chart's legend without the chart), or nothing ever stood
//! under it (a cover line repeating the title, a label over the sections
//! that follow at its own level).

use super::blocks::{Block, BlockKind};
use super::document::DropReason;

pub(super) fn settle_empty_headings(blocks: &mut [Block]) {
    // From the end, so a deeper heading is settled before the one above it.
    for at in (0..blocks.len()).rev() {
        let BlockKind::Heading(level) = blocks[at].kind else {
            continue;
        };
        let section = blocks[at + 1..]
            .iter()
            .take_while(|b| !matches!(b.kind, BlockKind::Heading(l) if l <= level));
        let mut section = section;
        if section.all(|b| matches!(b.kind, BlockKind::Dropped(_))) {
            blocks[at].kind = BlockKind::Dropped(DropReason::EmptySection);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
        blocks.iter().map(|b| b.kind.clone()).collect()
    }

    #[test]
    fn a_heading_over_nothing_published_is_dropped() {
        let block = |kind, text: &str| Block::new(kind, text.into(), 1);
        let mut blocks = vec![
            block(BlockKind::Heading(2), "Erfaringer fra forløbene"),
            block(BlockKind::Heading(2), "Praksisundersøgelse"),
            block(BlockKind::Heading(3), "Kandidater"),
            block(BlockKind::Paragraph, "Seks kandidater."),
            block(BlockKind::Heading(2), "Resultater for de 6 forløb"),
            block(BlockKind::Dropped(DropReason::ChartLegend), "Salg"),
            block(BlockKind::Heading(2), "Erfaringsopsamling"),
            block(BlockKind::Heading(3), "Tom"),
        ];
        settle_empty_headings(&mut blocks);
        assert_eq!(
            kinds(&blocks),
            [
                BlockKind::Dropped(DropReason::EmptySection),
                BlockKind::Heading(2),
                BlockKind::Heading(3),
                BlockKind::Paragraph,
                BlockKind::Dropped(DropReason::EmptySection),
                BlockKind::Dropped(DropReason::ChartLegend),
                // Its only sub-heading went: nothing is left under it.
                BlockKind::Dropped(DropReason::EmptySection),
                BlockKind::Dropped(DropReason::EmptySection),
            ]
        );
    }
}
