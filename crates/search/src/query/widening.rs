//! How far a query may be widened beyond the words typed (literal, usual,
//! fallback), and the record of each widening made, which the reader is
//! shown as the query's rewrites.

use std::collections::{BTreeMap, BTreeSet};

use super::ParsedQuery;
use crate::hit::{Rewrite, RewriteKind};

/// How far a query may be widened beyond the words typed, and a record of
/// each widening made, for the reader.
#[derive(Debug, Default)]
pub(crate) struct Widening {
    /// Only the words typed (and their inflections): no synonyms, spelling
    /// suggestions, compound parts or completions.
    pub literal: bool,
    /// The query as typed found nothing: every word is searched wider (any
    /// part of a compound, spelling two edits away).
    pub fallback: bool,
    /// The query found nothing as typed: a question's scaffolding ("folk",
    /// "hvordan") is searched too, as words.
    pub scaffolding: bool,
    pub rewrites: Vec<Rewrite>,
    /// Terms only a multi-word synonym brought in ("uden" of "uden bolig"):
    /// highlighted alone they would mislead.
    pub unhighlighted: BTreeSet<String>,
    /// Terms only a synonym brought in ("kontaktperson" for "mentor"): a
    /// snippet shows the word typed where the page has it.
    pub synonyms_only: BTreeSet<String>,
    /// A misspelt word's other readings as near as the one it was read as
    /// (by that reading): searched beside it, weakly.
    pub spelling_alternatives: BTreeMap<String, Vec<String>>,
    /// Misspelt words kept as typed (no reading was sure): their letters
    /// may split into words by accident ("aktiv|rg"), which find pages
    /// meaning neither, so they are not searched as compounds.
    pub kept_misspellings: BTreeSet<String>,
    /// Read every word with a near reading as a real Danish word, without
    /// asking the Danish word list: while a block of the list is on its
    /// way, the engine builds this query beside the one that reads such a
    /// word as a slip, so the postings either answer needs come in the
    /// same round as the block.
    pub words_are_danish: bool,
}

impl Widening {
    pub fn literal(literal: bool) -> Widening {
        Widening {
            literal,
            ..Widening::default()
        }
    }

    /// A fresh widening like `self` (literal or fallback) whose words with
    /// a near reading are real Danish words (see `words_are_danish`).
    pub fn as_danish(&self) -> Widening {
        Widening {
            literal: self.literal,
            fallback: self.fallback,
            scaffolding: self.scaffolding,
            words_are_danish: true,
            ..Widening::default()
        }
    }

    pub fn fallback() -> Widening {
        Widening {
            fallback: true,
            ..Widening::default()
        }
    }

    /// The widest: the fallback of a query that found nothing as typed,
    /// its scaffolding searched too.
    pub fn fallback_with_scaffolding() -> Widening {
        Widening {
            scaffolding: true,
            ..Widening::fallback()
        }
    }

    /// Notes the scaffolding of `text` ("folk", "hvordan") as searched,
    /// for what it asks about found nothing as typed: the reader is told
    /// that pages sharing only those words may follow.
    pub fn note_scaffolding(&mut self, text: &str) {
        let asked = ParsedQuery::parse(text).words;
        let scaffolding: Vec<String> = ParsedQuery::parse_with_scaffolding(text)
            .words
            .into_iter()
            .filter(|word| !asked.contains(word))
            .collect();
        if !asked.is_empty() {
            self.note(RewriteKind::Scaffolding, &asked.join(" "), scaffolding);
        }
    }

    pub(super) fn note(&mut self, kind: RewriteKind, typed: &str, also: Vec<String>) {
        self.push(kind, typed, also, false);
    }

    /// Notes words searched instead of `typed`, which is not searched.
    pub(super) fn note_instead(&mut self, kind: RewriteKind, typed: &str, also: Vec<String>) {
        self.push(kind, typed, also, true);
    }

    fn push(&mut self, kind: RewriteKind, typed: &str, also: Vec<String>, instead: bool) {
        if !also.is_empty() {
            self.rewrites.push(Rewrite {
                kind,
                typed: typed.to_string(),
                also,
                instead,
            });
        }
    }
}
