//! Where the catalogue's chapters name a method: a chapter is not tagged
//! (it is about every effort, not one), but what it says of a method is what
//! a student of that method wants beside the examples ("… sammenlignelig med
//! elementer fra mentorrollen, rollen som støtteperson for handicappede …").
//! The method's term page quotes these sentences, with the section they
//! stand in.

use serde::{Deserialize, Serialize};

use crate::ingest::{BlockKind, Document};
use crate::tagging::{entries_named, split_sentences, Vocabularies};

/// The taxonomy whose terms chapters are searched for.
const TAXONOMY: &str = "metode";
/// Sentences quoted per method and chapter, the first in reading order:
/// a method the chapters discuss at length is linked, not reprinted.
const PER_TERM: usize = 3;

/// A sentence of a chapter that names a method.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterMention {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
    /// The heading of the section it stands in, and that heading's anchor
    /// (Zola's slug).
    pub heading: String,
    pub anchor: String,
}

/// The sentences of `document`'s prose that name a method, at most
/// [`PER_TERM`] per method, in reading order.
pub fn chapter_mentions(document: &Document, vocabularies: &Vocabularies) -> Vec<ChapterMention> {
    let mut mentions: Vec<ChapterMention> = Vec::new();
    let mut heading = "";
    for block in &document.blocks {
        match block.kind {
            BlockKind::Heading(_) => {
                heading = &block.text;
                continue;
            }
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::NumberedItem(_) => {}
            _ => continue,
        }
        for sentence in split_sentences(&block.text) {
            for term in entries_named(vocabularies, TAXONOMY, sentence) {
                let quoted = mentions.iter().filter(|m| m.term == term).count();
                if quoted < PER_TERM {
                    mentions.push(ChapterMention {
                        taxonomy: TAXONOMY.to_string(),
                        term,
                        sentence: sentence.trim().to_string(),
                        heading: heading.to_string(),
                        anchor: crate::slug::slugify(heading),
                    });
                }
            }
        }
    }
    mentions
}
