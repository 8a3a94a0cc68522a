//! Who wrote a file in `content/`: the build, a person editing what the build
//! wrote, or a person alone.
//!
//! Every file the build writes carries `generated = "<sha256>"` as the first
//! key of its `[extra]` table: the hash of the file's text without that line.
//! A file whose text still hashes to its marker is the build's to replace or
//! delete; any other file is a person's and is never touched (see
//! [`super::tree::update`]).

/// The front-matter key of the marker, under `[extra]`.
pub const MARKER_KEY: &str = "generated";
const EXTRA_TABLE: &str = "[extra]";

/// Who wrote a content file, judged from its text alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// Written by the build and unchanged since.
    Generated,
    /// Written by the build, then edited: an editorial override.
    Edited,
    /// No marker: a page or asset a person added.
    HandWritten,
}

impl Provenance {
    /// May the build replace or delete this file?
    pub fn is_pristine(self) -> bool {
        self == Provenance::Generated
    }
}

/// The generated text with its marker: `[extra]` gains `generated = "…"`,
/// the hash of the text as given.
pub fn mark(text: &str) -> String {
    let hash = sha256_hex(text);
    let Some(at) = extra_header_end(text) else {
        // Every page and section the build renders has an `[extra]` table;
        // a text without one cannot be marked and so stays the build's only
        // by equality with what it generates (`tree::update` compares).
        return text.to_string();
    };
    format!("{}{MARKER_KEY} = \"{hash}\"\n{}", &text[..at], &text[at..])
}

/// Who wrote `text` (a file's whole content, bytes as read).
pub fn provenance(text: &str) -> Provenance {
    match split_marker(text) {
        None => Provenance::HandWritten,
        Some((hash, rest)) if sha256_hex(&rest) == hash => Provenance::Generated,
        Some(_) => Provenance::Edited,
    }
}

/// The text without its marker line, if it has one.
pub fn without_marker(text: &str) -> Option<String> {
    split_marker(text).map(|(_, rest)| rest)
}

/// The marker's hash and the text without the marker line, if the front
/// matter's `[extra]` table opens with a marker.
fn split_marker(text: &str) -> Option<(String, String)> {
    let at = extra_header_end(text)?;
    let line_end = text[at..].find('\n').map(|i| at + i + 1)?;
    let line = text[at..line_end].trim_end();
    let hash = line
        .strip_prefix(MARKER_KEY)?
        .trim_start()
        .strip_prefix('=')?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?;
    let well_formed = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    well_formed.then(|| {
        (
            hash.to_string(),
            format!("{}{}", &text[..at], &text[line_end..]),
        )
    })
}

/// Byte offset just after the `[extra]` line of the `+++` front matter.
fn extra_header_end(text: &str) -> Option<usize> {
    let front = text.strip_prefix("+++\n")?;
    let end = front.find("\n+++")?;
    let mut offset = 4;
    for line in front[..=end].split_inclusive('\n') {
        if line.trim_end() == EXTRA_TABLE {
            return Some(offset + line.len());
        }
        offset += line.len();
    }
    None
}

fn sha256_hex(text: &str) -> String {
    crate::files::sha256_hex(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "+++\ntitle = \"Projekt Føniks\"\n\n[extra]\nsource = \"004.txt\"\n+++\n\nBrødtekst.\n";

    #[test]
    fn a_marked_page_is_generated_until_edited() {
        let marked = mark(PAGE);
        assert!(marked.contains("[extra]\ngenerated = \""), "{marked}");
        assert_eq!(provenance(&marked), Provenance::Generated);
        let edited = marked.replace("Brødtekst.", "Brødtekst. En redaktør skrev mere.");
        assert_eq!(provenance(&edited), Provenance::Edited);
        let retitled = marked.replace("Projekt Føniks", "Føniks");
        assert_eq!(provenance(&retitled), Provenance::Edited);
    }

    #[test]
    fn pages_without_a_marker_are_hand_written() {
        assert_eq!(provenance(PAGE), Provenance::HandWritten);
        assert_eq!(provenance("Ingen front matter"), Provenance::HandWritten);
        let damaged = mark(PAGE).replace("generated = \"", "generated = \"x");
        assert_eq!(provenance(&damaged), Provenance::HandWritten);
    }

    #[test]
    fn marking_is_deterministic_and_keeps_the_rest() {
        let marked = mark(PAGE);
        assert_eq!(marked, mark(PAGE));
        let (_, rest) = split_marker(&marked).expect("marker");
        assert_eq!(rest, PAGE);
    }

    #[test]
    fn the_marker_is_read_only_from_front_matter() {
        let body_only = "+++\ntitle = \"a\"\n+++\n[extra]\ngenerated = \"00\"\n";
        assert_eq!(mark(body_only), body_only);
        assert_eq!(provenance(body_only), Provenance::HandWritten);
    }
}
