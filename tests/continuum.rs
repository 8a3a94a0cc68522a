//! The continuum: chapter 3.1's anchors come out in order and spaced as the
//! chapter spaces them, every example is placed with reasons, and the
//! continuum page's caveat is the catalogue's own words.

mod common;

use common::pages::examples;
use common::{between, normalize, repo_root};
use praksis::content::front_matter::split;
use praksis::pipeline::{self, Project};

/// Chapter 3.1's examples A–E, from the social to the labour-market end.
const ANCHORS: [&str; 5] = [
    "eksempler/en-anderledes-livsstil-hjoernestenen-i-randers.md",
    "eksempler/projekt-groent-job-revacentret-koebenhavn.md",
    "eksempler/lyngby-taarbaek-kommune-moellegruppen.md",
    "eksempler/foertidspensionist-i-job-et-samarbejdsprojekt.md",
    "eksempler/projekt-integration-uden-omveje-den-direkte-vej.md",
];

#[test]
fn the_five_anchors_of_chapter_3_1_come_out_in_order() {
    let pages = examples();
    let positions: Vec<f64> = ANCHORS
        .iter()
        .map(|anchor| {
            let (_, front, _) = pages
                .iter()
                .find(|(p, _, _)| p == anchor)
                .expect("anchor page");
            front.extra.continuum.expect("anchor is placed")
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    for (path, front, _) in &pages {
        let position = front
            .extra
            .continuum
            .unwrap_or_else(|| panic!("{path} is not placed"));
        assert!((0.0..=1.0).contains(&position), "{path}: {position}");
        assert!(
            !front.extra.continuum_reasons.is_empty(),
            "{path} gives no reason"
        );
    }
}

/// Chapter 3.1 puts A at the social-activation end and E at the
/// labour-market end, with B–D spread between (its figure: columns 0, 7, 16,
/// 28, 36; `anchor_spacing` in `curation/continuum.toml`).
#[test]
fn the_anchors_are_spaced_as_chapter_3_1_spaces_them() {
    let pages = examples();
    let position = |path: &str| {
        pages
            .iter()
            .find(|(p, _, _)| p == path)
            .and_then(|(_, front, _)| front.extra.continuum)
            .expect("anchor is placed")
    };
    let anchors: Vec<f64> = ANCHORS.iter().map(|a| position(a)).collect();
    let all: Vec<f64> = pages
        .iter()
        .map(|(_, front, _)| front.extra.continuum.expect("placed"))
        .collect();
    let quarter = all.len() / 4;
    let left_of = |at: f64| all.iter().filter(|&&p| p < at).count();
    let right_of = |at: f64| all.iter().filter(|&&p| p > at).count();
    assert!(
        left_of(anchors[0]) <= quarter,
        "A at {:.2} has {} examples to its left",
        anchors[0],
        left_of(anchors[0])
    );
    assert!(
        right_of(anchors[4]) <= quarter,
        "E at {:.2} has {} examples to its right",
        anchors[4],
        right_of(anchors[4])
    );
    // No two anchors bunched together: each step at least a tenth of the scale.
    for (pair, letters) in anchors.windows(2).zip(["AB", "BC", "CD", "DE"]) {
        assert!(pair[1] - pair[0] >= 0.1, "{letters}: {anchors:?}");
    }
}

/// The continuum page's caveat quotes the catalogue's own chapter verbatim.
#[test]
fn the_continuum_caveat_is_the_catalogues_own_words() {
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    let text_of = |path: &str| {
        let file = generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} is generated"));
        normalize(&praksis::index::plain_text(
            &split(path, &file.text).expect("front matter").1,
        ))
    };
    let continuum = text_of("kontinuum/_index.md");
    let quote = between(&continuum, "»", "«").expect("the continuum page quotes the catalogue");
    assert!(
        text_of("kapitler/perspektiver-for-en-aktivitets-og.md").contains(quote),
        "not the chapter's words: {quote:?}"
    );
}

#[derive(serde::Deserialize)]
struct JudgedSet {
    example: Vec<JudgedPosition>,
}

#[derive(serde::Deserialize)]
struct JudgedPosition {
    page: String,
    position: f64,
}

/// Ranks with ties sharing their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        for &i in &order[start..=end] {
            ranks[i] = (start + end) as f64 / 2.0;
        }
        start = end + 1;
    }
    ranks
}

fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let mean = |r: &[f64]| r.iter().sum::<f64>() / r.len() as f64;
    let (ma, mb) = (mean(&ra), mean(&rb));
    let covariance: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let spread = |r: &[f64], m: f64| r.iter().map(|x| (x - m).powi(2)).sum::<f64>().sqrt();
    covariance / (spread(&ra, ma) * spread(&rb, mb))
}

/// The model against positions judged by reading the catalogue
/// (curation/continuum-judged.toml, written blind): measured 0.872 rank
/// correlation and 0.100 mean distance over the 21 examples when the set
/// was written, 0.859 and 0.113 once the effort's own staff no longer
/// counted (docs/continuum.md says why that was taken all the same); the
/// floors leave a little room, so a change to the model that places the
/// examples less as a reader does fails.
#[test]
fn the_examples_stand_near_where_a_reader_of_the_catalogue_places_them() {
    let text = std::fs::read_to_string(repo_root().join("curation/continuum-judged.toml"))
        .expect("the judged positions");
    let judged: JudgedSet = toml::from_str(&text).expect("judged positions parse");
    let pages = examples();
    assert_eq!(judged.example.len(), pages.len(), "every example is judged");
    let (mut reader, mut model) = (Vec::new(), Vec::new());
    for entry in &judged.example {
        let (_, front, _) = pages
            .iter()
            .find(|(p, _, _)| *p == entry.page)
            .unwrap_or_else(|| panic!("{} is no example page", entry.page));
        reader.push(entry.position);
        model.push(front.extra.continuum.expect("placed"));
    }
    let rho = spearman(&reader, &model);
    let distance = reader
        .iter()
        .zip(&model)
        .map(|(r, m)| (r - m).abs())
        .sum::<f64>()
        / reader.len() as f64;
    eprintln!(
        "continuum against the judged set: rank correlation {rho:.3}, mean distance {distance:.3}"
    );
    assert!(rho >= 0.84, "rank correlation {rho:.3}");
    assert!(distance <= 0.125, "mean distance {distance:.3}");
}
