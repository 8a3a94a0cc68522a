//! Faithful ingestion: golden pages, properties every page must have, duplicate
//! sources found by content, and the coverage check catching lost text.
//!
//! Golden files live in `tests/golden/`; after reading a changed page against
//! its source, accept it with `UPDATE_GOLDEN=1 cargo test --test ingestion`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{repo_root, stderr, Fixture};
use praksis::content::front_matter::{parse, split, CataloguePages, PageFrontMatter};
use praksis::content::ContentFile;
use praksis::ingest::Vocabulary;
use praksis::pipeline::{self, Project};

/// Every example, chapter and report has a golden page, read against its
/// source when accepted; of the cases, one.
const GOLDEN_SECTIONS: [&str; 3] = ["eksempler/", "kapitler/", "rapporter/"];
const GOLDEN_CASES: [&str; 1] = ["forloeb/lokalvaerdi-2022-k7.md"];

fn golden_paths(files: &[ContentFile]) -> Vec<String> {
    files
        .iter()
        .map(|f| f.path.as_str())
        .filter(|p| GOLDEN_SECTIONS.iter().any(|s| p.starts_with(s)) && !p.ends_with("_index.md"))
        .chain(GOLDEN_CASES)
        .map(String::from)
        .collect()
}

fn generated() -> Vec<ContentFile> {
    pipeline::generate_content(&Project::new(repo_root()))
        .expect("the project's sources ingest")
        .files
}

fn page<'a>(files: &'a [ContentFile], path: &str) -> &'a str {
    &files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no page {path}"))
        .text
}

/// The Markdown body: what follows the front matter.
fn body(text: &str) -> &str {
    text.splitn(3, "+++").nth(2).unwrap_or("")
}

