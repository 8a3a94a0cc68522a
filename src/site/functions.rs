//! Zola's template functions that Praksisbasen's theme uses: `get_url`,
//! `get_section`, `get_page`, `get_taxonomy`, `get_taxonomy_url`, `load_data`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde_json::Value;
use tera::Tera;

use super::config::SiteConfig;
use super::model::{term_slug, SiteModel};

fn string_arg(args: &HashMap<String, Value>, name: &str, function: &str) -> tera::Result<String> {
    args.get(name)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| tera::Error::msg(format!("{function}: missing string argument `{name}`")))
}

/// `get_section(path=…)` / `get_page(path=…)`: a content item by relative path.
fn lookup<'a, T>(
    items: &'a BTreeMap<String, T>,
    args: &HashMap<String, Value>,
    function: &str,
) -> tera::Result<&'a T> {
    let path = string_arg(args, "path", function)?;
    items
        .get(&path)
        .ok_or_else(|| tera::Error::msg(format!("{function}: nothing at {path}")))
}

fn to_value<T: Serialize>(item: &T) -> tera::Result<Value> {
    serde_json::to_value(item).map_err(|err| tera::Error::msg(err.to_string()))
}

pub fn register(tera: &mut Tera, root: &Path, config: &SiteConfig, model: Arc<SiteModel>) {
    let (data_root, theme) = (root.to_path_buf(), config.theme.clone());
    // Read and parsed once per build, as Zola does: a template that loads a
    // file on every page would otherwise parse it once per page.
    let loaded: Mutex<HashMap<String, Value>> = Mutex::new(HashMap::new());
    tera.register_function("load_data", move |args: &HashMap<String, Value>| {
        let key = serde_json::to_string(&args.iter().collect::<BTreeMap<_, _>>())
            .expect("template arguments are JSON values");
        let mut loaded = loaded.lock().expect("no render panics while holding it");
        if let Some(value) = loaded.get(&key) {
            return Ok(value.clone());
        }
        let value = super::load_data::load_data(&data_root, theme.as_deref(), args)?;
        loaded.insert(key, value.clone());
        Ok(value)
    });

    let base = config.clone();
    let urls = model.clone();
    tera.register_function("get_url", move |args: &HashMap<String, Value>| {
        let path = string_arg(args, "path", "get_url")?;
        if let Some(content_path) = path.strip_prefix("@/") {
            let found = urls
                .pages
                .get(content_path)
                .map(|page| &page.permalink)
                .or_else(|| urls.sections.get(content_path).map(|s| &s.permalink));
            return found.map(|p| Value::String(p.to_string())).ok_or_else(|| {
                tera::Error::msg(format!("get_url: no content at @/{content_path}"))
            });
        }
        let trailing = args
            .get("trailing_slash")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        // Zola's rule, odd as it is: `get_url(path="/")` is "" under
        // `base_url = "/"` unless `trailing_slash = true`.
        let mut url = base.permalink(&path);
        if !trailing && url.ends_with('/') {
            url.pop();
        }
        Ok(Value::String(url))
    });

    let sections = model.clone();
    tera.register_function("get_section", move |args: &HashMap<String, Value>| {
        // Zola's `metadata_only = true`: the section without its pages, which
        // every page asking for its parent would otherwise copy (subsections stay).
        let section = lookup(&sections.sections, args, "get_section")?;
        if args.get("metadata_only").and_then(Value::as_bool) == Some(true) {
            return to_value(&section.metadata_only());
        }
        to_value(section)
    });
    let pages = model.clone();
    tera.register_function("get_page", move |args: &HashMap<String, Value>| {
        to_value(lookup(&pages.pages, args, "get_page")?)
    });

    let taxonomies = model.clone();
    tera.register_function("get_taxonomy", move |args: &HashMap<String, Value>| {
        let kind = string_arg(args, "kind", "get_taxonomy")?;
        let items = taxonomies
            .taxonomies
            .get(&kind)
            .ok_or_else(|| tera::Error::msg(format!("get_taxonomy: no taxonomy {kind}")))?;
        to_value(items)
    });

    let terms = model;
    tera.register_function("get_taxonomy_url", move |args: &HashMap<String, Value>| {
        let kind = string_arg(args, "kind", "get_taxonomy_url")?;
        let name = string_arg(args, "name", "get_taxonomy_url")?;
        let required = args
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        // As Zola: the term is found by its slug; a missing one is an error.
        let Some(items) = terms.taxonomies.get(&kind) else {
            return if required {
                Err(tera::Error::msg(format!(
                    "get_taxonomy_url: no taxonomy {kind}"
                )))
            } else {
                Ok(Value::Null)
            };
        };
        let slug = term_slug(&name);
        items
            .items
            .iter()
            .find(|term| term.slug == slug)
            .map(|term| Value::String(term.permalink.clone()))
            .ok_or_else(|| {
                tera::Error::msg(format!(
                    "get_taxonomy_url: no term {name} in the {kind} taxonomy"
                ))
            })
    });
}
