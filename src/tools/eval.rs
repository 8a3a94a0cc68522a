//! Ranking quality on the judged queries of `curation/queries.tsv` (and the
//! development and held-out sets beside it): nDCG@10, MRR and recall@10 per
//! query, per category and overall.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

pub use crate::judged_queries::{
    read_queries, repeats_of_registered, set_listings, JudgedQuery, JudgedSet, SetListing, SetRole,
    HELD_OUT_FILE, JUDGED_SETS, QUERIES_FILE,
};
pub const FLOOR_FILE: &str = "eval.toml";
/// Results considered per query.
pub const DEPTH: usize = 10;

/// The floor `praksis eval --check` holds the engine to.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    /// In these categories (misspellings, ASCII spellings) the best-graded
    /// page of a `queries.tsv` query must rank within `best_within`.
    pub best_within: usize,
    pub best_within_categories: Vec<String>,
    /// The machine tagger against `curation/judged-tags.toml`, over the five
    /// browsing taxonomies (`praksis eval --tags --check`).
    #[serde(default)]
    pub min_tag_precision: Option<f64>,
    #[serde(default)]
    pub min_tag_recall: Option<f64>,
    /// How much nDCG@10 misspelt and framed copies of the tuned-on queries
    /// may lose beside the queries as written (`praksis eval --variants
    /// --check`).
    #[serde(default)]
    pub misspelt_max_loss: Option<f64>,
    #[serde(default)]
    pub framed_max_loss: Option<f64>,
    /// Judged pages the tagger is tuned on; the rest are held out.
    #[serde(default)]
    pub tag_tuning_pages: Vec<String>,
    /// Each judged set's floor, by file name: every set in `curation/` needs one.
    pub sets: BTreeMap<String, SetFloor>,
}

/// The least nDCG@10 and MRR a judged set may score.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetFloor {
    pub min_ndcg: f64,
    pub min_mrr: f64,
    /// Queries of the set that may find nothing (none unless the file says
    /// how many, and why).
    #[serde(default)]
    pub max_without_results: usize,
}

pub fn read_floor(path: &Path) -> Result<Floor, Error> {
    let text = std::fs::read_to_string(path).map_err(|err| Error::io(path, err))?;
    toml::from_str(&text)
        .map_err(|err| Error::file(&path.display().to_string(), err.message().to_string()))
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub ndcg: f64,
    pub reciprocal_rank: f64,
    pub recall: f64,
}

impl Scores {
    pub(crate) fn mean<'a>(all: impl Iterator<Item = &'a Scores>) -> Scores {
        let (mut sum, mut n) = (Scores::default(), 0.0);
        for s in all {
            sum.ndcg += s.ndcg;
            sum.reciprocal_rank += s.reciprocal_rank;
            sum.recall += s.recall;
            n += 1.0;
        }
        if n > 0.0 {
            sum.ndcg /= n;
            sum.reciprocal_rank /= n;
            sum.recall /= n;
        }
        sum
    }
}

/// What a page of `grade` adds to the DCG (exponential gain).
pub(crate) fn gain(grade: u8) -> f64 {
    f64::from((1u32 << grade) - 1)
}

/// The DCG discount at `rank` (0 for the first result).
pub(crate) fn discount(rank: usize) -> f64 {
    1.0 / ((rank + 2) as f64).log2()
}

/// The DCG of the best possible ranking for `grades`.
pub(crate) fn ideal_dcg(grades: &BTreeMap<String, u8>) -> f64 {
    let mut ideal: Vec<u8> = grades.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    ideal
        .iter()
        .take(DEPTH)
        .enumerate()
        .map(|(rank, &g)| gain(g) * discount(rank))
        .sum()
}

