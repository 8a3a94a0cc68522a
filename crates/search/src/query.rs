//! Turns what a user typed into a tantivy query, built by hand rather than with
//! `QueryParser`: user text is never syntax, so no query can fail to parse.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::analyze;
use crate::schema::IndexFields;

/// Longest query text considered; the rest of a pasted essay adds nothing.
const MAX_QUERY_CHARS: usize = 500;
const MAX_QUERY_TERMS: usize = 32;

/// Title and keywords describe a page better than a passing mention in the body.
fn boosted_fields(fields: &IndexFields) -> [(Field, f32); 3] {
    [
        (fields.title, 3.0),
        (fields.keywords, 2.0),
        (fields.body, 1.0),
    ]
}

/// The distinct analyzed terms of the query text, in order of first use.
pub(crate) fn query_terms(text: &str) -> Vec<String> {
    let clipped: String = text.chars().take(MAX_QUERY_CHARS).collect();
    let mut terms: Vec<String> = Vec::new();
    for term in analyze(&clipped) {
        if !terms.contains(&term) && terms.len() < MAX_QUERY_TERMS {
            terms.push(term);
        }
    }
    terms
}

/// `None` when the text has no searchable word.
pub(crate) fn build_query(text: &str, fields: &IndexFields) -> Option<Box<dyn Query>> {
    let terms = query_terms(text);
    if terms.is_empty() {
        return None;
    }
    let per_term: Vec<(Occur, Box<dyn Query>)> = terms
        .iter()
        .map(|term| {
            let across_fields: Vec<(Occur, Box<dyn Query>)> = boosted_fields(fields)
                .into_iter()
                .map(|(field, boost)| {
                    let term_query = TermQuery::new(
                        Term::from_field_text(field, term),
                        IndexRecordOption::WithFreqs,
                    );
                    let boosted: Box<dyn Query> =
                        Box::new(BoostQuery::new(Box::new(term_query), boost));
                    (Occur::Should, boosted)
                })
                .collect();
            let query: Box<dyn Query> = Box::new(BooleanQuery::new(across_fields));
            (Occur::Should, query)
        })
        .collect();
    Some(Box::new(BooleanQuery::new(per_term)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_and_empty_queries_have_no_terms() {
        assert!(query_terms("").is_empty());
        assert!(query_terms("\"((--**").is_empty());
    }

    #[test]
    fn terms_are_deduplicated_and_bounded() {
        assert_eq!(query_terms("job job Job").len(), 1);
        let essay = "ord ".repeat(10_000) + &(0..100).map(|i| format!("w{i} ")).collect::<String>();
        assert!(query_terms(&essay).len() <= MAX_QUERY_TERMS);
    }
}
