//! What the best pages practise, and for whom, ranks the rest: a page that
//! shares the methods, target groups and lessons of the few pages a query
//! finds first rises among the pages it matches. A reader asking
//! "håndholdt indsats" means the kind of effort the best pages are; a page
//! of that kind that writes the words once ranks above one that names them
//! in passing. The tags are read from the taxonomy column every search
//! already holds: no fetch of its own.

use std::collections::HashSet;

use tantivy::schema::Facet;
use tantivy::{DocAddress, Score, Searcher};

use crate::error::SearchError;

/// How many of the best pages say what kind of page is meant.
pub(super) const LEADING_PAGES: usize = 3;
/// The pages ranked again, at least: those a page may rise from.
pub(super) const CANDIDATES: usize = 40;
/// A page sharing every kind tag of every leading page rises by this share
/// of the best page's score (0.15–0.35 ranked alike on the tuned-on sets'
/// cross-validated figures; 0.5 worse).
const SHARE: f32 = 0.3;

/// `matched` (best first) with each page raised by [`SHARE`] of the best
/// page's score times the share of each leading page's kind tags (terms of
/// `kind_taxonomies`) it holds, averaged over the leading pages (a page is
/// not compared with itself).
pub(super) fn feedback_order(
    searcher: &Searcher,
    kind_taxonomies: &[String],
    matched: Vec<(Score, DocAddress)>,
) -> Result<Vec<(Score, DocAddress)>, SearchError> {
    let Some(&(best, _)) = matched.first() else {
        return Ok(matched);
    };
    if matched.len() <= LEADING_PAGES || kind_taxonomies.is_empty() {
        return Ok(matched);
    }
    let kinds = |address: DocAddress| -> Result<HashSet<String>, SearchError> {
        let reader = searcher
            .segment_reader(address.segment_ord)
            .facet_reader("taxonomies")?;
        let mut facet = Facet::root();
        let mut kinds = HashSet::new();
        for ord in reader.facet_ords(address.doc_id) {
            reader.facet_from_ord(ord, &mut facet)?;
            let path = facet.to_path();
            if path
                .first()
                .is_some_and(|taxonomy| kind_taxonomies.iter().any(|k| k == taxonomy))
            {
                // The encoded path, not `to_string()`: tantivy escapes a
                // facet's slashes for display with a regex, and that would
                // link the regex crate's tables into the WebAssembly
                // (docs/engine-size.md).
                kinds.insert(facet.encoded_str().to_string());
            }
        }
        Ok(kinds)
    };
    // Each page's kind tags, read once: the leading pages' serve twice.
    let tagged: Vec<(Score, DocAddress, HashSet<String>)> = matched
        .into_iter()
        .map(|(score, address)| Ok((score, address, kinds(address)?)))
        .collect::<Result<_, SearchError>>()?;
    let leading = &tagged[..LEADING_PAGES];
    let mut raised = Vec::with_capacity(tagged.len());
    for (score, address, own) in &tagged {
        let shared: f32 = leading
            .iter()
            .filter(|(_, leader, theirs)| leader != address && !theirs.is_empty())
            .map(|(_, _, theirs)| own.intersection(theirs).count() as f32 / theirs.len() as f32)
            .sum();
        let lift = SHARE * best * shared / LEADING_PAGES as f32;
        raised.push((score + lift, *address));
    }
    raised.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(raised)
}
