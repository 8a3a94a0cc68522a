//! The better of two extractions. When two source files hold the same
//! document, one is published and the other only listed; but each has
//! errors the other spells right ("Lokalværldi" / "Lokalværdi", "selv
//! værd" / "selvværd"). The two are aligned word by word, and where they
//! differ the published page takes the reading that is a known Danish
//! word: one the lexicon (hunspell-da's forms of the corpus words,
//! `curation/lexicon-da.txt`) accepts, else one the other sources use.
//! Every choice is listed in the build report.

use std::collections::{HashMap, HashSet};

use super::blocks::BlockKind;
use super::document::Document;

/// Tokens that must agree after a difference for the texts to be in step again.
const RESYNC: usize = 3;
/// How far ahead a difference may reach, in tokens on each side.
const WINDOW: usize = 40;
/// Longest reading compared, in words: longer differences are layout, not spelling.
const MAX_WORDS: usize = 3;

/// One place where the two extractions read differently, and which won.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtractionChoice {
    pub file: String,
    pub line: usize,
    pub other_file: String,
    /// The published extraction's reading.
    pub published: String,
    /// The other extraction's reading.
    pub other: String,
    /// True when the page now says `other`.
    pub took_other: bool,
    pub reason: String,
}

/// What counts as a known word.
pub struct Lexicon<'a> {
    /// Lower-case word forms of a Danish dictionary.
    pub words: &'a HashSet<String>,
    /// Lower-case words of the other sources, with their counts.
    pub field: HashMap<String, usize>,
}

impl Lexicon<'_> {
    fn known(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words.contains(&lower) || self.field.contains_key(&lower)
    }
    fn uses(&self, word: &str) -> usize {
        self.field.get(&word.to_lowercase()).copied().unwrap_or(0)
    }
}

/// Lower-case words of `texts`, counted.
pub fn field_words<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for text in texts {
        for (_, _, word) in words(text) {
            *counts.entry(word.to_lowercase()).or_default() += 1;
        }
    }
    counts
}

