//! A collector that hands another only the chosen pages among those a query
//! matches: facet counts of exactly the pages a search shows.

use std::collections::BTreeSet;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// `inner`, fed only the pages of `pages`.
pub(super) struct ChosenPages<C> {
    pub pages: BTreeSet<DocAddress>,
    pub inner: C,
}

pub(super) struct ChosenInSegment<C> {
    docs: BTreeSet<DocId>,
    inner: C,
}

impl<C: Collector> Collector for ChosenPages<C> {
    type Fruit = C::Fruit;
    type Child = ChosenInSegment<C::Child>;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let docs = self
            .pages
            .iter()
            .filter(|page| page.segment_ord == segment)
            .map(|page| page.doc_id)
            .collect();
        Ok(ChosenInSegment {
            docs,
            inner: self.inner.for_segment(segment, reader)?,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.inner.requires_scoring()
    }

    fn merge_fruits(
        &self,
        fruits: Vec<<Self::Child as SegmentCollector>::Fruit>,
    ) -> tantivy::Result<Self::Fruit> {
        self.inner.merge_fruits(fruits)
    }
}

impl<C: SegmentCollector> SegmentCollector for ChosenInSegment<C> {
    type Fruit = C::Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        if self.docs.contains(&doc) {
            self.inner.collect(doc, score);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.inner.harvest()
    }
}
