//! The floor of tantivy in the browser: the least an engine built on tantivy
//! must ship. It opens an index from files in memory, through the engine's
//! own directory (`praksis_search::whole_files_directory`), and answers one
//! `TermQuery` with `TopDocs`, returning doc ids: no analysis, ranking of our
//! own, snippets, facets or JSON replies. Built for measurement alone, with
//! the engine's toolchain and flags (`./x floor`, docs/engine-size.md,
//! "What tantivy alone costs"); never published.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Index, Term};
use wasm_bindgen::prelude::*;

/// The doc ids of the `limit` best documents whose `field` holds the indexed
/// term `text` (taken as is, not analysed), best first.
pub fn top_doc_ids(
    files: &[(String, Vec<u8>)],
    field: &str,
    text: &str,
    limit: usize,
) -> tantivy::Result<Vec<u32>> {
    let index = Index::open(praksis_search::whole_files_directory(files))?;
    let field = index.schema().get_field(field)?;
    let query = TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    );
    let searcher = index.reader()?.searcher();
    let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
    Ok(top.into_iter().map(|(_, address)| address.doc_id).collect())
}

/// The index's files, handed over one by one from JavaScript.
#[wasm_bindgen]
#[derive(Default)]
pub struct Floor {
    files: Vec<(String, Vec<u8>)>,
}

#[wasm_bindgen]
impl Floor {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Floor {
        Floor::default()
    }

    pub fn add_file(&mut self, name: String, bytes: Vec<u8>) {
        self.files.push((name, bytes));
    }

    /// See [`top_doc_ids`].
    pub fn search(&self, field: &str, text: &str, limit: usize) -> Result<Vec<u32>, JsError> {
        top_doc_ids(&self.files, field, text, limit).map_err(|err| JsError::new(&err.to_string()))
    }
}
