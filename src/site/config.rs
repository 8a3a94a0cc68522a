//! `config.toml`, read as Zola reads it (the subset Praksisbasen uses).

use std::path::Path;

use serde::Deserialize;

use crate::content::front_matter;
use crate::error::Error;

#[derive(Clone, Debug, Deserialize)]
pub struct TaxonomyConfig {
    pub name: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SiteConfig {
    pub base_url: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default = "default_language")]
    pub default_language: String,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub taxonomies: Vec<TaxonomyConfig>,
    /// The whole file, so templates see every key as `config.*`.
    #[serde(skip)]
    pub raw: toml::Table,
}

fn default_language() -> String {
    "da".into()
}

impl SiteConfig {
    pub fn load(path: &Path, base_url_override: Option<&str>) -> Result<SiteConfig, Error> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
        let mut config: SiteConfig =
            front_matter::parse(&display, &text).map_err(|err| err.map_line(|l| l - 1))?;
        config.raw = toml::from_str(&text)
            .map_err(|err| Error::file(&display, err.message().to_string()))?;
        super::zola_settings::check(&display, &text, &config.raw)?;
        if let Some(base_url) = base_url_override {
            config.base_url = base_url.to_string();
            config
                .raw
                .insert("base_url".into(), toml::Value::String(base_url.to_string()));
        }
        Ok(config)
    }

    /// `[markdown]` switches that change rendering (smart punctuation …).
    pub fn markdown_options(&self) -> super::markdown::MarkdownOptions {
        super::zola_settings::markdown_options(&self.raw)
    }

    /// Zola's `generate_feeds` (false when absent).
    pub fn generate_feeds(&self) -> bool {
        self.raw
            .get("generate_feeds")
            .and_then(toml::Value::as_bool)
            .unwrap_or(false)
    }

    /// Zola's `make_permalink`: `base_url` and `path`, with a slash added
    /// unless the path ends in one, names a feed, is empty or has an anchor.
    pub fn permalink(&self, path: &str) -> String {
        let is_feed = self
            .raw
            .get("feed_filenames")
            .and_then(toml::Value::as_array)
            .is_some_and(|names| {
                names
                    .iter()
                    .filter_map(toml::Value::as_str)
                    .any(|name| path.ends_with(name))
            });
        let trailing = if path.ends_with('/') || is_feed || path.is_empty() || path.contains('#') {
            ""
        } else {
            "/"
        };
        let base = &self.base_url;
        if path == "/" {
            if base.ends_with('/') {
                base.clone()
            } else {
                format!("{base}/")
            }
        } else if base.ends_with('/') && path.starts_with('/') {
            format!("{base}{}{trailing}", &path[1..])
        } else if base.ends_with('/') || path.starts_with('/') {
            format!("{base}{path}{trailing}")
        } else {
            format!("{base}/{path}{trailing}")
        }
    }

    /// `base_url` joined with a site path: the form of every link and asset.
    pub fn url_for(&self, path: &str) -> String {
        format!(
            "{}/{}",
            self.base_url.trim_end_matches('/'),
            path.trim_start_matches('/')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::SiteConfig;

    fn config(base_url: &str) -> SiteConfig {
        SiteConfig {
            base_url: base_url.into(),
            title: String::new(),
            description: String::new(),
            default_language: "da".into(),
            theme: None,
            taxonomies: Vec::new(),
            raw: toml::from_str("feed_filenames = [\"atom.xml\"]").unwrap_or_default(),
        }
    }

    #[test]
    fn permalinks_follow_zola() {
        let root = config("/");
        assert_eq!(root.permalink("/"), "/");
        assert_eq!(root.permalink("style.css"), "/style.css/");
        assert_eq!(root.permalink("atom.xml"), "/atom.xml");
        assert_eq!(root.permalink("/metode/"), "/metode/");
        let sub = config("/praksis");
        assert_eq!(sub.permalink("/"), "/praksis/");
        assert_eq!(sub.permalink("metode/"), "/praksis/metode/");
        assert_eq!(sub.permalink("/a#b"), "/praksis/a#b");
    }
}
