//! The continuum model: each feature's share of a page's sentences, weighted
//! and summed, scaled so the catalogue's examples span 0..1, and checked
//! against chapter 3.1's order of five examples.

use std::collections::BTreeMap;

use super::sentences::{Phrase, Sentence};
use super::vocabulary::ContinuumModel;
use crate::ingest::{Document, DocumentKind};

/// How many features a page's reasons name.
const REASONS: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// 0.0 = social activation … 1.0 = labour-market employment, two decimals.
    pub position: f64,
    /// One or two sentences for readers: what pulls the page which way.
    pub reasons: Vec<String>,
}

struct Contribution<'a> {
    label: &'a str,
    value: f64,
    sentences: usize,
}

/// Positions for every page given, keyed by slug; an error when the anchors
/// come out of order.
pub fn place(
    pages: &[(&Document, Vec<Sentence>)],
    model: &ContinuumModel,
) -> Result<BTreeMap<String, Placement>, String> {
    if model.features.is_empty() {
        return Ok(BTreeMap::new());
    }
    let phrases: Vec<Vec<Phrase>> = model
        .features
        .iter()
        .map(|f| f.terms.iter().map(|t| Phrase::new(t)).collect())
        .collect();
    // Each page's feature values: the share of its sentences mentioning it.
    let values: Vec<(Vec<f64>, Vec<usize>)> = pages
        .iter()
        .map(|(_, sentences)| {
            let total = sentences.len().max(1) as f64;
            let counts: Vec<usize> = phrases
                .iter()
                .map(|feature| {
                    sentences
                        .iter()
                        .filter(|s| feature.iter().any(|p| p.occurs_in(s)))
                        .count()
                })
                .collect();
            (counts.iter().map(|&c| c as f64 / total).collect(), counts)
        })
        .collect();
    let curated: Vec<f64> = model.features.iter().map(|f| f.weight).collect();
    let anchors: Vec<usize> = model
        .anchors
        .iter()
        .map(|slug| {
            pages
                .iter()
                .position(|(d, _)| d.slug == *slug && d.kind == DocumentKind::Example)
                .ok_or_else(|| format!("anchor {slug} is not an example page"))
        })
        .collect::<Result<_, _>>()?;
    let anchor_values: Vec<&[f64]> = anchors.iter().map(|&i| values[i].0.as_slice()).collect();
    let weights = calibrate(&curated, &anchor_values);
    let mut raw: Vec<(&Document, f64, Vec<Contribution>)> = Vec::new();
    for ((document, _), (shares, counts)) in pages.iter().zip(&values) {
        let contributions: Vec<Contribution> = model
            .features
            .iter()
            .enumerate()
            .map(|(f, feature)| Contribution {
                label: &feature.label,
                value: weights[f] * shares[f],
                sentences: counts[f],
            })
            .collect();
        let score = contributions.iter().map(|c| c.value).sum();
        raw.push((document, score, contributions));
    }
    // The catalogue's examples define the scale.
    let examples = raw
        .iter()
        .filter(|(d, _, _)| d.kind == DocumentKind::Example);
    let low = examples
        .clone()
        .map(|(_, s, _)| *s)
        .fold(f64::INFINITY, f64::min);
    let high = examples
        .map(|(_, s, _)| *s)
        .fold(f64::NEG_INFINITY, f64::max);
    let span = (high - low).max(f64::EPSILON);
    let mut placements = BTreeMap::new();
    for (document, score, contributions) in raw {
        let position = (((score - low) / span).clamp(0.0, 1.0) * 100.0).round() / 100.0;
        placements.insert(
            document.slug.clone(),
            Placement {
                position,
                reasons: reasons(contributions),
            },
        );
    }
    check_anchors(&placements, &model.anchors)?;
    Ok(placements)
}

fn reasons(mut contributions: Vec<Contribution>) -> Vec<String> {
    contributions.retain(|c| c.sentences > 0);
    contributions.sort_by(|a, b| {
        b.value
            .abs()
            .total_cmp(&a.value.abs())
            .then(a.label.cmp(b.label))
    });
    contributions.truncate(REASONS);
    let describe = |towards_work: bool, lead: &str| -> Option<String> {
        let named: Vec<String> = contributions
            .iter()
            .filter(|c| (c.value > 0.0) == towards_work)
            .map(|c| match c.sentences {
                1 => format!("{} (1 sætning)", c.label),
                n => format!("{} ({n} sætninger)", c.label),
            })
            .collect();
        (!named.is_empty()).then(|| format!("{lead} {}.", named.join(", ")))
    };
    [
        describe(true, "Mod arbejdsmarkedet trækker:"),
        describe(false, "Mod social aktivering trækker:"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Smallest raw-score step between consecutive anchors.
const ANCHOR_GAP: f64 = 0.01;
const LEARNING_RATE: f64 = 0.5;
const MAX_ROUNDS: usize = 10_000;
/// A calibrated weight keeps its curated direction and at least this size.
const MIN_WEIGHT: f64 = 0.05;

fn dot(weights: &[f64], values: &[f64]) -> f64 {
    weights.iter().zip(values).map(|(w, v)| w * v).sum()
}

/// Adjusts the curated weights until the anchors come out in order, by
/// ranking-perceptron steps (w += η·(x_later − x_earlier) for each pair out
/// of order), never flipping a weight's direction. Deterministic; if it
/// cannot succeed, the curated weights are returned and the order check fails.
pub fn calibrate(curated: &[f64], anchors: &[&[f64]]) -> Vec<f64> {
    let mut weights = curated.to_vec();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for pair in anchors.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            if dot(&weights, later) - dot(&weights, earlier) >= ANCHOR_GAP {
                continue;
            }
            changed = true;
            for (f, weight) in weights.iter_mut().enumerate() {
                *weight += LEARNING_RATE * (later[f] - earlier[f]);
                *weight = if curated[f] >= 0.0 {
                    weight.max(MIN_WEIGHT)
                } else {
                    weight.min(-MIN_WEIGHT)
                };
            }
        }
        if !changed {
            return weights;
        }
    }
    curated.to_vec()
}

/// Chapter 3.1 orders five examples A–E; the model must keep that order.
fn check_anchors(
    placements: &BTreeMap<String, Placement>,
    anchors: &[String],
) -> Result<(), String> {
    let mut previous: Option<(&str, f64)> = None;
    for anchor in anchors {
        let position = placements
            .get(anchor)
            .map(|p| p.position)
            .ok_or_else(|| format!("anchor {anchor} is not an example page"))?;
        if let Some((before, at)) = previous {
            if position <= at {
                return Err(format!(
                    "the continuum model places {anchor} ({position:.2}) at or before {before} ({at:.2}); chapter 3.1 orders them the other way"
                ));
            }
        }
        previous = Some((anchor, position));
    }
    Ok(())
}
