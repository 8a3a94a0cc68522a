//! The continuum model: each feature's share of a page's sentences, weighted
//! and summed, scaled so the catalogue's examples span 0..1, spaced between
//! chapter 3.1's five examples as its figure spaces them, and checked
//! against their order.

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
    /// The page's first sentence of the feature that is not its title or a
    /// keyword, preferring its own terms and a sentence that pulls no other
    /// way (see `ContinuumScale::place`): quoted for the
    /// strongest pull each way, so a reader sees what the counting found
    /// (Fountain House at 1,0 for its "ordinære arbejdspladser").
    first: Option<&'a str>,
}

/// One feature's terms, as found in a page's sentences.
#[derive(Clone, Debug)]
struct FeatureTerms {
    label: String,
    phrases: Vec<Phrase>,
    /// Counted only where the sentence does not name the effort's staff.
    participant_phrases: Vec<Phrase>,
}

impl FeatureTerms {
    fn names_in_own_terms(&self, sentence: &Sentence) -> bool {
        self.phrases.iter().any(|p| p.occurs_unnegated_in(sentence))
    }

    fn found_in(&self, sentence: &Sentence, staff: &Staff) -> bool {
        self.names_in_own_terms(sentence)
            || (self
                .participant_phrases
                .iter()
                .any(|p| p.occurs_unnegated_in(sentence))
                && !staff.named_in(sentence))
    }
}

/// What in a sentence names the effort's own staff (see
/// `ContinuumModel::staff`).
#[derive(Clone, Debug, Default)]
struct Staff {
    word_parts: Vec<String>,
    phrases: Vec<String>,
}

impl Staff {
    fn new(entries: &[String]) -> Staff {
        let (phrases, word_parts) = entries
            .iter()
            .map(|e| e.to_lowercase())
            .partition(|e| e.contains(' '));
        Staff {
            word_parts,
            phrases,
        }
    }

    fn named_in(&self, sentence: &Sentence) -> bool {
        let in_words = sentence
            .words
            .iter()
            .any(|w| self.word_parts.iter().any(|part| w.contains(part.as_str())));
        // A phrase from a word's start ("de ansattes", not "ide ansattes").
        let at_word = |at: usize| at == 0 || !sentence.lower[..at].ends_with(char::is_alphanumeric);
        in_words
            || self.phrases.iter().any(|p| {
                sentence
                    .lower
                    .match_indices(p.as_str())
                    .any(|(at, _)| at_word(at))
            })
    }
}

/// The calibrated model: feature weights and the map from score to
/// position (see [`Knots`]). Pages placed later (written by hand) use the
/// same scale, so they never move the catalogue's positions.
#[derive(Clone, Debug)]
pub struct ContinuumScale {
    features: Vec<FeatureTerms>,
    staff: Staff,
    weights: Vec<f64>,
    knots: Knots,
}

/// A monotone, piecewise-linear map from raw score to position. Without an
/// anchor spacing it is linear: the examples' lowest score is 0 and the
/// highest 1. With one, it reads positions off chapter 3.1's figure, whose axis runs
/// from A (under "Social aktivering") to E (under "Arbejdsmarkedsrettet
/// beskæftigelse"): A stands at [`END_MARGIN`], E at 1 − [`END_MARGIN`], B–D
/// between at the figure's proportions, and pages the model scores as
/// further out than A or E share the outer margins. Scores between knots are
/// interpolated; order is never changed.
#[derive(Clone, Debug)]
struct Knots {
    /// (score, position), both strictly increasing.
    points: Vec<(f64, f64)>,
}

/// The share of the scale on each side beyond the catalogue's own end
/// examples A and E.
const END_MARGIN: f64 = 0.1;

impl Knots {
    fn new(low: f64, high: f64, anchors: &[f64], spacing: &[f64]) -> Knots {
        let high = high.max(low + f64::EPSILON);
        let ordered = anchors.windows(2).all(|w| w[0] < w[1]);
        let mut inner: Vec<(f64, f64)> = Vec::new();
        if let (true, Some(&s0), Some(&s1)) = (
            ordered && spacing.len() == anchors.len() && spacing.len() >= 2,
            spacing.first(),
            spacing.last(),
        ) {
            let width = 1.0 - 2.0 * END_MARGIN;
            inner = anchors
                .iter()
                .zip(spacing)
                .map(|(&score, &at)| (score, END_MARGIN + (at - s0) / (s1 - s0) * width))
                .collect();
        }
        // An anchor on an end (A with the lowest score, E with the highest)
        // is that end.
        let mut points = vec![(low, 0.0)];
        points.extend(
            inner
                .into_iter()
                .filter(|&(score, _)| low < score && score < high),
        );
        points.push((high, 1.0));
        Knots { points }
    }

    fn position(&self, score: f64) -> f64 {
        let (low, high) = (self.points[0], self.points[self.points.len() - 1]);
        let score = score.clamp(low.0, high.0);
        self.points
            .windows(2)
            .find(|w| score <= w[1].0)
            .map(|w| w[0].1 + (score - w[0].0) / (w[1].0 - w[0].0) * (w[1].1 - w[0].1))
            .unwrap_or(high.1)
    }
}

