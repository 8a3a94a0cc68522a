//! Hostile input, as people copying out of PDFs and Word files (or worse)
//! produce it: the build publishes it as harmless text or stops with an
//! error naming file and line, and a killed build leaves the previous site.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

use common::{snapshot, stderr, Fixture};

/// Markup and addresses that would run code if passed through.
const MARKUP: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)> \
     [klik](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a>";

/// Every real tag in `html` (text between `<` + letter and `>`); escaped
/// markup ("&lt;script&gt;") is text, not a tag.
fn tags(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let tail = &rest[start + 1..];
        let end = tail.find('>').unwrap_or(tail.len());
        if tail.starts_with(|c: char| c.is_ascii_alphabetic()) {
            found.push(&tail[..end]);
        }
        rest = &tail[end..];
    }
    found
}

/// A tag's attributes as (name, value), lower-cased, quotes respected.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut chars = tag.chars().skip_while(|c| !c.is_whitespace()).peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
        let name: String = chars
            .by_ref()
            .take_while(|c| !c.is_whitespace() && *c != '=')
            .collect();
        if name.is_empty() {
            return found;
        }
        let mut value = String::new();
        while chars.next_if(|c| c.is_whitespace() || *c == '=').is_some() {}
        match chars.peek().copied() {
            Some(quote @ ('"' | '\'')) => {
                chars.next();
                value = chars.by_ref().take_while(|c| *c != quote).collect();
            }
            Some(_) => value = chars.by_ref().take_while(|c| !c.is_whitespace()).collect(),
            None => {}
        }
        found.push((name.to_lowercase(), value.trim().to_lowercase()));
    }
}

/// No tag carries an event handler or a script address, and every script
/// is one of the site's own files, never inline code.
fn assert_harmless(html: &str, page: &str) {
    for tag in tags(html) {
        for (name, value) in attributes(tag) {
            assert!(!name.starts_with("on"), "{page}: event handler in <{tag}>");
            assert!(
                !["javascript:", "vbscript:", "data:text"]
                    .iter()
                    .any(|s| value.starts_with(s)),
                "{page}: script address in <{tag}>"
            );
        }
        if tag.to_lowercase().starts_with("script") {
            assert!(tag.contains(" src="), "{page}: inline <{tag}>");
        }
    }
    assert!(!html.contains("<script>"), "{page}: inline script");
}

#[test]
fn the_checker_sees_real_tags_and_not_escaped_text() {
    let caught =
        |html: &'static str| std::panic::catch_unwind(|| assert_harmless(html, "x")).is_err();
    assert!(caught("<img src=x onerror=alert(1)>"));
    assert!(caught("<a title='x' href=\" JavaScript:alert(1)\">"));
    assert!(caught("<script>alert(1)</script>"));
    assert!(!caught(
        "<meta content=\"&quot;&gt;&lt;img onerror=alert(6)&gt;\">"
    ));
    assert!(!caught(
        "&lt;script&gt;alert(1) <script type=\"module\" src=\"/s.js\"></script>"
    ));
}

fn read(fixture: &Fixture, path: &str) -> String {
    std::fs::read_to_string(fixture.path().join(path)).expect(path)
}

#[test]
fn hostile_source_text_is_published_as_harmless_text() {
    let fixture = Fixture::new();
    let report = fixture.path().join("sources/003_b183c0b8747bf087.txt");
    let mut text = std::fs::read_to_string(&report).expect("report");
    text.push_str(&format!(
        "\n\nFjendtlig tekst: {MARKUP} og مرحبا بالعالم og mentor\u{200b}ordning.\n\n"
    ));
    // One 10 MB line, as a PDF export without line breaks gives.
    text.push_str(&"langt ord ".repeat(1_000_000));
    text.push('\n');
    std::fs::write(&report, text).expect("write");
    fixture.build(&[]);
    let page = "public/rapporter/koebenhavns-kommune-2020/index.html";
    let html = read(&fixture, page);
    assert!(
        html.contains("Fjendtlig tekst: &lt;script&gt;alert(1)"),
        "escaped markup shown"
    );
    assert!(html.contains("مرحبا بالعالم"), "right-to-left text kept");
    assert!(html.contains("mentorordning"), "zero-width space removed");
    assert!(
        html.contains("langt ord langt ord"),
        "the long line is published"
    );
    assert_harmless(&html, page);
}

