//! Hand corrections kept in `curation/`: what the sources cannot say themselves.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{line_and_column, Error};
use crate::judged_queries::tuning_queries;
pub use praksis_search::SynonymLists;

pub const SOURCES_FILE: &str = "sources.toml";
pub const REPAIRS_FILE: &str = "repairs.toml";
pub const SYNONYMS_FILE: &str = "synonyms.toml";
/// Danish word forms (see the file's header for where they come from).
pub const LEXICON_FILE: &str = "lexicon-da.txt";
/// Real Danish words near the pages' words, which search does not read as
/// slips (`praksis danish-words`, src/tools/danish_words.rs).
pub const DANISH_NEAR_WORDS_FILE: &str = "danish-near-words.txt";

/// Per-source corrections, e.g. a readable title for a report.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCuration {
    pub file: String,
    pub title: Option<String>,
    /// Names the report in the titles of its cases ("Lokalværdi 2022").
    pub short_title: Option<String>,
    pub slug: Option<String>,
    /// When the source was published, as precisely as it says: "2004",
    /// "2023-10" or "2020-03-11". Pages get it as their date (feeds need one).
    pub published: Option<String>,
}

/// The first day of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" period, as Zola's
/// `date` ("YYYY-MM-DD"); `None` when `published` is none of these.
pub fn publication_date(published: &str) -> Option<String> {
    let parts: Vec<&str> = published.split('-').collect();
    let number = |part: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
            .filter(|n| range.contains(n))
    };
    let year = number(parts.first()?, 4, 1000..=9999)?;
    let month = parts.get(1).map_or(Some(1), |m| number(m, 2, 1..=12))?;
    let day = parts.get(2).map_or(Some(1), |d| number(d, 2, 1..=31))?;
    (parts.len() <= 3).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default, rename = "source")]
    sources: Vec<SourceCuration>,
}

/// Decisions for text that lost its æ, ø and å, where the vocabulary of the
/// undamaged sources cannot decide.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepairCuration {
    /// Damaged spelling (lower case) → repaired word.
    #[serde(default)]
    pub words: BTreeMap<String, String>,
    /// Words that look damaged but are right as they are ("ml." for mellem).
    #[serde(default)]
    pub keep: Vec<String>,
    /// Places where the extraction lost text (see `src/ingest/gaps.rs`).
    #[serde(default, rename = "gap")]
    pub gaps: Vec<GapCuration>,
}

/// Text a source lost, after `after` on `line` of `file`, and why that is known.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GapCuration {
    pub file: String,
    pub line: usize,
    pub after: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct Curation {
    pub sources: Vec<SourceCuration>,
    pub repairs: RepairCuration,
    pub synonyms: SynonymLists,
    /// Lower-case Danish word forms, from [`LEXICON_FILE`].
    pub lexicon: std::collections::HashSet<String>,
    /// Lower-case Danish word forms, from [`DANISH_NEAR_WORDS_FILE`].
    pub danish_near_words: Vec<String>,
    /// The queries of the tuned-on judged sets, which the index learns from
    /// (see [`crate::judged_queries`]); never the held-out set.
    pub judged_queries: Vec<praksis_search::JudgedQuery>,
}

impl Curation {
    /// Loads the files of `dir`; a missing file means no corrections of that kind.
    pub fn load(dir: &Path) -> Result<Curation, Error> {
        let sources_path = dir.join(SOURCES_FILE);
        let sources: SourcesFile = load_toml(&sources_path)?;
        for source in &sources.sources {
            if let Some(published) = &source.published {
                if publication_date(published).is_none() {
                    return Err(Error::file(
                        &sources_path.display().to_string(),
                        format!(
                            "{}: published = \"{published}\" is not YYYY, YYYY-MM or YYYY-MM-DD",
                            source.file
                        ),
                    ));
                }
            }
        }
        Ok(Curation {
            sources: sources.sources,
            repairs: load_toml(&dir.join(REPAIRS_FILE))?,
            synonyms: {
                let path = dir.join(SYNONYMS_FILE);
                let synonyms: SynonymLists = load_toml(&path)?;
                synonyms
                    .check()
                    .map_err(|message| Error::file(&path.display().to_string(), message))?;
                synonyms
            },
            lexicon: load_word_list(&dir.join(LEXICON_FILE))?
                .into_iter()
                .collect(),
            danish_near_words: load_word_list(&dir.join(DANISH_NEAR_WORDS_FILE))?,
            judged_queries: tuning_queries(dir)?,
        })
    }

    pub fn source(&self, file: &str) -> Option<&SourceCuration> {
        self.sources.iter().find(|s| s.file == file)
    }
}

/// One word a line, `#` comments; a missing file is an empty lexicon.
/// A list of words, one a line, `#` comments; a missing file is an empty list.
fn load_word_list(path: &Path) -> Result<Vec<String>, Error> {
    if !path.exists() {
        return Ok(Default::default());
    }
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect())
}

/// Reads a curation file; a missing file means its defaults.
pub fn load_toml<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Result<T, Error> {
    if !path.exists() {
        return Ok(T::default());
    }
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    toml::from_str(&text).map_err(|err| {
        let file = path.display().to_string();
        match err.span() {
            Some(span) => {
                let (line, column) = line_and_column(&text, span.start);
                Error::at_column(&file, line, column, err.message())
            }
            None => Error::at(&file, 1, err.message()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::publication_date;

    #[test]
    fn publication_dates_start_their_period() {
        assert_eq!(publication_date("2004").as_deref(), Some("2004-01-01"));
        assert_eq!(publication_date("2023-10").as_deref(), Some("2023-10-01"));
        assert_eq!(
            publication_date("2020-03-11").as_deref(),
            Some("2020-03-11")
        );
        for bad in [
            "",
            "04",
            "2023-13",
            "2023-1",
            "2020-03-32",
            "2020-03-11-01",
            "år",
        ] {
            assert_eq!(publication_date(bad), None, "{bad}");
        }
    }
}
