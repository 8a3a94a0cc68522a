//! The floor answers a TermQuery on an index the engine's builder wrote, so
//! what it measures is a working reader, not code the compiler could drop.

use praksis_search::{IndexBuilder, IndexDocument};
use praksis_tantivy_floor::top_doc_ids;

fn page(url: &str) -> IndexDocument {
    IndexDocument {
        title: format!("Side {url}"),
        keywords: Vec::new(),
        headings: Vec::new(),
        taxonomies: Default::default(),
        tags: Vec::new(),
        tag_words: Vec::new(),
        continuum: None,
        age: None,
        body: "Et forløb med mentor og jobklub.".into(),
        wishes: Vec::new(),
        url: url.into(),
        section: "eksempler".into(),
    }
}

#[test]
fn finds_the_one_page_with_the_term() {
    let mut builder = IndexBuilder::new();
    for url in ["/a/", "/b/", "/c/"] {
        builder.add(page(url));
    }
    let files = builder.build().expect("three plain pages index").files;
    // The builder sorts pages by address, so /b/ is doc 1.
    assert_eq!(
        top_doc_ids(&files, "url", "/b/", 10).expect("opens"),
        vec![1]
    );
    assert!(top_doc_ids(&files, "url", "/d/", 10)
        .expect("opens")
        .is_empty());
    assert!(top_doc_ids(&files, "no such field", "/b/", 10).is_err());
}
