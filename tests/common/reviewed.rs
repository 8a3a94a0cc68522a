//! A copy of the project in which an editor has confirmed some of the
//! machine's tags, built: what term pages and the gap map must then show
//! as reviewed.

use super::{repo_root, Fixture};

/// A copy of the project in which an editor has confirmed one example's
/// first method and target group, built; and those two decisions.
pub fn built_with_one_reviewed_page() -> (Fixture, Vec<Decision>) {
    let fixture = Fixture::new();
    let committed =
        praksis::content::ContentTree::load(&repo_root().join("content")).expect("content");
    let sentence = |page: &praksis::content::LoadedPage, taxonomy: &str| {
        page.front
            .extra
            .evidence
            .iter()
            .find(|e| e.taxonomy == taxonomy)
            .cloned()
    };
    let (page, method, group) = committed
        .pages
        .iter()
        .filter(|p| p.section == "eksempler")
        .find_map(|p| Some((p, sentence(p, "metode")?, sentence(p, "maalgruppe")?)))
        .expect("an example with both tags");
    let mut decisions =
        std::fs::read_to_string(fixture.path().join("curation/tags.toml")).expect("tags.toml");
    for evidence in [&method, &group] {
        decisions.push_str(&format!(
            "\n[[accept]]\npage = {:?}\ntaxonomy = {:?}\nterm = {:?}\nsentence = {:?}\n",
            page.slug, evidence.taxonomy, evidence.term, evidence.sentence
        ));
    }
    std::fs::write(fixture.path().join("curation/tags.toml"), decisions).expect("write tags.toml");
    fixture.build(&[]);
    let decisions = [method, group]
        .into_iter()
        .map(|e| Decision {
            page: page.slug.clone(),
            taxonomy: e.taxonomy,
            term: e.term,
            sentence: e.sentence,
        })
        .collect();
    (fixture, decisions)
}

/// An editor's decision to keep a tag, as curation/tags.toml records it.
pub struct Decision {
    pub page: String,
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
}
