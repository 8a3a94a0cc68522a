//! The index manifest: format version, files, chunks and content hash.
//!
//! The browser reads it first, so it can refuse an index written by another
//! engine version with a clear message instead of failing inside tantivy,
//! and so it knows which chunks to fetch first (the hot pack) and where the
//! others are.

use serde::{Deserialize, Serialize};

use std::ops::Range;

use crate::chunks::{build_layouts, ChunkId, Cuts, FileLayout, HotRange, CHUNK_BYTES_ALLOWED};
use crate::error::SearchError;
use crate::hash::hash_hex;

/// Bump when the schema, the analyzer or the file layout changes.
pub const FORMAT_VERSION: u32 = 15;

pub const MANIFEST_FILE: &str = "manifest.json";
pub const SUGGESTIONS_FILE: &str = "suggestions.json";

/// Its JSON is what the browser reads. In Rust, callers read the hot pack's
/// name and the page count; chunks through `all_chunks` and `chunk_path`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub(crate) format_version: u32,
    /// Hash over every file's name and bytes, in file order.
    pub(crate) content_hash: String,
    /// Index files, sorted by name.
    pub(crate) files: Vec<String>,
    /// Each file's size in bytes, in the order of `files`.
    pub(crate) sizes: Vec<u64>,
    /// Each file's chunk size: every chunk of it but the last (see `chunks`).
    pub(crate) chunk_bytes: Vec<u32>,
    /// Each file's chunks' lengths where it is cut at given places (the
    /// stored pages, a page to a chunk), in the order of `files`; empty for
    /// a file cut every `chunk_bytes`.
    pub(crate) chunk_lengths: Vec<Vec<u64>>,
    /// The byte ranges the engine opens with, end to end in this order in `hot_pack`.
    pub(crate) hot: Vec<HotRange>,
    /// The hot ranges' file, named by their hash so a host may cache it for ever.
    pub hot_pack: String,
    /// Hash of `hot_pack`'s bytes.
    pub(crate) hot_hash: String,
    /// Folder of every chunk: `{chunks}/{file}.{index}` (see
    /// `chunk_path`), named by a hash of the content and the chunk sizes.
    pub(crate) chunks: String,
    /// Titles and keywords for answers while the engine loads.
    pub(crate) suggestions: String,
    pub documents: u64,
    /// The taxonomies whose terms say what kind of effort a page is (its
    /// methods, target groups, …): what the best pages of a search share
    /// with the rest ranks them (see `engine::feedback`).
    pub(crate) kind_taxonomies: Vec<String>,
    /// How each file is cut, from `sizes`, `chunk_bytes` and `chunk_lengths`.
    #[serde(skip)]
    layouts: Vec<FileLayout>,
}

