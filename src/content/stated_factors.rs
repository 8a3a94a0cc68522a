//! What an example says itself hinders or helps it: the sentences of its own
//! text that call something hæmmende or fremmende ("Af forhold, der betegnes
//! som hæmmende fremhæves, at …"), quoted on the page and in the comparison
//! beside chapter 3.2's factors, which few examples name in its words.

use serde::{Deserialize, Serialize};

use crate::ingest::{BlockKind, Document};
use crate::tagging::split_sentences;

/// Words that call something a hindrance.
const HINDERS: [&str; 8] = [
    "hæmmende",
    "hæmmer",
    "hæmme",
    "hæmmes",
    "hæmmet",
    "hæmmede",
    "hæmning",
    "hæmninger",
];
/// Words that call something a help ("fremme" alone is also "ahead",
/// "fremmede" also "strangers").
const HELPS: [&str; 4] = ["fremmende", "fremmer", "fremmes", "fremmet"];

/// The example's own sentences about what hinders and what helps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedFactors {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hinders: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helps: Vec<String>,
}

impl StatedFactors {
    pub fn is_empty(&self) -> bool {
        self.hinders.is_empty() && self.helps.is_empty()
    }
}

/// Every sentence of the document's prose that names a hindrance or a help;
/// a sentence that leads into a list ("… hæmmende forhold:") brings the
/// list's items with it, and under a heading that names a side ("Hvad
/// virker mindre godt") each paragraph or item's first sentence is on it.
pub fn stated_factors(document: &Document) -> StatedFactors {
    let mut stated = StatedFactors::default();
    // The list a matched lead-in opened, and which side it is on.
    let mut open_list: Option<Side> = None;
    // The side the current section's heading names.
    let mut section: Option<Side> = None;
    for block in &document.blocks {
        match block.kind {
            BlockKind::Heading(_) => {
                section = heading_side(&block.text);
                open_list = None;
                continue;
            }
            BlockKind::ListItem | BlockKind::Paragraph => {}
            _ => {
                open_list = None;
                continue;
            }
        }
        if let Some(side) = section {
            if let Some(first) = split_sentences(&block.text).first() {
                stated.push(side, first.to_string());
            }
            continue;
        }
        if block.kind == BlockKind::ListItem {
            if let Some(side) = open_list {
                stated.push(side, block.text.trim().to_string());
            }
            continue;
        }
        open_list = None;
        for sentence in split_sentences(&block.text) {
            let Some(side) = side_of(sentence) else {
                continue;
            };
            stated.push(side, sentence.to_string());
            if block.kind == BlockKind::Paragraph && sentence.trim_end().ends_with(':') {
                open_list = Some(side);
            }
        }
    }
    stated
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Hinders,
    Helps,
}

impl StatedFactors {
    fn push(&mut self, side: Side, sentence: String) {
        let list = match side {
            Side::Hinders => &mut self.hinders,
            Side::Helps => &mut self.helps,
        };
        if !list.contains(&sentence) {
            list.push(sentence);
        }
    }
}

/// Which side a heading gives its section: "Hvad virker mindre godt",
/// "Hæmmende faktorer" hinder; "Hvad virker godt", "Fremmende faktorer" help.
fn heading_side(heading: &str) -> Option<Side> {
    let lower = heading.to_lowercase();
    if lower.contains("mindre godt") || lower.contains("ikke virker") {
        return Some(Side::Hinders);
    }
    if lower.contains("virker godt") {
        return Some(Side::Helps);
    }
    side_of(heading)
}

/// Which side a sentence names, if any (a hindrance first: "hæmmende og
/// fremmende forhold" is read where it is most needed).
fn side_of(sentence: &str) -> Option<Side> {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&HINDERS) {
        Some(Side::Hinders)
    } else if has(&HELPS) {
        Some(Side::Helps)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_calling_something_hindering_or_helping_are_found() {
        assert!(
            side_of("Af forhold, der betegnes som hæmmende fremhæves, at projektet …")
                == Some(Side::Hinders)
        );
        assert!(side_of("Det har virket fremmende, at deltagerne selv …") == Some(Side::Helps));
        assert!(side_of("Der er fremme i skoene.").is_none());
        assert!(side_of("Mange har en anden etnisk baggrund.").is_none());
        assert!(heading_side("Hvad virker mindre godt") == Some(Side::Hinders));
        assert!(heading_side("Hvad virker godt") == Some(Side::Helps));
        assert!(heading_side("Resultater").is_none());
    }
}
