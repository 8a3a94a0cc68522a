//! Pages as the tests read them: every generated page of a section, parsed
//! (front matter and readable text); the examples with their title and
//! keywords; and a page file's front matter and Markdown body.

use std::path::Path;

use praksis::content::front_matter::{parse, split, PageFrontMatter};
use praksis::pipeline::{self, Project};

use super::{normalize, repo_root};

/// Every example page, parsed: (path, front matter, readable text with its
/// title and keywords).
pub fn examples() -> Vec<(String, PageFrontMatter, String)> {
    pages_of("eksempler/")
        .into_iter()
        .map(|(path, (front, body))| {
            let text = format!(
                "{}\n{}\n{body}",
                front.title,
                front.extra.keywords.join("\n")
            );
            (path, front, normalize(&text))
        })
        .collect()
}

/// Every generated page of `section`, parsed: path → (front matter, readable text).
pub fn pages_of(section: &str) -> std::collections::BTreeMap<String, (PageFrontMatter, String)> {
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    generated
        .files
        .iter()
        .filter(|f| f.path.starts_with(section) && !f.path.ends_with("_index.md"))
        .map(|f| {
            let (front, body) = split(&f.path, &f.text).expect("front matter");
            let front: PageFrontMatter = parse(&f.path, &front).expect("page front matter");
            let text = normalize(&praksis::index::plain_text(&body));
            (f.path.clone(), (front, text))
        })
        .collect()
}

/// A page file in `content/`: its front matter and Markdown body.
pub fn front_and_body(path: &Path) -> (PageFrontMatter, String) {
    let text = std::fs::read_to_string(path).expect("page");
    let name = path.display().to_string();
    let (front, body) = split(&name, &text).expect("front matter");
    (parse(&name, &front).expect("parse"), body)
}
