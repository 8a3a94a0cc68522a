//! Stage 4: content tree + templates + static files → the finished site.
//!
//! Renders the theme's Tera templates with Zola's variables (`page`,
//! `section`, `config`, `taxonomy`, `term`, `current_path`), so the same
//! project also builds with `zola build`.

mod aliases;
mod assets;
mod config;
mod functions;
mod load_data;
pub mod markdown;
mod model;
mod sorting;
mod zola_settings;

use std::path::Path;
use std::sync::Arc;

use serde_json::{json, Value};
use tera::{Context, Tera};

pub use config::SiteConfig;
pub use model::term_slug;

use crate::content::ContentTree;
use crate::error::Error;
use crate::files::replace_dir;
use model::SiteModel;

/// Where the site's inputs live.
pub struct SiteInputs<'a> {
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub tree: &'a ContentTree,
}

/// Renders every page into `output`, replacing it atomically. Returns the page count.
pub fn build(inputs: &SiteInputs, output: &Path) -> Result<usize, Error> {
    let model = Arc::new(SiteModel::build(inputs.tree, inputs.config)?);
    let mut tera = load_templates(inputs.root, inputs.config)?;
    functions::register(&mut tera, inputs.root, inputs.config, model.clone());
    let renderer = Renderer {
        tera: &tera,
        config: inputs.config,
    };
    let aliases = aliases::all(inputs.tree)?;
    let mut written = 0;
    replace_dir(output, |staging| {
        // First, as Zola does, so a real page at the same address wins.
        for (file, relative) in &aliases {
            let target = model
                .pages
                .get(relative)
                .or_else(|| model.sections.get(relative))
                .expect("aliases come from the tree's pages and sections, all in the model");
            let url = json!(target["permalink"]
                .as_str()
                .expect("the site model gives every page and section a permalink"));
            renderer.write_file(staging, file, aliases::TEMPLATE, None, &[("url", &url)])?;
        }
        for (relative, section) in &model.sections {
            // A section may name its own template in front matter, as in Zola.
            let own_template = inputs
                .tree
                .sections
                .iter()
                .find(|s| s.relative_path == *relative)
                .and_then(|s| s.front.template.as_deref());
            let template = match own_template {
                Some(name) => name,
                None if relative == "_index.md" => "index.html",
                None => "section.html",
            };
            let path = section["path"]
                .as_str()
                .expect("the site model gives every section a path");
            renderer.write(staging, path, template, &[("section", section)])?;
            written += 1;
        }
        for page in model.pages.values() {
            let path = page["path"]
                .as_str()
                .expect("the site model gives every page a path");
            renderer.write(staging, path, "page.html", &[("page", page)])?;
            written += 1;
        }
        for (name, terms) in &model.taxonomies {
            let taxonomy = json!({ "name": name });
            let list = json!(terms);
            renderer.write(
                staging,
                &format!("/{name}/"),
                "taxonomy_list.html",
                &[("taxonomy", &taxonomy), ("terms", &list)],
            )?;
            for term in terms {
                let path = term["path"]
                    .as_str()
                    .expect("the site model gives every term a path");
                renderer.write(
                    staging,
                    path,
                    "taxonomy_single.html",
                    &[("taxonomy", &taxonomy), ("term", term)],
                )?;
            }
            written += 1 + terms.len();
        }
        renderer.write_file(staging, "404.html", "404.html", None, &[])?;
        // As Zola does: every URL in sitemap.xml, and robots.txt pointing to it.
        let entries = json!(sitemap_entries(&model, inputs.config));
        renderer.write_file(
            staging,
            "sitemap.xml",
            "sitemap.xml",
            None,
            &[("entries", &entries)],
        )?;
        renderer.write_file(staging, "robots.txt", "robots.txt", None, &[])?;
        if inputs.config.generate_feeds() {
            let (pages, last_updated) = feed_pages(&model);
            let feed_url = json!(inputs.config.url_for("atom.xml"));
            renderer.write_file(
                staging,
                "atom.xml",
                "atom.xml",
                None,
                &[
                    ("pages", &pages),
                    ("last_updated", &last_updated),
                    ("feed_url", &feed_url),
                ],
            )?;
        }
        assets::copy_static(inputs.root, inputs.config, staging)
    })?;
    Ok(written + 1)
}

