//! The whole pipeline, run as the `praksis` binary on a copy of the project.

mod common;

use common::{between, praksis_in, repo_root, snapshot, stderr, Fixture};

/// The catalogue's section titles 2.1–2.21, as printed in the source.
const EXAMPLE_TITLES: [&str; 21] = [
    "Basens aktivitetscenter",
    "Fountain House, København",
    "Projekt Grønt Job, Revacentret, København",
    "Tilbage til arbejdsmarkedet – KFUM`s Sociale arbejde i Danmark",
    "Psykiatri-tilbud - Jobcenter Randers",
    "Lyngby Taarbæk Kommune – Møllegruppen",
    "Olympos – et tværkommunalt samarbejde om arbejdsmarkedsrettede tilbud til ledige med andre problemer end ledighed",
    "Projekt Føniks",
    "Projekt Åndehullet i Vordingborg",
    "Førtidspensionist i job – et samarbejdsprojekt indenfor detailhandel, Skive",
    "Social aktivering på Svenstrupgaard – en § 94 boform for hjemløse",
    "Bufferen, et nystartet projekt i Åbenraa",
    "En anderledes livsstil, Hjørnestenen i Randers",
    "Grønlænderprojektet Oqqumut i Esbjerg Kommune",
    "Projekt ”Integration uden omveje – den direkte vej til job for flygtninge/indvandrere”",
    "Hotellet på Vesterbro, København",
    "Sidegadeprojektet på Vesterbro, København",
    "Netværksordningen på Nordhøj - et beskæftigelsestilbud efter Servicelovens § 88",
    "Projekt Støtteperson til handicappede i erhverv, Frederiksborg og Århus Amter",
    "Følordningen i Senior Service – Vejle Kommune",
    "Tilbuddet Jobfokus, Væksthuset, København",
];

fn h1_of(html: &str) -> String {
    let start = html.find("<h1>").expect("page has an h1") + 4;
    let end = html[start..].find("</h1>").expect("h1 closes") + start;
    html[start..end]
        .replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
}

#[test]
fn builds_the_site_with_all_21_examples_titled_as_in_the_catalogue() {
    let fixture = Fixture::new();
    fixture.build(&["--output", "public"]);
    let examples = fixture.path().join("public/eksempler");
    let mut titles: Vec<String> = std::fs::read_dir(&examples)
        .expect("eksempler/")
        .map(|e| e.expect("entry").path().join("index.html"))
        .filter(|p| p.is_file())
        .map(|p| h1_of(&std::fs::read_to_string(p).expect("read")))
        .collect();
    titles.sort();
    let mut expected: Vec<String> = EXAMPLE_TITLES.iter().map(|t| t.to_string()).collect();
    expected.sort();
    assert_eq!(titles, expected);
    for page in [
        "index.html",
        "404.html",
        "kildetype/index.html",
        "kildetype/praksiseksempel/index.html",
        "rapporter/index.html",
    ] {
        let html = std::fs::read_to_string(fixture.path().join("public").join(page)).expect(page);
        assert!(html.contains("lang=\"da\""), "{page} is not Danish");
        assert!(
            html.contains("id=\"search-input\""),
            "{page} has no search box"
        );
    }
    // As Zola does: a sitemap of every page, robots.txt pointing to it, and
    // OpenGraph tags describing each page.
    let sitemap =
        std::fs::read_to_string(fixture.path().join("public/sitemap.xml")).expect("sitemap");
    let robots = std::fs::read_to_string(fixture.path().join("public/robots.txt")).expect("robots");
    // Sitemap line, canonical link and og:url must be absolute URLs: only
    // with a base_url that names the host.
    assert!(!robots.contains("Sitemap:"), "{robots}");
    fixture.build(&[
        "--output",
        "absolute",
        "--base-url",
        "https://praksisbasen.example/",
    ]);
    let absolute = |path: &str| {
        std::fs::read_to_string(fixture.path().join("absolute").join(path)).expect(path)
    };
    assert!(
        absolute("robots.txt").contains("Sitemap: https://praksisbasen.example/sitemap.xml"),
        "{}",
        absolute("robots.txt")
    );
    assert!(absolute("eksempler/projekt-foeniks/index.html").contains(
        "<link rel=\"canonical\" href=\"https://praksisbasen.example/eksempler/projekt-foeniks/\">"
    ));
    let foeniks =
        std::fs::read_to_string(examples.join("projekt-foeniks/index.html")).expect("page");
    assert!(
        foeniks.contains("<meta property=\"og:title\" content=\"Projekt Føniks\">"),
        "no OpenGraph title"
    );
    // Every example lists similar examples: other pages of the site, not itself.
    for entry in std::fs::read_dir(&examples).expect("eksempler/") {
        let dir = entry.expect("entry").path();
        let Ok(html) = std::fs::read_to_string(dir.join("index.html")) else {
            continue;
        };
        let related = html
            .split("id=\"lignende\"")
            .nth(1)
            .and_then(|rest| rest.split("</ul>").next())
            .unwrap_or_else(|| panic!("{dir:?} has no Lignende eksempler"));
        let links: Vec<&str> = related
            .split("href=\"/")
            .skip(1)
            .filter_map(|l| l.split('"').next())
            .collect();
        assert!(links.len() >= 2, "{dir:?}: {links:?}");
        let own = format!(
            "eksempler/{}/",
            dir.file_name().expect("name").to_string_lossy()
        );
        assert!(
            sitemap.contains(&format!("<loc>/{own}</loc>")),
            "{own} not in sitemap.xml"
        );
        for link in links {
            assert_ne!(link, own, "{dir:?} lists itself");
            assert!(
                fixture
                    .path()
                    .join("public")
                    .join(link)
                    .join("index.html")
                    .is_file(),
                "{link}"
            );
        }
    }
}

