//! How a page names its source for a reader: a course by its report's title,
//! publication and course code, a report by its own title and publication,
//! an example by the catalogue's section and pages; the extracted text file and its lines only in the editors' fold,
//! never in the citation itself.

mod common;

use std::path::Path;

use common::Fixture;
use praksis::content::front_matter::{parse, split, PageFrontMatter};

fn front(path: &Path) -> PageFrontMatter {
    let text = std::fs::read_to_string(path).expect("page");
    let name = path.display().to_string();
    let (front, _) = split(&name, &text).expect("front matter");
    parse(&name, &front).expect("parse")
}

/// The page's "Kilde" footer: (what a reader sees, the editors' fold).
fn source_footer(html: &str) -> (String, String) {
    let start = html
        .find("<footer class=\"source\">")
        .expect("source footer");
    let footer = &html[start..];
    let (shown, fold) = footer
        .split_once("<details class=\"extraction\">")
        .expect("the extraction is folded for editors");
    let fold = &fold[..fold.find("</details>").expect("fold end")];
    (shown.to_string(), fold.to_string())
}

fn title_of(root: &Path, content_path: &str) -> String {
    front(&root.join("content").join(content_path)).title
}

#[test]
fn pages_cite_their_publication_and_keep_the_text_file_for_editors() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let root = fixture.path();
    let mut checked = 0;
    for folder in ["forloeb", "eksempler", "rapporter"] {
        for entry in std::fs::read_dir(root.join("content").join(folder)).expect("pages") {
            let path = entry.expect("entry").path();
            if path.ends_with("_index.md") {
                continue;
            }
            let page = front(&path);
            let slug = path
                .file_stem()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let html =
                std::fs::read_to_string(root.join(format!("public/{folder}/{slug}/index.html")))
                    .expect("page html");
            let (shown, fold) = source_footer(&html);
            let extra = &page.extra;
            assert!(
                !shown.contains(".txt") && !shown.contains("linje"),
                "{folder}/{slug}: the reader's citation names the text file: {shown}"
            );
            let lines = format!(
                "{}, linje {}–{}",
                extra.source, extra.source_lines[0], extra.source_lines[1]
            );
            assert!(
                fold.contains(&lines),
                "{folder}/{slug}: the fold lacks {lines}: {fold}"
            );
            if let Some(case) = &extra.case {
                let report = title_of(root, &case.report);
                let cite = format!("<cite>{report} (");
                assert!(
                    shown.contains(&cite),
                    "{slug}: no citation of {report}: {shown}"
                );
                assert!(
                    shown.contains(&format!("forløb {}. Gengivet i", case.code)),
                    "{slug}: the citation lacks the course {}: {shown}",
                    case.code
                );
            } else if folder == "rapporter" {
                let cite = format!("<cite>{} (", page.title);
                assert!(
                    shown.contains(&cite),
                    "{slug}: no citation of itself: {shown}"
                );
            } else {
                let section = extra
                    .section_number
                    .as_deref()
                    .expect("an example's section");
                assert!(
                    shown.contains(&format!("afsnit {section}")),
                    "{slug}: no section {section}: {shown}"
                );
                if let Some(pages) = &extra.pages {
                    let first = format!(
                        "s. {}{}",
                        if pages.estimated { "ca. " } else { "" },
                        pages.first
                    );
                    assert!(shown.contains(&first), "{slug}: no {first}: {shown}");
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} pages checked");
}
