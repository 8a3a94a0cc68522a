//! Asking for every chunk a search will read in one round: tantivy reads
//! lazily and stops at the first chunk that is not here, so the engine
//! reads ahead what the query will need (postings, positions) and the
//! directory remembers every miss.

use tantivy::directory::{CompositeFile, Directory};
use tantivy::index::{SegmentComponent, SegmentId};
use tantivy::query::Query;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Reads the postings of every term in `query`, and their positions where
/// a phrase or passage needs them, so that chunks missing for any of them
/// are all reported at once. Failures are remembered by the directory, not
/// here.
pub(super) fn read_postings(searcher: &Searcher, query: &dyn Query) {
    let mut terms: Vec<(Term, bool)> = Vec::new();
    query.query_terms(&mut |term, positions| terms.push((term.clone(), positions)));
    read_terms_postings(searcher, terms);
}

/// Reads each term's postings, and its positions where flagged.
pub(super) fn read_terms_postings(
    searcher: &Searcher,
    terms: impl IntoIterator<Item = (Term, bool)>,
) {
    let terms: Vec<(Term, bool)> = terms.into_iter().collect();
    let needs_positions = terms.iter().any(|&(_, positions)| positions);
    for segment in searcher.segment_readers() {
        let positions_file = needs_positions
            .then(|| positions_file(searcher, segment.segment_id()))
            .flatten();
        for (term, positions) in &terms {
            let Ok(inverted) = segment.inverted_index(term.field()) else {
                continue;
            };
            let Ok(Some(info)) = inverted.get_term_info(term) else {
                continue;
            };
            let _ = inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::WithFreqs);
            // tantivy reads a term's positions only once its postings are
            // here; read them directly, or they would take a round of their own.
            if let (true, Some(file)) = (*positions, &positions_file) {
                if let Some(field) = file.open_read(term.field()) {
                    let _ = field.read_bytes_slice(info.positions_range.clone());
                }
            }
        }
    }
}

/// The positions file of the segment `id`, by fields.
fn positions_file(searcher: &Searcher, id: SegmentId) -> Option<CompositeFile> {
    let metas = searcher.index().searchable_segment_metas().ok()?;
    let meta = metas.iter().find(|meta| meta.id() == id)?;
    let path = meta.relative_path(SegmentComponent::Positions);
    let slice = searcher.index().directory().open_read(&path).ok()?;
    CompositeFile::open(&slice).ok()
}
