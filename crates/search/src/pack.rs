//! The index files as one download: their bytes end to end, in manifest
//! order, with the sizes in the manifest. One request instead of eight
//! (every one of which costs a round trip on a slow line), and one hashed
//! name a static host can cache for ever.

use crate::error::SearchError;
use crate::manifest::Manifest;

/// The files' bytes concatenated in the order given.
pub fn pack(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    files
        .iter()
        .flat_map(|(_, bytes)| bytes.iter().copied())
        .collect()
}

/// Splits a pack back into the named files the manifest describes.
pub fn unpack(manifest: &Manifest, pack: &[u8]) -> Result<Vec<(String, Vec<u8>)>, SearchError> {
    let expected: u64 = manifest.sizes.iter().sum();
    if manifest.sizes.len() != manifest.files.len() || expected != pack.len() as u64 {
        return Err(SearchError::BadManifest(format!(
            "{} holds {} bytes, the manifest describes {expected}",
            manifest.pack,
            pack.len()
        )));
    }
    let mut files = Vec::with_capacity(manifest.files.len());
    let mut rest = pack;
    for (name, &size) in manifest.files.iter().zip(&manifest.sizes) {
        // The sizes sum to the pack's length (checked above), so each fits.
        let (bytes, tail) = rest.split_at(size as usize);
        files.push((name.clone(), bytes.to_vec()));
        rest = tail;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.idx".into(), b"first".to_vec()),
            ("b.store".into(), vec![]),
            ("c.term".into(), b"third file".to_vec()),
        ]
    }

    #[test]
    fn unpack_returns_what_pack_joined() {
        let manifest = Manifest::describe(&files(), 3);
        assert_eq!(
            unpack(&manifest, &pack(&files())).expect("unpacks"),
            files()
        );
    }

    #[test]
    fn a_truncated_or_padded_pack_is_refused() {
        let manifest = Manifest::describe(&files(), 3);
        let bytes = pack(&files());
        for wrong in [
            &bytes[..bytes.len() - 1],
            &[bytes.as_slice(), b"x"].concat()[..],
        ] {
            let err = unpack(&manifest, wrong).unwrap_err();
            assert!(err.to_string().contains(&manifest.pack), "{err}");
        }
    }
}
