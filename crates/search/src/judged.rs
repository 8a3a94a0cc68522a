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
//! A query of two words or more also says what pages mean its words
//! *together*: "misbrug og virksomhedspraktik" points past the pages about
//! either word alone, to the pages judged for queries holding both. Where
//! judged queries hold two of a search's words, those pages speak for
//! `PAIR_SHARE` of the lift (docs/ranking.md, twenty-third round).
//!
//! The judged queries travel with the index as `judged.txt`, among the
//! bytes the engine opens with: a line for each, its analyzed words, then
//! `|` and its pages as `segment.document:grade`. The engine gathers what
//! each word, and each pair of words, points to when it opens (shipping the
//! queries is smaller than shipping every pair's pages: docs/ranking.md).

use std::collections::{BTreeSet, HashMap};

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

/// The share of the lift the pages judged for queries holding two of a
/// search's words speak for, when any do (chosen by cross-validation on the
/// tuned-on sets; docs/ranking.md, twenty-third round).
const PAIR_SHARE: f32 = 0.5;

/// A judged query as the engine reads it: the pages judged for it, each
/// with its grade's gain.
#[derive(Clone, Debug, Default)]
struct Judgment {
    pages: Vec<(DocAddress, f32)>,
}

/// The judged queries, and for each analyzed word the queries holding it
/// (in order, so two words' shared queries are found by merging).
#[derive(Clone, Debug, Default)]
pub(crate) struct Judged {
    judgments: Vec<Judgment>,
    queries_with: HashMap<String, Vec<u32>>,
}

/// The analyzed words of what `text` asks about: its words less stop
/// words, a question's scaffolding and a request ("hvad ved man om …",
/// "hvor kan jeg læse om …"), which point to every kind of page. (A search
/// framed so points where the words alone do: `praksis eval --variants`.)
fn asked_words(text: &str) -> BTreeSet<String> {
    ParsedQuery::parse(text)
        .words
        .iter()
        .flat_map(|word| analyze(word))
        .filter(|word| !is_stop_word(word))
        .collect()
}

/// The gain of a grade, as nDCG counts it: a page about the query is worth
/// more than two that mention it.
fn gain(grade: u8) -> f32 {
    f32::from((1u16 << grade.min(3)) - 1)
}

impl Judged {
    /// `judged.txt` for `queries`, with each page's document found by
    /// `address_of`; pages the index lacks are left out, and so are queries
    /// with no words that say what they are about or no page left.
    pub fn file_bytes(
        queries: &[JudgedQuery],
        address_of: impl Fn(&str) -> Option<DocAddress>,
    ) -> Vec<u8> {
        let mut lines = Vec::new();
        for query in queries {
            let words = asked_words(&query.text);
            let pages: Vec<String> = query
                .grades
                .iter()
                .filter_map(|(url, grade)| {
                    let address = address_of(url)?;
                    Some(format!(
                        "{}.{}:{grade}",
                        address.segment_ord, address.doc_id
                    ))
                })
                .collect();
            if words.is_empty() || pages.is_empty() {
                continue;
            }
            let words: Vec<String> = words.into_iter().collect();
            lines.push(format!("{}|{}\n", words.join(" "), pages.join(" ")));
        }
        // Sorted, queries with the same words lie together and the file
        // compresses by an eighth more (docs/loading.md); what a word points
        // to does not depend on the order.
        lines.sort_unstable();
        lines.concat().into_bytes()
    }

