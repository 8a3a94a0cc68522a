//! Our slugs are Zola's, on every title, term and file name in `content/`
//! (Danish letters, §, quotes, dashes). `tests/golden/zola-slugs.json` holds
//! what Zola itself made of each; where a Zola binary is at hand the test
//! asks it again, so the golden file cannot drift from Zola.
//! `UPDATE_GOLDEN=1` rewrites the file from Zola.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::repo_root;
use common::zola::{zola_binary, zola_build};
use praksis::content::ContentTree;
use praksis::slug::slugify;

const GOLDEN: &str = "tests/golden/zola-slugs.json";

/// Every string the site makes an address or anchor from.
fn slugged_strings() -> BTreeSet<String> {
    let content = repo_root().join("content");
    let tree = ContentTree::load(&content).expect("content/ loads");
    let mut out = BTreeSet::new();
    for page in &tree.pages {
        out.insert(page.front.title.clone());
        out.extend(page.front.taxonomies.values().flatten().cloned());
        out.extend(
            page.relative_path
                .trim_end_matches(".md")
                .split('/')
                .map(str::to_string),
        );
    }
    for section in &tree.sections {
        out.insert(section.front.title.clone());
        out.extend(
            section
                .relative_path
                .split('/')
                .filter(|part| *part != "_index.md")
                .map(str::to_string),
        );
    }
    out.retain(|text| !text.is_empty());
    out
}

/// Zola's slugs for `texts`: each a taxonomy term of one page of a small
/// site, listed with its slug by the taxonomy's list template.
fn ask_zola(zola: &Path, texts: &BTreeSet<String>) -> BTreeMap<String, String> {
    let site = tempfile::tempdir().expect("tempdir");
    let write = |path: &str, text: &str| {
        let file = site.path().join(path);
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        std::fs::write(file, text).expect("write");
    };
    // Zola merges terms with one slug into one, so strings that may share a
    // slug (by our guess) go to different taxonomies: t0, t1 …
    let mut taxonomies: Vec<Vec<String>> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for text in texts {
        let round = seen.entry(slugify(text)).or_insert(0);
        if taxonomies.len() <= *round {
            taxonomies.push(Vec::new());
        }
        taxonomies[*round].push(serde_json::to_string(text).expect("json"));
        *round += 1;
    }
    let names: Vec<String> = (0..taxonomies.len())
        .map(|i| format!("{{ name = \"t{i}\" }}"))
        .collect();
    write(
        "config.toml",
        &format!("base_url = \"/\"\ntaxonomies = [{}]\n", names.join(", ")),
    );
    write("content/_index.md", "+++\n+++\n");
    let terms: Vec<String> = taxonomies
        .iter()
        .enumerate()
        .map(|(i, terms)| format!("t{i} = [{}]\n", terms.join(", ")))
        .collect();
    write(
        "content/p.md",
        &format!("+++\ntitle = \"p\"\n[taxonomies]\n{}+++\n", terms.concat()),
    );
    for template in [
        "index.html",
        "page.html",
        "section.html",
        "taxonomy_single.html",
    ] {
        write(&format!("templates/{template}"), "");
    }
    write(
        "templates/taxonomy_list.html",
        "{% for term in terms %}{{ term.name | json_encode() | safe }}\t{{ term.slug | json_encode() | safe }}\n{% endfor %}",
    );
    zola_build(zola, site.path(), "out");
    let listing: String = (0..taxonomies.len())
        .map(|i| {
            let list = site.path().join(format!("out/t{i}/index.html"));
            std::fs::read_to_string(list).expect("list")
        })
        .collect();
    listing
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let (name, slug) = line.split_once('\t').expect("name, tab, slug");
            let text = |json: &str| serde_json::from_str::<String>(json).expect("json string");
            (text(name), text(slug))
        })
        .collect()
}

#[test]
fn our_slugs_are_zolas_on_every_title_term_and_file_name() {
    let texts = slugged_strings();
    let golden_path = repo_root().join(GOLDEN);
    let golden_text = std::fs::read_to_string(&golden_path).unwrap_or_default();
    let mut golden: BTreeMap<String, String> =
        serde_json::from_str(&golden_text).unwrap_or_default();
    if let Some(zola) = zola_binary() {
        let fresh = ask_zola(&zola, &texts);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let text = serde_json::to_string_pretty(&fresh).expect("json") + "\n";
            std::fs::write(&golden_path, text).expect("write golden");
            golden = fresh.clone();
        }
        for (text, slug) in &fresh {
            assert_eq!(
                golden.get(text),
                Some(slug),
                "{GOLDEN} is not what Zola gives for {text:?} (rerun with UPDATE_GOLDEN=1)"
            );
        }
    }
    for text in &texts {
        let zola = golden.get(text).unwrap_or_else(|| {
            panic!("{text:?} is not in {GOLDEN} (rerun with UPDATE_GOLDEN=1 where Zola is)")
        });
        assert_eq!(&slugify(text), zola, "slug of {text:?}");
    }
}
