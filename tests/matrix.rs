//! The gap map (/matrix/ and its filtered views): every cell, in the table
//! and in both figures, counts and lists exactly the pages carrying both
//! its method and its target group, on a reviewed-only view only tags an
//! editor confirmed.

mod common;

use common::between;
use common::reviewed::built_with_one_reviewed_page;

/// Which pages a view of the gap map keeps, read from its section's own
/// front matter (`extra.kildetype`, `continuum_from`/`continuum_to`, `region`).
fn view_keeps(view: &praksis::content::LoadedSection, page: &praksis::content::LoadedPage) -> bool {
    let extra = &view.front.extra;
    if let Some(source_type) = extra.get("kildetype").and_then(|v| v.as_str()) {
        let types = page.front.taxonomies.get("kildetype");
        if !types.is_some_and(|t| t.iter().any(|t| t == source_type)) {
            return false;
        }
    }
    if let (Some(from), Some(to)) = (
        extra.get("continuum_from").and_then(|v| v.as_float()),
        extra.get("continuum_to").and_then(|v| v.as_float()),
    ) {
        // The last band keeps 1.0 itself.
        match page.front.extra.continuum {
            Some(c) if c >= from && (c < to || to >= 1.0) => {}
            _ => return false,
        }
    }
    if let Some(region) = extra.get("region").and_then(|v| v.as_str()) {
        if !page
            .front
            .extra
            .places
            .iter()
            .any(|p| p.today.contains(region))
        {
            return false;
        }
    }
    true
}

/// Whether a page's tag counts on a view: it has the tag, and on a
/// reviewed-only view an editor confirmed it (or set it on a hand-written page).
fn tag_counts(
    view: &praksis::content::LoadedSection,
    page: &praksis::content::LoadedPage,
    taxonomy: &str,
    term: &str,
) -> bool {
    let has = page
        .front
        .taxonomies
        .get(taxonomy)
        .is_some_and(|terms| terms.iter().any(|t| t == term));
    let reviewed_only = view
        .front
        .extra
        .get("reviewed_only")
        .and_then(|v| v.as_bool())
        == Some(true);
    has && (!reviewed_only
        || page.front.extra.reviewed.iter().any(|r| r == taxonomy)
        || page
            .front
            .extra
            .evidence
            .iter()
            .any(|e| e.reviewed && e.taxonomy == taxonomy && e.term == term))
}

/// The numbers of a figure's cell: the text of `<text class="count"…>N</text>`
/// inside the bubble linking to `#id`, in every figure of the page.
fn bubble_numbers(html: &str, id: &str) -> Vec<String> {
    html.split(&format!("<a class=\"cell\" href=\"#{id}\""))
        .skip(1)
        .filter_map(|bubble| {
            let bubble = bubble.split("</a>").next()?;
            between(bubble, "class=\"count\"", "</text>")
                .and_then(|t| t.rsplit('>').next())
                .map(String::from)
        })
        .collect()
}

#[test]
fn every_matrix_cell_counts_the_pages_carrying_both_terms() {
    let (fixture, _) = built_with_one_reviewed_page();
    let tree = praksis::content::ContentTree::load(&fixture.path().join("content")).expect("tree");
    let views: Vec<_> = tree
        .sections
        .iter()
        .filter(|s| s.front.template.as_deref() == Some("matrix.html"))
        .collect();
    assert!(views.len() > 1, "the map and its filtered views");
    let mut cells = 0;
    let mut nonempty_in_views = 0;
    let mut reviewed_cells = 0;
    for view in &views {
        let file = fixture
            .path()
            .join("public")
            .join(&view.path)
            .join("index.html");
        let html = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("{}", file.display()));
        let table = between(&html, "<table class=\"matrix", "</table>").expect("table");
        let head = between(table, "<thead>", "</thead>").expect("head");
        let groups: Vec<String> = head
            .split("<th scope=\"col\">")
            .skip(2)
            .filter_map(|cell| between(cell, "\">", "</a>").map(String::from))
            .collect();
        let body = between(table, "<tbody>", "</tbody>").expect("body");
        let figures = html.matches("<figure class=\"gapmap").count();
        assert_eq!(figures, 2, "{}: one figure per colouring", view.path);
        let mut empty = 0;
        for row in body.split("<tr>").skip(1) {
            let method = between(row, "<th scope=\"row\">", "</th>")
                .and_then(|th| between(th, "\">", "</a>"))
                .expect("row heading");
            let tds: Vec<&str> = row.split("<td").skip(1).collect();
            assert_eq!(
                tds.len(),
                groups.len(),
                "{method}: one cell per target group"
            );
            for (group, td) in groups.iter().zip(tds) {
                let mut carrying: Vec<String> = tree
                    .pages
                    .iter()
                    .filter(|p| p.section == "eksempler" || p.section == "rapporter")
                    .filter(|p| view_keeps(view, p))
                    .filter(|p| {
                        tag_counts(view, p, "metode", method)
                            && tag_counts(view, p, "maalgruppe", group)
                    })
                    .map(|p| p.path.clone())
                    .collect();
                carrying.sort();
                let context = format!("{}: {method} × {group}", view.path);
                cells += 1;
                let Some(id) = between(td, "href=\"#", "\"") else {
                    assert!(
                        carrying.is_empty(),
                        "{context}: shown empty, carried by {carrying:?}"
                    );
                    assert!(td.contains("Ingen"), "{context}: empty cell says so");
                    empty += 1;
                    continue;
                };
                if view.path != "matrix/" {
                    nonempty_in_views += 1;
                }
                if view.front.extra.contains_key("reviewed_only") {
                    reviewed_cells += 1;
                }
                let shown_number = between(td, &format!("#{id}\">"), "</a>").expect("number");
                assert_eq!(shown_number, carrying.len().to_string(), "{context}: table");
                assert_eq!(
                    bubble_numbers(&html, id),
                    vec![carrying.len().to_string(); figures],
                    "{context}: bubbles"
                );
                let details = between(&html, &format!("id=\"{id}\">"), "</section>")
                    .unwrap_or_else(|| panic!("{context}: no list of its pages"));
                let mut listed: Vec<String> = details
                    .split("href=\"/")
                    .skip(1)
                    .filter_map(|link| link.split('"').next().map(String::from))
                    .collect();
                listed.sort();
                assert_eq!(listed, carrying, "{context}: pages listed");
            }
        }
        let empty_rects = html.matches("<rect class=\"empty\"").count();
        assert_eq!(
            empty_rects,
            empty * figures,
            "{}: empty cells marked in the figures",
            view.path
        );
    }
    assert!(cells >= 100 * views.len(), "{cells} cells checked");
    assert!(nonempty_in_views > 0, "the filtered views show something");
    assert_eq!(
        reviewed_cells, 1,
        "the reviewed-only view shows the one confirmed pair"
    );
}
