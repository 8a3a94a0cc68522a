//! What the compare page claims, checked against the pages themselves on a
//! whole build: it never says an example has no section about results when
//! it has one (or one about experience), and its factor rows show each
//! example's own factors and sentences, or the catalogue's general findings.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::pages::front_and_body;
use common::Fixture;
use praksis::content::front_matter::split;

const NO_SECTION: &str = "Eksemplet har intet afsnit om resultater";

/// The cells of one row of the compare table, by example slug.
fn compare_row(html: &str, label: &str) -> BTreeMap<String, String> {
    let start = html
        .find(&format!("<th scope=\"row\">{label}</th>"))
        .unwrap_or_else(|| panic!("compare has no row {label}"));
    let row = &html[start..];
    let row = &row[..row.find("</tr>").expect("row end")];
    row.split("<td data-example=\"")
        .skip(1)
        .map(|cell| {
            let (slug, rest) = cell.split_once('"').expect("slug");
            (slug.to_string(), rest.to_string())
        })
        .collect()
}

#[test]
fn compare_never_claims_a_missing_results_section_when_the_page_has_one() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    let html =
        std::fs::read_to_string(root.join("public/sammenlign/index.html")).expect("compare page");
    let cells = compare_row(&html, "Resultater");
    let (mut with_section, mut opinions) = (0, 0);
    for entry in std::fs::read_dir(root.join("content/eksempler")).expect("examples") {
        let path = entry.expect("entry").path();
        if path.ends_with("_index.md") {
            continue;
        }
        let (front, body) = front_and_body(&path);
        let slug = path
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let has_section = body.lines().any(|line| {
            let lower = line.to_lowercase();
            lower.starts_with('#') && (lower.contains("resultat") || lower.contains("erfaring"))
        });
        let cell = &cells[&slug];
        // A summary that only tells a view says so.
        assert_eq!(
            cell.contains("(en holdning, ingen resultater)"),
            front.extra.results_opinion,
            "{slug}: {cell}"
        );
        opinions += usize::from(front.extra.results_opinion);
        if has_section {
            with_section += 1;
            assert!(
                !cell.contains(NO_SECTION),
                "{slug} has a results or experience section, compare says: {cell}"
            );
            // A summary ends at a sentence end, never mid-sentence or at a
            // lead-in; a table's row ("Deltagere …: 270 personer") has none.
            let text = cell.trim_end().trim_end_matches("</td>").trim_end();
            let table_row = !text.contains(". ") && !text.ends_with('.');
            assert!(
                table_row || text.ends_with(['.', '!', '?', '”', '"', ')']),
                "{slug}: the summary ends mid-sentence: {text}"
            );
        } else {
            assert!(cell.contains(NO_SECTION), "{slug}: {cell}");
        }
    }
    assert!(
        with_section >= 15,
        "only {with_section} examples with results"
    );
    assert!(opinions >= 1, "no summary is only a view");
    check_factor_rows(&html, root);
}

/// The catalogue's general findings of one factor taxonomy, as /faktorer/
/// carries them: (term, anchor on /faktorer/).
fn general_factors(root: &Path, taxonomy: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root.join("content/faktorer/_index.md")).expect("factors");
    let (front, _) = split("faktorer/_index.md", &text).expect("front matter");
    let front: praksis::content::front_matter::SectionFrontMatter =
        toml::from_str(&front).expect("section front matter");
    let factors = front.extra["factors"].as_array().expect("factors").clone();
    let field = |f: &toml::Value, key: &str| f[key].as_str().expect(key).to_string();
    factors
        .iter()
        .filter(|f| f["taxonomy"].as_str() == Some(taxonomy))
        .map(|f| (field(f, "term"), field(f, "id")))
        .collect()
}

