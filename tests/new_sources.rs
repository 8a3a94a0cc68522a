//! New sources without code changes: a report with Markdown, numbered or
//! capitalised headings is ingested, with its title and date from its own
//! text and its cases as records; a text that cannot be used is refused with
//! what was expected and where.

mod common;

use common::{stderr, Fixture};

fn add_source(fixture: &Fixture, name: &str, text: &str) {
    std::fs::write(fixture.path().join("sources").join(name), text).expect("source");
}

fn page(fixture: &Fixture, path: &str) -> String {
    std::fs::read_to_string(fixture.path().join("content").join(path)).expect(path)
}

#[test]
fn reports_with_each_kind_of_heading_are_ingested() {
    let fixture = Fixture::new();
    add_source(
        &fixture,
        "005_markdown.txt",
        "Ny rapport om beskæftigelse i Greve\n\nmaj 2025\n\n# Indledning\n\n\
         Indsatsen i Greve Kommune er for hjemløse. Den bruger mentorer og\n\
         virksomhedspraktik.\n\n# Resultater\n\nTre af ti fik arbejde.\n\n\
         ## Borger 1\n\nAlder: 45 år\n\nResultat: Ordinært job\n",
    );
    add_source(
        &fixture,
        "006_numbered.txt",
        "Erfaringer fra Odense\n\n1. Indledning\n\nIndsatsen hjælper unge i job.\n\n\
         2. Resultater\n\nDe fleste kom i uddannelse.\n\n2.1 Tal\n\nTolv deltog.\n",
    );
    add_source(
        &fixture,
        "007_capitals.txt",
        "RAPPORT OM AALBORG\n\nINDLEDNING\n\nIndsatsen i Aalborg er for sindslidende.\n\n\
         RESULTATER\n\nDe fleste fortsatte.\n",
    );
    fixture.build(&[]);
    let markdown = page(
        &fixture,
        "rapporter/ny-rapport-om-beskaeftigelse-i-greve.md",
    );
    assert!(
        markdown.contains("title = \"Ny rapport om beskæftigelse i Greve\""),
        "{markdown}"
    );
    assert!(
        markdown.contains("published = \"2025-05\""),
        "date from the text"
    );
    assert!(markdown.contains("## Indledning") && markdown.contains("## Resultater"));
    assert!(
        markdown.contains("Den bruger mentorer og virksomhedspraktik."),
        "wrapped lines joined"
    );
    assert!(markdown.contains("maalgruppe = [\"Hjemløse\"]"), "tagged");
    let case = page(
        &fixture,
        "forloeb/ny-rapport-om-beskaeftigelse-i-greve-b1.md",
    );
    assert!(case.contains("age = 45"), "{case}");
    let numbered = page(&fixture, "rapporter/erfaringer-fra-odense.md");
    assert!(numbered.contains("## 1\\. Indledning"), "{numbered}");
    assert!(numbered.contains("## 2.1 Tal"), "{numbered}");
    let capitals = page(&fixture, "rapporter/rapport-om-aalborg.md");
    assert!(
        capitals.contains("title = \"Rapport om Aalborg\""),
        "{capitals}"
    );
    assert!(capitals.contains("## Indledning"), "{capitals}");
    assert!(fixture
        .path()
        .join("public/rapporter/rapport-om-aalborg/index.html")
        .is_file());
}

#[test]
fn a_text_without_headings_is_refused_with_what_was_expected_and_where() {
    let fixture = Fixture::new();
    add_source(
        &fixture,
        "005_plain.txt",
        "En tekst uden overskrifter.\n\nBare afsnit, der følger hinanden.\n",
    );
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("005_plain.txt:1: found no heading"), "{err}");
    assert!(err.contains("\"# Indledning\""), "{err}");
    assert!(err.contains("line 3: \"Bare afsnit"), "{err}");
    assert!(err.contains("praksis new rapport"), "{err}");
}
