//! The hot pack: the byte ranges the engine opens with, end to end in
//! manifest order, as one download. One request instead of one per chunk
//! (each costs a round trip on a slow line), under one hashed name a host
//! can cache for ever.

use crate::chunks::HotRange;
use crate::error::SearchError;
use crate::hash::hash_hex;
use crate::manifest::Manifest;

/// The bytes of `ranges` of `files`, concatenated in the order given.
pub fn pack(files: &[(String, Vec<u8>)], ranges: &[HotRange]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for range in ranges {
        let file = files.get(range.file as usize).map(|(_, bytes)| bytes);
        if let Some(part) = file.and_then(|file| file.get(range.start as usize..range.end as usize))
        {
            bytes.extend_from_slice(part);
        }
    }
    bytes
}

/// Splits a hot pack back into the ranges the manifest lists, checking its
/// length and hash first.
pub fn unpack<'a>(
    manifest: &Manifest,
    pack: &'a [u8],
) -> Result<Vec<(HotRange, &'a [u8])>, SearchError> {
    let mut lengths = Vec::with_capacity(manifest.hot.len());
    for range in &manifest.hot {
        let size = manifest.sizes.get(range.file as usize);
        if range.is_empty() || size.is_none_or(|&size| range.end > size) {
            return Err(SearchError::BadManifest(format!(
                "hot range {}..{} of file {} that the index does not have",
                range.start, range.end, range.file
            )));
        }
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
    let mut ranges = Vec::with_capacity(lengths.len());
    let mut rest = pack;
    for (range, length) in manifest.hot.iter().zip(lengths) {
        // The lengths sum to the pack's length (checked above), so each fits.
        let (bytes, tail) = rest.split_at(length);
        ranges.push((*range, bytes));
        rest = tail;
    }
    Ok(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed() -> (Manifest, Vec<u8>) {
        let bytes = pack(&files(), &hot());
        (
            Manifest::describe(&files(), &crate::chunks::Cuts::new(), hot(), &bytes, 3),
            bytes,
        )
    }

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.idx".into(), vec![7; 20_000]),
            ("b.store".into(), vec![]),
            ("c.term".into(), b"third file".to_vec()),
        ]
    }

    fn hot() -> Vec<HotRange> {
        vec![
            HotRange {
                file: 0,
                start: 19_997,
                end: 20_000,
            },
            HotRange {
                file: 2,
                start: 0,
                end: 10,
            },
        ]
    }

    #[test]
    fn unpack_returns_the_ranges_pack_joined() {
        let (manifest, bytes) = packed();
        let ranges = unpack(&manifest, &bytes).expect("unpacks");
        assert_eq!(ranges[0], (hot()[0], &[7u8, 7, 7][..]));
        assert_eq!(ranges[1], (hot()[1], &b"third file"[..]));
    }

    #[test]
    fn ranges_outside_their_file_are_refused() {
        let (mut manifest, bytes) = packed();
        manifest.hot[1].end = 11;
        let err = unpack(&manifest, &bytes).unwrap_err();
        assert!(matches!(err, SearchError::BadManifest(_)), "{err}");
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
