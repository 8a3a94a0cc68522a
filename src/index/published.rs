//! The index as the site publishes it: every file the manifest names (the
//! hot pack, the chunks, the suggestion list) is written gzip-compressed
//! under its name plus `.gz`, so a reader downloads the same bytes from a
//! host that compresses nothing, one that only gzips and one that uses
//! brotli. The browser decompresses with `DecompressionStream`
//! (themes/praksis/static/published.js). The manifest stays plain: it is
//! read first, is small, and names the others.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flate2::{read::GzDecoder, write::GzEncoder, Compression, GzBuilder};

use crate::error::Error;

/// Added to the name of every published file but the manifest.
pub const SUFFIX: &str = ".gz";

/// Where the file the manifest calls `name` is published under `dir`.
pub fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}{SUFFIX}"))
}

/// `bytes` as published: gzip at its best level, with neither a file name
/// nor a time in the header, so the same index gives the same files.
pub fn compress(bytes: &[u8]) -> Vec<u8> {
    let mut encoder: GzEncoder<Vec<u8>> = GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(bytes.len() / 2), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing into a Vec cannot fail");
    encoder.finish().expect("writing into a Vec cannot fail")
}

/// The bytes of the file the manifest calls `name`, read from `dir` and decompressed.
pub fn read(dir: &Path, name: &str) -> Result<Vec<u8>, Error> {
    let path = path(dir, name);
    let compressed = std::fs::read(&path).map_err(|err| Error::io(&path, err))?;
    let mut bytes = Vec::with_capacity(compressed.len() * 3);
    GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut bytes)
        .map_err(|err| Error::io(&path, err))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_back_as_written_and_compresses_the_same_each_time() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let bytes = "mentorordning ".repeat(500).into_bytes();
        let published = compress(&bytes);
        assert!(
            published.len() < bytes.len() / 10,
            "{} bytes",
            published.len()
        );
        assert_eq!(
            published,
            compress(&bytes),
            "the same bytes compress the same"
        );
        // The fixed header the browser relies on: gzip magic, deflate, no name, no time.
        assert_eq!(&published[..8], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
        std::fs::write(path(dir.path(), "index.hot"), &published).expect("writes");
        assert_eq!(read(dir.path(), "index.hot").expect("reads"), bytes);
    }

    #[test]
    fn a_damaged_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(path(dir.path(), "index.hot"), b"not gzip").expect("writes");
        let err = read(dir.path(), "index.hot").expect_err("refused");
        assert!(err.to_string().contains("index.hot.gz"), "{err}");
    }
}
