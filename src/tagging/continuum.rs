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

/// The calibrated model: feature weights and the raw-score range of the
/// catalogue's examples, which defines 0..1. Pages placed later (written by
/// hand) use the same scale, so they never move the catalogue's positions.
#[derive(Clone, Debug)]
pub struct ContinuumScale {
    features: Vec<(String, Vec<Phrase>)>,
    weights: Vec<f64>,
    low: f64,
    span: f64,
}

impl ContinuumScale {
    /// Where one page sits, and why.
    pub fn place(&self, sentences: &[Sentence]) -> Placement {
        let (shares, counts) = feature_values(&self.features, sentences);
        let contributions: Vec<Contribution> = self
            .features
            .iter()
            .enumerate()
            .map(|(f, (label, _))| Contribution {
                label,
                value: self.weights[f] * shares[f],
                sentences: counts[f],
            })
            .collect();
        let score: f64 = contributions.iter().map(|c| c.value).sum();
        let position = (((score - self.low) / self.span).clamp(0.0, 1.0) * 100.0).round() / 100.0;
        Placement {
            position,
            reasons: reasons(contributions),
        }
    }
}

/// Each feature's share of the sentences mentioning it, and the counts.
fn feature_values(
    features: &[(String, Vec<Phrase>)],
    sentences: &[Sentence],
) -> (Vec<f64>, Vec<usize>) {
    let total = sentences.len().max(1) as f64;
    let counts: Vec<usize> = features
        .iter()
        .map(|(_, phrases)| {
            sentences
                .iter()
                .filter(|s| phrases.iter().any(|p| p.occurs_in(s)))
                .count()
        })
        .collect();
    (counts.iter().map(|&c| c as f64 / total).collect(), counts)
}

/// Calibrates the model on the pages given (their examples define the
/// scale); `None` when the model has no features. An error when the
/// anchors are not example pages.
pub fn calibrate_scale(
    pages: &[(&Document, Vec<Sentence>)],
    model: &ContinuumModel,
) -> Result<Option<ContinuumScale>, String> {
    if model.features.is_empty() {
        return Ok(None);
    }
    let features: Vec<(String, Vec<Phrase>)> = model
        .features
        .iter()
        .map(|f| {
            (
                f.label.clone(),
                f.terms.iter().map(|t| Phrase::new(t)).collect(),
            )
        })
        .collect();
    let values: Vec<Vec<f64>> = pages
        .iter()
        .map(|(_, sentences)| feature_values(&features, sentences).0)
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
    let anchor_values: Vec<&[f64]> = anchors.iter().map(|&i| values[i].as_slice()).collect();
    let weights = calibrate(&curated, &anchor_values);
    // The catalogue's examples define the scale.
    let examples = pages
        .iter()
        .zip(&values)
        .filter(|((d, _), _)| d.kind == DocumentKind::Example)
        .map(|(_, v)| dot(&weights, v));
    let low = examples.clone().fold(f64::INFINITY, f64::min);
    let high = examples.fold(f64::NEG_INFINITY, f64::max);
    Ok(Some(ContinuumScale {
        features,
        weights,
        low,
        span: (high - low).max(f64::EPSILON),
    }))
}

/// Positions for every page given, keyed by slug; an error when the anchors
/// come out of order.
pub fn place(
    pages: &[(&Document, Vec<Sentence>)],
    model: &ContinuumModel,
) -> Result<(BTreeMap<String, Placement>, Option<ContinuumScale>), String> {
    let Some(scale) = calibrate_scale(pages, model)? else {
        return Ok((BTreeMap::new(), None));
    };
    let placements: BTreeMap<String, Placement> = pages
        .iter()
        .map(|(document, sentences)| (document.slug.clone(), scale.place(sentences)))
        .collect();
    check_anchors(&placements, &model.anchors)?;
    Ok((placements, Some(scale)))
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
