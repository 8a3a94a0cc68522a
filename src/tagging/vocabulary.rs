//! The curated vocabularies (`curation/vocabularies.toml`) and continuum model
//! (`curation/continuum.toml`), as read from disk.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    #[serde(default, rename = "taxonomy")]
    pub taxonomies: Vec<Taxonomy>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// URL and front-matter name, e.g. "metode".
    pub name: String,
    /// Danish heading, e.g. "Metode".
    pub label: String,
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub key: String,
    pub label: String,
    /// Words or phrases matched after Danish analysis.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Text matched literally, case-insensitively ("§ 94").
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default = "one")]
    pub min_mentions: usize,
}

fn one() -> usize {
    1
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContinuumModel {
    /// Slugs of chapter 3.1's examples A–E, from the social to the labour-market end.
    #[serde(default)]
    pub anchors: Vec<String>,
    #[serde(default, rename = "feature")]
    pub features: Vec<Feature>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub key: String,
    pub label: String,
    /// Positive: towards labour-market employment; negative: towards social activation.
    pub weight: f64,
    pub terms: Vec<String>,
}
