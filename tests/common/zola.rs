//! Where the tests find Zola: `$ZOLA` if set (only there), else
//! `../shared/tools/zola` beside the project (the project's machines and
//! CI), else `zola` on PATH. None of the registries we reach has Zola.

use std::path::PathBuf;
use std::process::Command;

use super::repo_root;

pub fn zola_binary() -> Option<PathBuf> {
    let candidates = match std::env::var_os("ZOLA") {
        Some(chosen) => vec![PathBuf::from(chosen)],
        None => vec![repo_root().join("../shared/tools/zola"), "zola".into()],
    };
    candidates.into_iter().find(|zola| {
        Command::new(zola)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    })
}

/// Runs `zola build --output-dir OUT` in `site` and fails the test, showing
/// Zola's stderr, unless it succeeds.
pub fn zola_build(zola: &std::path::Path, site: &std::path::Path, out: &str) {
    let output = Command::new(zola)
        .current_dir(site)
        .args(["build", "--output-dir", out])
        .output()
        .expect("run zola");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
