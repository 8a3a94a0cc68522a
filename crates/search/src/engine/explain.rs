//! Explaining a score: why a page ranks where it does for a query, as
//! tantivy's explanation. For tuning the ranking (`praksis search
//! --explain`), not for readers.

use super::Engine;
use crate::error::SearchError;
use crate::query::Widening;

impl Engine {
    /// Why the page at `url` scores what it does for `text`: tantivy's score
    /// explanation as JSON, or `None` when the page is not in the index or
    /// the text has nothing to search for. For tuning, not for readers.
    pub fn explain(&self, text: &str, url: &str) -> Result<Option<String>, SearchError> {
        let searcher = self.reader.searcher();
        let Some(query) = self.words_query(&searcher, text, &mut Widening::default()) else {
            return Ok(None);
        };
        let Some(address) = self.address_of(&searcher, url)? else {
            return Ok(None);
        };
        match query.explain(&searcher, address) {
            Ok(explanation) => Ok(Some(explanation.to_pretty_json())),
            // The page does not match the query at all.
            Err(tantivy::TantivyError::InvalidArgument(_)) => Ok(Some("{}".to_string())),
            Err(err) => Err(err.into()),
        }
    }
}
