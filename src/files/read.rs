//! Lists the files under a folder as `/`-separated relative paths, sorted:
//! the one way content, templates and drift checks see a folder; and reads
//! a text file the one way sources and pages are read.

use std::path::{Path, PathBuf};

use crate::error::{line_and_column, Error};

/// (relative path with `/`, full path) of every file under `dir`, in name order.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| walk_error(dir, err))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        files.push((relative, entry.into_path()));
    }
    Ok(files)
}

/// A folder walk that failed: an I/O error at the path it failed on, or
/// (a symbolic link loop) an input error about the folder.
pub fn walk_error(dir: &Path, err: walkdir::Error) -> Error {
    let path = err.path().unwrap_or(dir).to_path_buf();
    let message = err.to_string();
    match err.into_io_error() {
        Some(io) => Error::io(&path, io),
        None => Error::file(&dir.display().to_string(), message),
    }
}

/// `bytes` as UTF-8 text, or an error naming `name` and the line and
/// column of the first bad byte.
pub fn decode_utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|err| {
        // Everything before the bad byte is valid, so it reads as text.
        let valid = std::str::from_utf8(&bytes[..err.valid_up_to()])
            .expect("bytes before valid_up_to are valid UTF-8");
        let (line, column) = line_and_column(valid, valid.len());
        Error::at_column(
            name,
            line,
            column,
            "is not valid UTF-8 (convert the file to UTF-8)",
        )
    })
}