impl ContinuumScale {
    /// Where one page sits, and why.
    pub fn place(&self, sentences: &[Sentence]) -> Placement {
        let hits = feature_hits(&self.features, &self.staff, sentences);
        let (shares, counts) = feature_values(&hits, sentences.len());
        let contributions: Vec<Contribution> = self
            .features
            .iter()
            .enumerate()
            .map(|(f, feature)| {
                let towards_work = self.weights[f] > 0.0;
                // The quote shows the pull best where the feature's own
                // terms name it (not only a participant's word like
                // "ansatte", which may be the staff) and no other feature
                // pulls the other way ("… virksomheder … med cafeerne og
                // værestederne" would be quoted on both sides).
                let pulls_both_ways = |at: usize| {
                    hits.iter()
                        .zip(&self.weights)
                        .any(|(other, w)| (*w > 0.0) != towards_work && other[at])
                };
                let first = sentences
                    .iter()
                    .enumerate()
                    .filter(|(at, s)| hits[f][*at] && !s.is_title && !s.is_keyword)
                    .min_by_key(|(at, s)| (!feature.names_in_own_terms(s), pulls_both_ways(*at)))
                    .map(|(_, s)| s.text.as_str());
                Contribution {
                    label: &feature.label,
                    value: self.weights[f] * shares[f],
                    sentences: counts[f],
                    first,
                }
            })
            .collect();
        let score: f64 = contributions.iter().map(|c| c.value).sum();
        let position = (self.knots.position(score).clamp(0.0, 1.0) * 100.0).round() / 100.0;
        Placement {
            position,
            reasons: reasons(contributions),
        }
    }
}

/// For each feature, which of the sentences mention it.
fn feature_hits(
    features: &[FeatureTerms],
    staff: &Staff,
    sentences: &[Sentence],
) -> Vec<Vec<bool>> {
    features
        .iter()
        .map(|feature| {
            sentences
                .iter()
                .map(|s| feature.found_in(s, staff))
                .collect()
        })
        .collect()
}

