//! Reusing what the site publishes: the CSV opens in Danish spreadsheets,
//! and the feed is valid Atom when the site has a full address.

mod common;

use common::{stderr, Fixture};

/// A CSV parser for `;`-separated rows with `"`-quoted fields (RFC 4180).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().expect("a row");
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().expect("a field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => row.push(String::new()),
            ('\r', false) => {}
            ('\n', false) => rows.push(vec![String::new()]),
            (c, _) => row.last_mut().expect("a field").push(c),
        }
    }
    rows.retain(|row| row.iter().any(|field| !field.is_empty()));
    rows
}

#[test]
fn the_csv_round_trips_with_a_byte_order_mark_semicolons_and_decimal_commas() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let text = std::fs::read_to_string(fixture.path().join("public/eksport/praksisbasen.csv"))
        .expect("csv");
    let body = text
        .strip_prefix('\u{feff}')
        .expect("UTF-8 byte-order mark");
    let rows = parse_csv(body);
    let header = &rows[0];
    for column in [
        "titel",
        "metode",
        "kontinuum",
        "fremmer",
        "haemmer",
        "ide",
        "resultater",
    ] {
        assert!(
            header.iter().any(|h| h == column),
            "no column {column}: {header:?}"
        );
    }
    assert!(
        rows.iter().all(|row| row.len() == header.len()),
        "ragged rows"
    );
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture.path().join("public/eksport/praksisbasen.json"))
            .expect("json"),
    )
    .expect("json");
    let records = json.as_array().expect("records");
    assert_eq!(rows.len(), records.len() + 1, "a row per page");
    for (row, record) in rows[1..].iter().zip(records) {
        assert_eq!(
            row[column("titel")],
            record["title"].as_str().expect("title")
        );
        if let Some(position) = record["continuum"].as_f64() {
            assert_eq!(
                row[column("kontinuum")],
                format!("{position:.2}").replace('.', ",")
            );
        }
    }
    assert!(
        rows[1..]
            .iter()
            .any(|row| !row[column("resultater")].is_empty()),
        "results are exported"
    );
}

#[test]
fn the_feed_has_absolute_ids_and_links_under_an_absolute_base_url() {
    let fixture = Fixture::new();
    let relative = fixture.praksis(&["build"]);
    assert!(
        stderr(&relative).contains("warning: base_url names no host"),
        "{}",
        stderr(&relative)
    );
    let absolute = fixture.praksis(&["build", "--base-url", "https://example.org/praksis/"]);
    assert!(absolute.status.success(), "{}", stderr(&absolute));
    assert!(!stderr(&absolute).contains("warning: base_url"));
    let feed = std::fs::read_to_string(fixture.path().join("public/atom.xml")).expect("feed");
    let values = |tag: &str| -> Vec<String> {
        feed.split(tag)
            .skip(1)
            .filter_map(|rest| rest.split(['<', '"']).next())
            .map(str::to_string)
            .collect()
    };
    let ids = values("<id>");
    let links = values("<link href=\"");
    assert!(
        ids.len() > 10 && links.len() > 10,
        "{} ids, {} links",
        ids.len(),
        links.len()
    );
    for value in ids.iter().chain(&links) {
        assert!(
            value.starts_with("https://example.org/praksis/"),
            "relative: {value}"
        );
    }
}