/// Headings of a Markdown body with nothing under them: the next line
/// with text is a heading of the same level or above, or there is none.
fn empty_headings(body: &str) -> Vec<String> {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    let level = |line: &str| {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
    };
    lines
        .iter()
        .enumerate()
        .filter_map(|(at, line)| {
            let own = level(line)?;
            let next = lines.get(at + 1).map(|next| level(next));
            match next {
                Some(None) => None,
                Some(Some(deeper)) if deeper > own => None,
                _ => Some(line.to_string()),
            }
        })
        .collect()
}

#[test]
fn no_committed_page_has_a_heading_without_content() {
    assert_eq!(
        empty_headings("## A\n\n## B\n\ntext\n\n### C\n"),
        ["## A", "### C"]
    );
    let mut empty = Vec::new();
    let mut pages = 0;
    let mut stack = vec![repo_root().join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("content folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("page");
            let body = text.splitn(3, "+++").nth(2).unwrap_or_default();
            pages += 1;
            for heading in empty_headings(body) {
                empty.push(format!("{}: {heading}", path.display()));
            }
        }
    }
    assert!(pages > 50, "read only {pages} pages");
    assert!(
        empty.is_empty(),
        "headings with nothing under them:\n{}",
        empty.join("\n")
    );
}

#[test]
fn committed_content_matches_the_sources() {
    let output = praksis_in(&repo_root(), &["check"]);
    assert!(
        output.status.success(),
        "praksis check failed:\n{}",
        stderr(&output)
    );
}

#[test]
fn check_names_the_files_that_drifted() {
    let fixture = Fixture::new();
    // Real drift: the curation changes a report's title, and a generated page
    // is copied to where no source puts it (still pristine, so stale).
    let sources_toml = fixture.path().join("curation/sources.toml");
    let text = std::fs::read_to_string(&sources_toml).expect("sources.toml");
    std::fs::write(
        &sources_toml,
        text.replace(
            "title = \"Erfaringer fra de lokalt forankrede beskæftigelsesindsatser (Københavns Kommune, 2020)\"",
            "title = \"Erfaringer fra København 2020\"",
        ),
    )
    .expect("retitle");
    std::fs::copy(
        fixture.path().join("content/eksempler/projekt-foeniks.md"),
        fixture.path().join("content/eksempler/gammel-kopi.md"),
    )
    .expect("copy");
    let output = fixture.praksis(&["check"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("content/rapporter/koebenhavns-kommune-2020.md: differs"),
        "{err}"
    );
    assert!(
        err.contains("content/eksempler/gammel-kopi.md: generated, but no source gives it"),
        "{err}"
    );
}

#[test]
fn search_json_puts_integration_uden_omveje_first_for_mentorordning() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let output = fixture.praksis(&["search", "mentorordning", "--json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let results: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let first = &results["hits"][0];
    assert!(
        first["title"]
            .as_str()
            .expect("title")
            .contains("Integration uden omveje"),
        "{first}"
    );
    assert_eq!(
        first["url"],
        "eksempler/projekt-integration-uden-omveje-den-direkte-vej/"
    );
}

/// The text output names how a search widened what was typed, as the
/// site's note does: a misspelt word and the word it was read as.
#[test]
fn search_text_names_the_words_searched_instead_of_a_slip() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let output = fixture.praksis(&["search", "mentorordnnig"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.lines()
            .any(|line| line.contains("stavning: »mentorordnnig« →")
                && line.contains("mentorordning")),
        "{text}"
    );
}

/// Names of the files that differ between two snapshots (or exist in one only).
fn differing(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) -> Vec<String> {
    let find = |files: &[(String, Vec<u8>)], name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.clone())
    };
    let names: std::collections::BTreeSet<&String> = a.iter().chain(b).map(|(n, _)| n).collect();
    names
        .into_iter()
        .filter(|name| find(a, name) != find(b, name))
        .cloned()
        .collect()
}

