//! Test fixtures shared by the engine's and the query's tests: a page as
//! the site indexes one, and an engine built on pages as the site builds
//! its index.

use crate::engine::Engine;
use crate::hit::SearchResults;
use crate::writer::{IndexBuilder, IndexDocument};

/// A practice example titled `title`, at `eksempler/<title>/`.
pub(crate) fn page(title: &str, body: &str) -> IndexDocument {
    IndexDocument {
        title: title.to_string(),
        body: body.to_string(),
        url: format!("eksempler/{}/", title.to_lowercase().replace(' ', "-")),
        section: "eksempler".into(),
        ..IndexDocument::default()
    }
}

/// The engine `builder` builds on `pages`.
pub(crate) fn engine_of(
    mut builder: IndexBuilder,
    pages: impl IntoIterator<Item = IndexDocument>,
) -> Engine {
    for page in pages {
        builder.add(page);
    }
    let built = builder.build().expect("index builds");
    Engine::from_files(built.manifest.to_json().as_bytes(), built.files).expect("opens")
}

/// The titles of the pages `results` found as typed, in order: not those
/// the wider search that follows a few pages added.
pub(crate) fn titles_as_typed(results: &SearchResults) -> Vec<&str> {
    results
        .hits
        .iter()
        .filter(|hit| !hit.wider)
        .map(|hit| hit.title.as_str())
        .collect()
}