impl Manifest {
    pub(crate) fn describe(
        files: &[(String, Vec<u8>)],
        cuts: &Cuts,
        hot: Vec<HotRange>,
        hot_pack: &[u8],
        documents: u64,
    ) -> Manifest {
        let content_hash = content_hash(files);
        let layouts = build_layouts(files, cuts);
        let chunk_bytes: Vec<u32> = layouts.iter().map(|layout| layout.chunk_bytes).collect();
        let chunk_lengths: Vec<Vec<u64>> = layouts.iter().map(FileLayout::lengths).collect();
        // Names a host may cache for ever: they change with any byte they
        // name, the way the files are cut included.
        let numbers = |numbers: &mut dyn Iterator<Item = u64>| {
            numbers.map(|n| n.to_string()).collect::<Vec<_>>().join(",")
        };
        let layout = std::iter::once(numbers(&mut chunk_bytes.iter().map(|&n| u64::from(n))))
            .chain(
                chunk_lengths
                    .iter()
                    .map(|lengths| numbers(&mut lengths.iter().copied())),
            )
            .collect::<Vec<_>>()
            .join(";");
        let chunks_hash = hash_hex(&[content_hash.as_bytes(), layout.as_bytes()]);
        let hot_hash = hash_hex(&[hot_pack]);
        Manifest {
            format_version: FORMAT_VERSION,
            hot_pack: format!("index.{}.hot", &hot_hash[..16]),
            chunks: format!("chunks.{}", &chunks_hash[..16]),
            content_hash,
            files: files.iter().map(|(name, _)| name.clone()).collect(),
            sizes: files.iter().map(|(_, bytes)| bytes.len() as u64).collect(),
            chunk_bytes,
            chunk_lengths,
            hot,
            hot_hash,
            suggestions: SUGGESTIONS_FILE.to_string(),
            documents,
            kind_taxonomies: Vec::new(),
            layouts,
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
        if manifest.sizes.len() != manifest.files.len()
            || manifest.chunk_bytes.len() != manifest.files.len()
            || manifest.chunk_lengths.len() != manifest.files.len()
            || !manifest
                .chunk_bytes
                .iter()
                .all(|size| CHUNK_BYTES_ALLOWED.contains(size))
        {
            return Err(SearchError::BadManifest(
                "file sizes or chunk sizes do not fit the file list".into(),
            ));
        }
        let mut manifest = manifest;
        manifest.layouts = Vec::with_capacity(manifest.files.len());
        for ((name, &len), (&chunk_bytes, lengths)) in manifest
            .files
            .iter()
            .zip(&manifest.sizes)
            .zip(manifest.chunk_bytes.iter().zip(&manifest.chunk_lengths))
        {
            if lengths.is_empty() {
                manifest.layouts.push(FileLayout::even(len, chunk_bytes));
                continue;
            }
            let layout = FileLayout::of_lengths(len, lengths).ok_or_else(|| {
                SearchError::BadManifest(format!("the chunks of {name} do not add up to its size"))
            })?;
            manifest.layouts.push(layout);
        }
        Ok(manifest)
    }

    pub fn to_json(&self) -> String {
        // A struct of strings and numbers always serializes. On one line:
        // the stored pages' chunk lengths are a number per page.
        serde_json::to_string(self).unwrap_or_default() + "\n"
    }

    /// How each file is cut, in file order.
    pub(crate) fn layouts(&self) -> &[FileLayout] {
        &self.layouts
    }

    fn layout(&self, file: usize) -> Option<&FileLayout> {
        self.layouts.get(file)
    }

    /// Every chunk of every file, in file order.
    pub fn all_chunks(&self) -> impl Iterator<Item = ChunkId> + '_ {
        self.layouts()
            .iter()
            .enumerate()
            .flat_map(|(file, layout)| {
                (0..layout.chunk_count()).map(move |index| ChunkId {
                    file: file as u32,
                    index,
                })
            })
    }

    /// Bytes of its file that chunk `id` holds; `None` for a chunk the index does not have.
    pub(crate) fn chunk_range(&self, id: ChunkId) -> Option<Range<usize>> {
        let layout = self.layout(id.file as usize)?;
        (id.index < layout.chunk_count()).then(|| layout.chunk_range(id.index))
    }

    /// Where chunk `id` is published, relative to the manifest; `None` for
    /// a chunk the index does not have.
    pub fn chunk_path(&self, id: ChunkId) -> Option<String> {
        self.chunk_range(id)?;
        let name = &self.files[id.file as usize];
        Some(format!("{}/{name}.{}", self.chunks, id.index))
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
        let mut manifest = Manifest::describe(&[], &Cuts::new(), Vec::new(), &[], 0);
        manifest.format_version = FORMAT_VERSION + 1;
        let err = Manifest::parse(manifest.to_json().as_bytes()).unwrap_err();
        assert!(matches!(err, SearchError::FormatMismatch { .. }), "{err}");
    }

    #[test]
    fn refuses_chunk_sizes_it_cannot_cut_by() {
        let files = vec![("a.idx".to_string(), vec![1u8; 10])];
        let mut manifest = Manifest::describe(&files, &Cuts::new(), Vec::new(), &[], 0);
        manifest.chunk_bytes = vec![0];
        let err = Manifest::parse(manifest.to_json().as_bytes()).unwrap_err();
        assert!(matches!(err, SearchError::BadManifest(_)), "{err}");
    }

    #[test]
    fn refuses_chunk_lengths_that_do_not_make_the_file() {
        let files = vec![("a.store".to_string(), vec![1u8; 10])];
        let cuts = Cuts::from([("a.store".to_string(), vec![0, 4])]);
        let manifest = Manifest::describe(&files, &cuts, Vec::new(), &[], 0);
        assert_eq!(manifest.chunk_lengths, [vec![4, 6]]);
        let parsed = Manifest::parse(manifest.to_json().as_bytes()).expect("parses");
        assert_eq!(
            parsed.chunk_range(ChunkId { file: 0, index: 1 }),
            Some(4..10)
        );
        for lengths in [vec![4, 5], vec![4, 0, 6], vec![11]] {
            let mut wrong = manifest.clone();
            wrong.chunk_lengths = vec![lengths];
            let err = Manifest::parse(wrong.to_json().as_bytes()).unwrap_err();
            assert!(matches!(err, SearchError::BadManifest(_)), "{err}");
        }
    }

    #[test]
    fn refuses_garbage() {
        assert!(matches!(
            Manifest::parse(b"{"),
            Err(SearchError::BadManifest(_))
        ));
    }
}
