//! The project is a genuine Zola site: `zola build` must give the same site
//! as `praksis build`, page by page. Zola is not in the registries we reach;
//! the project's machines and CI have it at `../shared/tools/zola` (from the
//! project root). Where no Zola binary exists, the test says it was skipped
//! (`./x test` shows that line).

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::visible::visible;
use common::zola::zola_binary;
use common::{repo_root, Fixture};

fn run_zola(zola: &Path, root: &Path, args: &[&str]) -> String {
    let output = Command::new(zola)
        .current_dir(root)
        .args(args)
        .output()
        .expect("run zola");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "zola {args:?} failed:\n{stderr}");
    // Zola prints its warnings (unknown fields, broken anchors …) on stderr.
    assert!(
        !stderr.to_lowercase().contains("warn"),
        "zola {args:?} warned:\n{stderr}"
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file under `dir`, relative, following links as both renderers do.
fn files(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .map(|entry| entry.expect("walk"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// The first place two normalised pages part, with some text either side.
fn first_difference(ours: &str, theirs: &str) -> String {
    let at = ours
        .char_indices()
        .zip(theirs.chars())
        .find(|((_, a), b)| a != b)
        .map_or(ours.len().min(theirs.len()), |((i, _), _)| i);
    let start = ours[..at.min(ours.len())]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(0, |(i, _)| i);
    let excerpt = |text: &str| {
        text.get(start..)
            .unwrap_or("")
            .chars()
            .take(160)
            .collect::<String>()
    };
    format!(
        "praksis: …{}…\n   zola: …{}…",
        excerpt(ours),
        excerpt(theirs)
    )
}

/// Compares `ours` with `theirs` as the module says; returns the HTML page
/// and file counts, or the differences, each with its path.
fn compare(ours_dir: &Path, theirs_dir: &Path) -> Result<(usize, usize), String> {
    let (ours, theirs) = (files(ours_dir), files(theirs_dir));
    let only_ours: Vec<_> = ours.difference(&theirs).collect();
    let only_theirs: Vec<_> = theirs.difference(&ours).collect();
    if !only_ours.is_empty() || !only_theirs.is_empty() {
        return Err(format!(
            "paths differ\nonly praksis build: {only_ours:?}\nonly zola build: {only_theirs:?}"
        ));
    }
    let mut differences = Vec::new();
    let mut pages = 0;
    for file in &ours {
        let a = std::fs::read(ours_dir.join(file)).expect("read ours");
        let b = std::fs::read(theirs_dir.join(file)).expect("read zola's");
        let templated = [".html", ".xml", ".txt"]
            .iter()
            .any(|ext| file.ends_with(ext));
        if !templated {
            // Copied from static/ by both: byte for byte.
            if a != b {
                differences.push(format!("/{file}: the copied file differs"));
            }
            continue;
        }
        pages += usize::from(file.ends_with(".html"));
        let (a, b) = (
            visible(&String::from_utf8_lossy(&a)),
            visible(&String::from_utf8_lossy(&b)),
        );
        if a != b {
            differences.push(format!("/{file}:\n{}", first_difference(&a, &b)));
        }
    }
    if differences.is_empty() {
        Ok((pages, ours.len()))
    } else {
        Err(format!(
            "{} of {} files differ:\n\n{}",
            differences.len(),
            ours.len(),
            differences.join("\n\n")
        ))
    }
}

#[test]
fn zola_builds_the_same_site() {
    let Some(zola) = zola_binary() else {
        println!("zola parity: skipped: no Zola binary ($ZOLA, ../shared/tools/zola or PATH)");
        return;
    };
    let version = run_zola(&zola, &repo_root(), &["--version"]);
    let fixture = Fixture::new();
    fixture.build(&["--output", "public"]);
    let root = fixture.path();
    run_zola(&zola, root, &["build", "--output-dir", "zola-public"]);
    // Internal links and anchors; other sites are not ours to test, and CI
    // may have no network.
    run_zola(&zola, root, &["check", "--skip-external-links"]);
    let (pages, files) = compare(&root.join("public"), &root.join("zola-public"))
        .unwrap_or_else(|differences| panic!("base_url \"/\": {differences}"));

    // Under a sub-path too, where get_url's and permalinks' rules show.
    let sub = "/praksis/";
    fixture.build(&[
        "--output",
        "public-sub",
        "--keep-content",
        "--base-url",
        sub,
    ]);
    run_zola(
        &zola,
        root,
        &[
            "build",
            "--base-url",
            sub,
            "--output-dir",
            "zola-public-sub",
        ],
    );
    compare(&root.join("public-sub"), &root.join("zola-public-sub"))
        .unwrap_or_else(|differences| panic!("base_url \"{sub}\": {differences}"));

    println!(
        "zola parity: {} ({}): {pages} HTML pages and {files} files, same paths, same text and links (base_url / and {sub})",
        version.trim(),
        zola.display(),
    );
}

#[test]
fn visible_text_ignores_markup_spelling() {
    let a = "<p class=a id=b>Mål &amp; midler<a href=\"/x/\">her</a></p>\n\
             <script>var x;</script><ul><li>En</li><li>To</li></ul>";
    let b = "<p id='b' class='a'>Mål &#38; midler<a  href=/x/ >her</a></p><ul><li>En<li>To</ul>";
    assert_eq!(visible(a), visible(b));
    assert_eq!(visible(a), "⟦#b⟧Mål & midler⟨/x/⟩her En To");
    // A different word or link is a difference.
    assert_ne!(visible(a), visible(&a.replace("her", "der")));
    assert_ne!(visible(a), visible(&a.replace("/x/", "/y/")));
}
