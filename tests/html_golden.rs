//! Snapshots of rendered HTML: an example page, a term page and a report
//! page, built by the real binary from a copy of the project. A template or
//! site-model change that alters what a reader gets shows up here as a diff
//! to read; accept it with `UPDATE_GOLDEN=1 cargo test --test html_golden`.

mod common;

use common::{repo_root, Fixture};

/// One page of each kind a planner reads, by its path in the built site.
const PAGES: [(&str, &str); 3] = [
    ("eksempler/projekt-foeniks/index.html", "example.html"),
    ("metode/mentorordning/index.html", "term.html"),
    ("rapporter/lokalvaerdi-2022/index.html", "report.html"),
];

#[test]
fn rendered_pages_match_their_reviewed_snapshots() {
    let fixture = Fixture::new();
    let site = fixture.path().join("public");
    fixture.build(&["--output", site.to_str().expect("utf-8 path")]);
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut changed = Vec::new();
    for (page, snapshot) in PAGES {
        let actual = std::fs::read_to_string(site.join(page))
            .unwrap_or_else(|err| panic!("{page} was not built: {err}"));
        let golden = repo_root().join("tests/golden/html").join(snapshot);
        if update {
            std::fs::create_dir_all(golden.parent().expect("folder")).expect("mkdir");
            std::fs::write(&golden, &actual).expect("write golden");
            continue;
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        if let Some(difference) = first_difference(&expected, &actual) {
            changed.push(format!("{page} ({snapshot}): {difference}"));
        }
    }
    assert!(
        changed.is_empty(),
        "rendered pages differ from tests/golden/html/:\n{}\nread the change, then accept it \
         with UPDATE_GOLDEN=1 cargo test --test html_golden",
        changed.join("\n")
    );
}

/// The first line where two texts part, as `line N: expected … got …`.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => continue,
            (e, a) => {
                return Some(format!(
                    "line {number}: expected {:?}, got {:?}",
                    e.unwrap_or("<end>"),
                    a.unwrap_or("<end>")
                ))
            }
        }
    }
    unreachable!("the loop returns at the first differing line")
}
