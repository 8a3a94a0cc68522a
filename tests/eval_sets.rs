//! `praksis eval --tuned-only` scores the tuned-on sets and prints nothing
//! of a held-out set, where a plain `praksis eval` prints each held-out
//! set's totals: one can tune without reading the test sets.

mod common;

use common::{praksis_in, repo_root};

/// The registered sets' files, tuned-on and held-out.
fn sets_by_role() -> (Vec<String>, Vec<String>) {
    let output = praksis_in(&repo_root(), &["eval", "--list-sets"]);
    assert!(output.status.success(), "eval --list-sets failed");
    let listing: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("--list-sets prints JSON");
    let files = |role: &str| -> Vec<String> {
        listing
            .iter()
            .filter(|set| set["role"] == role)
            .map(|set| set["file"].as_str().expect("file").to_string())
            .collect()
    };
    (files("tuning"), files("held-out"))
}

#[test]
fn tuned_only_prints_no_held_out_figure() {
    let (tuned, held_out) = sets_by_role();
    assert!(!tuned.is_empty() && !held_out.is_empty());
    let plain = praksis_in(&repo_root(), &["eval"]);
    assert!(plain.status.success(), "eval failed");
    let plain = String::from_utf8_lossy(&plain.stdout);
    // Outputs are not printed: a failure here must not show held-out figures.
    for file in &held_out {
        assert!(plain.contains(file.as_str()), "plain eval names {file}");
    }
    let tuned_only = praksis_in(&repo_root(), &["eval", "--tuned-only"]);
    assert!(tuned_only.status.success(), "eval --tuned-only failed");
    let tuned_only = String::from_utf8_lossy(&tuned_only.stdout);
    for file in &held_out {
        assert!(
            !tuned_only.contains(file.as_str()),
            "--tuned-only names {file}"
        );
    }
    for file in &tuned {
        assert!(
            tuned_only.contains(file.as_str()),
            "--tuned-only scores {file}"
        );
    }
}

#[test]
fn tuned_only_cannot_be_asked_with_held_out_details() {
    let output = praksis_in(&repo_root(), &["eval", "--tuned-only", "--held-out"]);
    assert!(!output.status.success());
}
