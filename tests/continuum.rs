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
