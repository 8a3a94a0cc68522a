//! Suspicious shapes left in what ingestion produced: structure a reader
//! relies on that the PDF text probably broke (bullets inside a paragraph, a
//! footnote number glued to a word, a sentence made a heading …). Each is a
//! warning at the source file and line it came from; `curation/shapes.toml`
//! accepts one with a reason. The check reads the documents, not how they
//! came about, so it catches the same damage in a new source.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::curation::load_toml;
use crate::error::Error;
use crate::ingest::{
    footnote_references, has_finite_verb, Block, BlockKind, Document, Dropped, SourceFile,
};

pub const SHAPES_FILE: &str = "shapes.toml";

/// Headings longer than this are more likely sentences.
const MAX_HEADING_WORDS: usize = 12;
/// A source line this short is not a wrapped line of running text.
const SHORT_LINE_CHARS: usize = 40;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// Two or more bullet glyphs inside one paragraph or list item.
    BulletsInParagraph,
    /// A footnote number glued to a word or after a closing quote.
    GluedFootnote,
    /// A heading that ends with a period or runs past twelve words.
    SentenceHeading,
    /// Several short capitalised source lines joined into one paragraph
    /// (a signature, a figure's labels).
    CapitalisedRun,
    /// A case field whose value is punctuation only ("%").
    PunctuationField,
    /// A sentence in a results panel without a verb.
    VerblessResult,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::BulletsInParagraph => "flere punkttegn i ét afsnit",
            Shape::GluedFootnote => "fodnotetal klistret til et ord",
            Shape::SentenceHeading => "overskrift der ligner en sætning",
            Shape::CapitalisedRun => "korte linjer med stort begyndelsesbogstav i ét afsnit",
            Shape::PunctuationField => "forløbsfelt med kun tegnsætning",
            Shape::VerblessResult => "sætning uden udsagnsord i resultatpanelet",
        }
    }
}

/// One suspicious shape, where it came from, and the excerpt that shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapeWarning {
    pub shape: Shape,
    pub file: String,
    pub line: usize,
    /// Content path of the page it is published on.
    pub page: String,
    pub excerpt: String,
    /// The reason `curation/shapes.toml` gives for accepting it.
    pub accepted: Option<String>,
}

impl fmt::Display for ShapeWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sources/{}:{}: warning: {} ({}): \"{}\"",
            self.file,
            self.line,
            self.shape.describe(),
            self.page,
            self.excerpt
        )?;
        if let Some(reason) = &self.accepted {
            write!(f, " [accepted: {reason}]")?;
        }
        Ok(())
    }
}

/// A shape an editor has read and accepts.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub shape: Shape,
    pub file: String,
    /// Text the excerpt contains.
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptances {
    #[serde(default)]
    pub accept: Vec<Acceptance>,
}

impl Acceptances {
    pub fn load(curation_dir: &Path) -> Result<Acceptances, Error> {
        let path = curation_dir.join(SHAPES_FILE);
        let accepted: Acceptances = load_toml(&path)?;
        if let Some(empty) = accepted.accept.iter().find(|a| a.reason.trim().is_empty()) {
            return Err(Error::file(
                &path.display().to_string(),
                format!("accepting \"{}\" needs a reason", empty.text),
            ));
        }
        Ok(accepted)
    }

    fn reason_for(&self, warning: &ShapeWarning) -> Option<String> {
        self.accept
            .iter()
            .find(|a| {
                a.shape == warning.shape
                    && a.file == warning.file
                    && warning.excerpt.contains(&a.text)
            })
            .map(|a| a.reason.clone())
    }
}

