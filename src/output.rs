//! Atomic output: build a folder beside the target, then swap it in, so an
//! interrupted or failed build leaves the previous output untouched.

use std::path::{Path, PathBuf};

use crate::error::InputError;

/// Builds a fresh folder with `fill`, then replaces `target` with it.
pub fn replace_dir<F>(target: &Path, fill: F) -> Result<(), InputError>
where
    F: FnOnce(&Path) -> Result<(), InputError>,
{
    let staging = sibling(target, "new");
    let retired = sibling(target, "old");
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(|err| InputError::io(leftover, err))?;
        }
    }
    std::fs::create_dir_all(&staging).map_err(|err| InputError::io(&staging, err))?;
    if let Err(err) = fill(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    if target.exists() {
        std::fs::rename(target, &retired).map_err(|err| InputError::io(target, err))?;
    }
    std::fs::rename(&staging, target).map_err(|err| InputError::io(target, err))?;
    if retired.exists() {
        std::fs::remove_dir_all(&retired).map_err(|err| InputError::io(&retired, err))?;
    }
    Ok(())
}

/// `public` → `.public.new` in the same parent folder (same file system, so rename is atomic).
fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    target.with_file_name(format!(".{name}.{suffix}"))
}

/// Replaces `dir` with exactly these files (name, text), atomically.
pub fn write_files(dir: &Path, files: &[(String, String)]) -> Result<(), InputError> {
    replace_dir(dir, |staging| {
        for (name, text) in files {
            let path = staging.join(name);
            std::fs::write(&path, text).map_err(|err| InputError::io(&path, err))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_fill_keeps_previous_output() {
        let root = tempfile::tempdir().expect("tempdir");
        let target = root.path().join("public");
        replace_dir(&target, |dir| {
            std::fs::write(dir.join("a.html"), "v1").map_err(|e| InputError::io(dir, e))
        })
        .expect("first build");
        let failed = replace_dir(&target, |_| Err(InputError::file("x", "boom")));
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("a.html")).expect("kept"),
            "v1"
        );
        assert_eq!(
            std::fs::read_dir(root.path()).expect("list").count(),
            1,
            "no leftovers"
        );
    }
}
