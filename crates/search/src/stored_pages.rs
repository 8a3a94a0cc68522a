//! The stored pages of recent hits, read from the index once and kept with
//! their folded words (see [`BodyWords`]).
//!
//! Reading a page means decoding its stored document (the whole body, checked
//! as UTF-8) and folding its words for the snippet; a reader's next
//! keystroke, and the next query on a small site, mostly find the same pages
//! again, so both are done once per page, not once per query.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use tantivy::{DocAddress, Searcher};

use crate::schema::IndexFields;
use crate::snippets::BodyWords;
use crate::stored_text::StoredText;

/// Pages kept; the cache starts over beyond this.
const KEPT_PAGES: usize = 500;

/// A hit's stored fields, and its body's words for choosing a snippet.
pub(crate) struct StoredPage {
    pub title: String,
    pub url: String,
    pub section: String,
    pub body: String,
    /// The page's keywords (its places among them, "Sydsjælland").
    pub keywords: Vec<String>,
    pub words: BodyWords,
    /// Where the body's wish sentences stand (byte ranges).
    pub wishes: Vec<Range<usize>>,
}

impl StoredPage {
    /// Does the body's byte `at` stand in one of its wish sentences?
    pub fn wished_at(&self, at: usize) -> bool {
        self.wishes.iter().any(|wish| wish.contains(&at))
    }

    fn from_document(document: &StoredText, fields: &IndexFields) -> StoredPage {
        let body = document.first(fields.body);
        // The writer stores only sentences the body holds.
        let wishes = document
            .all(fields.wishes)
            .filter_map(|wish| body.find(wish).map(|at| at..at + wish.len()))
            .collect();
        StoredPage {
            wishes,
            title: document.first(fields.title),
            url: document.first(fields.url),
            section: document.first(fields.section),
            keywords: document.all(fields.keywords).map(String::from).collect(),
            words: BodyWords::new(&body),
            body,
        }
    }
}

#[derive(Default)]
pub(crate) struct StoredPages {
    cache: Mutex<HashMap<DocAddress, Arc<StoredPage>>>,
}

impl StoredPages {
    /// The page at `address`, from the cache or from the index. A read that
    /// fails (a chunk not here yet) is not remembered.
    pub(crate) fn get(
        &self,
        searcher: &Searcher,
        fields: &IndexFields,
        address: DocAddress,
    ) -> tantivy::Result<Arc<StoredPage>> {
        if let Some(page) = self.lock().as_ref().and_then(|cache| cache.get(&address)) {
            return Ok(page.clone());
        }
        let document: StoredText = searcher.doc(address)?;
        let page = Arc::new(StoredPage::from_document(&document, fields));
        if let Some(cache) = self.lock().as_mut() {
            if cache.len() >= KEPT_PAGES {
                cache.clear();
            }
            cache.insert(address, page.clone());
        }
        Ok(page)
    }

    /// The cache, unless a panic poisoned its lock (then pages are read afresh).
    fn lock(&self) -> Option<std::sync::MutexGuard<'_, HashMap<DocAddress, Arc<StoredPage>>>> {
        self.cache.lock().ok()
    }
}
