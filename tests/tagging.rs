//! Tags with evidence and the continuum: chapter 3.1's anchors in order, every
//! example tagged, every evidence sentence from the page itself, and the
//! browse pages that show them.

mod common;

use common::normalize;
use common::visible::visible;
use common::{repo_root, Fixture};
use praksis::content::front_matter::{parse, split, PageFrontMatter};
use praksis::pipeline::{self, Project};

/// Chapter 3.1's examples A–E, from the social to the labour-market end.
const ANCHORS: [&str; 5] = [
    "eksempler/en-anderledes-livsstil-hjoernestenen-i-randers.md",
    "eksempler/projekt-groent-job-revacentret-koebenhavn.md",
    "eksempler/lyngby-taarbaek-kommune-moellegruppen.md",
    "eksempler/foertidspensionist-i-job-et-samarbejdsprojekt.md",
    "eksempler/projekt-integration-uden-omveje-den-direkte-vej.md",
];

/// Every example page, parsed: (path, front matter, readable text with its
/// title and keywords).
fn examples() -> Vec<(String, PageFrontMatter, String)> {
    pages_of("eksempler/")
        .into_iter()
        .map(|(path, (front, body))| {
            let text = format!(
                "{}\n{}\n{body}",
                front.title,
                front.extra.keywords.join("\n")
            );
            (path, front, normalize(&text))
        })
        .collect()
}

