//! The judged queries of `curation/`: what a reader typed, its kind, and
//! the pages judged for it by reading, graded. `praksis eval` scores the
//! ranking on them; the index learns from the tuned-on sets (`tuning_sets`)
//! which pages their words point to (see praksis_search's `judged`), never
//! from a held-out set.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::Error;

mod registry;

pub use registry::{tuning_sets, JudgedSet, SetRole, HELD_OUT_FILE, JUDGED_SETS, QUERIES_FILE};

/// A judged set as `praksis eval --list-sets` prints it: its registry
/// entry and its queries in file order (a query judged twice comes twice),
/// so the JavaScript tools read no TSV of their own.
#[derive(Clone, Debug, Serialize)]
pub struct SetListing {
    #[serde(flatten)]
    pub set: JudgedSet,
    pub queries: Vec<String>,
}

/// Every registered set with its queries, read from `curation`.
pub fn set_listings(curation: &Path) -> Result<Vec<SetListing>, Error> {
    JUDGED_SETS
        .iter()
        .map(|set| {
            let queries = read_queries(&curation.join(set.file))?;
            Ok(SetListing {
                set: *set,
                queries: queries.into_iter().map(|judged| judged.query).collect(),
            })
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JudgedQuery {
    pub query: String,
    pub category: String,
    /// Page path (as the index stores it) → grade 1..=3.
    pub grades: BTreeMap<String, u8>,
    /// Line in queries.tsv, for messages.
    pub line: usize,
}

/// Reads `queries.tsv`: a header line, then query, category, `path=grade …`.
pub fn read_queries(path: &Path) -> Result<Vec<JudgedQuery>, Error> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    let mut queries = Vec::new();
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1);
    for (index, row) in rows {
        let line = index + 1;
        let columns: Vec<&str> = row.split('\t').collect();
        let [query, category, relevant] = columns.as_slice() else {
            return Err(Error::at(
                &name,
                line,
                "expected three tab-separated columns",
            ));
        };
        let mut grades = BTreeMap::new();
        for judgment in relevant.split_whitespace() {
            let grade = judgment
                .rsplit_once('=')
                .and_then(|(page, grade)| Some((page, grade.parse::<u8>().ok()?)))
                .filter(|(_, grade)| (1..=3).contains(grade));
            let Some((page, grade)) = grade else {
                return Err(Error::at(
                    &name,
                    line,
                    format!("judgment {judgment:?} is not path=1, =2 or =3"),
                ));
            };
            grades.insert(page.to_string(), grade);
        }
        if grades.is_empty() {
            return Err(Error::at(&name, line, "a query needs a relevant page"));
        }
        queries.push(JudgedQuery {
            query: query.to_string(),
            category: category.to_string(),
            grades,
            line,
        });
    }
    Ok(queries)
}

/// The queries of the tuned-on sets in `curation` (a set it lacks is none),
/// as the index learns from them.
pub fn tuning_queries(curation: &Path) -> Result<Vec<praksis_search::JudgedQuery>, Error> {
    tuning_queries_except(curation, None)
}

/// Like [`tuning_queries`], without the set in `left_out`.
pub fn tuning_queries_except(
    curation: &Path,
    left_out: Option<&str>,
) -> Result<Vec<praksis_search::JudgedQuery>, Error> {
    let mut queries = Vec::new();
    for file in tuning_sets()
        .map(|set| set.file)
        .filter(|&file| Some(file) != left_out)
    {
        let path = curation.join(file);
        if !path.exists() {
            continue;
        }
        for judged in read_queries(&path)? {
            queries.push(praksis_search::JudgedQuery {
                text: judged.query,
                grades: judged.grades.into_iter().collect(),
            });
        }
    }
    Ok(queries)
}

/// A query's words as a repeat is recognised, here and where an index is
/// built that did not learn a query (`tools::unlearned`): case and spacing
/// aside.
pub fn same_words(query: &str) -> String {
    query
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which of `queries` (a set not registered yet) repeat a query of a
/// registered set in `curation`: each repeat's line and the set it repeats.
/// The index learned the tuned-on sets' queries, so a repeat scores what it
/// learned, not what a new set would measure.
pub fn repeats_of_registered(
    curation: &Path,
    queries: &[JudgedQuery],
) -> Result<Vec<(usize, &'static str)>, Error> {
    let mut registered = BTreeMap::new();
    for listing in set_listings(curation)? {
        for query in listing.queries {
            registered
                .entry(same_words(&query))
                .or_insert(listing.set.file);
        }
    }
    Ok(queries
        .iter()
        .filter_map(|judged| Some((judged.line, *registered.get(&same_words(&judged.query))?)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The listing the JavaScript tools read holds each set's queries as
    /// `praksis eval` reads them, in file order.
    #[test]
    fn set_listings_carry_each_sets_queries() {
        let curation = Path::new(env!("CARGO_MANIFEST_DIR")).join("curation");
        let listings = set_listings(&curation).expect("every registered set reads");
        assert_eq!(listings.len(), JUDGED_SETS.len());
        for listing in &listings {
            let read = read_queries(&curation.join(listing.set.file)).expect("set reads");
            let queries: Vec<&str> = read.iter().map(|judged| judged.query.as_str()).collect();
            assert_eq!(listing.queries, queries, "{}", listing.set.file);
            assert!(!queries.is_empty(), "{} has no queries", listing.set.file);
        }
    }

    /// A new set's query asked before, in other case or spacing, is found
    /// with the set it repeats; a new one is not.
    #[test]
    fn repeats_of_registered_sets_are_named() {
        let curation = Path::new(env!("CARGO_MANIFEST_DIR")).join("curation");
        let first = read_queries(&curation.join(QUERIES_FILE)).expect("queries.tsv reads");
        let asked = |text: &str, line: usize| JudgedQuery {
            query: text.to_string(),
            category: "new".to_string(),
            grades: BTreeMap::from([("eksempler/projekt-foeniks/".to_string(), 3)]),
            line,
        };
        let repeated = format!("  {}", first[0].query.to_uppercase().replace(' ', "   "));
        let queries = [
            asked(&repeated, 2),
            asked("zyxq et spørgsmål ingen har stillet", 3),
        ];
        let repeats = repeats_of_registered(&curation, &queries).expect("sets read");
        assert_eq!(repeats, vec![(2, QUERIES_FILE)]);
    }
}
