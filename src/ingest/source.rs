//! Reading a source file: UTF-8 validation with a line number, emptiness check.

use std::path::Path;

use crate::error::Error;

/// A source file as lines, with its file name for error messages and front matter.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub name: String,
    pub lines: Vec<String>,
}

impl SourceFile {
    pub fn read(path: &Path) -> Result<SourceFile, Error> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let bytes = std::fs::read(path).map_err(|err| Error::io(path, err))?;
        SourceFile::from_bytes(&name, &bytes)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<SourceFile, Error> {
        let text = crate::files::decode_utf8(name, bytes)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(Error::file(name, "is empty"));
        }
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let line = line.strip_suffix('\r').unwrap_or(line);
                line.chars().filter(|c| !is_invisible_debris(*c)).collect()
            })
            .collect();
        for (index, line) in lines.iter().enumerate() {
            check_line(line)
                .map_err(|(column, message)| Error::at_column(name, index + 1, column, message))?;
        }
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

/// Text that UTF-8 decoded twice leaves behind: "Ã¸" for "ø".
const DOUBLE_ENCODED: [&str; 6] = ["Ã¦", "Ã¸", "Ã¥", "Ã†", "Ã˜", "Ã…"];

/// Zero-width spaces, word joiners and stray byte-order marks that copying
/// out of PDFs and Word leaves inside words: invisible, meaningless in
/// Danish, and they would split "mentor\u{200b}ordning" for search.
fn is_invisible_debris(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Embeddings, overrides and isolates reorder how text is shown without
/// changing what is stored ("Trojan Source"); plain right-to-left letters
/// and the LRM/RLM marks are fine.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Rejects what would otherwise reach a page unnoticed: control characters
/// (tab and form feed are whitespace), bidirectional overrides, and text
/// decoded with the wrong encoding. The error gives the column (in
/// characters, from 1) and the message.
fn check_line(line: &str) -> Result<(), (usize, String)> {
    if let Some((column, ch)) = line.chars().enumerate().find(|(_, c)| is_bidi_control(*c)) {
        return Err((
            column + 1,
            format!(
                "bidirectional control character U+{:04X} makes text show in another order than it is stored (remove it from the file)",
                ch as u32
            ),
        ));
    }
    if let Some((column, ch)) = line
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\u{c}'))
    {
        return Err((
            column + 1,
            format!(
                "control character U+{:04X} (remove it from the file)",
                ch as u32
            ),
        ));
    }
    if let Some(found) = DOUBLE_ENCODED.iter().find(|m| line.contains(*m)) {
        let at = line.find(found).expect("the marker was found in this line");
        return Err((
            line[..at].chars().count() + 1,
            format!(
                "\"{found}\" looks like æ/ø/å decoded twice (mixed encodings; re-export the file as UTF-8)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_overrides_are_refused_and_zero_width_debris_removed() {
        let err = SourceFile::from_bytes("r.txt", "ok\nab\u{202e}cd".as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.txt:2:3: bidirectional control character U+202E"),
            "{err}"
        );
        let arabic = "مرحبا \u{200f}og mentor\u{200b}ordning\u{feff}";
        let source = SourceFile::from_bytes("r.txt", arabic.as_bytes()).expect("fine");
        assert_eq!(source.lines, ["مرحبا \u{200f}og mentorordning"]);
    }

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let err = SourceFile::from_bytes("x.txt", b"ok\nok\nbad \xff here").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt:3:5: is not valid UTF-8 (convert the file to UTF-8)"
        );
    }

    #[test]
    fn control_characters_and_mixed_encodings_name_line_and_column() {
        let err = SourceFile::from_bytes("z.txt", "ok\nab\u{7}c".as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "z.txt:2:3: control character U+0007 (remove it from the file)"
        );
        let err = SourceFile::from_bytes("z.txt", "K\u{c3}\u{b8}benhavn".as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("z.txt:1:2: \"Ã¸\""), "{err}");
        assert!(SourceFile::from_bytes("z.txt", "side 1\u{c}\tside 2".as_bytes()).is_ok());
    }

    #[test]
    fn empty_file_is_an_error() {
        let err = SourceFile::from_bytes("y.txt", b" \n\n").unwrap_err();
        assert_eq!(err.to_string(), "y.txt: is empty");
    }
}
