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
    // A build killed between the two renames of the fallback swap below left
    // the previous output under its retired name: put it back first.
    if !target.exists() && retired.exists() {
        std::fs::rename(&retired, target).map_err(|err| InputError::io(&retired, err))?;
    }
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
    if target.exists() && exchange(&staging, target) {
        // The previous output now sits in `staging`.
        return std::fs::remove_dir_all(&staging).map_err(|err| InputError::io(&staging, err));
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

/// Swaps two folders in one step, so no moment exists in which `target` is
/// missing (Linux `renameat2(RENAME_EXCHANGE)`). `false` where the system or
/// file system cannot; the caller then renames twice.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(a), Ok(b)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    result == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
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

    #[test]
    fn a_swap_cut_short_is_undone_by_the_next_build() {
        let root = tempfile::tempdir().expect("tempdir");
        let target = root.path().join("public");
        let write = |text: &'static str| {
            move |dir: &Path| {
                std::fs::write(dir.join("a.html"), text).map_err(|e| InputError::io(dir, e))
            }
        };
        replace_dir(&target, write("v1")).expect("first build");
        replace_dir(&target, write("v2")).expect("second build swaps");
        assert_eq!(
            std::fs::read_to_string(target.join("a.html")).expect("v2"),
            "v2"
        );
        // As a build killed between the fallback's two renames leaves it.
        std::fs::rename(&target, sibling(&target, "old")).expect("retire");
        let failed = replace_dir(&target, |_| Err(InputError::file("x", "boom")));
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("a.html")).expect("restored"),
            "v2"
        );
    }
}
