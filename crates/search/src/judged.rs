//! What the judged queries teach the ranking. Readers who type "hjemløse i
//! arbejde" and readers who type "hjemløse fast job" mean much the same
//! pages; the judged sets (`curation/queries*.tsv`, the held-out set never)
//! say which, graded. Each word of a judged query points to the pages judged
//! for it, by grade, averaged over every judged query holding the word. A
//! search whose words have such pages ranks the pages it matches a little
//! higher the more its words point to them: never a page it does not match,
//! and never by more than `JUDGED_SHARE` of the best page's own score. The pages' words
//! still decide what is found; the judgments decide, among pages that share
//! the words, which a reader means (docs/ranking.md, fourteenth round).
//!
//! The list travels with the index as `judged.txt`, among the bytes the
//! engine opens with: a line for each analyzed word, then its pages as
//! `segment.document:weight`, the weight in hundredths (its size:
//! docs/ranking.md).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tantivy::DocAddress;

use crate::analysis::analyze;
use crate::error::SearchError;
use crate::query::ParsedQuery;
use crate::stopwords::is_stop_word;

pub const JUDGED_FILE: &str = "judged.txt";

/// What the judged queries add, as a share of the best page's score: the
/// page they point to most, for a query each of whose words points
/// somewhere, gains this share of it (chosen by cross-validation on the
/// tuned-on sets, and checked on sets written blind and measured before
/// they were learned; docs/ranking.md, fourteenth, nineteenth and
/// twenty-second rounds: the more judged queries, the more they can be
/// trusted).
pub(crate) const JUDGED_SHARE: f32 = 1.2;

/// A judged query: what a reader typed, and the pages judged for it with
/// their grades (3 the page about it, 2 substantially relevant, 1 mentions it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JudgedQuery {
    pub text: String,
    pub grades: Vec<(String, u8)>,
}

/// One page a word points to: its document, and how much (in hundredths).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    segment: u32,
    doc: u32,
    weight: u32,
}

/// The words of the judged queries and the pages they point to.
#[derive(Clone, Debug, Default)]
pub(crate) struct Judged {
    words: HashMap<String, Vec<Pointer>>,
}

/// The analyzed words of `text` that say what it is about: not its stop
/// words or a question's scaffolding ("hvad ved man om"), which point to
/// every kind of page.
fn content_words(text: &str) -> BTreeSet<String> {
    analyze(text)
        .into_iter()
        .filter(|word| !is_stop_word(word))
        .collect()
}

/// The gain of a grade, as nDCG counts it: a page about the query is worth
/// more than two that mention it.
fn gain(grade: u8) -> f32 {
    f32::from((1u16 << grade.min(3)) - 1)
}

impl Judged {
    /// `judged.json` for `queries`, with each page's document found by
    /// `address_of`; pages the index lacks are left out.
    pub fn file_bytes(
        queries: &[JudgedQuery],
        address_of: impl Fn(&str) -> Option<DocAddress>,
    ) -> Vec<u8> {
        let mut queries_with: BTreeMap<String, u32> = BTreeMap::new();
        let mut sums: BTreeMap<String, BTreeMap<(u32, u32), f32>> = BTreeMap::new();
        for query in queries {
            let words = content_words(&query.text);
            for word in words {
                *queries_with.entry(word.clone()).or_default() += 1;
                let pages = sums.entry(word).or_default();
                for (url, grade) in &query.grades {
                    if let Some(address) = address_of(url) {
                        *pages
                            .entry((address.segment_ord, address.doc_id))
                            .or_default() += gain(*grade);
                    }
                }
            }
        }
        let mut text = String::new();
        for (word, pages) in sums.into_iter().filter(|(_, pages)| !pages.is_empty()) {
            let count = queries_with.get(&word).copied().unwrap_or(1) as f32;
            text.push_str(&word);
            for ((segment, doc), sum) in pages {
                let weight = (sum / count * 100.0).round() as u32;
                text.push_str(&format!(" {segment}.{doc}:{weight}"));
            }
            text.push('\n');
        }
        text.into_bytes()
    }

