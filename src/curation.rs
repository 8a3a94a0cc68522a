//! Hand corrections kept in `curation/`: what the sources cannot say themselves.

use std::path::Path;

use serde::Deserialize;

use crate::error::InputError;

pub const SOURCES_FILE: &str = "sources.toml";

/// Per-source corrections, e.g. a readable title for a report.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCuration {
    pub file: String,
    pub title: Option<String>,
    pub slug: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curation {
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceCuration>,
}

impl Curation {
    /// Loads `dir/sources.toml`; a missing file means no corrections.
    pub fn load(dir: &Path) -> Result<Curation, InputError> {
        let path = dir.join(SOURCES_FILE);
        if !path.exists() {
            return Ok(Curation::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|err| InputError::io(&path, err))?;
        toml::from_str(&text).map_err(|err| {
            let line = err
                .span()
                .map(|span| 1 + text[..span.start].matches('\n').count())
                .unwrap_or(1);
            InputError::at(&path.display().to_string(), line, err.message().to_string())
        })
    }

    pub fn source(&self, file: &str) -> Option<&SourceCuration> {
        self.sources.iter().find(|s| s.file == file)
    }
}