#[test]
fn two_builds_are_byte_identical_and_match_the_committed_index() {
    let fixture = Fixture::new();
    fixture.build(&["--output", "one"]);
    let index_one = snapshot(&fixture.path().join("search-index"));
    fixture.build(&["--output", "two"]);
    let one = snapshot(&fixture.path().join("one"));
    let two = snapshot(&fixture.path().join("two"));
    assert!(
        differing(&one, &two).is_empty(),
        "site differs: {:?}",
        differing(&one, &two)
    );
    let index_two = snapshot(&fixture.path().join("search-index"));
    assert!(
        differing(&index_one, &index_two).is_empty(),
        "index differs"
    );
    let committed = snapshot(&repo_root().join("search-index"));
    let stale = differing(&index_one, &committed);
    assert!(
        stale.is_empty(),
        "committed search-index/ is stale: {stale:?}"
    );
}

#[test]
fn sub_path_base_url_prefixes_every_link() {
    let fixture = Fixture::new();
    fixture.build(&["--base-url", "/praksis/"]);
    let html =
        std::fs::read_to_string(fixture.path().join("public/eksempler/index.html")).expect("page");
    for attribute in ["href=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let value = &html[at + attribute.len()..];
            assert!(
                value.starts_with("/praksis/") || value.starts_with('#'),
                "link outside the base path: {}",
                &value[..value.find('"').unwrap_or(40)]
            );
        }
    }
}

/// Entries of an Atom feed as (link, published), in feed order.
fn feed_entries(feed: &str) -> Vec<(String, String)> {
    let between = |text: &str, open: &str, close: &str| {
        text.split(open)
            .nth(1)
            .and_then(|rest| rest.split(close).next())
            .unwrap_or_default()
            .to_string()
    };
    feed.split("<entry")
        .skip(1)
        .map(|entry| {
            (
                between(entry, "<link href=\"", "\""),
                between(entry, "<published>", "</published>"),
            )
        })
        .collect()
}

#[test]
fn atom_feed_lists_every_page_dated_by_its_source_newest_first() {
    let fixture = Fixture::new();
    fixture.build(&[
        "--output",
        "public",
        "--base-url",
        "https://praksisbasen.example/sub/",
    ]);
    let public = fixture.path().join("public");
    let feed = std::fs::read_to_string(public.join("atom.xml")).expect("atom.xml");
    assert!(feed.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(feed.contains("<id>https://praksisbasen.example/sub/atom.xml</id>"));
    let entries = feed_entries(&feed);
    // Every content page (not section indexes) comes from a dated source.
    let pages = walkdir::WalkDir::new(fixture.path().join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "_index.md" && e.path().extension() == Some("md".as_ref()))
        .count();
    assert_eq!(entries.len(), pages, "{feed}");
    let published: Vec<&str> = entries.iter().map(|(_, p)| p.as_str()).collect();
    let mut newest_first = published.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(published, newest_first);
    let date_of = |slug: &str| {
        entries
            .iter()
            .find(|(link, _)| link.ends_with(&format!("/{slug}/")))
            .map(|(_, date)| date.clone())
            .unwrap_or_else(|| panic!("{slug} not in the feed"))
    };
    assert_eq!(date_of("projekt-foeniks"), "2004-01-01T00:00:00Z");
    assert_eq!(date_of("koebenhavns-kommune-2020"), "2020-03-11T00:00:00Z");
    assert_eq!(date_of("lokalvaerdi-2022-k1"), "2022-10-01T00:00:00Z");
    for (link, _) in &entries {
        assert!(
            link.starts_with("https://praksisbasen.example/sub/"),
            "{link}"
        );
    }
    // Readers see the date as precisely as the source gives it.
    let report =
        std::fs::read_to_string(public.join("rapporter/koebenhavns-kommune-2020/index.html"))
            .expect("report page");
    assert!(report.contains("udgivet 11. marts 2020"));
    let case = std::fs::read_to_string(public.join("forloeb/lokalvaerdi-2022-k1/index.html"))
        .expect("case page");
    assert!(case.contains("udgivet oktober 2022"));
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("/eksempler/projekt-foeniks/</loc><lastmod>2004-01-01</lastmod>"));
    let front = std::fs::read_to_string(public.join("index.html")).expect("front page");
    assert!(front.contains("type=\"application/atom+xml\""));
}

/// A page that lacks part of its source says so above the text: the 2020
/// report's text opens at its appendix, and "[…]" marks lost words.
#[test]
fn a_page_says_what_of_its_source_it_lacks() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let page = |path: &str| {
        std::fs::read_to_string(fixture.path().join("public").join(path).join("index.html"))
            .expect("page")
    };
    let excerpt = page("rapporter/koebenhavns-kommune-2020");
    let prose = excerpt
        .split_once("<div class=\"prose\">")
        .map(|(_, prose)| prose)
        .expect("the text");
    let marks = prose.matches("[…]").count();
    assert!(marks > 0);
    let note = between(&excerpt, "<p class=\"note excerpt-note\">", "</p>").expect("the note");
    assert!(note.contains("tekstfilen begynder ved »Bilag 1"), "{note}");
    assert!(note.contains(&format!("markerer {marks} steder")), "{note}");
    assert!(!page("rapporter/lokalvaerdi-2022").contains("excerpt-note"));
}
