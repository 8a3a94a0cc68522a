//! The index manifest: format version, file list and content hash.
//!
//! The browser reads it first, so it can refuse an index written by another
//! engine version with a clear message instead of failing inside tantivy.

use serde::{Deserialize, Serialize};

use crate::error::SearchError;
use crate::hash::hash_hex;

/// Bump when the schema, the analyzer or the file layout changes.
pub const FORMAT_VERSION: u32 = 5;

pub const MANIFEST_FILE: &str = "manifest.json";
pub const SUGGESTIONS_FILE: &str = "suggestions.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    /// Hash over every file's name and bytes, in file order.
    pub content_hash: String,
    /// Index files, sorted by name.
    pub files: Vec<String>,
    /// Each file's size in bytes, in the order of `files`.
    pub sizes: Vec<u64>,
    /// The file holding all of them end to end (see `pack`), named by the
    /// content hash so it can be cached for ever.
    pub pack: String,
    /// Titles and keywords for answers while the engine loads.
    pub suggestions: String,
    pub documents: u64,
}

impl Manifest {
    pub(crate) fn describe(files: &[(String, Vec<u8>)], documents: u64) -> Manifest {
        let content_hash = content_hash(files);
        Manifest {
            format_version: FORMAT_VERSION,
            pack: format!("index.{}.pack", &content_hash[..16]),
            content_hash,
            files: files.iter().map(|(name, _)| name.clone()).collect(),
            sizes: files.iter().map(|(_, bytes)| bytes.len() as u64).collect(),
            suggestions: SUGGESTIONS_FILE.to_string(),
            documents,
        }
    }

    pub fn parse(bytes: &[u8]) -> Result<Manifest, SearchError> {
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|err| SearchError::BadManifest(err.to_string()))?;
        if manifest.format_version != FORMAT_VERSION {
            return Err(SearchError::FormatMismatch {
                expected: FORMAT_VERSION,
                found: manifest.format_version,
            });
        }
        Ok(manifest)
    }

    pub fn to_json(&self) -> String {
        // A struct of strings and numbers always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

pub(crate) fn content_hash(files: &[(String, Vec<u8>)]) -> String {
    let parts: Vec<&[u8]> = files
        .iter()
        .flat_map(|(name, bytes)| [name.as_bytes(), bytes.as_slice()])
        .collect();
    hash_hex(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_other_format_versions() {
        let mut manifest = Manifest::describe(&[], 0);
        manifest.format_version = FORMAT_VERSION + 1;
        let err = Manifest::parse(manifest.to_json().as_bytes()).unwrap_err();
        assert!(matches!(err, SearchError::FormatMismatch { .. }), "{err}");
    }

    #[test]
    fn refuses_garbage() {
        assert!(matches!(
            Manifest::parse(b"{"),
            Err(SearchError::BadManifest(_))
        ));
    }
}
