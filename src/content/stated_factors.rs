//! What an example or report says itself hinders or helps it: the sentences
//! of its own text that call something hæmmende or fremmende ("Af forhold,
//! der betegnes som hæmmende fremhæves, at …"), and the items under a
//! heading that names a side (a report's "Hvad virker mindre godt"), each
//! with the factors of its side whose words it holds. Quoted in the
//! comparison beside chapter 3.2's factors, which few pages name in its
//! words, on `/faktorer/` and on the pages of the factors they name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::factors::{HELPS_TAXONOMY, HINDERS_TAXONOMY};
use crate::ingest::{BlockKind, Document};
use crate::tagging::{entries_named, split_sentences, words, Vocabularies};

/// Words that call something a hindrance ("… => vanskeliggør planlægning",
/// Hjørnestenen's keywords: blind user test 14).
const HINDERS: [&str; 11] = [
    "hæmmende",
    "hæmmer",
    "hæmme",
    "hæmmes",
    "hæmmet",
    "hæmmede",
    "hæmning",
    "hæmninger",
    "vanskeliggør",
    "vanskeliggøre",
    "vanskeliggjort",
];
/// Words that call something a help ("fremme" alone is also "ahead",
/// "fremmede" also "strangers").
const HELPS: [&str; 4] = ["fremmende", "fremmer", "fremmes", "fremmet"];

/// The page's own sentences about what hinders and what helps it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedFactors {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hinders: Vec<StatedItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helps: Vec<StatedItem>,
}

/// One sentence of the page, and the factors of its side it names (none
/// when it names something no factor covers).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedItem {
    pub sentence: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factors: Vec<String>,
    /// One of the catalogue's keywords, not a sentence of the text: said
    /// where it is quoted (blind user test 23).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keyword: bool,
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
/// Each is set beside the factors of its side that it names and the page
/// carries (`terms`, taxonomy → labels): one it names too seldom to be
/// given is not claimed, so the item is listed as covered by no factor.
pub fn stated_factors(
    document: &Document,
    vocabularies: &Vocabularies,
    terms: &BTreeMap<String, Vec<String>>,
) -> StatedFactors {
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
            // A lead-in ("… behov for nedenstående for at lykkes:") says
            // nothing itself; its items do.
            let first = split_sentences(&block.text).first().copied();
            if let Some(first) = first.filter(|s| !s.trim_end().ends_with(':')) {
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
        // The side an announcing sentence named, for the sentence after it.
        let mut announced: Option<Side> = None;
        for sentence in split_sentences(&block.text) {
            let Some(side) = side_of(sentence).or(announced.take()) else {
                continue;
            };
            if announces(sentence) {
                announced = Some(side);
                continue;
            }
            stated.push(side, sentence.to_string());
            if block.kind == BlockKind::Paragraph && sentence.trim_end().ends_with(':') {
                open_list = Some(side);
            }
        }
    }
    // The catalogue's keywords state factors too ("Deltagernes lyst driver
    // værket => vanskeliggør planlægning").
    for keyword in &document.keywords {
        if let Some(side) = side_of(keyword) {
            stated.push_keyword(side, keyword.clone());
        }
    }
    for (items, taxonomy) in [
        (&mut stated.hinders, HINDERS_TAXONOMY),
        (&mut stated.helps, HELPS_TAXONOMY),
    ] {
        let carried = terms.get(taxonomy);
        for item in items.iter_mut() {
            item.factors = entries_named(vocabularies, taxonomy, &item.sentence);
            item.factors
                .retain(|factor| carried.is_some_and(|c| c.contains(factor)));
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
        self.push_item(side, sentence, false);
    }

    fn push_keyword(&mut self, side: Side, keyword: String) {
        self.push_item(side, keyword, true);
    }

    fn push_item(&mut self, side: Side, sentence: String, keyword: bool) {
        let list = match side {
            Side::Hinders => &mut self.hinders,
            Side::Helps => &mut self.helps,
        };
        if !list.iter().any(|item| item.sentence == sentence) {
            list.push(StatedItem {
                sentence,
                factors: Vec::new(),
                keyword,
            });
        }
    }
}

/// Which side a heading gives its section: "Hvad virker mindre godt",
/// "Hæmmende faktorer" hinder; "Hvad virker godt", "Hvad skal til for at
/// lykkes?", "Fremmende faktorer" help.
fn heading_side(heading: &str) -> Option<Side> {
    let lower = heading.to_lowercase();
    if lower.contains("mindre godt") || lower.contains("ikke virker") {
        return Some(Side::Hinders);
    }
    if lower.contains("virker godt") || lower.contains("til for at lykkes") {
        return Some(Side::Helps);
    }
    side_of(heading)
}

/// Which side a sentence names, if any (a hindrance first: "hæmmende og
/// fremmende forhold" is read where it is most needed).
fn side_of(sentence: &str) -> Option<Side> {
    let words = words(sentence);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&HINDERS) {
        Some(Side::Hinders)
    } else if has(&HELPS) {
        Some(Side::Helps)
    } else {
        None
    }
}

/// Words that only count the factors a sentence announces.
const ANNOUNCING: [&str; 5] = ["nogle", "flere", "visse", "række", "forskellige"];
/// What such a sentence calls them.
const FACTOR_NOUNS: [&str; 3] = ["faktorer", "forhold", "ting"];

/// Does `sentence` announce factors without naming any ("… er der nogle
/// faktorer, der hæmmer arbejdet, fortæller Janni Petersen")? The sentence
/// after it names them.
fn announces(sentence: &str) -> bool {
    words(sentence).windows(4).any(|w| {
        ANNOUNCING.contains(&w[0].as_str())
            && FACTOR_NOUNS.contains(&w[1].as_str())
            && w[2] == "der"
            && (HINDERS.contains(&w[3].as_str()) || HELPS.contains(&w[3].as_str()))
    })
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
        assert!(
            side_of("Deltagernes lyst driver værket => vanskeliggør planlægning")
                == Some(Side::Hinders)
        );
        assert!(side_of("Mange har en anden etnisk baggrund.").is_none());
        assert!(heading_side("Hvad virker mindre godt") == Some(Side::Hinders));
        assert!(heading_side("Hvad virker godt") == Some(Side::Helps));
        assert!(heading_side("4. Hvad skal til for at lykkes?") == Some(Side::Helps));
        assert!(heading_side("Resultater").is_none());
    }

    #[test]
    fn a_sentence_announcing_factors_gives_way_to_the_one_naming_them() {
        assert!(announces(
            "Selv om Hotellet må betegnes som en succes, er der nogle faktorer, der hæmmer arbejdet, fortæller Janni Petersen."
        ));
        assert!(!announces(
            "Af hæmmende forhold påpeges det, at lederne har været under pres."
        ));
        assert!(!announces(
            "Den ringe løn er en hæmmende faktor i arbejdet."
        ));
    }
}
