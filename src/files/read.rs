//! Lists the files under a folder as `/`-separated relative paths, sorted:
//! the one way content, templates and drift checks see a folder; and reads
//! a text file the one way sources and pages are read.

use std::path::{Path, PathBuf};

use crate::error::InputError;

/// (relative path with `/`, full path) of every file under `dir`, in name order.
pub fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>, InputError> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry =
            entry.map_err(|err| InputError::file(&dir.display().to_string(), err.to_string()))?;
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

/// `bytes` as UTF-8 text, or an error naming `name` and the line of the
/// first bad byte.
pub fn decode_utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    std::str::from_utf8(bytes).map_err(|err| {
        let line = 1 + bytes[..err.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        InputError::at(name, line, "is not valid UTF-8 (convert the file to UTF-8)")
    })
}