/// As Zola's feed: dated pages only, newest first; and the newest date.
fn feed_pages(model: &SiteModel) -> (Value, Value) {
    let mut dated: Vec<&Value> = model
        .pages
        .values()
        .filter(|page| page["date"].is_string())
        .collect();
    dated.sort_by(|a, b| {
        (b["date"].as_str(), a["permalink"].as_str())
            .cmp(&(a["date"].as_str(), b["permalink"].as_str()))
    });
    let last_updated = dated
        .first()
        .map_or(Value::Null, |page| page["date"].clone());
    (json!(dated), last_updated)
}

/// Zola's sitemap entries: every section, page and taxonomy URL, sorted.
fn sitemap_entries(model: &SiteModel, config: &SiteConfig) -> Vec<Value> {
    let lists: Vec<String> = model
        .taxonomies
        .keys()
        .map(|name| config.url_for(&format!("/{name}/")))
        .collect();
    // Pages are updated when their source was published (Zola: `updated` or `date`).
    let mut permalinks: Vec<(&str, Option<&str>)> = model
        .sections
        .values()
        .chain(model.pages.values())
        .filter_map(|v| Some((v["permalink"].as_str()?, v["date"].as_str())))
        .chain(
            model
                .taxonomies
                .values()
                .flatten()
                .filter_map(|term| Some((term["permalink"].as_str()?, None))),
        )
        .chain(lists.iter().map(|list| (list.as_str(), None)))
        .collect();
    permalinks.sort_unstable();
    permalinks.dedup_by(|a, b| a.0 == b.0);
    permalinks
        .into_iter()
        .map(|(permalink, updated)| json!({ "permalink": permalink, "updated": updated }))
        .collect()
}

struct Renderer<'a> {
    tera: &'a Tera,
    config: &'a SiteConfig,
}

impl Renderer<'_> {
    /// Renders `template` to `{path}index.html`.
    fn write(
        &self,
        root: &Path,
        path: &str,
        template: &str,
        values: &[(&str, &Value)],
    ) -> Result<(), Error> {
        let file = format!("{}index.html", path.trim_start_matches('/'));
        self.write_file(root, &file, template, Some(path), values)
    }

    fn write_file(
        &self,
        root: &Path,
        file: &str,
        template: &str,
        current_path: Option<&str>,
        values: &[(&str, &Value)],
    ) -> Result<(), Error> {
        let mut context = Context::new();
        context.insert("config", &self.config.raw);
        context.insert("lang", &self.config.default_language);
        if let Some(path) = current_path {
            context.insert("current_path", path);
            context.insert("current_url", &self.config.url_for(path));
        }
        for (name, value) in values {
            context.insert(*name, value);
        }
        let html = self.tera.render(template, &context).map_err(|err| {
            Error::template(&format!("templates/{template}"), describe_tera_error(&err))
        })?;
        let target = root.join(file);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
        }
        std::fs::write(&target, html).map_err(|err| Error::io(&target, err))
    }
}

/// Tera nests the real cause; show the whole chain on one line.
fn describe_tera_error(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// Theme templates first, then the site's own `templates/` overriding by name.
fn load_templates(root: &Path, config: &SiteConfig) -> Result<Tera, Error> {
    let mut tera = Tera::default();
    let mut dirs = Vec::new();
    if let Some(theme) = &config.theme {
        dirs.push(root.join("themes").join(theme).join("templates"));
    }
    dirs.push(root.join("templates"));
    let mut templates: Vec<(String, String)> = Vec::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for (name, path) in crate::files::files_under(dir)? {
            let text = std::fs::read_to_string(&path).map_err(|err| Error::io(&path, err))?;
            templates.retain(|(existing, _)| existing != &name);
            templates.push((name, text));
        }
    }
    if !templates.iter().any(|(name, _)| name == aliases::TEMPLATE) {
        templates.push((aliases::TEMPLATE.to_string(), aliases::BUILTIN.to_string()));
    }
    tera.add_raw_templates(templates)
        .map_err(|err| Error::template("templates/", describe_tera_error(&err)))?;
    tera.autoescape_on(vec![".html", ".xml"]);
    Ok(tera)
}
