//! How far two judges of the same queries agree: each judge's own order of
//! the pages (by grade, best first) scored against the other's grades, as
//! the engine is scored. Their agreement is what a ranking can reach on a
//! judged set before it starts to fit one judge's taste.
//!
//! A judge gives many pages the same grade, and their order among
//! themselves is nobody's choice: each score is its expectation over every
//! order of the pages a judge graded alike, computed exactly.

use std::collections::BTreeMap;

use super::eval::{discount, gain, ideal_dcg, Evaluation, JudgedQuery, QueryResult, Scores, DEPTH};

/// `judge`'s pages by grade, best first: pages of one grade form one block.
fn blocks(judge: &BTreeMap<String, u8>) -> Vec<Vec<String>> {
    let mut by_grade: BTreeMap<std::cmp::Reverse<u8>, Vec<String>> = BTreeMap::new();
    for (page, &grade) in judge {
        by_grade
            .entry(std::cmp::Reverse(grade))
            .or_default()
            .push(page.clone());
    }
    by_grade.into_values().collect()
}

/// The expected scores of a ranking made of `blocks` (each in a random
/// order, the blocks in turn) against `grades`.
pub fn expected_scores(blocks: &[Vec<String>], grades: &BTreeMap<String, u8>) -> Scores {
    let mut start = 0;
    let (mut dcg, mut found) = (0.0, 0.0);
    let mut reciprocal_rank = None;
    for block in blocks {
        let size = block.len();
        // Each page stands at every rank of its block equally often.
        let mean_discount = (start..start + size)
            .map(|rank| if rank < DEPTH { discount(rank) } else { 0.0 })
            .sum::<f64>()
            / size as f64;
        let in_top =
            (start..start + size).filter(|&rank| rank < DEPTH).count() as f64 / size as f64;
        let relevant = block
            .iter()
            .filter(|page| grades.contains_key(*page))
            .count();
        dcg += block
            .iter()
            .map(|page| grades.get(page).map_or(0.0, |&g| gain(g)) * mean_discount)
            .sum::<f64>();
        found += relevant as f64 * in_top;
        if reciprocal_rank.is_none() && relevant > 0 {
            reciprocal_rank = Some(first_relevant_expectation(start, size, relevant));
        }
        start += size;
    }
    let ideal = ideal_dcg(grades);
    Scores {
        ndcg: if ideal > 0.0 { dcg / ideal } else { 0.0 },
        reciprocal_rank: reciprocal_rank.unwrap_or(0.0),
        recall: found / grades.len().min(DEPTH) as f64,
    }
}

/// E[1 / rank of the first relevant page] for a block from `start` of
/// `size` pages, `relevant` of them relevant, in random order; 0 past the
/// depth. The first relevant page has `x` others before it with
/// probability C(size−1−x, relevant−1) / C(size, relevant).
fn first_relevant_expectation(start: usize, size: usize, relevant: usize) -> f64 {
    let choose = |n: usize, k: usize| -> f64 {
        if k > n {
            return 0.0;
        }
        (0..k).map(|i| (n - i) as f64 / (i + 1) as f64).product()
    };
    let all = choose(size, relevant);
    (0..=size - relevant)
        .filter(|x| start + x < DEPTH)
        .map(|x| choose(size - 1 - x, relevant - 1) / all / (start + x + 1) as f64)
        .sum()
}

/// `ranker`'s own orders of the queries both judged, scored against
/// `scorer`'s grades, as an evaluation named `name`.
pub fn judge_as_ranker(name: &str, ranker: &[JudgedQuery], scorer: &[JudgedQuery]) -> Evaluation {
    let results = scorer
        .iter()
        .filter_map(|scored| {
            let ranking = ranker.iter().find(|r| r.query == scored.query)?;
            let blocks = blocks(&ranking.grades);
            Some(QueryResult {
                query: scored.clone(),
                scores: expected_scores(&blocks, &scored.grades),
                ranking: blocks.concat(),
            })
        })
        .collect();
    Evaluation {
        engine: name.to_string(),
        results,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tools::eval::score;

    fn grades(pairs: &[(&str, u8)]) -> BTreeMap<String, u8> {
        pairs.iter().map(|(p, g)| (p.to_string(), *g)).collect()
    }

    #[test]
    fn blocks_of_one_page_score_as_the_ranking_they_make() {
        let judged = grades(&[("a", 3), ("b", 2), ("c", 1)]);
        let order = ["c", "a", "x", "b"].map(String::from);
        let single: Vec<Vec<String>> = order.iter().map(|p| vec![p.clone()]).collect();
        let (expected, plain) = (expected_scores(&single, &judged), score(&order, &judged));
        assert!((expected.ndcg - plain.ndcg).abs() < 1e-12);
        assert!((expected.reciprocal_rank - plain.reciprocal_rank).abs() < 1e-12);
        assert!((expected.recall - plain.recall).abs() < 1e-12);
    }

    #[test]
    fn a_tie_scores_the_mean_of_its_orders() {
        let judged = grades(&[("a", 3)]);
        let tie = vec![vec!["a".to_string(), "x".to_string()]];
        let first = score(&["a".into(), "x".into()], &judged);
        let second = score(&["x".into(), "a".into()], &judged);
        let expected = expected_scores(&tie, &judged);
        assert!((expected.ndcg - (first.ndcg + second.ndcg) / 2.0).abs() < 1e-12);
        assert!((expected.reciprocal_rank - 0.75).abs() < 1e-12);
    }

    #[test]
    fn judges_who_agree_score_one_and_judges_who_differ_less() {
        let query = |grades: BTreeMap<String, u8>| JudgedQuery {
            query: "q".into(),
            category: "c".into(),
            grades,
            line: 1,
        };
        let first = [query(grades(&[("a", 3), ("b", 1)]))];
        let same = judge_as_ranker("same", &first, &first);
        assert!((same.overall().ndcg - 1.0).abs() < 1e-12);
        let other = [query(grades(&[("b", 3), ("c", 2)]))];
        let differing = judge_as_ranker("other", &other, &first);
        assert!(
            differing.overall().ndcg < 0.6,
            "{}",
            differing.overall().ndcg
        );
    }
}
