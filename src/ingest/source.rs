//! Reading a source file: UTF-8 validation with a line number, emptiness check.

use std::path::Path;

use crate::error::InputError;

/// A source file as lines, with its file name for error messages and front matter.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub lines: Vec<String>,
}

impl SourceFile {
    pub fn read(path: &Path) -> Result<SourceFile, InputError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let bytes = std::fs::read(path).map_err(|err| InputError::io(path, err))?;
        SourceFile::from_bytes(&name, &bytes)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<SourceFile, InputError> {
        let text = std::str::from_utf8(bytes).map_err(|err| {
            let line = 1 + bytes[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            InputError::at(name, line, "is not valid UTF-8 (convert the file to UTF-8)")
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(InputError::file(name, "is empty"));
        }
        let lines = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
            .collect();
        Ok(SourceFile {
            name: name.to_string(),
            lines,
        })
    }

    /// Line `number` (1-based), or "" past the end.
    pub fn line(&self, number: usize) -> &str {
        number
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let err = SourceFile::from_bytes("x.txt", b"ok\nok\nbad \xff here").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:3: is not valid UTF-8 (convert the file to UTF-8)"
        );
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = SourceFile::from_bytes("y.txt", b" \n\n").unwrap_err();
        assert_eq!(err.to_string(), "y.txt: is empty");
    }
}
