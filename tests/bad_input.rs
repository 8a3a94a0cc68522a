//! Broken sources stop the build with an error naming the file (and line),
//! and leave the previous site untouched.

mod common;

use common::{stderr, Fixture};

const CATALOGUE: &str = "sources/004_a263188c04532188.txt";

/// Builds once, breaks the input with `damage`, builds again: returns stderr.
fn build_after(damage: impl FnOnce(&Fixture)) -> (Fixture, String) {
    let fixture = Fixture::new();
    fixture.build(&[]);
    damage(&fixture);
    let before = std::fs::read(fixture.path().join("public/index.html")).expect("site");
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success(), "build should fail");
    let after = std::fs::read(fixture.path().join("public/index.html")).expect("site still there");
    assert_eq!(before, after, "previous public/ must be left untouched");
    let err = stderr(&output);
    assert_eq!(err.trim().lines().count(), 1, "one-line error, got:\n{err}");
    (fixture, err)
}

#[test]
fn non_utf8_source_names_file_line_and_column() {
    let (_, err) = build_after(|f| {
        std::fs::write(
            f.path().join("sources/005_bad.txt"),
            b"Linje et\nLinje to \xe6\xf8\n",
        )
        .expect("write");
    });
    assert!(
        err.contains("005_bad.txt:2:10: is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn empty_source_is_named() {
    let (_, err) = build_after(|f| {
        std::fs::write(f.path().join("sources/005_empty.txt"), "\n \n").expect("write");
    });
    assert!(err.contains("005_empty.txt: is empty"), "{err}");
}

#[test]
fn catalogue_missing_an_example_heading_names_file_and_line() {
    let (_, err) = build_after(|f| {
        let path = f.path().join(CATALOGUE);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(
            &path,
            text.replace("2.9. Projekt Åndehullet", "Projekt Åndehullet"),
        )
        .expect("write");
    });
    assert!(err.contains("004_a263188c04532188.txt:"), "{err}");
    assert!(err.contains("expected section 2.9"), "{err}");
}

#[test]
fn report_without_headings_is_named() {
    let (_, err) = build_after(|f| {
        std::fs::write(
            f.path().join("sources/005_flat.txt"),
            "bare en lang linje tekst uden nogen overskrift overhovedet.\n",
        )
        .expect("write");
    });
    assert!(err.contains("005_flat.txt:1: found no heading"), "{err}");
}

#[test]
fn bad_front_matter_in_content_names_file_and_line() {
    let fixture = Fixture::new();
    std::fs::write(
        fixture.path().join("config.toml"),
        "base_url = \"/\"\ntitle = 3\n",
    )
    .expect("write");
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("config.toml:2:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn control_character_names_file_line_and_column() {
    let (_, err) = build_after(|f| {
        std::fs::write(
            f.path().join("sources/005_ctrl.txt"),
            "# Rapport\n\nTekst\u{1b}[31m her.\n",
        )
        .expect("write");
    });
    assert!(
        err.contains("005_ctrl.txt:3:6: control character U+001B"),
        "{err}"
    );
}

#[test]
fn mixed_encodings_are_named() {
    let (_, err) = build_after(|f| {
        let path = f.path().join(CATALOGUE);
        let text = std::fs::read_to_string(&path).expect("read");
        // One paragraph pasted from a file read with the wrong encoding.
        std::fs::write(&path, text.replacen("København", "KÃ¸benhavn", 1)).expect("write");
    });
    assert!(err.contains("004_a263188c04532188.txt:"), "{err}");
    assert!(err.contains("decoded twice (mixed encodings"), "{err}");
}

#[test]
fn example_with_an_empty_section_names_its_heading_line() {
    let (_, err) = build_after(|f| {
        let path = f.path().join(CATALOGUE);
        let text = std::fs::read_to_string(&path).expect("read");
        let start = text.find("2.9. Projekt Åndehullet").expect("2.9");
        let body = start + text[start..].find('\n').expect("line end");
        let next = body + text[body..].find("2.10.").expect("2.10");
        let next_line = text[..next].rfind('\n').expect("line start");
        std::fs::write(&path, format!("{}{}", &text[..body], &text[next_line..])).expect("write");
    });
    assert!(err.contains("004_a263188c04532188.txt:"), "{err}");
    assert!(err.contains("section 2.9 has no text"), "{err}");
}

#[test]
fn a_narrower_list_whose_broader_word_is_in_no_group_names_the_file() {
    let (_, err) = build_after(|f| {
        let path = f.path().join("curation/synonyms.toml");
        let mut text = std::fs::read_to_string(&path).expect("synonyms");
        text = text.replacen(
            "narrower = [",
            "narrower = [\n    [\"galning\", \"skizofreni\"],",
            1,
        );
        std::fs::write(&path, text).expect("write");
    });
    assert!(
        err.contains("synonyms.toml") && err.contains("\"galning\" is in no group"),
        "{err}"
    );
}

#[test]
fn an_unknown_list_in_the_synonyms_names_file_and_line() {
    let (_, err) = build_after(|f| {
        let path = f.path().join("curation/synonyms.toml");
        let text = std::fs::read_to_string(&path).expect("synonyms");
        std::fs::write(&path, format!("synonymer = []\n{text}")).expect("write");
    });
    assert!(err.contains("synonyms.toml:1"), "{err}");
}