    pub fn parse(bytes: &[u8]) -> Result<Judged, SearchError> {
        let bad = |line: usize, what: &str| {
            SearchError::BadManifest(format!("{JUDGED_FILE}, line {line}: {what}"))
        };
        let text = std::str::from_utf8(bytes).map_err(|_| bad(1, "not UTF-8"))?;
        let mut words = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let mut fields = line.split(' ');
            let word = fields.next().filter(|w| !w.is_empty());
            let word = word.ok_or_else(|| bad(index + 1, "no word"))?;
            let pointers = fields
                .map(|field| {
                    let (address, weight) = field.split_once(':')?;
                    let (segment, doc) = address.split_once('.')?;
                    Some(Pointer {
                        segment: segment.parse().ok()?,
                        doc: doc.parse().ok()?,
                        weight: weight.parse().ok()?,
                    })
                })
                .collect::<Option<Vec<Pointer>>>()
                .ok_or_else(|| bad(index + 1, "a page is not segment.document:weight"))?;
            words.insert(word.to_string(), pointers);
        }
        Ok(Judged { words })
    }

    /// The share of what `text` asks about (its words less stop words, a
    /// question's scaffolding and a request: "hvor kan jeg læse om …") that
    /// points anywhere.
    fn known_share(&self, text: &str) -> f32 {
        let asked: BTreeSet<String> = ParsedQuery::parse(text)
            .words
            .iter()
            .flat_map(|word| analyze(word))
            .filter(|word| !is_stop_word(word))
            .collect();
        if asked.is_empty() {
            return 1.0;
        }
        let known = asked.iter().filter(|w| self.words.contains_key(*w)).count();
        known as f32 / asked.len() as f32
    }

    /// The pages the words of `text` point to, averaged over the words that
    /// point to any, each with its share of the one they point to most, times
    /// the share of what the query asks about that points anywhere: where one
    /// word of four is known to the judged queries, it speaks for a quarter.
    pub fn pages_for(&self, text: &str) -> HashMap<DocAddress, f32> {
        let words = content_words(text);
        let pointing: Vec<&Vec<Pointer>> = words
            .iter()
            .filter_map(|word| self.words.get(word))
            .collect();
        let mut pages: HashMap<DocAddress, f32> = HashMap::new();
        for pointers in &pointing {
            for pointer in pointers.iter() {
                let address = DocAddress::new(pointer.segment, pointer.doc);
                *pages.entry(address).or_default() += pointer.weight as f32 / pointing.len() as f32;
            }
        }
        let most = pages.values().copied().fold(0.0, f32::max);
        if most > 0.0 {
            let known = self.known_share(text);
            for share in pages.values_mut() {
                *share = *share / most * known;
            }
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(text: &str, grades: &[(&str, u8)]) -> JudgedQuery {
        JudgedQuery {
            text: text.into(),
            grades: grades.iter().map(|&(u, g)| (u.to_string(), g)).collect(),
        }
    }

    fn address(url: &str) -> Option<DocAddress> {
        match url {
            "a/" => Some(DocAddress::new(0, 0)),
            "b/" => Some(DocAddress::new(0, 1)),
            "c/" => Some(DocAddress::new(0, 2)),
            _ => None,
        }
    }

    #[test]
    fn a_word_points_to_its_queries_pages_by_grade_averaged() {
        let queries = [
            judged("hjemløse i arbejde", &[("a/", 3), ("b/", 1)]),
            judged("hjemløse fast job", &[("a/", 2), ("c/", 3), ("gone/", 3)]),
        ];
        let bytes = Judged::file_bytes(&queries, address);
        let parsed = Judged::parse(&bytes).expect("own file parses");
        // "hjemløs": a (7 + 3) / 2, b 1 / 2, c 7 / 2; the page it points to most is 1.
        let pages = parsed.pages_for("hjemløse");
        assert_eq!(pages[&DocAddress::new(0, 0)], 1.0);
        assert_eq!(pages[&DocAddress::new(0, 2)], 0.7);
        assert_eq!(pages[&DocAddress::new(0, 1)], 0.1);
        // A word of one query: its pages only, and an unknown page nowhere.
        let job = parsed.pages_for("job");
        assert_eq!(job.len(), 2);
        assert_eq!(job[&DocAddress::new(0, 2)], 1.0);
        // Words no judged query holds point nowhere, and speak for their
        // share of a query: "mentor" halves what "job" says.
        assert!(parsed.pages_for("mentor").is_empty());
        let half = parsed.pages_for("mentor job");
        assert_eq!(half[&DocAddress::new(0, 2)], 0.5);
        assert!((half[&DocAddress::new(0, 0)] - 0.3 / 0.7 * 0.5).abs() < 1e-6);
        // A question's scaffolding is not what it asks about.
        assert_eq!(parsed.pages_for("hvordan virker job"), job);
        assert!(Judged::parse(b"ord 0.1").is_err());
        assert!(Judged::parse(b"ord 0:1").is_err());
        assert_eq!(
            String::from_utf8(bytes).expect("text"),
            "arbejd 0.0:700 0.1:100\nfast 0.0:300 0.2:700\nhjemlos 0.0:500 0.1:50 0.2:350\njob 0.0:300 0.2:700\n"
        );
    }

    #[test]
    fn the_file_is_the_same_for_the_same_queries() {
        let queries = [judged("mentor til flygtninge", &[("a/", 3), ("b/", 2)])];
        assert_eq!(
            Judged::file_bytes(&queries, address),
            Judged::file_bytes(&queries, address)
        );
    }
}
