//! The project is a genuine Zola site: when `zola` is on PATH, `zola build`
//! must succeed on it. Zola is not installable from the registries we reach,
//! so this test says when it is skipped.

mod common;

use std::process::Command;

use common::Fixture;

#[test]
fn zola_builds_the_project_when_available() {
    if Command::new("zola").arg("--version").output().is_err() {
        eprintln!("skipped: zola is not on PATH");
        return;
    }
    let fixture = Fixture::new();
    fixture.build(&[]);
    let output = Command::new("zola")
        .current_dir(fixture.path())
        .args(["build", "--output-dir", "zola-public"])
        .output()
        .expect("run zola");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(fixture
        .path()
        .join("zola-public/eksempler/projekt-foeniks/index.html")
        .is_file());
}