/// Each feature's share of the `total` sentences mentioning it, and the
/// counts.
fn feature_values(hits: &[Vec<bool>], total: usize) -> (Vec<f64>, Vec<usize>) {
    let counts: Vec<usize> = hits
        .iter()
        .map(|found| found.iter().filter(|&&hit| hit).count())
        .collect();
    let total = total.max(1) as f64;
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
    let spacing = &model.anchor_spacing;
    if !spacing.is_empty()
        && (spacing.len() != model.anchors.len() || !spacing.windows(2).all(|w| w[0] < w[1]))
    {
        return Err(format!(
            "anchor_spacing {spacing:?} must give each of the {} anchors a place, increasing from A to E",
            model.anchors.len()
        ));
    }
    let phrases = |terms: &[String]| terms.iter().map(|t| Phrase::new(t)).collect();
    let features: Vec<FeatureTerms> = model
        .features
        .iter()
        .map(|f| FeatureTerms {
            label: f.label.clone(),
            phrases: phrases(&f.terms),
            participant_phrases: phrases(&f.participant_terms),
        })
        .collect();
    let staff = Staff::new(&model.staff);
    let values: Vec<Vec<f64>> = pages
        .iter()
        .map(|(_, sentences)| {
            feature_values(&feature_hits(&features, &staff, sentences), sentences.len()).0
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
    let anchor_scores: Vec<f64> = anchor_values.iter().map(|v| dot(&weights, v)).collect();
    Ok(Some(ContinuumScale {
        features,
        staff,
        weights,
        knots: Knots::new(low, high, &anchor_scores, &model.anchor_spacing),
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
            .enumerate()
            .map(|(rank, c)| {
                let count = match c.sentences {
                    1 => "1 sætning".to_string(),
                    n => format!("{n} sætninger"),
                };
                match c.first.filter(|_| rank == 0) {
                    Some(first) => format!("{} ({count}, fx »{first}«)", c.label),
                    None => format!("{} ({count})", c.label),
                }
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

#[cfg(test)]
mod tests {
    use super::{reasons, Contribution, Knots, END_MARGIN};

    const FIGURE: [f64; 5] = [0.0, 7.0, 16.0, 28.0, 36.0];

    fn at(knots: &Knots, score: f64) -> f64 {
        (knots.position(score) * 1000.0).round() / 1000.0
    }

    #[test]
    fn a_and_e_stand_at_the_figures_ends_and_b_to_d_at_its_proportions() {
        // Scores 0..10; A at 2 and E at 8 go to the margin's edges, B–D at
        // 3, 4, 5 to the figure's columns 7, 16, 28 of 36 between them.
        let knots = Knots::new(0.0, 10.0, &[2.0, 3.0, 4.0, 5.0, 8.0], &FIGURE);
        assert_eq!(END_MARGIN, 0.1);
        assert_eq!(at(&knots, 2.0), 0.1);
        assert_eq!(at(&knots, 8.0), 0.9);
        assert_eq!(at(&knots, 3.0), 0.256);
        assert_eq!(at(&knots, 4.0), 0.456);
        assert_eq!(at(&knots, 5.0), 0.722);
        // Further out than A or E: inside the margins, ends kept.
        assert_eq!(at(&knots, 1.0), 0.05);
        assert_eq!(at(&knots, 9.0), 0.95);
        assert_eq!(
            (
                at(&knots, 0.0),
                at(&knots, 10.0),
                at(&knots, -1.0),
                at(&knots, 11.0)
            ),
            (0.0, 1.0, 0.0, 1.0)
        );
        // Monotone: order never changes.
        let scores: Vec<f64> = (0..=100).map(|i| f64::from(i) / 10.0).collect();
        assert!(scores
            .windows(2)
            .all(|w| at(&knots, w[0]) < at(&knots, w[1])));
    }

    #[test]
    fn without_a_spacing_or_with_anchors_out_of_order_the_scale_is_linear() {
        for (anchors, spacing) in [(vec![2.0, 3.0], vec![]), (vec![3.0, 2.0], vec![0.0, 1.0])] {
            let knots = Knots::new(0.0, 10.0, &anchors, &spacing);
            assert_eq!(knots.position(2.5), 0.25);
        }
    }

    #[test]
    fn an_anchor_with_the_lowest_or_highest_score_is_that_end() {
        let knots = Knots::new(0.0, 10.0, &[0.0, 5.0, 10.0], &[0.0, 1.0, 2.0]);
        assert_eq!(
            (at(&knots, 0.0), at(&knots, 5.0), at(&knots, 10.0)),
            (0.0, 0.5, 1.0)
        );
    }

    #[test]
    fn participant_terms_do_not_count_where_the_sentence_names_the_staff() {
        use super::{FeatureTerms, Phrase, Sentence, Staff};
        let staff = Staff::new(&["projektleder".to_string(), "de ansattes".to_string()]);
        let wage = FeatureTerms {
            label: "løn".into(),
            phrases: vec![Phrase::new("løntilskud")],
            participant_phrases: vec![Phrase::new("løn")],
        };
        let found = |text: &str| wage.found_in(&Sentence::new(text, false), &staff);
        assert!(found("Deltagerne får løn efter overenskomst."));
        assert!(!found("Pengene går til løn til projektlederen."));
        // A term of the feature's own counts beside the staff.
        assert!(found("Projektlederen finder job med løntilskud."));
        let work = FeatureTerms {
            label: "ansat".into(),
            phrases: Vec::new(),
            participant_phrases: vec![Phrase::new("ansat")],
        };
        let staffed = |text: &str| work.found_in(&Sentence::new(text, false), &staff);
        assert!(!staffed(
            "Et væsentligt element i de ansattes rolle er at coache den enkelte."
        ));
        assert!(staffed("Fem personer blev ansat i fleksjob."));
    }

    #[test]
    fn a_pull_quotes_a_sentence_that_pulls_only_its_way_when_there_is_one() {
        use super::{ContinuumScale, FeatureTerms, Phrase, Sentence, Staff};
        let feature = |label: &str, word: &str, participant: &[&str]| FeatureTerms {
            label: label.into(),
            phrases: vec![Phrase::new(word)],
            participant_phrases: participant.iter().map(|w| Phrase::new(w)).collect(),
        };
        let scale = ContinuumScale {
            features: vec![
                feature("arbejdspladser", "virksomhed", &["ansat"]),
                feature("værested", "værested", &[]),
            ],
            staff: Staff::new(&[]),
            weights: vec![1.0, -1.0],
            knots: Knots::new(-1.0, 1.0, &[], &[]),
        };
        let sentences = [
            Sentence::new(
                "Konsulenten skaber kontakt til virksomheder og værestederne.",
                false,
            ),
            // Only a participant's word: the feature's own terms go first.
            Sentence::new("Målene formuleres med de ansatte.", false),
            Sentence::new("Deltagerne arbejder i virksomheder.", false),
        ];
        assert_eq!(
            scale.place(&sentences).reasons,
            [
                "Mod arbejdsmarkedet trækker: arbejdspladser (3 sætninger, fx »Deltagerne arbejder i virksomheder.«).",
                // The only sentence of the other pull is quoted all the same.
                "Mod social aktivering trækker: værested (1 sætning, fx »Konsulenten skaber kontakt til virksomheder og værestederne.«)."
            ]
        );
    }

    #[test]
    fn the_strongest_pull_each_way_quotes_its_first_sentence() {
        let pull = |label, value, sentences, first| Contribution {
            label,
            value,
            sentences,
            first,
        };
        let found = reasons(vec![
            pull("arbejdspladser", 0.5, 2, Some("De arbejder i en butik.")),
            pull("løn", 0.1, 1, Some("De får løn.")),
            pull("værested", -0.3, 3, Some("Huset er et værested.")),
        ]);
        assert_eq!(
            found,
            [
                "Mod arbejdsmarkedet trækker: arbejdspladser (2 sætninger, fx »De arbejder i en butik.«), løn (1 sætning).",
                "Mod social aktivering trækker: værested (3 sætninger, fx »Huset er et værested.«)."
            ]
        );
    }
}
