//! Loads a Zola `content/` tree: pages and sections with parsed front matter.
//!
//! Both the index and the site stage read the tree through this module, the
//! way Zola would, so a hand-written page works exactly like a generated one.

use std::path::Path;

use crate::content::front_matter::{self, PageFrontMatter, SectionFrontMatter};
use crate::error::Error;
use crate::slug::slugify;

#[derive(Clone, Debug)]
pub struct LoadedPage {
    /// Relative to `content/`, e.g. `eksempler/basens-aktivitetscenter.md`.
    pub relative_path: String,
    /// Site path with trailing slash, e.g. `eksempler/basens-aktivitetscenter/`.
    pub path: String,
    pub slug: String,
    /// Top-level section folder, e.g. `eksempler` ("" for pages at the root).
    pub section: String,
    pub front: PageFrontMatter,
    pub markdown: String,
}

#[derive(Clone, Debug)]
pub struct LoadedSection {
    /// e.g. `eksempler/_index.md`, or `_index.md` for the home page.
    pub relative_path: String,
    /// e.g. `eksempler/`, or "" for the home page.
    pub path: String,
    pub front: SectionFrontMatter,
    pub markdown: String,
}

#[derive(Clone, Debug, Default)]
pub struct ContentTree {
    pub pages: Vec<LoadedPage>,
    pub sections: Vec<LoadedSection>,
}

impl ContentTree {
    pub fn load(dir: &Path) -> Result<ContentTree, Error> {
        let mut tree = ContentTree::default();
        for (relative, path) in crate::files::files_under(dir)? {
            if !relative.ends_with(".md") {
                continue;
            }
            let display = format!("content/{relative}");
            let bytes = std::fs::read(&path).map_err(|err| Error::io(&path, err))?;
            tree.add(
                &relative,
                &display,
                crate::files::decode_utf8(&display, &bytes)?,
            )?;
        }
        if !tree.sections.iter().any(|s| s.path.is_empty()) {
            return Err(Error::file(
                &dir.display().to_string(),
                "has no _index.md (the home page)",
            ));
        }
        Ok(tree)
    }

    /// Adds one file; `relative` is its path under `content/`.
    pub fn add(&mut self, relative: &str, display: &str, text: &str) -> Result<(), Error> {
        let (toml_text, markdown) = front_matter::split(display, text)?;
        let (folder, file) = relative.rsplit_once('/').unwrap_or(("", relative));
        // As Zola does by default (`slugify.paths = "on"`): a file named
        // `a"b.md` must not put a quote into every link to it.
        let folder = folder.split('/').map(slugify).collect::<Vec<_>>().join("/");
        let folder = folder.as_str();
        if file == "_index.md" {
            self.sections.push(LoadedSection {
                relative_path: relative.to_string(),
                path: if folder.is_empty() {
                    String::new()
                } else {
                    format!("{folder}/")
                },
                front: front_matter::parse(display, &toml_text)?,
                markdown,
            });
        } else {
            let slug = slugify(file.trim_end_matches(".md"));
            if slug.is_empty() {
                return Err(Error::file(
                    display,
                    "the file name has no letters or digits to make its address from",
                ));
            }
            let path = if folder.is_empty() {
                format!("{slug}/")
            } else {
                format!("{folder}/{slug}/")
            };
            self.pages.push(LoadedPage {
                relative_path: relative.to_string(),
                path,
                slug,
                section: folder.split('/').next().unwrap_or("").to_string(),
                front: front_matter::parse(display, &toml_text)?,
                markdown,
            });
        }
        Ok(())
    }
}
