//! Shared helpers: a copy of the project in a temporary folder, and the real
#![allow(dead_code)] // each test binary uses a different part
//! `praksis` binary run against it as a user would.

pub mod committed_index;
pub mod pages;
pub mod reviewed;
pub mod visible;
pub mod zola;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Whitespace runs as one space: page text and quoted sentences compared.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text between the first `open` and the next `close` after it.
pub fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)?;
    Some(&text[start..start + end])
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary copy of the project's inputs (sources, curation, config, theme, static, content).
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = repo_root();
        for item in ["sources", "curation", "themes", "static", "content"] {
            copy_tree(&root.join(item), &dir.path().join(item));
        }
        std::fs::copy(root.join("config.toml"), dir.path().join("config.toml")).expect("config");
        for file in std::fs::read_dir(dir.path().join("sources")).expect("sources") {
            let path = file.expect("entry").path();
            let mut permissions = std::fs::metadata(&path).expect("meta").permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(&path, permissions).expect("writable copy");
        }
        Fixture { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `praksis build ARGS` and fails the test, showing stderr, unless it succeeds.
    pub fn build(&self, args: &[&str]) {
        let output = self.praksis(&[&["build"], args].concat());
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
    }

    pub fn praksis(&self, args: &[&str]) -> Output {
        praksis_in(self.path(), args)
    }
}

pub fn praksis_in(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_praksis"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run praksis")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Copies a tree, recreating symbolic links as links (static/search-index).
fn copy_tree(from: &Path, to: &Path) {
    if !from.exists() {
        return;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.path_is_symlink() {
            let link = std::fs::read_link(entry.path()).expect("link");
            std::os::unix::fs::symlink(link, &target).expect("symlink");
        } else if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` as (relative path, bytes), sorted.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .into_owned();
            (relative, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}
