//! The hot pack: the chunks the engine opens with, end to end in manifest
//! order, as one download. One request instead of one per chunk (each costs a
//! round trip on a slow line), under one hashed name a host can cache for ever.

use crate::chunks::{ChunkId, FileLayout};
use crate::error::SearchError;
use crate::hash::hash_hex;
use crate::manifest::Manifest;

/// The bytes of `chunks` of `files` (cut as `layouts` say), concatenated
/// in the order given.
pub fn pack(files: &[(String, Vec<u8>)], layouts: &[FileLayout], chunks: &[ChunkId]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for &id in chunks {
        if let (Some((_, file)), Some(layout)) =
            (files.get(id.file as usize), layouts.get(id.file as usize))
        {
            if id.index < layout.chunk_count() {
                bytes.extend_from_slice(&file[layout.chunk_range(id.index)]);
            }
        }
    }
    bytes
}

/// Splits a hot pack back into the chunks the manifest lists, checking its
/// length and hash first.
pub fn unpack<'a>(
    manifest: &Manifest,
    pack: &'a [u8],
) -> Result<Vec<(ChunkId, &'a [u8])>, SearchError> {
    let mut lengths = Vec::with_capacity(manifest.hot.len());
    for &id in &manifest.hot {
        let Some(range) = manifest.chunk_range(id) else {
            return Err(SearchError::BadManifest(format!(
                "hot chunk {}.{} that the index does not have",
                id.file, id.index
            )));
        };
        lengths.push(range.len());
    }
    let expected: usize = lengths.iter().sum();
    if expected != pack.len() {
        return Err(SearchError::BadManifest(format!(
            "{} holds {} bytes, the manifest describes {expected}",
            manifest.hot_pack,
            pack.len()
        )));
    }
    if hash_hex(&[pack]) != manifest.hot_hash {
        return Err(SearchError::HashMismatch {
            file: manifest.hot_pack.clone(),
        });
    }
    let mut chunks = Vec::with_capacity(lengths.len());
    let mut rest = pack;
    for (id, length) in manifest.hot.iter().zip(lengths) {
        // The lengths sum to the pack's length (checked above), so each fits.
        let (bytes, tail) = rest.split_at(length);
        chunks.push((*id, bytes));
        rest = tail;
    }
    Ok(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::{build_layouts, CHUNK_BYTES};

    fn packed() -> (Manifest, Vec<u8>) {
        let bytes = pack(&files(), &build_layouts(&files()), &hot());
        (Manifest::describe(&files(), hot(), &bytes, 3), bytes)
    }

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.idx".into(), vec![7; CHUNK_BYTES as usize + 3]),
            ("b.store".into(), vec![]),
            ("c.term".into(), b"third file".to_vec()),
        ]
    }

    fn hot() -> Vec<ChunkId> {
        vec![ChunkId { file: 0, index: 1 }, ChunkId { file: 2, index: 0 }]
    }

    #[test]
    fn unpack_returns_the_chunks_pack_joined() {
        let (manifest, bytes) = packed();
        let chunks = unpack(&manifest, &bytes).expect("unpacks");
        assert_eq!(chunks[0], (hot()[0], &[7u8, 7, 7][..]));
        assert_eq!(chunks[1], (hot()[1], &b"third file"[..]));
    }

    #[test]
    fn a_truncated_padded_or_altered_pack_is_refused() {
        let (manifest, bytes) = packed();
        let mut altered = bytes.clone();
        altered[0] = 0;
        for wrong in [
            &bytes[..bytes.len() - 1],
            &[bytes.as_slice(), b"x"].concat()[..],
            &altered[..],
        ] {
            let err = unpack(&manifest, wrong).unwrap_err();
            assert!(err.to_string().contains(&manifest.hot_pack), "{err}");
        }
    }
}
