//! Old addresses keep working. Term pages moved when the site took Zola's
//! slugs ("ø" → "o", "§" → "ss"); `static/` holds a redirect at each old
//! address, which both `praksis build` and `zola build` publish as they are
//! (tests/zola_compat.rs checks that the two sites hold the same files).
//! Pages and sections list their own old addresses in `aliases`, as in Zola.

mod common;

use std::path::{Component, Path, PathBuf};

use common::zola::{zola_binary, zola_build};
use common::Fixture;

/// The term addresses published before the switch, and where they went.
const MOVED: [(&str, &str); 16] = [
    (
        "fremmer/smaajob-og-socialt-frikort",
        "fremmer/smajob-og-socialt-frikort",
    ),
    (
        "fremmer/stoette-og-kontaktpersoner",
        "fremmer/stotte-og-kontaktpersoner",
    ),
    (
        "ide/personlig-assistance-og-stoetteperson-i-job",
        "ide/personlig-assistance-og-stotteperson-i-job",
    ),
    ("kildetype/borgerforloeb", "kildetype/borgerforlob"),
    (
        "lovgrundlag/servicelovens-87",
        "lovgrundlag/servicelovens-ss-87",
    ),
    (
        "lovgrundlag/servicelovens-88",
        "lovgrundlag/servicelovens-ss-88",
    ),
    (
        "lovgrundlag/servicelovens-94",
        "lovgrundlag/servicelovens-ss-94",
    ),
    (
        "maalgruppe/foertidspensionister",
        "maalgruppe/fortidspensionister",
    ),
    ("maalgruppe/groenlaendere", "maalgruppe/gronlaendere"),
    ("maalgruppe/hjemloese", "maalgruppe/hjemlose"),
    (
        "maalgruppe/psykisk-saarbare-og-sindslidende",
        "maalgruppe/psykisk-sarbare-og-sindslidende",
    ),
    ("metode/foelordning", "metode/folordning"),
    (
        "metode/kontaktperson-og-stoetteperson",
        "metode/kontaktperson-og-stotteperson",
    ),
    (
        "metode/loentilskud-og-fleksjob",
        "metode/lontilskud-og-fleksjob",
    ),
    ("metode/smaajob", "metode/smajob"),
    ("sted/koebenhavn", "sted/kobenhavn"),
];

/// The address a redirect page sends readers to, if it is one.
fn refresh_target(html: &str) -> Option<&str> {
    let at = html.find("http-equiv=\"refresh\"")?;
    let rest = &html[at..];
    let start = rest.find("url=")? + 4;
    let end = rest[start..].find('"')? + start;
    Some(&rest[start..end])
}

/// `target` as a file under `site`, read from the redirect at `from` (a
/// folder under `site`); `None` if it leaves the site.
fn resolve(site: &Path, from: &Path, target: &str) -> Option<PathBuf> {
    let target = target.split('#').next().unwrap_or("");
    let mut path = if target.starts_with('/') {
        PathBuf::new()
    } else {
        from.strip_prefix(site).ok()?.to_path_buf()
    };
    for component in Path::new(target.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            // Above the site's root: not a page of the site.
            Component::ParentDir => path.pop().then_some(())?,
            _ => {}
        }
    }
    Some(site.join(path).join("index.html"))
}

/// Every redirect page under `site` lands on a page that is no redirect;
/// returns how many there are.
fn check_redirects(site: &Path) -> usize {
    let mut redirects = 0;
    for entry in walkdir::WalkDir::new(site) {
        let entry = entry.expect("walk");
        if !entry.file_name().to_string_lossy().ends_with(".html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).expect("read");
        let Some(target) = refresh_target(&html) else {
            continue;
        };
        redirects += 1;
        let folder = entry.path().parent().expect("folder");
        let landing = resolve(site, folder, target);
        let landing_html = landing
            .as_deref()
            .and_then(|file| std::fs::read_to_string(file).ok())
            .unwrap_or_default();
        assert!(
            !landing_html.is_empty() && refresh_target(&landing_html).is_none(),
            "{} redirects to {target}, which is no page",
            entry.path().display()
        );
    }
    redirects
}

#[test]
fn every_redirect_resolves_and_every_moved_term_keeps_its_old_address() {
    let fixture = Fixture::new();
    fixture.build(&["--output", "public"]);
    let site = fixture.path().join("public");
    let redirects = check_redirects(&site);
    for (old, new) in MOVED {
        let file = site.join(old).join("index.html");
        let html = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("/{old}/ is no longer published"));
        let target = refresh_target(&html).unwrap_or_else(|| panic!("/{old}/ is no redirect"));
        let landing = resolve(&site, &site.join(old), target);
        assert_eq!(
            landing,
            Some(site.join(new).join("index.html")),
            "/{old}/ redirects to {target}, not /{new}/"
        );
    }
    assert!(redirects >= MOVED.len(), "{redirects} redirects");
}

#[test]
fn aliases_of_pages_and_sections_redirect_in_both_builds() {
    let fixture = Fixture::new();
    let content = fixture.path().join("content");
    std::fs::write(
        content.join("kapitler/om-siden.md"),
        "+++\ntitle = \"Om siden\"\nweight = 99\naliases = [\"/om/\", \"/gammel-om.html\"]\n+++\n\nTekst.\n",
    )
    .expect("write page");
    let index = content.join("kapitler/_index.md");
    let text = std::fs::read_to_string(&index).expect("read section");
    let text = text.replacen("weight = 2\n", "weight = 2\naliases = [\"/katalog/\"]\n", 1);
    std::fs::write(&index, text).expect("write section");
    fixture.build(&["--keep-content", "--output", "public"]);
    let mut sites = vec![fixture.path().join("public")];
    if let Some(zola) = zola_binary() {
        zola_build(&zola, fixture.path(), "zola-public");
        sites.push(fixture.path().join("zola-public"));
    }
    for site in &sites {
        check_redirects(site);
        for (alias, target) in [
            ("om/index.html", "/kapitler/om-siden/"),
            ("gammel-om.html", "/kapitler/om-siden/"),
            ("katalog/index.html", "/kapitler/"),
        ] {
            let html = std::fs::read_to_string(site.join(alias))
                .unwrap_or_else(|_| panic!("no {alias} in {}", site.display()));
            assert_eq!(
                refresh_target(&html),
                Some(target),
                "{alias} in {}",
                site.display()
            );
        }
    }
}
