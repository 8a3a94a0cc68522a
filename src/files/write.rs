//! Atomic output: build a folder beside the target, then swap it in, so an
//! interrupted or failed build leaves the previous output untouched; single
//! files written the same way; and the build's own folders under `static/`,
//! replaced only where the build wrote the files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::Error;

/// Builds a fresh folder with `fill`, then replaces `target` with it.
pub fn replace_dir<F>(target: &Path, fill: F) -> Result<(), Error>
where
    F: FnOnce(&Path) -> Result<(), Error>,
{
    let staging = sibling(target, "new");
    let retired = sibling(target, "old");
    // A build killed between the two renames of the fallback swap below left
    // the previous output under its retired name: put it back first.
    if !target.exists() && retired.exists() {
        std::fs::rename(&retired, target).map_err(|err| Error::io(&retired, err))?;
    }
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(|err| Error::io(leftover, err))?;
        }
    }
    std::fs::create_dir_all(&staging).map_err(|err| Error::io(&staging, err))?;
    if let Err(err) = fill(&staging) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(err);
    }
    if target.exists() && exchange(&staging, target) {
        // The previous output now sits in `staging`.
        return std::fs::remove_dir_all(&staging).map_err(|err| Error::io(&staging, err));
    }
    if target.exists() {
        std::fs::rename(target, &retired).map_err(|err| Error::io(target, err))?;
    }
    std::fs::rename(&staging, target).map_err(|err| Error::io(target, err))?;
    if retired.exists() {
        std::fs::remove_dir_all(&retired).map_err(|err| Error::io(&retired, err))?;
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

/// Suffix of the file a write goes to before it is renamed into place.
pub const PARTIAL_SUFFIX: &str = ".praksis-partial";

/// Writes one file so that it is either the old or the new text, never half
/// of one: the text goes to a hidden file beside it, then is renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = path
        .file_name()
        .expect("write_atomically is given the path of a file, not of a folder")
        .to_string_lossy();
    let partial = path.with_file_name(format!(".{name}{PARTIAL_SUFFIX}"));
    std::fs::write(&partial, bytes).map_err(|err| Error::io(&partial, err))?;
    std::fs::rename(&partial, path).map_err(|err| {
        let _ = std::fs::remove_file(&partial);
        Error::io(path, err)
    })
}

/// Replaces `dir`, a folder the build owns (under `static/`, where people
/// also put files), with exactly these files (name, text), atomically.
///
/// `record` lists what the last build wrote there, with hashes. A file in
/// `dir` that the record does not list as it is now was put or changed there
/// by a person: the build stops, naming it, rather than delete it. Without a
/// record (a folder from before records), files the build writes under the
/// same name count as its own.
pub fn write_owned_files(
    dir: &Path,
    record: &Path,
    files: &[(String, String)],
) -> Result<(), Error> {
    let recorded = read_record(record)?;
    if dir.exists() {
        for (name, path) in super::files_under(dir)? {
            let bytes = std::fs::read(&path).map_err(|err| Error::io(&path, err))?;
            let ours = match &recorded {
                Some(recorded) => recorded.get(&name) == Some(&sha256_hex(&bytes)),
                None => files.iter().any(|(generated, _)| *generated == name),
            };
            if !ours {
                return Err(Error::file(
                    &path.display().to_string(),
                    format!(
                        "was not written by `praksis build` (or was changed since), but {} is \
                         the build's own folder and is replaced as a whole by every build; \
                         move the file elsewhere under static/, then build again",
                        dir.display()
                    ),
                ));
            }
        }
    }
    replace_dir(dir, |staging| {
        for (name, text) in files {
            let path = staging.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
            }
            std::fs::write(&path, text).map_err(|err| Error::io(&path, err))?;
        }
        Ok(())
    })?;
    let lines: String = files
        .iter()
        .map(|(name, text)| format!("{}  {name}\n", sha256_hex(text.as_bytes())))
        .collect();
    if let Some(parent) = record.parent() {
        std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
    }
    write_atomically(record, lines.as_bytes())
}

/// name → hash, as `sha256sum` prints them; `None` if there is no record.
fn read_record(record: &Path) -> Result<Option<BTreeMap<String, String>>, Error> {
    let text = match std::fs::read_to_string(record) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(Error::io(record, err)),
    };
    let mut entries = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let (hash, name) = line.split_once("  ").ok_or_else(|| {
            Error::at(
                &record.display().to_string(),
                index + 1,
                "expected \"<sha256>  <file name>\" (delete the file to start afresh)",
            )
        })?;
        entries.insert(name.to_string(), hash.to_string());
    }
    Ok(Some(entries))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_fill_keeps_previous_output() {
        let root = tempfile::tempdir().expect("tempdir");
        let target = root.path().join("public");
        replace_dir(&target, |dir| {
            std::fs::write(dir.join("a.html"), "v1").map_err(|e| Error::io(dir, e))
        })
        .expect("first build");
        let failed = replace_dir(&target, |_| Err(Error::file("x", "boom")));
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
                std::fs::write(dir.join("a.html"), text).map_err(|e| Error::io(dir, e))
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
        let failed = replace_dir(&target, |_| Err(Error::file("x", "boom")));
        assert!(failed.is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("a.html")).expect("restored"),
            "v2"
        );
    }
}
