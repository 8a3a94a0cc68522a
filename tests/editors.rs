//! Nothing an editor writes is lost: edits to generated pages, pages added by
//! hand and files in `static/` survive `praksis build`, and the build says
//! what it kept.

mod common;

use common::{snapshot, stderr, Fixture};

const EDITED: &str = "content/eksempler/projekt-foeniks.md";
const ADDED: &str = "content/eksempler/mit-nye-eksempel.md";
const ADDED_TEXT: &str = "+++\ntitle = \"Mit nye eksempel\"\n+++\n\n\
    I Greve Kommune får hjemløse med misbrug en mentor, og de fleste kommer i virksomhedspraktik.\n";

fn read(fixture: &Fixture, path: &str) -> String {
    std::fs::read_to_string(fixture.path().join(path)).expect(path)
}

fn write(fixture: &Fixture, path: &str, text: &str) {
    std::fs::write(fixture.path().join(path), text).expect(path);
}

#[test]
fn an_edit_and_a_new_page_survive_the_build_and_are_published() {
    let fixture = Fixture::new();
    let edited = read(&fixture, EDITED) + "En redaktør tilføjede denne sætning.\n";
    write(&fixture, EDITED, &edited);
    write(&fixture, ADDED, ADDED_TEXT);
    let output = fixture.praksis(&["build"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        read(&fixture, EDITED),
        edited,
        "the edit is kept byte for byte"
    );
    assert_eq!(read(&fixture, ADDED), ADDED_TEXT, "the new page is kept");
    let err = stderr(&output);
    assert!(err.contains(&format!("{EDITED}: edited by hand")), "{err}");
    assert!(err.contains(&format!("{ADDED}: hand-written")), "{err}");
    let page = read(&fixture, "public/eksempler/projekt-foeniks/index.html");
    assert!(page.contains("En redaktør tilføjede denne sætning."));
    assert!(fixture
        .path()
        .join("public/eksempler/mit-nye-eksempel/index.html")
        .is_file());
    // A second build changes nothing of either.
    fixture.build(&[]);
    assert_eq!(read(&fixture, EDITED), edited);
    assert_eq!(read(&fixture, ADDED), ADDED_TEXT);
}

#[test]
fn check_reports_edits_without_calling_them_drift_and_restore_undoes_one() {
    let fixture = Fixture::new();
    let original = read(&fixture, EDITED);
    write(
        &fixture,
        EDITED,
        &original.replace("Projekt Føniks er", "Føniks er"),
    );
    write(&fixture, ADDED, ADDED_TEXT);
    let output = fixture.praksis(&["check"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains(&format!("{EDITED}: edited by hand")), "{err}");
    assert!(err.contains(&format!("praksis restore {EDITED}")), "{err}");
    let restored = fixture.praksis(&["restore", EDITED]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(read(&fixture, EDITED), original);
    let refused = fixture.praksis(&["restore", ADDED]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains(ADDED), "{}", stderr(&refused));
    assert_eq!(
        read(&fixture, ADDED),
        ADDED_TEXT,
        "a refused restore writes nothing"
    );
}

#[test]
fn generated_pages_no_source_gives_are_removed_but_hand_written_ones_are_not() {
    let fixture = Fixture::new();
    let generated = read(&fixture, EDITED);
    write(&fixture, "content/eksempler/gammel-kopi.md", &generated);
    write(
        &fixture,
        "content/eksempler/kopi-med-rettelse.md",
        &(generated + "Rettet.\n"),
    );
    std::fs::create_dir_all(fixture.path().join("content/eksempler/billeder")).expect("mkdir");
    write(
        &fixture,
        "content/eksempler/billeder/foto.txt",
        "et billede",
    );
    fixture.build(&[]);
    assert!(!fixture
        .path()
        .join("content/eksempler/gammel-kopi.md")
        .exists());
    assert!(fixture
        .path()
        .join("content/eksempler/kopi-med-rettelse.md")
        .exists());
    assert_eq!(
        read(&fixture, "content/eksempler/billeder/foto.txt"),
        "et billede"
    );
}

#[test]
fn curation_and_static_files_are_left_as_people_wrote_them() {
    let fixture = Fixture::new();
    write(&fixture, "static/min-fil.txt", "skrevet af en redaktør");
    let curation_before = snapshot(&fixture.path().join("curation"));
    fixture.build(&[]);
    assert_eq!(snapshot(&fixture.path().join("curation")), curation_before);
    assert_eq!(
        read(&fixture, "static/min-fil.txt"),
        "skrevet af en redaktør"
    );
    assert_eq!(
        read(&fixture, "public/min-fil.txt"),
        "skrevet af en redaktør",
        "and published"
    );
}

#[test]
fn a_file_put_into_a_folder_the_build_generates_stops_the_build() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let mine = "static/diagrammer/mit-diagram.svg";
    write(&fixture, mine, "<svg/>");
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success(), "the build must stop");
    assert!(
        stderr(&output).contains("mit-diagram.svg"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(&fixture, mine), "<svg/>");
}

#[test]
fn a_hand_written_example_is_tagged_placed_and_listed_like_a_generated_one() {
    let fixture = Fixture::new();
    write(
        &fixture,
        ADDED,
        "+++\ntitle = \"Mit nye eksempel\"\ndate = 2026-11-30\n\n[taxonomies]\nsted = [\"Greve\"]\n+++\n\n\
         I Greve Kommune får hjemløse en mentor. Deltagerne kommer i virksomhedspraktik hos \
         lokale arbejdsgivere, og flere får ordinært arbejde.\n\n\
         Deltagerne får samtaler med en kontaktperson.\n",
    );
    fixture.build(&[]);
    let html = |path: &str| read(&fixture, &format!("public/{path}index.html"));
    // The machine's proposals, each with the sentence that earned it.
    for term_page in ["metode/mentorordning/", "maalgruppe/hjemlose/"] {
        assert!(html(term_page).contains("mit-nye-eksempel"), "{term_page}");
    }
    // The editor's own place wins and is shown as reviewed.
    assert!(html("sted/greve/").contains("mit-nye-eksempel"));
    let page = html("eksempler/mit-nye-eksempel/");
    assert!(
        page.contains("»I Greve Kommune får hjemløse en mentor.«"),
        "evidence"
    );
    assert!(page.contains("Gennemset: det redaktionen selv har sat (Sted)"));
    assert!(
        page.contains("Placering på kontinuet"),
        "placed, with reasons"
    );
    for overview in ["matrix/", "kontinuum/"] {
        assert!(html(overview).contains("mit-nye-eksempel"), "{overview}");
    }
    let csv = read(&fixture, "public/eksport/praksisbasen.csv");
    let row = csv
        .lines()
        .find(|l| l.contains("mit-nye-eksempel"))
        .expect("exported");
    assert!(
        row.contains("Mentorordning") && row.contains("Greve"),
        "{row}"
    );
    assert!(read(&fixture, "public/atom.xml").contains("mit-nye-eksempel"));
    assert!(read(&fixture, "public/sitemap.xml").contains("mit-nye-eksempel"));
    let search = fixture.praksis(&["search", "mentor greve", "--json"]);
    let hits = String::from_utf8_lossy(&search.stdout);
    assert!(hits.contains("eksempler/mit-nye-eksempel/"), "{hits}");
    assert_eq!(
        read(&fixture, ADDED).lines().nth(1),
        Some("title = \"Mit nye eksempel\""),
        "the file itself is untouched"
    );
}

#[test]
fn check_names_file_and_line_of_each_mistake_in_a_hand_written_page() {
    let fixture = Fixture::new();
    write(
        &fixture,
        ADDED,
        "+++\ntitle = \"Mit nye eksempel\"\ndate = 2026-11-30\n\n[taxonomies]\n\
         metode = [\"Mentorording\"]\nfarve = [\"Blå\"]\n\n[extra]\ncontinuum = 1.5\n+++\n\n\
         Tekst.\n\nSe [Føniks](@/eksempler/projekt-foeniks.md) og [x](@/eksempler/findes-ikke.md).\n",
    );
    let output = fixture.praksis(&["check"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    for expected in [
        format!("{ADDED}:6: error: \"Mentorording\" is not a term of metode; did you mean \"Mentorordning\"?"),
        format!("{ADDED}:7: error: unknown taxonomy \"farve\""),
        format!("{ADDED}:10: error: continuum = 1.5 is outside 0..1"),
        format!("{ADDED}:15: error: link to @/eksempler/findes-ikke.md, which is not in content/"),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    assert!(
        !err.contains("projekt-foeniks.md, which"),
        "a good link is fine"
    );
    write(&fixture, ADDED, "+++\ndate = 2026-11-30\n+++\nTekst.\n");
    let err = stderr(&fixture.praksis(&["check"]));
    assert!(
        err.contains(&format!("{ADDED}:")) && err.contains("title"),
        "{err}"
    );
}

#[test]
fn new_example_writes_a_page_that_checks_builds_and_is_published() {
    let fixture = Fixture::new();
    let output = fixture.praksis(&["new", "eksempel", "Jobcafé i Greve"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = read(&fixture, "content/eksempler/jobcafe-i-greve.md");
    assert!(
        text.contains("## Målgruppe") && text.contains("## Økonomi"),
        "{text}"
    );
    let again = fixture.praksis(&["new", "eksempel", "Jobcafé i Greve"]);
    assert!(
        !again.status.success(),
        "an existing page is never overwritten"
    );
    let check = fixture.praksis(&["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(!stderr(&check).contains("warning"), "{}", stderr(&check));
    fixture.build(&[]);
    assert!(fixture
        .path()
        .join("public/eksempler/jobcafe-i-greve/index.html")
        .is_file());
    let report = fixture.praksis(&["new", "rapport"]);
    write(
        &fixture,
        "sources/009_ny.txt",
        &String::from_utf8_lossy(&report.stdout),
    );
    fixture.build(&[]);
    assert!(fixture
        .path()
        .join("content/rapporter/erfaringer-fra-en-lokal-beskaeftigelsesindsats.md")
        .is_file());
}

#[test]
fn a_review_decision_whose_sentence_is_gone_stops_the_build_at_its_line() {
    let fixture = Fixture::new();
    let path = fixture.path().join("curation/tags.toml");
    let mut decisions = std::fs::read_to_string(&path).expect("tags.toml");
    let line = decisions.lines().count() + 2;
    decisions.push_str(
        "\n[[accept]]\npage = \"projekt-foeniks\"\ntaxonomy = \"metode\"\n\
         term = \"Jobtræning\"\nsentence = \"En sætning som ikke står på siden.\"\n",
    );
    std::fs::write(&path, decisions).expect("write");
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains(&format!("tags.toml:{line}: accept:")), "{err}");
    let review = fixture.praksis(&["review", "--page", "projekt-foeniks"]);
    assert!(!review.status.success(), "review names the same decision");
}

/// `--keep-content` builds `content/` as it is, so what describes the build
/// (the case figures, coverage in the build report) must describe that
/// content, not what the sources would give.
#[test]
fn a_keep_content_build_describes_the_content_it_builds() {
    const CASE: &str = "content/forloeb/lokalvaerdi-2022-k1.md";
    const CHART: &str = "static/diagrammer/lokalvaerdi-2022-udfald.svg";
    let fixture = Fixture::new();
    // The figure as a plain build draws it: static/diagrammer/ is build
    // output, absent from a fresh clone.
    fixture.build(&[]);
    let case = read(&fixture, CASE);
    let edited = case
        .replace(
            "outcome = \"Ordinært arbejde\"",
            "outcome = \"Fleksjob\"",
        )
        .replace(
            "Interne aktiviteter: K1 var tilknyttet Jobklubben og intern træningsbane (Folkekøkkenet).",
            "Interne aktiviteter: K1 var tilknyttet Jobklubben og intern træningsbane.",
        );
    assert_ne!(edited, case, "the case page reads as the test expects");
    write(&fixture, CASE, &edited);
    let before = read(&fixture, CHART);
    assert!(before.contains("data-label=\"Ordinært arbejde\" data-value=\"5\""));
    assert!(!before.contains("Fleksjob"));
    fixture.build(&["--keep-content"]);
    let chart = read(&fixture, CHART);
    assert!(
        chart.contains("data-label=\"Fleksjob\" data-value=\"1\"")
            && chart.contains("data-label=\"Ordinært arbejde\" data-value=\"4\""),
        "the figure counts the edited case page:\n{chart}"
    );
    let report = read(&fixture, "build-report.md");
    assert!(
        report.contains("002_1b94baf25168e36f.txt:60 folkekøkkenet"),
        "the word the edit removed is reported missing:\n{report}"
    );
}