#[test]
fn the_five_anchors_of_chapter_3_1_come_out_in_order() {
    let pages = examples();
    let positions: Vec<f64> = ANCHORS
        .iter()
        .map(|anchor| {
            let (_, front, _) = pages
                .iter()
                .find(|(p, _, _)| p == anchor)
                .expect("anchor page");
            front.extra.continuum.expect("anchor is placed")
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    for (path, front, _) in &pages {
        let position = front
            .extra
            .continuum
            .unwrap_or_else(|| panic!("{path} is not placed"));
        assert!((0.0..=1.0).contains(&position), "{path}: {position}");
        assert!(
            !front.extra.continuum_reasons.is_empty(),
            "{path} gives no reason"
        );
    }
}

/// Chapter 3.1 puts A at the social-activation end and E at the
/// labour-market end, with B–D spread between (its figure: columns 0, 7, 16,
/// 28, 36; `anchor_spacing` in `curation/continuum.toml`).
#[test]
fn the_anchors_are_spaced_as_chapter_3_1_spaces_them() {
    let pages = examples();
    let position = |path: &str| {
        pages
            .iter()
            .find(|(p, _, _)| p == path)
            .and_then(|(_, front, _)| front.extra.continuum)
            .expect("anchor is placed")
    };
    let anchors: Vec<f64> = ANCHORS.iter().map(|a| position(a)).collect();
    let all: Vec<f64> = pages
        .iter()
        .map(|(_, front, _)| front.extra.continuum.expect("placed"))
        .collect();
    let quarter = all.len() / 4;
    let left_of = |at: f64| all.iter().filter(|&&p| p < at).count();
    let right_of = |at: f64| all.iter().filter(|&&p| p > at).count();
    assert!(
        left_of(anchors[0]) <= quarter,
        "A at {:.2} has {} examples to its left",
        anchors[0],
        left_of(anchors[0])
    );
    assert!(
        right_of(anchors[4]) <= quarter,
        "E at {:.2} has {} examples to its right",
        anchors[4],
        right_of(anchors[4])
    );
    // No two anchors bunched together: each step at least a tenth of the scale.
    for (pair, letters) in anchors.windows(2).zip(["AB", "BC", "CD", "DE"]) {
        assert!(pair[1] - pair[0] >= 0.1, "{letters}: {anchors:?}");
    }
}

#[test]
fn every_example_has_a_method_and_a_target_group_with_evidence_from_its_own_text() {
    for (path, front, text) in examples() {
        for taxonomy in ["metode", "maalgruppe"] {
            let terms = front.taxonomies.get(taxonomy).cloned().unwrap_or_default();
            assert!(!terms.is_empty(), "{path} has no {taxonomy}");
        }
        for evidence in &front.extra.evidence {
            let terms = &front.taxonomies[&evidence.taxonomy];
            assert!(
                terms.contains(&evidence.term),
                "{path}: evidence for an absent tag"
            );
            assert!(
                text.contains(&normalize(&evidence.sentence)),
                "{path}: evidence for {} is not the page's own text: {:?}",
                evidence.term,
                evidence.sentence
            );
        }
        let tagged: usize = front
            .taxonomies
            .iter()
            .filter(|(k, _)| *k != "kildetype")
            .map(|(_, t)| t.len())
            .sum();
        assert_eq!(
            tagged,
            front.extra.evidence.len(),
            "{path}: every tag has evidence"
        );
    }
}

/// Every generated page of `section`, parsed: path → (front matter, readable text).
fn pages_of(section: &str) -> std::collections::BTreeMap<String, (PageFrontMatter, String)> {
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    generated
        .files
        .iter()
        .filter(|f| f.path.starts_with(section) && !f.path.ends_with("_index.md"))
        .map(|f| {
            let (front, body) = split(&f.path, &f.text).expect("front matter");
            let front: PageFrontMatter = parse(&f.path, &front).expect("page front matter");
            let text = normalize(&praksis::index::plain_text(&body));
            (f.path.clone(), (front, text))
        })
        .collect()
}

/// A course's tags rest on what the course did, in its own words, or, for
/// where and by whom it ran, on its report's sentence, marked as the
/// report's; a field's label never earns a tag, and courses are neither
/// placed on the continuum nor given lessons.
#[test]
fn a_course_is_tagged_from_its_own_fields_and_its_report() {
    let courses = pages_of("forloeb/");
    let reports = pages_of("rapporter/");
    assert!(courses.len() >= 10, "the reports' courses are generated");
    let mut tagged_methods = 0;
    for (path, (front, text)) in &courses {
        let case = front
            .extra
            .case
            .as_ref()
            .expect("a course has a case record");
        assert!(front.extra.continuum.is_none(), "{path} is placed");
        for lesson in ["fremmer", "haemmer", "ide"] {
            assert!(
                !front.taxonomies.contains_key(lesson),
                "{path} has {lesson}"
            );
        }
        tagged_methods += usize::from(front.taxonomies.contains_key("metode"));
        for evidence in &front.extra.evidence {
            let sentence = normalize(&evidence.sentence);
            match &evidence.from {
                None => {
                    assert!(
                        ["metode", "maalgruppe", "lovgrundlag"]
                            .contains(&evidence.taxonomy.as_str()),
                        "{path}: {} from its own text",
                        evidence.taxonomy
                    );
                    assert!(
                        text.contains(&sentence),
                        "{path}: not its text: {sentence:?}"
                    );
                    assert!(
                        praksis::cases::case_field(&evidence.sentence).is_none(),
                        "{path}: a field label earned {}: {sentence:?}",
                        evidence.term
                    );
                }
                Some(report) => {
                    assert_eq!(report, &case.report, "{path}");
                    let (report_front, report_text) = &reports[report];
                    assert!(
                        report_text.contains(&sentence),
                        "{path}: not the report's text"
                    );
                    assert!(
                        report_front.taxonomies[&evidence.taxonomy].contains(&evidence.term),
                        "{path}: {} is not its report's",
                        evidence.term
                    );
                }
            }
        }
    }
    assert!(
        tagged_methods * 2 > courses.len(),
        "most courses name a method: {tagged_methods} of {}",
        courses.len()
    );
}

/// The continuum page's caveat quotes the catalogue's own chapter verbatim.
#[test]
fn the_continuum_caveat_is_the_catalogues_own_words() {
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    let text_of = |path: &str| {
        let file = generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path} is generated"));
        normalize(&praksis::index::plain_text(
            &split(path, &file.text).expect("front matter").1,
        ))
    };
    let continuum = text_of("kontinuum/_index.md");
    let quote = between(&continuum, "»", "«").expect("the continuum page quotes the catalogue");
    assert!(
        text_of("kapitler/perspektiver-for-en-aktivitets-og.md").contains(quote),
        "not the chapter's words: {quote:?}"
    );
}

/// What an example or report says itself hinders or helps it is its own
/// text, each sentence naming its side (or under a heading that does), and
/// the comparison shows it.
#[test]
fn stated_hindrances_and_helps_are_the_pages_own_sentences() {
    let mut pages = pages_of("eksempler/");
    pages.extend(pages_of("rapporter/"));
    let mut stated = 0;
    for (path, (front, text)) in &pages {
        for sentence in front
            .extra
            .stated
            .hinders
            .iter()
            .chain(&front.extra.stated.helps)
            .map(|s| &s.sentence)
        {
            stated += 1;
            assert!(
                text.contains(&normalize(sentence)),
                "{path}: not its own text: {sentence:?}"
            );
        }
    }
    assert!(stated > 0, "some page states what hinders or helps it");
    let fixture = Fixture::new();
    fixture.build(&[]);
    let compare = std::fs::read_to_string(fixture.path().join("public/sammenlign/index.html"))
        .expect("the compare page is built");
    let (_, front_and_text) = pages
        .iter()
        .find(|(_, (f, _))| !f.extra.stated.hinders.is_empty())
        .expect("a page states a hindrance");
    let first = &front_and_text.0.extra.stated.hinders[0].sentence;
    assert!(
        visible(&compare).contains(&normalize(first)),
        "the comparison quotes {first:?}"
    );
}

/// Every idea is shown by some page; every factor by some page or, when
/// none shows it, by its chapter's own sentence on /faktorer/; and every
/// sub-heading of the catalogue's 3.2.1 (hinders) and 3.2.2 (helps) is
/// some factor's chapter, quoted there.
#[test]
fn every_factor_and_idea_is_shown_by_some_page_or_quoted_from_its_chapter() {
    let curation =
        praksis::tagging::TaggingCuration::load(&repo_root().join("curation")).expect("curation");
    let pages = examples();
    let generated = pipeline::generate_content(&Project::new(repo_root())).expect("ingests");
    let file = |path: &str| {
        &generated
            .files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .text
    };
    let factors_page = file("faktorer/_index.md");
    let page_front_matter: String = generated
        .files
        .iter()
        .filter(|f| f.path != "faktorer/_index.md")
        .map(|f| f.text.as_str())
        .collect();
    let mut chapters = Vec::new();
    for taxonomy in curation
        .vocabularies
        .taxonomies
        .iter()
        .filter(|t| ["fremmer", "haemmer", "ide"].contains(&t.name.as_str()))
    {
        for entry in &taxonomy.entries {
            let shown = page_front_matter.contains(&format!("term = \"{}\"", entry.label));
            let quoted = factors_page.contains(&format!(
                "taxonomy = \"{}\"\nterm = \"{}\"",
                taxonomy.name, entry.label
            ));
            assert!(
                shown || (taxonomy.name != "ide" && quoted),
                "{} {:?} links to no page and is not quoted from the catalogue",
                taxonomy.name,
                entry.label
            );
            if let Some(chapter) = &entry.chapter {
                assert!(quoted, "{:?}: no sentence of {chapter} quoted", entry.label);
                chapters.push(chapter.clone());
            }
        }
    }
    let chapter = file("kapitler/perspektiver-for-en-aktivitets-og.md");
    let sub_headings: Vec<&str> = chapter
        .lines()
        .filter_map(|line| line.strip_prefix("#### "))
        .filter_map(|heading| heading.split([' ']).next())
        .map(|number| number.trim_end_matches('.'))
        .filter(|number| number.starts_with("3.2.1.") || number.starts_with("3.2.2."))
        .collect();
    assert!(sub_headings.len() >= 9, "{sub_headings:?}");
    for number in sub_headings {
        assert!(
            chapters.iter().any(|c| c == number),
            "chapter {number} names a factor no vocabulary entry quotes"
        );
    }
    assert!(!pages.is_empty());
}

#[test]
fn browse_pages_link_every_tag_and_the_overview_links_every_example() {
    let fixture = Fixture::new();
    fixture.build(&[]);
    let public = fixture.path().join("public");
    let read = |path: &str| {
        std::fs::read_to_string(public.join(path)).unwrap_or_else(|_| panic!("{path}"))
    };
    let methods = read("metode/index.html");
    assert!(methods.contains("Mentorordning"), "{methods}");
    let mentor = read("metode/mentorordning/index.html");
    assert!(
        mentor.contains("/eksempler/projekt-integration-uden-omveje-den-direkte-vej/"),
        "{mentor}"
    );
    for taxonomy in ["maalgruppe", "lovgrundlag", "sted", "organisation"] {
        assert!(
            public.join(taxonomy).join("index.html").is_file(),
            "{taxonomy}/ missing"
        );
    }
    let overview = read("kontinuum/index.html");
    let svg = overview
        .split("<svg")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .expect("svg");
    let links = svg.matches("<a href=\"/eksempler/").count();
    assert_eq!(links, 21, "one link per example in the figure");
    let matrix = read("matrix/index.html");
    let rows = matrix.matches("<th scope=\"row\">").count();
    assert!(rows >= 10, "{rows} method rows");
    assert!(
        matrix.contains("class=\"empty\""),
        "the gap map shows empty cells"
    );
    assert!(matrix.contains("/eksempler/projekt-integration-uden-omveje-den-direkte-vej/"));
    let json: serde_json::Value =
        serde_json::from_str(&read("eksport/praksisbasen.json")).expect("json");
    let records = json.as_array().expect("array");
    let csv = read("eksport/praksisbasen.csv");
    assert_eq!(
        csv.lines().count(),
        records.len() + 1,
        "a header and one row per page"
    );
    let examples: Vec<_> = records
        .iter()
        .filter(|r| r["section"] == "eksempler")
        .collect();
    assert_eq!(examples.len(), 21);
    assert!(examples
        .iter()
        .all(|r| r["continuum"].is_number() && !r["metode"].as_array().expect("list").is_empty()));
    assert!(
        read("index.html").contains("eksport/praksisbasen.csv"),
        "front page links the export"
    );
    for overview in ["faktorer/index.html", "kom-i-gang/index.html"] {
        assert!(
            read(overview).contains("href=\"/eksempler/"),
            "{overview} links no example"
        );
    }
    check_factor_quotes(fixture.path());
    let example = read("eksempler/projekt-foeniks/index.html");
    assert!(
        example.contains("class=\"continuum-bar\""),
        "no continuum bar"
    );
    assert!(example.contains("Hvorfor disse tags?"), "no evidence");
}

/// Every factor quoted from the catalogue shows its sentence on /faktorer/
/// and on its term page; one no page shows has no term page, and
/// /faktorer/ says that no example or report shows it.
fn check_factor_quotes(root: &std::path::Path) {
    let text = std::fs::read_to_string(root.join("content/faktorer/_index.md")).expect("section");
    let (front, _) = split("faktorer/_index.md", &text).expect("front matter");
    let front: toml::Value = toml::from_str(&front).expect("toml");
    let factors = front["extra"]["factors"].as_array().expect("extra.factors");
    let overview = visible(
        &std::fs::read_to_string(root.join("public/faktorer/index.html")).expect("faktorer"),
    );
    let mut unshown = 0;
    for factor in factors {
        let field = |key: &str| factor[key].as_str().expect("a string field");
        let (taxonomy, term, sentence) = (field("taxonomy"), field("term"), field("sentence"));
        assert!(
            overview.contains(&format!("»{sentence}«")),
            "/faktorer/ lacks the quote of {term}"
        );
        let term_page = root.join(format!(
            "public/{taxonomy}/{}/index.html",
            praksis::slug::slugify(term)
        ));
        if term_page.is_file() {
            let page = visible(&std::fs::read_to_string(&term_page).expect("term page"));
            assert!(
                page.contains(&format!("»{sentence}«")),
                "{term}: its page lacks the quote"
            );
        } else {
            unshown += 1;
            let quoted = overview.find(sentence).expect("quoted") + sentence.len();
            let after = &overview[quoted..];
            let next = after.find(" (").unwrap_or(after.len());
            assert!(
                after[..next].contains("Intet eksempel og ingen rapport har faktoren som tag"),
                "{term}: shown by no page, and /faktorer/ does not say so"
            );
        }
    }
    assert!(
        unshown >= 1 && unshown < factors.len(),
        "{unshown} of {} unshown",
        factors.len()
    );
}

/// The text between the first `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)?;
    Some(&text[start..start + end])
}

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