#[test]
fn golden_pages_match_their_reviewed_snapshots() {
    let files = generated();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut changed = Vec::new();
    let paths = golden_paths(&files);
    assert!(
        paths.len() >= 29,
        "21 examples, 5 chapters, 3 reports: {paths:?}"
    );
    for path in &paths {
        let golden = repo_root().join("tests/golden").join(path);
        let actual = page(&files, path);
        if update {
            std::fs::create_dir_all(golden.parent().expect("folder")).expect("mkdir");
            std::fs::write(&golden, actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if expected != actual {
            changed.push(path);
        }
    }
    assert!(
        changed.is_empty(),
        "pages differ from tests/golden/: {changed:?}; read them against the source, \
         then accept with UPDATE_GOLDEN=1 cargo test --test ingestion"
    );
}

fn is_vowel(c: char) -> bool {
    "aeiouyæøå".contains(c)
}

/// Kinds of Markdown lines that are not running prose.
fn is_structure(line: &str) -> bool {
    line.starts_with(['#', '|', '-', '['])
        || line
            .split_once(") ")
            .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn pages_have_no_extraction_debris() {
    let files = generated();
    let pages: Vec<&ContentFile> = files
        .iter()
        .filter(|f| !f.path.ends_with("_index.md"))
        .collect();
    let vocabulary = Vocabulary::from_texts(pages.iter().map(|f| body(&f.text)));
    let mut problems = Vec::new();
    for file in &pages {
        let lines: Vec<&str> = body(&file.text).lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let next = lines.get(i + 1).copied().unwrap_or("");
            let at = format!("{}:{}", file.path, i + 1);
            let digits = line.trim().chars().count();
            if (1..=3).contains(&digits) && line.trim().chars().all(|c| c.is_ascii_digit()) {
                problems.push(format!("{at}: lone page number {line:?}"));
            }
            let split_word = line.ends_with('-')
                && line[..line.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && next.chars().next().is_some_and(char::is_lowercase);
            if split_word {
                problems.push(format!("{at}: word split over lines"));
            }
            let prose = |l: &str| !l.is_empty() && !is_structure(l);
            if prose(line) && prose(next) {
                problems.push(format!("{at}: line break inside a paragraph"));
            }
            for word in line.split(|c: char| !c.is_alphanumeric()) {
                let lower = word.to_lowercase();
                let vowelless = lower.chars().count() >= 2
                    && lower.chars().all(char::is_alphabetic)
                    && !lower.chars().any(is_vowel);
                let abbreviation = line.contains(&format!("{word}."));
                if vowelless && !abbreviation && !vocabulary.knows(&lower) {
                    if let Some(repaired) = vocabulary.repaired_form(&lower) {
                        problems.push(format!("{at}: {word:?} looks like damaged {repaired:?}"));
                    }
                }
            }
        }
        let paragraphs: Vec<&str> = body(&file.text).split("\n\n").map(str::trim).collect();
        for pair in paragraphs.windows(2) {
            let [before, after] = pair else { continue };
            let unfinished = !before.is_empty()
                && !is_structure(before)
                && !before.ends_with(['.', '!', '?', ':', ';', '”', '"', ')', '…']);
            if unfinished && after.chars().next().is_some_and(char::is_lowercase) {
                problems.push(format!(
                    "{}: sentence split: {before:?} / {after:?}",
                    file.path
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn damaged_report_text_is_repaired_and_correct_words_are_left_alone() {
    let files = generated();
    let report = page(&files, "rapporter/lokalvaerdi-2022.md");
    let case = page(&files, "forloeb/lokalvaerdi-2022-k7.md");
    assert!(
        case.contains("Formål: ” Borger skal afklares på om hun skal i ordinært job"),
        "{case}"
    );
    for damaged in ["Forml", "Lokalvrdi", " p ", "forlb", "smjob"] {
        assert!(
            !report.contains(damaged) && !case.contains(damaged),
            "{damaged:?} left"
        );
    }
    // Correct words in the damaged region that the vocabulary does not know.
    let k6 = page(&files, "forloeb/lokalvaerdi-2022-k6.md");
    assert!(
        k6.contains("behandlingsenhed") && k6.contains("ml. sagsbehandler"),
        "{k6}"
    );
}

#[test]
fn cases_carry_structured_fields() {
    let files = generated();
    let k1 = page(&files, "forloeb/lokalvaerdi-2022-k1.md");
    for field in [
        "code = \"K1\"",
        "report = \"rapporter/lokalvaerdi-2022.md\"",
        "outcome = \"Ordinært arbejde\"",
        "age = 48",
        "housing_kind = \"Hjemløs\"",
        "period_start = \"2021-10-26\"",
        "period_end = \"2022-02-23\"",
        "duration_days = 120",
    ] {
        assert!(k1.contains(field), "{field} missing:\n{k1}");
    }
    let cases = files
        .iter()
        .filter(|f| f.path.starts_with("forloeb/") && !f.path.ends_with("_index.md"));
    assert_eq!(cases.count(), 8 + 6, "K1–K8 of 2022 and K1–K6 of 2023");
}

fn content_paths(root: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .expect("prefix")
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn a_copy_of_any_source_under_another_name_is_detected() {
    let original = content_paths(&repo_root());
    let sources: Vec<_> = std::fs::read_dir(repo_root().join("sources"))
        .expect("sources")
        .map(|e| e.expect("entry").path())
        .collect();
    for source in sources {
        let fixture = Fixture::new();
        std::fs::copy(&source, fixture.path().join("sources/kopi.txt")).expect("copy");
        fixture.build(&[]);
        assert_eq!(
            content_paths(fixture.path()),
            original,
            "copy of {source:?} made pages"
        );
        let front_matter: String = original
            .iter()
            .map(|p| std::fs::read_to_string(fixture.path().join(p)).expect("page"))
            .collect();
        assert!(
            front_matter.contains("\"kopi.txt\""),
            "copy of {source:?} is not recorded as a source of any page"
        );
    }
}

#[test]
fn check_reports_coverage_and_fails_when_text_goes_missing() {
    let fixture = Fixture::new();
    let output = fixture.praksis(&["check"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    let ratio: f64 = err
        .lines()
        .find_map(|l| l.strip_prefix("coverage: "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no coverage line in:\n{err}"));
    assert!(ratio >= 99.5, "{err}");

    // A page loses most of its text by hand: the words are neither published
    // nor reported, and check names them.
    let path = fixture
        .path()
        .join("content/kapitler/perspektiver-for-en-aktivitets-og.md");
    let text = std::fs::read_to_string(&path).expect("page");
    let cut = text.len() / 3;
    let cut = (cut..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(cut);
    std::fs::write(&path, &text[..cut]).expect("write");
    let output = fixture.praksis(&["check"]);
    let err = stderr(&output);
    assert!(!output.status.success(), "{err}");
    assert!(err.contains("too few source words are published"), "{err}");
    assert!(err.contains("is neither published nor reported"), "{err}");
}

#[test]
fn every_suspicious_shape_is_fixed_or_accepted_with_a_reason() {
    let project = Project::new(repo_root());
    let generated = pipeline::generate_content(&project).expect("the project's sources ingest");
    let shapes = pipeline::suspicious_shapes(&project, &generated).expect("shapes");
    let open: Vec<String> = shapes
        .iter()
        .filter(|s| s.accepted.is_none())
        .map(|s| s.to_string())
        .collect();
    assert!(open.is_empty(), "suspicious shapes:\n{}", open.join("\n"));

    // The same shapes in a new source are reported, at their line.
    let fixture = Fixture::new();
    let report = "# Indledning\n\nMed venlig hilsen fra os.\n\n\
        ## Hvordan arbejder vi med de mange borgere der kommer til os hver dag i hele året\n\n\
        Udbredelsen har følgende omfang • 25 pct. har nedsat arbejdsevne • 33 pct. har et misbrug.\n\n\
        Bosætningerne startede op i 80erne26 og voksede.\n";
    std::fs::write(fixture.path().join("sources/900_ny.txt"), report).expect("write source");
    let output = fixture.praksis(&["check"]);
    let err = stderr(&output);
    for expected in [
        "sources/900_ny.txt:5: warning: overskrift der ligner en sætning",
        "sources/900_ny.txt:7: warning: flere punkttegn i ét afsnit",
        "sources/900_ny.txt:9: warning: fodnotetal klistret til et ord",
    ] {
        assert!(err.contains(expected), "{expected} missing in:\n{err}");
    }
}

/// Every footnote reference on a page has its definition on that page, and
/// every definition is referenced there: a note defined on another page
/// than its reference fails.
#[test]
fn every_footnote_is_defined_and_referenced_on_its_own_page() {
    let files = generated();
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| !f.path.ends_with("_index.md")) {
        let text = body(&file.text);
        let mut references = BTreeSet::new();
        let mut definitions = BTreeSet::new();
        for line in text.lines() {
            let mut rest = line;
            while let Some(at) = rest.find("[^") {
                let after = &rest[at + 2..];
                let Some(end) = after.find(']') else { break };
                let label = after[..end].to_string();
                if line.starts_with(&format!("[^{label}]:")) && at == 0 {
                    definitions.insert(label);
                } else {
                    references.insert(label);
                }
                rest = &after[end..];
            }
        }
        for label in references.difference(&definitions) {
            problems.push(format!("{}: [^{label}] has no definition", file.path));
        }
        for label in definitions.difference(&references) {
            problems.push(format!("{}: [^{label}] is never referenced", file.path));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Per kind of damage in issue #19, over every generated page: what must
/// never be published.
#[test]
fn no_page_shows_the_damage_kinds_of_issue_19() {
    let files = generated();
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| !f.path.ends_with("_index.md")) {
        for (i, line) in body(&file.text).lines().enumerate() {
            let at = format!("{}:{}", file.path, i + 1);
            // Lists merged into a paragraph: bullets left inside a line.
            if praksis::tools::shapes::bullet_glyphs(line) >= 2 {
                problems.push(format!("{at}: bullets inside a line"));
            }
            // A Wingdings bullet at the start of a line.
            if line.starts_with("v ") || line.starts_with("§ ") {
                problems.push(format!("{at}: bullet glyph left as text"));
            }
            // Headings and titles: no final period.
            if line.starts_with('#') && line.ends_with('.') && !line.ends_with("..") {
                problems.push(format!("{at}: heading ends with a period"));
            }
            // Doubled punctuation from a table label.
            if line.contains("::") {
                problems.push(format!("{at}: doubled colon"));
            }
            // Debris: a letterhead's numbers.
            if line.contains("EAN-nummer") || line.starts_with("Sagsnummer") {
                problems.push(format!("{at}: letterhead"));
            }
        }
        // A case field with punctuation only.
        for line in file.text.lines() {
            if let Some((key, value)) = line.split_once(" = ") {
                let value = value.trim_matches(['"', '\'']);
                let field = key.trim();
                let case_field = [
                    "housing",
                    "purpose",
                    "internal_activities",
                    "social_intervention",
                    "work_placement",
                    "result",
                ]
                .contains(&field);
                if case_field && !value.chars().any(char::is_alphanumeric) {
                    problems.push(format!("{}: case field {field} = {value:?}", file.path));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each example starts on a new page of the catalogue, so where page starts
/// were counted between printed page numbers, one example's first page follows
/// the previous one's last: an independent check of the counting. Estimated
/// spans may overlap by the page the estimate is unsure of, never more.
#[test]
fn examples_cite_the_catalogue_pages_in_order() {
    let files = generated();
    let mut examples: Vec<PageFrontMatter> = files
        .iter()
        .filter(|f| f.path.starts_with("eksempler/") && !f.path.ends_with("_index.md"))
        .map(|f| {
            let (front, _) = split(&f.path, &f.text).expect("front matter");
            parse(&f.path, &front).expect("parse")
        })
        .collect();
    examples.sort_by_key(|e| e.weight);
    let spans: Vec<(String, CataloguePages)> = examples
        .into_iter()
        .map(|e| {
            let number = e.extra.section_number.expect("examples are numbered");
            let pages = e.extra.pages.expect("every example has its pages");
            (number, pages)
        })
        .collect();
    assert_eq!(spans.len(), 21);
    let counted = spans.iter().filter(|(_, p)| !p.estimated).count();
    assert!(counted >= 11, "{counted} examples have counted pages");
    for pair in spans.windows(2) {
        let ((before, a), (after, b)) = (&pair[0], &pair[1]);
        assert!(a.first <= a.last, "{before}: {a:?}");
        if a.estimated || b.estimated {
            assert!(b.first + 1 >= a.last, "{before} {a:?} then {after} {b:?}");
        } else {
            assert_eq!(b.first, a.last + 1, "{before} {a:?} then {after} {b:?}");
        }
    }
}

/// Sentences that begin in lower case after a full stop that ends a word of
/// more than three letters (not "bl.a.", "ca."): text lost in between.
fn lower_case_sentence_starts(paragraph: &str) -> Vec<String> {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    words
        .windows(2)
        .filter(|pair| {
            let ended = pair[0].strip_suffix('.').is_some_and(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() > 3 && !w.contains('.')
            });
            ended && pair[1].chars().next().is_some_and(char::is_lowercase)
        })
        .map(|pair| pair.join(" "))
        .collect()
}

/// Text a source lost reads as lost: every gap curated in repairs.toml is
/// marked on its page, and the paragraph it is in no longer runs two
/// sentences' pieces together.
#[test]
fn text_the_sources_lost_is_marked_where_it_was_lost() {
    let curation =
        praksis::curation::Curation::load(&repo_root().join("curation")).expect("curation loads");
    assert!(!curation.repairs.gaps.is_empty());
    let files = generated();
    for gap in &curation.repairs.gaps {
        // Markdown escapes the brackets.
        let marked = format!("{} \\[…\\]", gap.after);
        let paragraph = files
            .iter()
            .flat_map(|f| body(&f.text).split("\n\n"))
            .find(|p| p.contains(&marked))
            .unwrap_or_else(|| {
                panic!(
                    "{}:{}: no page marks the gap after {:?}",
                    gap.file, gap.line, gap.after
                )
            });
        let unmarked = paragraph.replace("\\[…\\] ", "");
        assert!(
            lower_case_sentence_starts(paragraph).is_empty(),
            "{paragraph}"
        );
        assert!(
            unmarked == paragraph || !lower_case_sentence_starts(&unmarked).is_empty(),
            "the check sees the gap unmarked: {unmarked}"
        );
    }
    // Each page counts its gaps for the note that explains the mark.
    for file in &files {
        let marks = body(&file.text).matches("\\[…\\]").count();
        let counted = file
            .text
            .lines()
            .find_map(|line| line.strip_prefix("gaps = "))
            .map_or(0, |n| n.parse::<usize>().expect("a count"));
        assert_eq!(counted, marks, "{}", file.path);
    }
}