/// Runs of letters with their byte range.
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (ch.is_alphabetic(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push((from, at, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A word of the published document: where it stands.
struct Placed<'a> {
    block: usize,
    start: usize,
    end: usize,
    word: &'a str,
}

/// Aligns `published` with the other extraction's text and takes the
/// better reading at each difference; returns every difference judged.
pub fn choose(
    published: &mut Document,
    other_text: &str,
    other_file: &str,
    lexicon: &Lexicon,
) -> Vec<ExtractionChoice> {
    let snapshot: Vec<(String, bool)> = published
        .blocks
        .iter()
        .map(|b| {
            let prose = matches!(
                b.kind,
                BlockKind::Paragraph
                    | BlockKind::Heading(_)
                    | BlockKind::ListItem
                    | BlockKind::NumberedItem(_)
            );
            (b.text.clone(), prose)
        })
        .collect();
    let mine: Vec<Placed> = snapshot
        .iter()
        .enumerate()
        .filter(|(_, (_, prose))| *prose)
        .flat_map(|(block, (text, _))| {
            words(text)
                .into_iter()
                .map(move |(start, end, word)| Placed {
                    block,
                    start,
                    end,
                    word,
                })
        })
        .collect();
    let theirs: Vec<&str> = words(other_text).into_iter().map(|w| w.2).collect();
    let mut edits: Vec<(usize, usize, usize, String)> = Vec::new();
    let mut choices = Vec::new();
    for (a, b) in differences(&mine, &theirs) {
        let (ours, other) = (&mine[a.clone()], &theirs[b.clone()]);
        if ours.is_empty()
            || other.is_empty()
            || ours.len() > MAX_WORDS
            || other.len() > MAX_WORDS
            || ours.iter().any(|p| p.block != ours[0].block)
        {
            continue;
        }
        let our_words: Vec<&str> = ours.iter().map(|p| p.word).collect();
        let (took_other, reason) = judge(&our_words, other, lexicon);
        let block = ours[0].block;
        let other_reading = other.join(" ");
        choices.push(ExtractionChoice {
            file: published.source.clone(),
            line: published.blocks[block].first_line,
            other_file: other_file.to_string(),
            published: our_words.join(" "),
            other: other_reading.clone(),
            took_other,
            reason,
        });
        if took_other {
            edits.push((
                block,
                ours[0].start,
                ours[ours.len() - 1].end,
                other_reading,
            ));
        }
    }
    // From the back, so earlier byte ranges stay valid.
    for (block, start, end, text) in edits.into_iter().rev() {
        published.blocks[block]
            .text
            .replace_range(start..end, &text);
    }
    choices
}

/// Which reading is the known word, and why.
fn judge(ours: &[&str], theirs: &[&str], lexicon: &Lexicon) -> (bool, String) {
    let (ours_joined, theirs_joined) = (ours.join(" "), theirs.join(" "));
    let known = |words: &[&str]| words.iter().all(|w| lexicon.known(w));
    let (ours_known, theirs_known) = (known(ours), known(theirs));
    // "selv værd" / "selvværd": the same letters; Danish writes a compound as one word.
    if ours.concat().to_lowercase() == theirs.concat().to_lowercase() {
        if theirs.len() < ours.len() && theirs_known {
            return (
                true,
                format!("«{theirs_joined}» er ét kendt ord; dansk skriver sammensatte ord i ét"),
            );
        }
        return (
            false,
            "samme bogstaver; den publicerede stavning beholdes".into(),
        );
    }
    match (ours_known, theirs_known) {
        (false, true) => (
            true,
            format!("«{ours_joined}» er ikke et kendt dansk ord, «{theirs_joined}» er"),
        ),
        (true, false) => (
            false,
            format!("«{theirs_joined}» er ikke et kendt dansk ord"),
        ),
        (false, false) => (
            false,
            "ingen af dem er kendte ord; den publicerede stavning beholdes".into(),
        ),
        (true, true) => {
            let uses = |words: &[&str]| words.iter().map(|w| lexicon.uses(w)).min().unwrap_or(0);
            let (ours_used, theirs_used) = (uses(ours), uses(theirs));
            if theirs_used > 0 && ours_used == 0 {
                (
                    true,
                    format!(
                        "begge er ord, men kun «{theirs_joined}» bruges i de andre kilder ({theirs_used} gange)"
                    ),
                )
            } else {
                (
                    false,
                    "begge er kendte ord; den publicerede stavning beholdes".into(),
                )
            }
        }
    }
}

/// Ranges of `mine` and `theirs` that differ, between runs where the two
/// agree: a greedy walk that, at a difference, finds the nearest point
/// where [`RESYNC`] words agree again.
fn differences(
    mine: &[Placed],
    theirs: &[&str],
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let same = |a: usize, b: usize| mine[a].word.to_lowercase() == theirs[b].to_lowercase();
    let in_step = |a: usize, b: usize| {
        a + RESYNC <= mine.len()
            && b + RESYNC <= theirs.len()
            && (0..RESYNC).all(|k| same(a + k, b + k))
    };
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < mine.len() && j < theirs.len() {
        if same(i, j) {
            i += 1;
            j += 1;
            continue;
        }
        let resync = (1..=2 * WINDOW).find_map(|distance| {
            (0..=distance)
                .map(|di| (di, distance - di))
                .filter(|&(di, dj)| di <= WINDOW && dj <= WINDOW)
                .find(|&(di, dj)| in_step(i + di, j + dj))
        });
        match resync {
            Some((di, dj)) => {
                out.push((i..i + di, j..j + dj));
                i += di;
                j += dj;
            }
            // Out of step for good (a section only one extraction has).
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(paragraphs: &[&str]) -> Document {
        Document::test_report("001.txt", paragraphs)
    }

    #[test]
    fn each_side_keeps_what_it_spells_right() {
        // Sentences of the 2023 report as its two extractions (sources/001
        // and sources/000) give them: each has errors the other lacks.
        let mut published = document(&[
            "I Lokalværldi har kandidaten en fast kontaktperson, og forløbet er fuldendt.",
            "Det styrker deres selv værd og tro på egne evner i hverdagen.",
            "Vi ser på arbejdsvejen og hvad borgeren kan klare i et job.",
            "Vi arbejder med en helhedsorienteret indsats med borgeren hver dag.",
        ]);
        let other = "I Lokalværdi har kandidaten en fast kontaktperson, og forløbet er fuldentt. \
            Det styrker deres selvværd og tro på egne evner i hverdagen. \
            Vi ser på arbejdsevnen og hvad borgeren kan klare i et job. \
            Vi arbejder med en helhedsorienteret indzats med borgeren hver dag.";
        let dictionary: HashSet<String> = [
            "i",
            "lokalværdi",
            "har",
            "kandidaten",
            "en",
            "fast",
            "kontaktperson",
            "og",
            "forløbet",
            "er",
            "fuldendt",
            "selvværd",
            "selv",
            "værd",
            "arbejdsvejen",
            "arbejdsevnen",
            "indsats",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let lexicon = Lexicon {
            words: &dictionary,
            field: field_words(["nedsat arbejdsevnen hos borgeren"].into_iter()),
        };
        let choices = choose(&mut published, other, "000.txt", &lexicon);
        let texts: Vec<&str> = published.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "I Lokalværdi har kandidaten en fast kontaktperson, og forløbet er fuldendt.",
                "Det styrker deres selvværd og tro på egne evner i hverdagen.",
                "Vi ser på arbejdsevnen og hvad borgeren kan klare i et job.",
                "Vi arbejder med en helhedsorienteret indsats med borgeren hver dag.",
            ]
        );
        let taken: Vec<(&str, &str, bool)> = choices
            .iter()
            .map(|c| (c.published.as_str(), c.other.as_str(), c.took_other))
            .collect();
        assert_eq!(
            taken,
            [
                ("Lokalværldi", "Lokalværdi", true),
                ("fuldendt", "fuldentt", false),
                ("selv værd", "selvværd", true),
                ("arbejdsvejen", "arbejdsevnen", true),
                ("indsats", "indzats", false),
            ]
        );
        assert!(choices.iter().all(|c| c.line > 0 && !c.reason.is_empty()));
    }
}
