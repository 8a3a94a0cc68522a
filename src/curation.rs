//! Hand corrections kept in `curation/`: what the sources cannot say themselves.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::InputError;

pub const SOURCES_FILE: &str = "sources.toml";
pub const REPAIRS_FILE: &str = "repairs.toml";
pub const SYNONYMS_FILE: &str = "synonyms.toml";

/// Per-source corrections, e.g. a readable title for a report.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCuration {
    pub file: String,
    pub title: Option<String>,
    /// Names the report in the titles of its cases ("Lokalværdi 2022").
    pub short_title: Option<String>,
    pub slug: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default, rename = "source")]
    sources: Vec<SourceCuration>,
}

/// Decisions for text that lost its æ, ø and å, where the vocabulary of the
/// undamaged sources cannot decide.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepairCuration {
    /// Damaged spelling (lower case) → repaired word.
    #[serde(default)]
    pub words: BTreeMap<String, String>,
    /// Words that look damaged but are right as they are ("ml." for mellem).
    #[serde(default)]
    pub keep: Vec<String>,
}

/// Groups of words search treats as one.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synonyms {
    #[serde(default)]
    pub groups: Vec<Vec<String>>,
}

#[derive(Clone, Debug, Default)]
pub struct Curation {
    pub sources: Vec<SourceCuration>,
    pub repairs: RepairCuration,
    pub synonyms: Synonyms,
}

impl Curation {
    /// Loads the files of `dir`; a missing file means no corrections of that kind.
    pub fn load(dir: &Path) -> Result<Curation, InputError> {
        let sources: SourcesFile = load_toml(&dir.join(SOURCES_FILE))?;
        Ok(Curation {
            sources: sources.sources,
            repairs: load_toml(&dir.join(REPAIRS_FILE))?,
            synonyms: load_toml(&dir.join(SYNONYMS_FILE))?,
        })
    }

    pub fn source(&self, file: &str) -> Option<&SourceCuration> {
        self.sources.iter().find(|s| s.file == file)
    }
}

/// Reads a curation file; a missing file means its defaults.
pub fn load_toml<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Result<T, InputError> {
    if !path.exists() {
        return Ok(T::default());
    }
    let text = std::fs::read_to_string(path).map_err(|err| InputError::io(path, err))?;
    toml::from_str(&text).map_err(|err| {
        let line = err
            .span()
            .map(|span| 1 + text[..span.start].matches('\n').count())
            .unwrap_or(1);
        InputError::at(&path.display().to_string(), line, err.message().to_string())
    })
}