/// A copy of the project in which an editor has confirmed one example's
/// first method and target group, built; and those two decisions.
fn built_with_one_reviewed_page() -> (Fixture, Vec<Decision>) {
    let fixture = Fixture::new();
    let committed =
        praksis::content::ContentTree::load(&repo_root().join("content")).expect("content");
    let sentence = |page: &praksis::content::LoadedPage, taxonomy: &str| {
        page.front
            .extra
            .evidence
            .iter()
            .find(|e| e.taxonomy == taxonomy)
            .cloned()
    };
    let (page, method, group) = committed
        .pages
        .iter()
        .filter(|p| p.section == "eksempler")
        .find_map(|p| Some((p, sentence(p, "metode")?, sentence(p, "maalgruppe")?)))
        .expect("an example with both tags");
    let mut decisions =
        std::fs::read_to_string(fixture.path().join("curation/tags.toml")).expect("tags.toml");
    for evidence in [&method, &group] {
        decisions.push_str(&format!(
            "\n[[accept]]\npage = {:?}\ntaxonomy = {:?}\nterm = {:?}\nsentence = {:?}\n",
            page.slug, evidence.taxonomy, evidence.term, evidence.sentence
        ));
    }
    std::fs::write(fixture.path().join("curation/tags.toml"), decisions).expect("write tags.toml");
    fixture.build(&[]);
    let decisions = [method, group]
        .into_iter()
        .map(|e| Decision {
            page: page.slug.clone(),
            taxonomy: e.taxonomy,
            term: e.term,
            sentence: e.sentence,
        })
        .collect();
    (fixture, decisions)
}