    pub fn parse(bytes: &[u8]) -> Result<Judged, SearchError> {
        let bad = |line: usize, what: &str| {
            SearchError::BadManifest(format!("{JUDGED_FILE}, line {line}: {what}"))
        };
        let text = std::str::from_utf8(bytes).map_err(|_| bad(1, "not UTF-8"))?;
        let mut judged = Judged::default();
        for (index, line) in text.lines().enumerate() {
            let (words, pages) = line
                .split_once('|')
                .ok_or_else(|| bad(index + 1, "no `|` between words and pages"))?;
            let pages = pages
                .split(' ')
                .map(|field| {
                    let (address, grade) = field.split_once(':')?;
                    let (segment, doc) = address.split_once('.')?;
                    let address = DocAddress::new(segment.parse().ok()?, doc.parse().ok()?);
                    Some((address, gain(grade.parse().ok()?)))
                })
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| bad(index + 1, "a page is not segment.document:grade"))?;
            let query = judged.judgments.len() as u32;
            for word in words.split(' ').filter(|word| !word.is_empty()) {
                let holding = judged.queries_with.entry(word.to_string()).or_default();
                if holding.last() != Some(&query) {
                    holding.push(query);
                }
            }
            judged.judgments.push(Judgment { pages });
        }
        Ok(judged)
    }

    /// The share of what `text` asks about (its words less stop words, a
    /// question's scaffolding and a request: "hvor kan jeg læse om …") that
    /// points anywhere.
    fn known_share(&self, text: &str) -> f32 {
        let asked = asked_words(text);
        if asked.is_empty() {
            return 1.0;
        }
        let known = asked
            .iter()
            .filter(|w| self.queries_with.contains_key(*w))
            .count();
        known as f32 / asked.len() as f32
    }

    /// The pages `queries` (judged queries' indices) were judged for, each
    /// with its gain averaged over them.
    fn pages_of(&self, queries: &[u32]) -> HashMap<DocAddress, f32> {
        let mut pages: HashMap<DocAddress, f32> = HashMap::new();
        for &query in queries {
            for &(address, gain) in &self.judgments[query as usize].pages {
                *pages.entry(address).or_default() += gain / queries.len() as f32;
            }
        }
        pages
    }

    /// Each page's share of `lists` (what some words point to), averaged
    /// over them, as a share of the page they point to most.
    fn averaged(lists: &[HashMap<DocAddress, f32>]) -> HashMap<DocAddress, f32> {
        let mut pages: HashMap<DocAddress, f32> = HashMap::new();
        for list in lists {
            for (&address, &weight) in list {
                *pages.entry(address).or_default() += weight / lists.len() as f32;
            }
        }
        let most = pages.values().copied().fold(0.0, f32::max);
        if most > 0.0 {
            pages.values_mut().for_each(|share| *share /= most);
        }
        pages
    }

    /// The pages the words of `text` point to, averaged over the words that
    /// point to any, blended with what its pairs of words point to where
    /// judged queries hold both (`PAIR_SHARE`), each as a share of the page
    /// pointed to most, times the share of what the query asks about that
    /// points anywhere: where one word of four is known to the judged
    /// queries, it speaks for a quarter.
    pub fn pages_for(&self, text: &str) -> HashMap<DocAddress, f32> {
        let words = asked_words(text);
        let words: Vec<&Vec<u32>> = words
            .iter()
            .filter_map(|word| self.queries_with.get(word))
            .collect();
        let by_word: Vec<_> = words.iter().map(|queries| self.pages_of(queries)).collect();
        let mut by_pair = Vec::new();
        for (at, first) in words.iter().enumerate() {
            for second in &words[at + 1..] {
                let both = shared(first, second);
                if !both.is_empty() {
                    by_pair.push(self.pages_of(&both));
                }
            }
        }
        let mut pages = Self::averaged(&by_word);
        if !by_pair.is_empty() {
            let paired = Self::averaged(&by_pair);
            pages
                .values_mut()
                .for_each(|share| *share *= 1.0 - PAIR_SHARE);
            for (address, share) in paired {
                *pages.entry(address).or_default() += share * PAIR_SHARE;
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

/// The queries in both of two ordered lists.
fn shared(first: &[u32], second: &[u32]) -> Vec<u32> {
    let (mut at_first, mut at_second, mut both) = (0, 0, Vec::new());
    while at_first < first.len() && at_second < second.len() {
        match first[at_first].cmp(&second[at_second]) {
            std::cmp::Ordering::Less => at_first += 1,
            std::cmp::Ordering::Greater => at_second += 1,
            std::cmp::Ordering::Equal => {
                both.push(first[at_first]);
                at_first += 1;
                at_second += 1;
            }
        }
    }
    both
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
        assert_eq!(parsed.pages_for("hvad ved man om job"), job);
        assert!(Judged::parse(b"ord 0.1").is_err());
        assert!(Judged::parse(b"ord|0.1").is_err());
        assert!(Judged::parse(b"ord|0:1").is_err());
        assert_eq!(
            String::from_utf8(bytes).expect("text"),
            "arbejd hjemlos|0.0:3 0.1:1\nfast hjemlos job|0.0:2 0.2:3\n"
        );
    }

    #[test]
    fn two_words_judged_together_point_past_either_alone() {
        let queries = [
            judged("misbrugere", &[("a/", 3)]),
            judged("misbrugerne", &[("a/", 3)]),
            judged("misbruger", &[("a/", 3)]),
            judged("virksomhedspraktik", &[("b/", 3)]),
            judged("virksomhedspraktikken", &[("b/", 3)]),
            judged("virksomhedspraktikker", &[("b/", 3)]),
            judged("misbrugere i virksomhedspraktik", &[("c/", 3)]),
        ];
        let parsed = Judged::parse(&Judged::file_bytes(&queries, address)).expect("parses");
        // Each word alone points to a or b (7 · 3 / 4) more than to c (7 / 4);
        // the two together point to c, which leads.
        let pages = parsed.pages_for("virksomhedspraktik for misbrugere");
        let (a, b, c) = (
            pages[&DocAddress::new(0, 0)],
            pages[&DocAddress::new(0, 1)],
            pages[&DocAddress::new(0, 2)],
        );
        assert_eq!(c, 1.0);
        assert!(a < c && b < c, "a {a}, b {b}, c {c}");
        // Words never judged together: no pair speaks.
        let apart = Judged::parse(&Judged::file_bytes(&queries[..6], address)).expect("parses");
        let pages = apart.pages_for("virksomhedspraktik for misbrugere");
        assert_eq!(pages[&DocAddress::new(0, 0)], 1.0);
        assert_eq!(pages[&DocAddress::new(0, 1)], 1.0);
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
