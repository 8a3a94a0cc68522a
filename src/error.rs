//! The library's one error type. Every variant names where it happened: the
//! input file with its line and column, the path that could not be read or
//! written, the template that failed, the search index that was refused.
//! Printed as `file:line:col: message`, as compilers do, so an editor can
//! jump to it.
//!
//! Each variant's message already includes its cause (an I/O error, the
//! engine's error), so the cause is not chained again as `source()`: the
//! binary prints the chain, and would print it twice.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something wrong in a file a person wrote or gave: a source, a page in
    /// `content/`, a curation file, `config.toml`.
    #[error("{}: {message}", Location { file, line: *line, column: *column })]
    Input {
        file: String,
        line: Option<usize>,
        /// In characters from 1; only given with a line.
        column: Option<usize>,
        message: String,
    },
    /// A file or folder that could not be read or written.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A template of the theme (or the site) that does not parse or render.
    #[error("{file}: {message}")]
    Template { file: String, message: String },
    /// The search engine refused to build or open the index in `path`.
    #[error("{path}: {error}")]
    Search {
        path: String,
        error: praksis_search::SearchError,
    },
}

impl Error {
    /// An input error at a line of `file`.
    pub fn at(file: &str, line: usize, message: impl Into<String>) -> Self {
        Error::Input {
            file: file.to_string(),
            line: Some(line),
            column: None,
            message: message.into(),
        }
    }

    /// An input error at a line and column of `file`.
    pub fn at_column(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Error::Input {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    /// An input error about `file` as a whole.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Error::Input {
            file: file.to_string(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn io(path: &Path, error: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            error,
        }
    }

    pub fn template(file: &str, message: impl Into<String>) -> Self {
        Error::Template {
            file: file.to_string(),
            message: message.into(),
        }
    }

    pub fn search(path: &str, error: praksis_search::SearchError) -> Self {
        Error::Search {
            path: path.to_string(),
            error,
        }
    }

    /// The line an input error points at, if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            Error::Input { line, .. } => *line,
            _ => None,
        }
    }

    /// The same error with its line renumbered, for text parsed out of a
    /// larger file (front matter between `+++` lines, a file without them).
    pub fn map_line(mut self, renumber: impl FnOnce(usize) -> usize) -> Self {
        if let Error::Input { line, .. } = &mut self {
            *line = line.map(renumber);
        }
        self
    }
}

/// `file`, `file:line` or `file:line:col`.
struct Location<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// The line and column (both from 1, the column in characters) of byte
/// `offset` in `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        1 + before.matches('\n').count(),
        1 + before[line_start..].chars().count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_errors_print_as_file_line_column() {
        assert_eq!(
            Error::file("a.txt", "is empty").to_string(),
            "a.txt: is empty"
        );
        assert_eq!(Error::at("a.txt", 3, "bad").to_string(), "a.txt:3: bad");
        assert_eq!(
            Error::at_column("a.txt", 3, 7, "bad").to_string(),
            "a.txt:3:7: bad"
        );
        assert_eq!(Error::at("a", 3, "m").map_line(|l| l - 1).line(), Some(2));
    }

    #[test]
    fn io_errors_name_the_path() {
        let err = Error::io(
            Path::new("x/y.md"),
            std::io::Error::new(std::io::ErrorKind::NotFound, "gone"),
        );
        assert_eq!(err.to_string(), "x/y.md: gone");
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        assert_eq!(line_and_column("ab\nøc = 1", 0), (1, 1));
        assert_eq!(line_and_column("ab\nøc = 1", 3), (2, 1));
        assert_eq!(line_and_column("ab\nøc = 1", 5), (2, 2));
    }
}