/// Every suspicious shape in `documents`; `results` gives each page's
/// results panel (its sentences), `page_path` its content path.
pub fn find(
    documents: &[Document],
    sources: &[SourceFile],
    dropped: &[Dropped],
    results: impl Fn(&Document) -> Vec<String>,
    page_path: impl Fn(&Document) -> String,
    accepted: &Acceptances,
) -> Vec<ShapeWarning> {
    let dropped: HashSet<(&str, usize)> =
        dropped.iter().map(|d| (d.file.as_str(), d.line)).collect();
    let mut out = Vec::new();
    for document in documents {
        let page = page_path(document);
        let source = sources.iter().find(|s| s.name == document.source);
        let notes: HashSet<&str> = document
            .footnotes
            .iter()
            .map(|n| n.number.as_str())
            .collect();
        let mut warn = |shape: Shape, line: usize, excerpt: &str| {
            out.push(ShapeWarning {
                shape,
                file: document.source.clone(),
                line,
                page: page.clone(),
                excerpt: excerpt.to_string(),
                accepted: None,
            })
        };
        for block in &document.blocks {
            check_block(block, &notes, source, &dropped, &mut warn);
        }
        if let Some(case) = &document.case {
            for value in case_fields(case) {
                if !value.chars().any(char::is_alphanumeric) {
                    warn(
                        Shape::PunctuationField,
                        document.source_lines.0,
                        value.as_str(),
                    );
                }
            }
        }
        for sentence in results(document) {
            if !has_verb(&sentence) {
                warn(Shape::VerblessResult, document.source_lines.0, &sentence);
            }
        }
    }
    for warning in &mut out {
        warning.accepted = accepted.reason_for(warning);
    }
    out
}

fn check_block(
    block: &Block,
    notes: &HashSet<&str>,
    source: Option<&SourceFile>,
    dropped: &HashSet<(&str, usize)>,
    warn: &mut impl FnMut(Shape, usize, &str),
) {
    let line = block.first_line;
    match block.kind {
        BlockKind::Heading(_) => {
            let words = block.text.split_whitespace().count();
            let trimmed = block.text.trim_end();
            if words > MAX_HEADING_WORDS || (trimmed.ends_with('.') && !trimmed.ends_with("..")) {
                warn(Shape::SentenceHeading, line, &block.text);
            }
        }
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedItem(_) => {
            if bullet_glyphs(&block.text) >= 2 {
                warn(Shape::BulletsInParagraph, line, &excerpt(&block.text));
            }
            if let Some(glued) = glued_footnote(&block.text, notes) {
                warn(Shape::GluedFootnote, line, &glued);
            }
            if let Some(run) = source.and_then(|s| capitalised_run(s, block, dropped)) {
                warn(Shape::CapitalisedRun, line, &run);
            }
        }
        BlockKind::TableRow(_) | BlockKind::CaseList | BlockKind::Dropped(_) => {}
    }
}

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(100) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn case_fields(case: &crate::cases::CaseRecord) -> Vec<&String> {
    [
        &case.housing,
        &case.period,
        &case.purpose,
        &case.internal_activities,
        &case.social_intervention,
        &case.work_placement,
        &case.result,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Bullet glyphs PDF extraction leaves in text: •, ■, ▪, Wingdings' "§" and
/// "v" before an item ("§ At forebygge", "§ 25 pct. har"), not "§ 94 boform".
pub fn bullet_glyphs(text: &str) -> usize {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut count = 0;
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied().unwrap_or("");
        let after = words.get(i + 2).copied().unwrap_or("");
        let glyph = match *word {
            "•" | "■" | "▪" | "◦" | "\u{f0b7}" | "\u{f0a7}" => true,
            "§" => {
                next.chars().next().is_some_and(char::is_alphabetic)
                    || (next.chars().all(|c| c.is_ascii_digit() || c == '%')
                        && (next.ends_with('%') || after.starts_with("pct") || after == "%"))
            }
            "v" => next.chars().next().is_some_and(char::is_uppercase),
            _ => false,
        };
        count += usize::from(glyph);
    }
    count
}

/// A number left glued to a word that no footnote of the page links:
/// "80erne26", "juni 2004.12 Her", "udstødelse.” 3".
pub fn glued_footnote(text: &str, notes: &HashSet<&str>) -> Option<String> {
    // What the page links as a footnote is no longer a bare number.
    let mut unlinked = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, _) in footnote_references(text, notes) {
        unlinked.push_str(&text[at..start]);
        unlinked.push_str("[^]");
        at = end;
    }
    unlinked.push_str(&text[at..]);
    let words: Vec<&str> = unlinked.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let core = word.trim_end_matches([',', ';', ':', ')', '.']);
        let digits = core.chars().rev().take_while(char::is_ascii_digit).count();
        let before: Vec<char> = core[..core.len() - digits].chars().collect();
        let glued_to_word = (1..=3).contains(&digits)
            && before.len() >= 2
            && before[before.len() - 2..].iter().all(|c| c.is_lowercase());
        let after_quote_or_year = (1..=2).contains(&digits)
            && match before.as_slice() {
                [.., '.' | ',', '”' | '"'] => true,
                [.., a, b, c, d, '.'] => [a, b, c, d].iter().all(|c| c.is_ascii_digit()),
                _ => false,
            };
        let loose_after_quote = (1..=2).contains(&digits)
            && digits == core.chars().count()
            && i > 0
            && words[i - 1].ends_with(['”', '"'])
            && words
                .get(i + 1)
                .is_none_or(|n| n.chars().next().is_some_and(char::is_uppercase));
        if glued_to_word || after_quote_or_year || loose_after_quote {
            return Some(context(&words, i));
        }
    }
    None
}

