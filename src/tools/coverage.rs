//! Is every word of the sources accounted for? Counts each source file's word
//! tokens against what the published pages say, what the drop report lists
//! and what was repaired, independently of how ingestion got there: a word
//! that ingestion loses without reporting it shows up here as missing.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::ContentTree;
use crate::ingest::{Ingested, SourceFile};

/// `praksis check` fails below this share of accounted-for word tokens.
pub const MIN_COVERAGE: f64 = 0.995;

/// How many missing words a file's report shows.
const MISSING_SHOWN: usize = 12;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileCoverage {
    pub file: String,
    pub words: usize,
    pub published: usize,
    pub dropped: usize,
    pub repaired: usize,
    /// Words found nowhere, with the line of their first occurrence.
    pub missing: Vec<(usize, String)>,
}

impl FileCoverage {
    pub fn accounted(&self) -> usize {
        self.published + self.dropped + self.repaired
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    pub files: Vec<FileCoverage>,
}

impl Coverage {
    pub fn words(&self) -> usize {
        self.files.iter().map(|f| f.words).sum()
    }
    pub fn accounted(&self) -> usize {
        self.files.iter().map(FileCoverage::accounted).sum()
    }
    pub fn ratio(&self) -> f64 {
        match self.words() {
            0 => 1.0,
            words => self.accounted() as f64 / words as f64,
        }
    }
    pub fn passes(&self) -> bool {
        self.ratio() >= MIN_COVERAGE
    }
}

/// Words and numbers; "undersøgelse1" (a footnote mark) is two tokens on
/// both sides of the count.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for ch in text.chars() {
        let kind_changes = !current.is_empty() && ch.is_ascii_digit() != digits;
        if (!ch.is_alphanumeric() || kind_changes) && !current.is_empty() {
            out.push(std::mem::take(&mut current).to_lowercase());
        }
        if ch.is_alphanumeric() {
            digits = ch.is_ascii_digit();
            current.push(ch);
        }
    }
    if !current.is_empty() {
        out.push(current.to_lowercase());
    }
    out.into_iter()
}

type Bag = HashMap<String, usize>;

fn add_all(bag: &mut Bag, text: &str) {
    for token in tokens(text) {
        *bag.entry(token).or_default() += 1;
    }
}

/// Takes one `word` out of `bag` if it is there.
fn take(bag: &mut Bag, word: &str) -> bool {
    match bag.get_mut(word) {
        Some(count) if *count > 0 => {
            *count -= 1;
            true
        }
        _ => false,
    }
}

/// The text a reader sees: title, keywords and the Markdown body as text.
fn published_text(tree: &ContentTree) -> BTreeMap<&str, Bag> {
    let mut by_file: BTreeMap<&str, Bag> = BTreeMap::new();
    for page in &tree.pages {
        let bag = by_file.entry(page.front.extra.source.as_str()).or_default();
        if page.front.extra.case.is_none() {
            add_all(bag, &page.front.title);
        }
        for keyword in &page.front.extra.keywords {
            add_all(bag, keyword);
        }
        // Numbers of ordered-list items are shown, though not as text.
        let mut item_numbers: Vec<Option<u64>> = Vec::new();
        for event in Parser::new_ext(&page.markdown, pulldown_cmark::Options::all()) {
            match event {
                Event::Start(Tag::List(start)) => item_numbers.push(start),
                Event::End(TagEnd::List(_)) => {
                    item_numbers.pop();
                }
                Event::Start(Tag::Item) => {
                    if let Some(Some(number)) = item_numbers.last_mut() {
                        add_all(bag, &number.to_string());
                        *number += 1;
                    }
                }
                Event::Text(text) | Event::Code(text) | Event::FootnoteReference(text) => {
                    add_all(bag, &text)
                }
                Event::Start(Tag::FootnoteDefinition(label)) => add_all(bag, &label),
                _ => {}
            }
        }
    }
    by_file
}

/// Source tokens per line, with words hyphenated across lines joined when the
/// joined word is what was published ("beskæf-" + "tigelse").
fn source_tokens(source: &SourceFile, published: &Bag) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut carry: Option<(usize, String)> = None;
    for (index, line) in source.lines.iter().enumerate() {
        let number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut words: Vec<String> = tokens(trimmed).collect();
        if let Some((at, stem)) = carry.take() {
            let joined = words.first().map(|first| format!("{stem}{first}"));
            match joined.filter(|j| published.get(j).is_some_and(|&n| n > 0)) {
                Some(joined) => {
                    words.remove(0);
                    out.push((at, joined));
                }
                None => out.push((at, stem)),
            }
        }
        let hyphenated = trimmed.ends_with('-')
            && trimmed[..trimmed.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
        if hyphenated {
            carry = words.pop().map(|w| (number, w));
        }
        out.extend(words.into_iter().map(|w| (number, w)));
    }
    out.extend(carry);
    out
}

pub fn measure(sources: &[SourceFile], tree: &ContentTree, ingested: &Ingested) -> Coverage {
    let published = published_text(tree);
    let empty = Bag::new();
    let mut files = Vec::new();
    for source in sources {
        let mut published = published
            .get(source.name.as_str())
            .unwrap_or(&empty)
            .clone();
        let mut dropped = Bag::new();
        for line in ingested.dropped.iter().filter(|d| d.file == source.name) {
            add_all(&mut dropped, &line.text);
        }
        let mut repaired = Bag::new();
        for repair in ingested.repairs.iter().filter(|r| r.file == source.name) {
            add_all(&mut repaired, &repair.from);
        }
        // The other extraction's reading replaced these words.
        for choice in ingested
            .choices
            .iter()
            .filter(|c| c.took_other && c.file == source.name)
        {
            add_all(&mut repaired, &choice.published);
        }
        let mut coverage = FileCoverage {
            file: source.name.clone(),
            ..FileCoverage::default()
        };
        for (line, word) in source_tokens(source, &published) {
            coverage.words += 1;
            if take(&mut published, &word) {
                coverage.published += 1;
            } else if take(&mut dropped, &word) {
                coverage.dropped += 1;
            } else if take(&mut repaired, &word) {
                coverage.repaired += 1;
            } else {
                coverage.missing.push((line, word));
            }
        }
        files.push(coverage);
    }
    Coverage { files }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            let ratio = file.accounted() as f64 / file.words.max(1) as f64;
            writeln!(
                f,
                "{}: {:.2} % of {} words (published {}, dropped {}, repaired {}, missing {})",
                file.file,
                ratio * 100.0,
                file.words,
                file.published,
                file.dropped,
                file.repaired,
                file.missing.len()
            )?;
            for (line, word) in file.missing.iter().take(MISSING_SHOWN) {
                writeln!(
                    f,
                    "  {}:{line}: \"{word}\" is neither published nor reported",
                    file.file
                )?;
            }
        }
        write!(
            f,
            "coverage: {:.2} % of {} source words accounted for (minimum {:.1} %)",
            self.ratio() * 100.0,
            self.words(),
            MIN_COVERAGE * 100.0
        )
    }
}