/// Scores one ranking (page paths, best first) against the judgments.
pub fn score(ranking: &[String], grades: &BTreeMap<String, u8>) -> Scores {
    let top = &ranking[..ranking.len().min(DEPTH)];
    let dcg: f64 = top
        .iter()
        .enumerate()
        .map(|(rank, page)| grades.get(page).map_or(0.0, |&g| gain(g) * discount(rank)))
        .sum();
    let ideal_dcg = ideal_dcg(grades);
    let first_relevant = top.iter().position(|page| grades.contains_key(page));
    let found = top.iter().filter(|page| grades.contains_key(*page)).count();
    Scores {
        ndcg: if dcg > 0.0 { dcg / ideal_dcg } else { 0.0 },
        reciprocal_rank: first_relevant.map_or(0.0, |rank| 1.0 / (rank + 1) as f64),
        recall: found as f64 / grades.len().min(DEPTH) as f64,
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct QueryResult {
    pub query: JudgedQuery,
    pub ranking: Vec<String>,
    pub scores: Scores,
}

#[derive(Clone, Debug, Serialize)]
pub struct Evaluation {
    pub engine: String,
    pub results: Vec<QueryResult>,
}

impl Evaluation {
    /// Runs `search` (query → page paths, best first) over every judged query.
    pub fn run(
        engine: &str,
        queries: &[JudgedQuery],
        mut search: impl FnMut(&str) -> Vec<String>,
    ) -> Evaluation {
        let results = queries
            .iter()
            .map(|query| {
                let ranking = search(&query.query);
                let scores = score(&ranking, &query.grades);
                QueryResult {
                    query: query.clone(),
                    ranking,
                    scores,
                }
            })
            .collect();
        Evaluation {
            engine: engine.to_string(),
            results,
        }
    }

    pub fn overall(&self) -> Scores {
        Scores::mean(self.results.iter().map(|r| &r.scores))
    }

    pub fn by_category(&self) -> BTreeMap<&str, Scores> {
        let mut categories: BTreeMap<&str, Vec<&Scores>> = BTreeMap::new();
        for result in &self.results {
            categories
                .entry(result.query.category.as_str())
                .or_default()
                .push(&result.scores);
        }
        categories
            .into_iter()
            .map(|(name, scores)| (name, Scores::mean(scores.into_iter())))
            .collect()
    }

    /// Queries of `categories` whose best-graded page ranks below `depth`.
    pub fn best_page_below(&self, categories: &[String], depth: usize) -> Vec<&str> {
        self.results
            .iter()
            .filter(|r| categories.contains(&r.query.category))
            .filter(|r| {
                let best = r.query.grades.values().copied().max().unwrap_or(0);
                !r.ranking
                    .iter()
                    .take(depth)
                    .any(|page| r.query.grades.get(page) == Some(&best))
            })
            .map(|r| r.query.query.as_str())
            .collect()
    }

    pub fn without_results(&self) -> Vec<&str> {
        self.results
            .iter()
            .filter(|r| r.ranking.is_empty())
            .map(|r| r.query.query.as_str())
            .collect()
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<44} {:<10} {:>6} {:>6} {:>6}  first hit",
            "query", "category", "nDCG", "RR", "R@10"
        )?;
        for r in &self.results {
            writeln!(
                f,
                "{:<44} {:<10} {:>6.3} {:>6.3} {:>6.3}  {}",
                r.query.query,
                r.query.category,
                r.scores.ndcg,
                r.scores.reciprocal_rank,
                r.scores.recall,
                r.ranking
                    .first()
                    .map(String::as_str)
                    .unwrap_or("(no result)")
            )?;
        }
        writeln!(f)?;
        for (category, s) in self.by_category() {
            writeln!(
                f,
                "{:<55} {:>6.3} {:>6.3} {:>6.3}",
                category, s.ndcg, s.reciprocal_rank, s.recall
            )?;
        }
        write!(f, "{}", self.overall_line())
    }
}

impl Evaluation {
    /// One line: the mean scores over every query, and how many found nothing.
    pub fn overall_line(&self) -> String {
        let all = self.overall();
        format!(
            "{:<55} {:>6.3} {:>6.3} {:>6.3}  ({} queries, {} without results)",
            format!("overall ({})", self.engine),
            all.ndcg,
            all.reciprocal_rank,
            all.recall,
            self.results.len(),
            self.without_results().len()
        )
    }
}

/// Several engines' evaluations side by side: nDCG@10 / MRR per category.
pub struct Comparison<'a>(pub &'a [Evaluation]);

impl fmt::Display for Comparison<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let engines = self.0;
        write!(f, "{:<12}", "category")?;
        for e in engines {
            write!(f, " {:>22}", e.engine)?;
        }
        writeln!(f, "   (nDCG@10 / MRR / recall@10)")?;
        let categories: Vec<String> = engines
            .first()
            .map(|e| e.by_category().keys().map(|k| k.to_string()).collect())
            .unwrap_or_default();
        let row = |f: &mut fmt::Formatter<'_>, label: &str, scores: Vec<Scores>| {
            write!(f, "{label:<12}")?;
            for s in scores {
                write!(
                    f,
                    " {:>8.3} {:.3} {:.3}",
                    s.ndcg, s.reciprocal_rank, s.recall
                )?;
            }
            writeln!(f)
        };
        for category in &categories {
            let scores = engines
                .iter()
                .map(|e| {
                    e.by_category()
                        .get(category.as_str())
                        .cloned()
                        .unwrap_or_default()
                })
                .collect();
            row(f, category, scores)?;
        }
        row(
            f,
            "overall",
            engines.iter().map(Evaluation::overall).collect(),
        )?;
        write!(f, "{:<12}", "no result")?;
        for e in engines {
            write!(f, " {:>22}", e.without_results().len())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
        pairs.iter().map(|(p, g)| (p.to_string(), *g)).collect()
    }

    #[test]
    fn perfect_ranking_scores_one_and_misses_score_zero() {
        let judged = grades(&[("a", 3), ("b", 1)]);
        let perfect = score(&["a".into(), "b".into()], &judged);
        assert!((perfect.ndcg - 1.0).abs() < 1e-9);
        assert_eq!(perfect.reciprocal_rank, 1.0);
        assert_eq!(perfect.recall, 1.0);
        let swapped = score(&["b".into(), "a".into()], &judged);
        assert!(swapped.ndcg < 1.0 && swapped.ndcg > 0.5);
        let none = score(&["x".into()], &judged);
        assert_eq!(
            (none.ndcg, none.reciprocal_rank, none.recall),
            (0.0, 0.0, 0.0)
        );
        let second = score(&["x".into(), "b".into()], &judged);
        assert_eq!(second.reciprocal_rank, 0.5);
        assert_eq!(second.recall, 0.5);
    }

    #[test]
    fn finds_queries_whose_best_page_is_buried() {
        let query = |text: &str, category: &str| JudgedQuery {
            query: text.into(),
            category: category.into(),
            grades: grades(&[("best", 3), ("other", 1)]),
            line: 1,
        };
        let queries = [query("mentrordning", "typo"), query("mentor", "keyword")];
        let buried = ["x", "y", "other", "best"].map(String::from).to_vec();
        let evaluation = Evaluation::run("test", &queries, |_| buried.clone());
        let typo = vec!["typo".to_string()];
        assert_eq!(evaluation.best_page_below(&typo, 3), ["mentrordning"]);
        assert!(evaluation.best_page_below(&typo, 4).is_empty());
    }
}
