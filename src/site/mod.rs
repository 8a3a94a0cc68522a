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

use serde::Serialize;
use tera::{Context, Tera};

pub use config::SiteConfig;
pub use model::term_slug;

use crate::content::ContentTree;
use crate::error::Error;
use crate::files::replace_dir;
use model::{Page, SiteModel};

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
            let url = model
                .pages
                .get(relative)
                .map(|page| &page.permalink)
                .or_else(|| {
                    model
                        .sections
                        .get(relative)
                        .map(|section| &section.permalink)
                })
                .expect("aliases::all names only pages and sections of the tree");
            renderer.write_file(staging, file, aliases::TEMPLATE, None, vars("url", url))?;
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
            renderer.write(staging, &section.path, template, vars("section", section))?;
            written += 1;
        }
        for page in model.pages.values() {
            renderer.write(staging, &page.path, "page.html", vars("page", page))?;
            written += 1;
        }
        for (name, taxonomy) in &model.taxonomies {
            renderer.write(
                staging,
                &format!("/{name}/"),
                "taxonomy_list.html",
                vars("taxonomy", &taxonomy.kind).with("terms", &taxonomy.items),
            )?;
            for term in &taxonomy.items {
                renderer.write(
                    staging,
                    &term.path,
                    "taxonomy_single.html",
                    vars("taxonomy", &taxonomy.kind).with("term", term),
                )?;
            }
            written += 1 + taxonomy.items.len();
        }
        renderer.write_file(staging, "404.html", "404.html", None, Vars::none())?;
        // As Zola does: every URL in sitemap.xml, and robots.txt pointing to it.
        let lists: Vec<String> = model
            .taxonomies
            .keys()
            .map(|name| inputs.config.url_for(&format!("/{name}/")))
            .collect();
        let entries = sitemap_entries(&model, &lists);
        renderer.write_file(
            staging,
            "sitemap.xml",
            "sitemap.xml",
            None,
            vars("entries", &entries),
        )?;
        renderer.write_file(staging, "robots.txt", "robots.txt", None, Vars::none())?;
        if inputs.config.generate_feeds() {
            let (pages, last_updated) = feed_pages(&model);
            let feed_url = inputs.config.url_for("atom.xml");
            renderer.write_file(
                staging,
                "atom.xml",
                "atom.xml",
                None,
                vars("pages", &pages)
                    .with("last_updated", &last_updated)
                    .with("feed_url", &feed_url),
            )?;
        }
        assets::copy_static(inputs.root, inputs.config, staging)
    })?;
    Ok(written + 1)
}

/// As Zola's feed: dated pages only, newest first; and the newest date.
fn feed_pages(model: &SiteModel) -> (Vec<&Page>, Option<&str>) {
    let mut dated: Vec<&Page> = model
        .pages
        .values()
        .filter(|page| page.date.is_some())
        .collect();
    dated.sort_by(|a, b| (&b.date, &a.permalink).cmp(&(&a.date, &b.permalink)));
    let last_updated = dated.first().and_then(|page| page.date.as_deref());
    (dated, last_updated)
}

/// One `<url>` of sitemap.xml.
#[derive(Serialize)]
struct SitemapEntry<'a> {
    permalink: &'a str,
    updated: Option<&'a str>,
}

/// Zola's sitemap entries: every section, page and taxonomy URL, sorted.
fn sitemap_entries<'a>(model: &'a SiteModel, lists: &'a [String]) -> Vec<SitemapEntry<'a>> {
    // Pages are updated when their source was published (Zola: `updated` or `date`).
    let mut entries: Vec<SitemapEntry> = model
        .sections
        .values()
        .map(|section| (section.permalink.as_str(), None))
        .chain(
            model
                .pages
                .values()
                .map(|page| (page.permalink.as_str(), page.date.as_deref())),
        )
        .chain(
            model
                .taxonomies
                .values()
                .flat_map(|taxonomy| &taxonomy.items)
                .map(|term| (term.permalink.as_str(), None)),
        )
        .chain(lists.iter().map(|list| (list.as_str(), None)))
        .map(|(permalink, updated)| SitemapEntry { permalink, updated })
        .collect();
    entries.sort_unstable_by(|a, b| (a.permalink, a.updated).cmp(&(b.permalink, b.updated)));
    entries.dedup_by(|a, b| a.permalink == b.permalink);
    entries
}

/// The variables one template render gets besides Zola's global ones.
struct Vars(Context);

impl Vars {
    fn none() -> Vars {
        Vars(Context::new())
    }

    fn with<T: Serialize + ?Sized>(mut self, name: &str, value: &T) -> Vars {
        self.0.insert(name, value);
        self
    }
}

fn vars<T: Serialize + ?Sized>(name: &str, value: &T) -> Vars {
    Vars::none().with(name, value)
}

struct Renderer<'a> {
    tera: &'a Tera,
    config: &'a SiteConfig,
}

impl Renderer<'_> {
    /// Renders `template` to `{path}index.html`.
    fn write(&self, root: &Path, path: &str, template: &str, values: Vars) -> Result<(), Error> {
        let file = format!("{}index.html", path.trim_start_matches('/'));
        self.write_file(root, &file, template, Some(path), values)
    }

    fn write_file(
        &self,
        root: &Path,
        file: &str,
        template: &str,
        current_path: Option<&str>,
        values: Vars,
    ) -> Result<(), Error> {
        let mut context = values.0;
        context.insert("config", &self.config.raw);
        context.insert("lang", &self.config.default_language);
        if let Some(path) = current_path {
            context.insert("current_path", path);
            context.insert("current_url", &self.config.url_for(path));
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
