//! The index manifest: format version, files, chunks and content hash.
//!
//! The browser reads it first, so it can refuse an index written by another
//! engine version with a clear message instead of failing inside tantivy,
//! and so it knows which chunks to fetch first (the hot pack) and where the
//! others are.

use serde::{Deserialize, Serialize};

use crate::chunks::{chunk_count, ChunkId, CHUNK_BYTES};
use crate::error::SearchError;
use crate::hash::hash_hex;

/// Bump when the schema, the analyzer or the file layout changes.
pub const FORMAT_VERSION: u32 = 6;

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
    /// Size of each chunk but a file's last (see `chunks`).
    pub chunk_bytes: u32,
    /// The chunks the engine opens with, end to end in this order in `hot_pack`.
    pub hot: Vec<ChunkId>,
    /// The hot chunks' file, named by the content hash so a host may cache it for ever.
    pub hot_pack: String,
    /// Hash of `hot_pack`'s bytes.
    pub hot_hash: String,
    /// Folder of every other chunk: `{chunks}/{file}.{index}` (see `chunk_path`).
    pub chunks: String,
    /// Titles and keywords for answers while the engine loads.
    pub suggestions: String,
    pub documents: u64,
}

impl Manifest {
    pub(crate) fn describe(
        files: &[(String, Vec<u8>)],
        hot: Vec<ChunkId>,
        hot_pack: &[u8],
        documents: u64,
    ) -> Manifest {
        let content_hash = content_hash(files);
        Manifest {
            format_version: FORMAT_VERSION,
            hot_pack: format!("index.{}.hot", &content_hash[..16]),
            chunks: format!("chunks.{}", &content_hash[..16]),
            content_hash,
            files: files.iter().map(|(name, _)| name.clone()).collect(),
            sizes: files.iter().map(|(_, bytes)| bytes.len() as u64).collect(),
            chunk_bytes: CHUNK_BYTES as u32,
            hot,
            hot_hash: hash_hex(&[hot_pack]),
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
        if manifest.chunk_bytes as usize != CHUNK_BYTES
            || manifest.sizes.len() != manifest.files.len()
        {
            return Err(SearchError::BadManifest(
                "chunk size or file sizes do not fit this engine".into(),
            ));
        }
        Ok(manifest)
    }

    pub fn to_json(&self) -> String {
        // A struct of strings and numbers always serializes.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Every chunk of every file, in file order.
    pub fn all_chunks(&self) -> impl Iterator<Item = ChunkId> + '_ {
        self.sizes.iter().enumerate().flat_map(|(file, &len)| {
            (0..chunk_count(len)).map(move |index| ChunkId {
                file: file as u32,
                index,
            })
        })
    }

    /// Where chunk `id` is published, relative to the manifest; `None` for
    /// a chunk the index does not have.
    pub fn chunk_path(&self, id: ChunkId) -> Option<String> {
        let name = self.files.get(id.file as usize)?;
        (id.index < chunk_count(self.sizes[id.file as usize]))
            .then(|| format!("{}/{name}.{}", self.chunks, id.index))
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
        let mut manifest = Manifest::describe(&[], Vec::new(), &[], 0);
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
