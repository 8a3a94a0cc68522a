//! How the pages write the words a rewrite note names. Spelling
//! corrections and completions come from the index's whole words, which
//! are folded ("hjemlose"); a reader reads those as misspellings, so each
//! is shown as a page that has it writes it ("hjemløse").

use std::collections::BTreeMap;
use std::sync::Arc;

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

use crate::fold::fold_danish;
use crate::hit::{Rewrite, RewriteKind};
use crate::schema::IndexFields;
use crate::stored_pages::StoredPage;

/// A word of a rewrite note and a page that has it, to read its form from.
pub(super) struct Lookup {
    folded: String,
    pub address: Option<DocAddress>,
}

/// Does a rewrite name words as the pages write them, to be looked up?
/// Curated synonyms are written as they should read, and an age range is
/// the engine's own words ("56 år eller ældre").
fn names_page_words(rewrite: &Rewrite) -> bool {
    !matches!(rewrite.kind, RewriteKind::Synonym | RewriteKind::Age)
}

/// For every word `rewrites` name as pages write them (see
/// [`names_page_words`]), a page whose words hold it.
pub(super) fn lookups(
    searcher: &Searcher,
    fields: &IndexFields,
    rewrites: &[Rewrite],
) -> tantivy::Result<Vec<Lookup>> {
    let mut found = Vec::new();
    for (folded, term) in lookup_terms(fields, rewrites) {
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let address = top.first().map(|&(_, address)| address);
        found.push(Lookup { folded, address });
    }
    Ok(found)
}

/// The words [`lookups`] looks up, folded, each with its term among the
/// whole words: their postings can be fetched with the query's.
pub(super) fn lookup_terms(fields: &IndexFields, rewrites: &[Rewrite]) -> Vec<(String, Term)> {
    rewrites
        .iter()
        .filter(|r| names_page_words(r))
        .flat_map(|rewrite| &rewrite.also)
        .map(|word| {
            let folded = fold_danish(word);
            let term = Term::from_field_text(fields.words, &folded);
            (folded, term)
        })
        .collect()
}

/// `rewrites` with each looked-up word as `pages` (one per lookup, in
/// order) write it. A correction or completion no page writes is left out
/// (the index has it from a keyword, say); a part of what was typed is
/// kept as typed.
pub(super) fn rewrite_as_written(
    rewrites: &mut Vec<Rewrite>,
    lookups: &[Lookup],
    pages: &[Option<Arc<StoredPage>>],
) {
    let mut read_as: BTreeMap<String, String> = BTreeMap::new();
    let mut written = lookups.iter().zip(pages).map(|(lookup, page)| {
        page.as_ref()
            .and_then(|page| written_in(page, &lookup.folded))
    });
    for rewrite in rewrites.iter_mut() {
        if !names_page_words(rewrite) {
            continue;
        }
        // A compound's parts are the reader's own letters; a misspelt word's
        // reading may be a word of the synonym list no page writes.
        let keep_unwritten = matches!(
            rewrite.kind,
            RewriteKind::Compound | RewriteKind::Joined | RewriteKind::Spelling
        );
        let also = std::mem::take(&mut rewrite.also);
        for word in also {
            // One lookup per word, in the same order as `lookups` made them.
            match written.next().flatten() {
                Some(surface) => {
                    if rewrite.kind == RewriteKind::Spelling {
                        read_as.insert(word, surface.clone());
                    }
                    rewrite.also.push(surface)
                }
                None if keep_unwritten => rewrite.also.push(word),
                None => {}
            }
        }
    }
    rewrites.retain(|rewrite| !rewrite.also.is_empty());
    // A misspelt word read as a word the pages write is what the other
    // rewrites were made from ("stotteprson" read as "støtteperson", then
    // split): they name it as the pages write it too, not folded.
    for rewrite in rewrites.iter_mut() {
        let typed: Vec<&str> = rewrite
            .typed
            .split(' ')
            .map(|word| read_as.get(word).map_or(word, String::as_str))
            .collect();
        rewrite.typed = typed.join(" ");
    }
}

/// How `page` writes the word folded as `folded`: in its text, its title or
/// its keywords (a place it names only there, "Sydsjælland").
fn written_in(page: &StoredPage, folded: &str) -> Option<String> {
    if let Some(surface) = page.words.surface(folded) {
        return Some(surface.to_string());
    }
    std::iter::once(&page.title)
        .chain(&page.keywords)
        .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
        .find(|word| fold_danish(word) == folded)
        .map(str::to_lowercase)
}