#[test]
fn bidirectional_override_in_a_source_names_file_line_and_column() {
    let fixture = Fixture::new();
    let report = fixture.path().join("sources/003_b183c0b8747bf087.txt");
    let mut text = std::fs::read_to_string(&report).expect("report");
    text.push_str("\nForsøget \u{202e}gnilrednus\n");
    let line = text.lines().count();
    std::fs::write(&report, text).expect("write");
    let output = fixture.praksis(&["build"]);
    assert!(!output.status.success());
    let expected = format!("003_b183c0b8747bf087.txt:{line}:10: bidirectional");
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
}

/// A hand-written page, built as `zola build` would (`--keep-content`).
fn hand_written_page(fixture: &Fixture, name: &str, text: &str) {
    std::fs::write(fixture.path().join("content/eksempler").join(name), text).expect("page");
}

#[test]
fn hostile_hand_written_page_is_published_as_harmless_text() {
    let fixture = Fixture::new();
    let nested: String = (0..300)
        .map(|depth| format!("{}- niveau {depth}\n", "  ".repeat(depth)))
        .collect();
    let page = format!(
        "+++\ntitle = \"<script>alert(5)</script> Fjendtlig side\"\n\
         description = \"\\\"><img src=x onerror=alert(6)>\"\nweight = 50\n+++\n\
         Fjendtlig tekst: {MARKUP}\n\n![billede](javascript:alert(7))\n\n{nested}\n{}\n",
        "lang linje ".repeat(1_000_000)
    );
    hand_written_page(&fixture, "fjendtlig\"side<x>.md", &page);
    fixture.build(&["--keep-content"]);
    // The file name is made an address the way Zola slugifies paths.
    let path = "public/eksempler/fjendtlig-side-x/index.html";
    let html = read(&fixture, path);
    assert!(html.contains("&lt;script&gt;alert(5)&lt;"), "title escaped");
    assert!(html.contains("niveau 299"), "deep list published");
    assert_harmless(&html, path);
    for listing in ["public/eksempler/index.html", "public/sitemap.xml"] {
        let html = read(&fixture, listing);
        assert!(
            html.contains("fjendtlig-side-x/"),
            "{listing} links the page"
        );
        assert_harmless(&html, listing);
    }
    // Snippets are HTML (matches in <b>); the engine escapes the page's text.
    // Titles are plain text that search.js sets as text, never as HTML.
    let output = fixture.praksis(&["search", "--json", "fjendtlig"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let results: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let snippet = results["hits"][0]["snippet"].as_str().expect("a snippet");
    assert!(snippet.contains("<b>Fjendtlig</b>"), "{snippet}");
    assert_harmless(snippet, "search snippet");
}

#[test]
fn content_page_that_is_not_utf8_names_file_line_and_column() {
    let fixture = Fixture::new();
    let bytes = b"+++\ntitle = \"x\"\n+++\nlinje\nd\xe5rlig\n";
    std::fs::write(fixture.path().join("content/eksempler/latin1.md"), bytes).expect("page");
    let output = fixture.praksis(&["build", "--keep-content"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("content/eksempler/latin1.md:5:2: is not valid UTF-8"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_killed_build_leaves_the_previous_site_whole() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let before = snapshot(&fixture.path().join("public"));
    let started = Instant::now();
    fixture.build(&[]);
    let build_time = started.elapsed();
    // Kill builds at spread-out moments, from start-up to the final swap.
    let mut killed_mid_build = 0;
    for step in 1..=8u32 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_praksis"))
            .arg("--root")
            .arg(fixture.path())
            .arg("build")
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(build_time * step / 8 + Duration::from_millis(u64::from(step)));
        // A build that finished first exits on its own; only SIGKILL's
        // status shows that the kill cut a build short.
        child
            .kill()
            .expect("a child not yet waited for can be signalled");
        let status = child.wait().expect("wait for the killed build");
        if status.signal() == Some(libc::SIGKILL) {
            killed_mid_build += 1;
        }
        let after = snapshot(&fixture.path().join("public"));
        assert_eq!(
            after.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            before.iter().map(|(name, _)| name).collect::<Vec<_>>(),
            "after a kill at {step}/8 of a build, public/ is not the whole previous site"
        );
        assert!(
            after == before,
            "a file of public/ changed after a kill at {step}/8"
        );
    }
    // Without this, builds faster than the sleeps would pass untested.
    assert!(
        killed_mid_build > 0,
        "no kill landed during a build (each took about {build_time:?})"
    );
    fixture.build(&[]);
    assert!(
        snapshot(&fixture.path().join("public")) == before,
        "a later build completes"
    );
}