/// An editor's decision to keep a tag, as curation/tags.toml records it.
struct Decision {
    page: String,
    taxonomy: String,
    term: String,
    sentence: String,
}

#[test]
fn term_pages_show_under_each_page_the_sentence_that_earned_the_tag() {
    let (fixture, reviewed) = built_with_one_reviewed_page();
    let tree = praksis::content::ContentTree::load(&fixture.path().join("content")).expect("tree");
    let public = fixture.path().join("public");
    let mut checked = 0;
    for page in &tree.pages {
        for evidence in &page.front.extra.evidence {
            let slug = praksis::slug::slugify(&evidence.term);
            let file = public
                .join(&evidence.taxonomy)
                .join(&slug)
                .join("index.html");
            let html = std::fs::read_to_string(&file)
                .unwrap_or_else(|_| panic!("no term page {}", file.display()));
            // The page's entry: from its link to the end of its list item.
            let link = format!("href=\"/{}\"", page.path);
            let entry = html
                .split(&link)
                .nth(1)
                .and_then(|rest| rest.split("</li>").next())
                .unwrap_or_else(|| panic!("{} does not list {}", file.display(), page.path));
            let shown = format!("»{}«", normalize(&evidence.sentence));
            assert!(
                visible(entry).contains(&shown),
                "{} lists {} without its sentence {shown}",
                file.display(),
                page.path
            );
            // A course's line gives its outcome, as an example's its results.
            if let Some(case) = &page.front.extra.case {
                let outcome = format!("Resultat: {}", case.outcome);
                assert!(
                    visible(entry).contains(&outcome),
                    "{}: {} without {outcome}",
                    file.display(),
                    page.path
                );
            }
            let confirmed = reviewed.iter().any(|r| {
                page.path.contains(&r.page)
                    && (&r.taxonomy, &r.term, &r.sentence)
                        == (&evidence.taxonomy, &evidence.term, &evidence.sentence)
            });
            assert_eq!(evidence.reviewed, confirmed, "{}: {evidence:?}", page.path);
            let state = if confirmed { "gennemset" } else { "forslag" };
            assert!(
                entry.contains(&format!("<span class=\"review\">{state}</span>")),
                "{}: {} should be shown as {state}",
                file.display(),
                page.path
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "every tag with its evidence: {checked}");
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

/// /kom-i-gang/ lists under each idea the pages that practise it; a page
/// whose sentence for the idea only wishes for it (role "ønske eller
/// mulighed") is listed apart, as a wish, and not counted.
#[test]
fn getting_started_lists_pages_that_only_wish_for_an_idea_apart() {
    let wish = praksis::tagging::Role::Hypothetical.label();
    let mut wishes: Vec<(String, String)> = Vec::new();
    let mut practised: Vec<(String, String)> = Vec::new();
    for (path, front, _) in examples() {
        let address = format!("/{}/", path.trim_end_matches(".md"));
        for evidence in front.extra.evidence.iter().filter(|e| e.taxonomy == "ide") {
            let entry = (evidence.term.clone(), address.clone());
            if evidence.role.as_deref() == Some(wish) {
                wishes.push(entry);
            } else {
                practised.push(entry);
            }
        }
    }
    assert!(!wishes.is_empty(), "some example only wishes for an idea");
    let fixture = Fixture::new();
    fixture.build(&[]);
    let html = std::fs::read_to_string(fixture.path().join("public/kom-i-gang/index.html"))
        .expect("kom-i-gang built");
    // Each idea's entry: from its <dt> to the next.
    let entry_of = |term: &str| -> String {
        // The idea's own entry, not a link to it from another's "Beslægtet".
        let start = html
            .match_indices("<dt><a href=")
            .map(|(at, _)| at)
            .find(|&at| {
                html[at..]
                    .split("</a>")
                    .next()
                    .is_some_and(|link| link.ends_with(&format!(">{term}")))
            })
            .unwrap_or_else(|| panic!("{term} on /kom-i-gang/"));
        let rest = &html[start..];
        let end = rest[1..].find("<dt>").map_or(rest.len(), |at| at + 1);
        rest[..end].to_string()
    };
    for (term, address) in &wishes {
        let entry = entry_of(term);
        let (list, note) = entry
            .split_once("class=\"note wishes\"")
            .unwrap_or_else(|| panic!("{term}: no wishes note in {entry}"));
        let link = format!("href=\"{address}\"");
        assert!(note.contains(&link), "{term}: {address} among the wishes");
        assert!(
            !list.contains(&link),
            "{term}: {address} not among the pages that do it"
        );
    }
    for (term, address) in &practised {
        let entry = entry_of(term);
        let list = entry.split("class=\"note wishes\"").next().expect("split");
        assert!(
            list.contains(&format!("href=\"{address}\"")),
            "{term}: {address} listed"
        );
    }
    // The page's own tag list marks an idea it only wishes for, and only that.
    let marked = |term: &str, address: &str| {
        let page = std::fs::read_to_string(
            fixture
                .path()
                .join("public")
                .join(address.trim_start_matches('/'))
                .join("index.html"),
        )
        .expect("example page");
        let footer = page
            .split("<footer class=\"source\"")
            .nth(1)
            .expect("footer");
        let after = footer
            .split(&format!(">{term}</a>"))
            .nth(1)
            .unwrap_or_else(|| panic!("{address}: no tag {term}"));
        after.starts_with(" <span class=\"wish\">(kun som ønske eller mulighed)</span>")
    };
    for (term, address) in &wishes {
        assert!(
            marked(term, address),
            "{address}: {term} not marked as a wish"
        );
    }
    for (term, address) in &practised {
        assert!(!marked(term, address), "{address}: {term} marked as a wish");
    }
}