fn context(words: &[&str], at: usize) -> String {
    let from = at.saturating_sub(3);
    let to = (at + 3).min(words.len());
    words[from..to].join(" ")
}

/// Two or more short source lines in a row, each starting with a capital
/// and none ending a sentence, joined into one paragraph.
/// Lines the drop report lists (a letterhead between a sentence's halves)
/// are not part of the paragraph.
fn capitalised_run(
    source: &SourceFile,
    block: &Block,
    dropped: &HashSet<(&str, usize)>,
) -> Option<String> {
    if block.last_line <= block.first_line {
        return None;
    }
    let lines = source.lines.get(block.first_line - 1..block.last_line)?;
    let mut run: Vec<&str> = Vec::new();
    let kept = lines
        .iter()
        .enumerate()
        .filter(|(offset, _)| !dropped.contains(&(source.name.as_str(), block.first_line + offset)))
        .map(|(_, l)| l.trim())
        .filter(|l| !l.is_empty());
    for line in kept {
        let short_capital = line.chars().count() <= SHORT_LINE_CHARS
            && line.chars().next().is_some_and(char::is_uppercase)
            && !line.ends_with(['.', ':', ',', '!', '?']);
        if short_capital {
            run.push(line);
            if run.len() >= 2 {
                return Some(run.join(" / "));
            }
        } else {
            run.clear();
        }
    }
    None
}

/// A finite verb, or a word with a verb's ending (past "-ede", passive
/// "-es"/"-ses", present "-erer"): a sentence with none states no result.
pub fn has_verb(sentence: &str) -> bool {
    has_finite_verb(sentence)
        || sentence
            .split(|c: char| !c.is_alphabetic())
            .map(str::to_lowercase)
            .any(|w| {
                let long = w.chars().count() >= 5;
                long && (w.ends_with("ede") || w.ends_with("es") || w.ends_with("erer"))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_bullet_glyphs_not_paragraph_signs() {
        // Chapter 1, the SFI figures merged into one paragraph.
        let merged = "§ 25 pct. har nedsat arbejdsevne på grund af fysisk sygdom § 33 pct. skønnes at have et alkoholmisbrug";
        assert_eq!(bullet_glyphs(merged), 2);
        assert_eq!(
            bullet_glyphs("§ 15 % udsluses til ordinært arbejde § 33% overgår"),
            2
        );
        assert_eq!(
            bullet_glyphs("Basen er et § 87 dagtilbud i tilknytning til et § 94 botilbud"),
            0
        );
        assert_eq!(bullet_glyphs("v Lønnet arbejde v Frivilligt arbejde"), 2);
    }

    #[test]
    fn finds_footnote_numbers_left_in_text() {
        let none = HashSet::new();
        assert!(glued_footnote("startet op i 80erne26 ville kunne virke", &none).is_some());
        assert!(glued_footnote("sammensætning juni 2004.12 Her ses", &none).is_some());
        assert!(glued_footnote("at forebygge udstødelse.” 3", &none).is_some());
        assert!(glued_footnote("en kode som K16 eller 3.12 og § 16", &none).is_none());
        let defined: HashSet<&str> = ["1"].into_iter().collect();
        assert!(glued_footnote("SFI’s undersøgelse1 med titlen", &defined).is_none());
        assert!(glued_footnote("SFI’s undersøgelse1 med titlen", &none).is_some());
    }

    #[test]
    fn results_without_a_verb() {
        assert!(!has_verb(
            "Deltagere på informationsmøder siden 1998: 270 personer"
        ));
        assert!(has_verb("Ud af 35 deltagere var 15 i arbejde."));
        assert!(has_verb("15 % udsluses til ordinært arbejde"));
        assert!(has_verb(
            "Som et led i den sociale aktivering gives der ofte mulighed"
        ));
    }
}