/// The compare page's factor rows show each example's own factors, the
/// terms its factor pages list it under, and what the example itself says
/// hinders or helps it, quoted; when it has neither, that it states none
/// and the catalogue's general findings, labelled as such and each linked
/// to its factor page (or its entry on /faktorer/ when no page shows it).
fn check_factor_rows(html: &str, root: &Path) {
    let examples = &root.join("content/eksempler");
    let mut with_factors = 0;
    let mut with_general = 0;
    for (taxonomy, label) in [
        ("fremmer", "Det der fremmer"),
        ("haemmer", "Det der hæmmer"),
    ] {
        let cells = compare_row(html, label);
        for entry in std::fs::read_dir(examples).expect("examples") {
            let path = entry.expect("entry").path();
            if path.ends_with("_index.md") {
                continue;
            }
            let (front, _) = front_and_body(&path);
            let slug = path.file_stem().expect("name").to_string_lossy();
            let terms = front.taxonomies.get(taxonomy).cloned().unwrap_or_default();
            let stated = match taxonomy {
                "fremmer" => &front.extra.stated.helps,
                _ => &front.extra.stated.hinders,
            };
            let cell = cells[slug.as_ref()].trim_end();
            if terms.is_empty() && stated.is_empty() {
                with_general += 1;
                assert!(
                    cell.contains("Ingen af katalogets faktorer er fundet i eksemplet, og det kalder ikke selv noget")
                        && cell.contains(&format!("href=\"#generelt-{taxonomy}\"")),
                    "{slug} {label}: {cell}"
                );
                // The findings, once, below the table.
                let cell = html
                    .split_once(&format!(
                        "<section class=\"general\" id=\"generelt-{taxonomy}\""
                    ))
                    .and_then(|(_, rest)| rest.split("</section>").next())
                    .unwrap_or_else(|| panic!("no general findings of {taxonomy} below the table"));
                assert!(
                    cell.contains(
                        "katalogets generelle fund i kapitel 3.2, ikke et bestemt eksempels"
                    ),
                    "{taxonomy}: {cell}"
                );
                let general = general_factors(root, taxonomy);
                assert!(!general.is_empty(), "{taxonomy}: no general findings");
                for (term, id) in general {
                    let shown = root.join(format!("public/{taxonomy}"));
                    let linked = cell.contains(&format!("#{id}\">{term}</a>"))
                        || std::fs::read_dir(&shown).expect("term pages").any(|e| {
                            let name = e.expect("entry").file_name();
                            let name = name.to_string_lossy();
                            cell.contains(&format!("/{taxonomy}/{name}/\">{term}</a>"))
                        });
                    assert!(linked, "{slug} {label}: {term} not linked: {cell}");
                    if cell.contains(&format!("/faktorer/#{id}\"")) {
                        // No page shows it: its entry says what it is.
                        let overview =
                            std::fs::read_to_string(root.join("public/faktorer/index.html"))
                                .expect("factors page");
                        let entry = overview
                            .split_once(&format!("<dt id=\"{id}\">"))
                            .unwrap_or_else(|| panic!("/faktorer/ has no entry {id}"))
                            .1;
                        let entry = &entry[..entry.find("</dd>").expect("entry end")];
                        assert!(
                            entry.contains("Et generelt fund i katalogets kapitel 3.2")
                                && entry.contains("chapter-quote"),
                            "/faktorer/#{id} does not say what it is: {entry}"
                        );
                    }
                }
                continue;
            }
            with_factors += 1;
            if !terms.is_empty() {
                // A term the page names only as a wish carries the page's mark.
                let unmarked = cell.replace(
                    " <span class=\"wish\">(kun som ønske eller mulighed)</span>",
                    "",
                );
                assert!(
                    unmarked.contains(&format!(">{}", terms.join(", "))),
                    "{slug} {label}: {cell}"
                );
            }
            for sentence in stated.iter().map(|s| &s.sentence) {
                let escaped = sentence
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                assert!(
                    cell.contains(&format!("»{escaped}«")),
                    "{slug} {label} does not quote {sentence:?}: {cell}"
                );
            }
        }
    }
    assert!(with_factors >= 10, "only {with_factors} factor cells");
    assert!(
        with_general >= 1,
        "no cell falls back on the general findings"
    );
}
