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

/// An engine over pages of (title, keywords, body): a title of even length
/// is "Type 0", of odd length "Type 1", and stands at its length / 10 on
/// the continuum.
pub(crate) fn keyword_engine(docs: &[(&str, &str, &str)]) -> Engine {
    engine_of(
        IndexBuilder::new(),
        docs.iter().map(|(title, keywords, body)| IndexDocument {
            keywords: vec![keywords.to_string()],
            taxonomies: [(
                "kildetype".to_string(),
                vec![format!("Type {}", title.len() % 2)],
            )]
            .into_iter()
            .collect(),
            continuum: Some(title.len() as f64 / 10.0),
            ..page(title, body)
        }),
    )
}

/// An engine on pages of (title, body), with these synonym groups.
pub(crate) fn engine_with_synonyms(groups: Vec<Vec<String>>, pages: &[(&str, &str)]) -> Engine {
    engine_of(
        IndexBuilder::new().with_synonyms(groups),
        pages.iter().map(|(title, body)| page(title, body)),
    )
}

/// An engine over pages of (title, body, methods, target groups).
pub(crate) fn tagged_engine(pages: &[(&str, &str, &[&str], &[&str])]) -> Engine {
    let terms = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    engine_of(
        IndexBuilder::new(),
        pages
            .iter()
            .map(|(title, body, methods, groups)| IndexDocument {
                taxonomies: [
                    ("metode".to_string(), terms(methods)),
                    ("maalgruppe".to_string(), terms(groups)),
                ]
                .into_iter()
                .collect(),
                ..page(title, body)
            }),
    )
}

/// The titles `results` found, sorted.
pub(crate) fn sorted_titles(results: &SearchResults) -> Vec<String> {
    let mut titles: Vec<String> = results.hits.iter().map(|h| h.title.clone()).collect();
    titles.sort();
    titles
}
