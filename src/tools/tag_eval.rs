//! How well the machine tagger agrees with a careful reader: precision and
//! recall per taxonomy against `curation/judged-tags.toml`, a judged set
//! written blind from the sources (see its header), with every disagreement
//! and its sentence.
//!
//! Borderline judgments are optional: giving one is not a false positive,
//! missing one is not a false negative.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::tagging::PageTags;

pub const JUDGED_TAGS_FILE: &str = "judged-tags.toml";
/// The taxonomies a planner browses by, which the targets are about.
pub const TAXONOMIES: [&str; 5] = [
    "metode",
    "maalgruppe",
    "lovgrundlag",
    "sted",
    "organisation",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedSet {
    #[serde(rename = "page")]
    pub pages: Vec<JudgedPage>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedPage {
    /// Path under `content/`, e.g. `eksempler/projekt-foeniks.md`.
    pub page: String,
    #[serde(default)]
    pub section: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default, rename = "tag")]
    pub tags: Vec<JudgedTag>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedTag {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
    #[serde(default)]
    pub borderline: bool,
}

impl JudgedPage {
    /// The page's slug: its file name without `.md`.
    pub fn slug(&self) -> &str {
        let file = self.page.rsplit('/').next().unwrap_or(&self.page);
        file.strip_suffix(".md").unwrap_or(file)
    }
}

pub fn read_judged(path: &Path) -> Result<JudgedSet, Error> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    // `parse` counts from a front matter's second line; this file has none.
    crate::content::front_matter::parse(&path.display().to_string(), &text)
        .map_err(|err| err.map_line(|l| l.saturating_sub(1).max(1)))
}

/// One disagreement between the tagger and the judged set.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub page: String,
    pub taxonomy: String,
    pub term: String,
    /// The machine gave it (false positive), or the reader did and the machine did not.
    pub machine_only: bool,
    pub sentence: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    /// Machine tags the reader also gives (borderline included).
    pub agreed: usize,
    pub machine: usize,
    /// Reader tags that are not borderline, and how many of them the machine gives.
    pub required: usize,
    pub required_found: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.agreed, self.machine)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.required_found, self.required)
    }
    fn add(&mut self, other: Counts) {
        self.agreed += other.agreed;
        self.machine += other.machine;
        self.required += other.required;
        self.required_found += other.required_found;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

pub struct TagEvaluation {
    pub by_taxonomy: BTreeMap<String, Counts>,
    pub disagreements: Vec<Disagreement>,
    /// Judged pages the tagger has no tags for at all (not a tagged page).
    pub unknown_pages: Vec<String>,
}

impl TagEvaluation {
    pub fn overall(&self) -> Counts {
        let mut total = Counts::default();
        for counts in self.by_taxonomy.values() {
            total.add(*counts);
        }
        total
    }
}

/// Compares the machine's tags (by slug) with the judged pages that `keep`
/// selects, on [`TAXONOMIES`].
pub fn evaluate(
    judged: &JudgedSet,
    machine: &BTreeMap<String, PageTags>,
    keep: impl Fn(&JudgedPage) -> bool,
) -> TagEvaluation {
    let mut evaluation = TagEvaluation {
        by_taxonomy: TAXONOMIES
            .iter()
            .map(|t| (t.to_string(), Counts::default()))
            .collect(),
        disagreements: Vec::new(),
        unknown_pages: Vec::new(),
    };
    for page in judged.pages.iter().filter(|p| keep(p)) {
        let Some(tags) = machine.get(page.slug()) else {
            evaluation.unknown_pages.push(page.page.clone());
            continue;
        };
        for taxonomy in TAXONOMIES {
            let given: BTreeSet<&str> = tags
                .terms
                .get(taxonomy)
                .map(|terms| terms.iter().map(String::as_str).collect())
                .unwrap_or_default();
            let judged_here: Vec<&JudgedTag> = page
                .tags
                .iter()
                .filter(|t| t.taxonomy == taxonomy)
                .collect();
            let all: BTreeSet<&str> = judged_here.iter().map(|t| t.term.as_str()).collect();
            let required: BTreeSet<&str> = judged_here
                .iter()
                .filter(|t| !t.borderline)
                .map(|t| t.term.as_str())
                .collect();
            let counts = Counts {
                agreed: given.intersection(&all).count(),
                machine: given.len(),
                required: required.len(),
                required_found: given.intersection(&required).count(),
            };
            if let Some(total) = evaluation.by_taxonomy.get_mut(taxonomy) {
                total.add(counts);
            }
            for term in given.difference(&all) {
                let sentence = tags
                    .evidence
                    .iter()
                    .find(|e| e.taxonomy == taxonomy && e.term == *term)
                    .map(|e| e.sentence.clone())
                    .unwrap_or_default();
                evaluation.disagreements.push(Disagreement {
                    page: page.page.clone(),
                    taxonomy: taxonomy.to_string(),
                    term: term.to_string(),
                    machine_only: true,
                    sentence,
                });
            }
            for tag in judged_here
                .iter()
                .filter(|t| !t.borderline && !given.contains(t.term.as_str()))
            {
                evaluation.disagreements.push(Disagreement {
                    page: page.page.clone(),
                    taxonomy: taxonomy.to_string(),
                    term: tag.term.clone(),
                    machine_only: false,
                    sentence: tag.sentence.clone(),
                });
            }
        }
    }
    evaluation
}

impl TagEvaluation {
    /// The table of precision and recall alone.
    pub fn table(&self) -> String {
        let text = self.to_string();
        text.split("\n\n").next().unwrap_or("").to_string() + "\n"
    }
}

impl fmt::Display for TagEvaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "taxonomy       precision  recall  (machine tags, reader's required tags)"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{name:<14} {:>9.3}  {:>6.3}  ({}, {})",
                c.precision(),
                c.recall(),
                c.machine,
                c.required
            )
        };
        for (name, counts) in &self.by_taxonomy {
            row(f, name, counts)?;
        }
        row(f, "overall", &self.overall())?;
        if !self.disagreements.is_empty() {
            writeln!(f, "\ndisagreements (+ machine only, − reader only):")?;
        }
        for d in &self.disagreements {
            let sign = if d.machine_only { '+' } else { '−' };
            writeln!(
                f,
                "{sign} {} {}: {} »{}«",
                d.page, d.taxonomy, d.term, d.sentence
            )?;
        }
        for page in &self.unknown_pages {
            writeln!(f, "! {page}: not a tagged page")?;
        }
        Ok(())
    }
}
