//! Related pages: for each page, the pages of a section most like it, by the
//! page's most distinctive terms. Used by the build alone (the "related
//! examples" on every page); the browser never calls it, and its code is
//! left out of the WebAssembly by the linker as unused.

use std::collections::BTreeMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::Engine;
use crate::analysis::analyze;
use crate::error::SearchError;
use crate::hit::Hit;
use crate::stopwords::is_stop_word;
use crate::stored_text::StoredText;

/// Extra more-like-this results fetched, since some are filtered out.
const RELATED_CANDIDATES: usize = 20;
/// Terms describing a page for "related": how many, and how short at least.
const LIKE_TERMS: usize = 40;
const LIKE_MIN_TERM_CHARS: usize = 4;

impl Engine {
    /// Pages of `section` most like the page at `url`, best first, at most `limit`:
    /// tantivy's more-like-this over the page's own title, keywords and text.
    pub fn related(&self, url: &str, section: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let Some(address) = self.address_of(&searcher, url)? else {
            return Ok(Vec::new());
        };
        let page: StoredText = searcher.doc(address)?;
        // Only pages of `section` are scored: with thousands of pages in
        // other sections, ranking them all for every page made builds quadratic.
        let in_section: Box<dyn Query> = Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.section, section),
                IndexRecordOption::Basic,
            )),
            0.0,
        ));
        let like = BooleanQuery::new(vec![
            (Occur::Must, in_section),
            (Occur::Must, self.like_query(&searcher, &page)?),
        ]);
        let candidates = searcher.search(
            &like,
            &TopDocs::with_limit(limit + RELATED_CANDIDATES).order_by_score(),
        )?;
        let mut related = Vec::new();
        for (score, candidate) in candidates {
            let doc: StoredText = searcher.doc(candidate)?;
            let candidate_url = doc.first(self.fields.url);
            if candidate_url == url || doc.first(self.fields.section) != section {
                continue;
            }
            related.push(Hit {
                title: doc.first(self.fields.title),
                url: candidate_url,
                section: section.to_string(),
                snippet: String::new(),
                wish: false,
                wider: false,
                judged: false,
                score,
            });
            if related.len() == limit {
                break;
            }
        }
        Ok(related)
    }

    /// The page's most distinctive terms (tf·idf), weighted, as one query.
    /// Built by hand rather than with `MoreLikeThisQuery`, whose choice among
    /// equally good terms varies from run to run: related lists must not.
    fn like_query(
        &self,
        searcher: &tantivy::Searcher,
        page: &StoredText,
    ) -> Result<Box<dyn Query>, SearchError> {
        let text = [self.fields.title, self.fields.keywords, self.fields.body]
            .iter()
            .flat_map(|&field| page.all(field))
            .collect::<Vec<_>>()
            .join("\n");
        let mut frequency: BTreeMap<String, u32> = BTreeMap::new();
        for term in analyze(&text) {
            if term.chars().count() >= LIKE_MIN_TERM_CHARS && !is_stop_word(&term) {
                *frequency.entry(term).or_default() += 1;
            }
        }
        let documents = searcher.num_docs() as f32;
        let mut weighted: Vec<(f32, String)> = Vec::new();
        for (term, count) in frequency {
            let doc_freq = searcher.doc_freq(&Term::from_field_text(self.fields.text, &term))?;
            if count >= 2 && doc_freq >= 2 {
                let idf = (documents / doc_freq as f32).ln();
                weighted.push((count as f32 * idf, term));
            }
        }
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let clauses = weighted
            .into_iter()
            .take(LIKE_TERMS)
            .map(|(weight, term)| {
                let query = TermQuery::new(
                    Term::from_field_text(self.fields.text, &term),
                    IndexRecordOption::WithFreqs,
                );
                let boosted: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(query), weight));
                (Occur::Should, boosted)
            })
            .collect();
        Ok(Box::new(BooleanQuery::new(clauses)))
    }
}
