//! A query whose score grows with its inner query's but never past a cap:
//! how a page using a synonym of the typed word is scored, so a page that
//! says "misbrugere" nine times ranks above one that says it once, and
//! neither above a page using the word typed.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

/// `min(inner score × scale, cap)`.
pub(crate) struct CappedQuery {
    inner: Box<dyn Query>,
    scale: Score,
    cap: Score,
}

impl CappedQuery {
    pub fn new(inner: Box<dyn Query>, scale: Score, cap: Score) -> CappedQuery {
        CappedQuery { inner, scale, cap }
    }
}

impl Clone for CappedQuery {
    fn clone(&self) -> Self {
        CappedQuery {
            inner: self.inner.box_clone(),
            scale: self.scale,
            cap: self.cap,
        }
    }
}

impl fmt::Debug for CappedQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "Capped(query={:?}, scale={}, cap={})",
            self.inner, self.scale, self.cap
        )
    }
}

impl Query for CappedQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(CappedWeight {
            inner: self.inner.weight(enable_scoring)?,
            scale: self.scale,
            cap: self.cap,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

struct CappedWeight {
    inner: Box<dyn Weight>,
    scale: Score,
    cap: Score,
}

impl Weight for CappedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(CappedScorer {
            inner: self.inner.scorer(reader, self.scale)?,
            cap: self.cap,
            boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let score = (inner.value() * self.scale).min(self.cap);
        let mut explanation = Explanation::new_with_string(
            format!("min(x{} of ..., {})", self.scale, self.cap),
            score,
        );
        explanation.add_detail(inner);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct CappedScorer {
    inner: Box<dyn Scorer>,
    cap: Score,
    boost: Score,
}

impl DocSet for CappedScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for CappedScorer {
    fn score(&mut self) -> Score {
        self.inner.score().min(self.cap) * self.boost
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::TermQuery;
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn grows_with_use_and_stops_at_the_cap() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("an index in memory");
        for body in [
            "misbrug a b c d",
            "misbrug misbrug misbrug a b",
            "a b c d e",
        ] {
            writer
                .add_document(doc!(text => body))
                .expect("a plain document");
        }
        writer.commit().expect("an index in memory");
        let searcher = index.reader().expect("an index in memory").searcher();
        let scores = |rate: f32, cap: f32| -> Vec<f32> {
            let term = TermQuery::new(
                Term::from_field_text(text, "misbrug"),
                IndexRecordOption::WithFreqs,
            );
            let capped = CappedQuery::new(Box::new(term), rate, cap);
            let top = searcher
                .search(&capped, &TopDocs::with_limit(10).order_by_score())
                .expect("a search in memory");
            top.into_iter().map(|(score, _)| score).collect()
        };
        // Below the cap: the page using the word thrice scores higher.
        let [more, once] = scores(0.1, 10.0)[..] else {
            panic!("two pages use the word")
        };
        assert!(more > once && once > 0.0);
        // A high rate reaches the cap on both pages, and no further.
        assert_eq!(scores(100.0, 2.0), [2.0, 2.0]);
    }
}
