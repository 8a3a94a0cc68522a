//! Writing the content tree atomically, and comparing it with what is on disk.

use std::collections::BTreeSet;
use std::path::Path;

use crate::error::InputError;
use crate::output::replace_dir;

#[derive(Clone, Debug, PartialEq)]
pub struct ContentFile {
    /// Path relative to `content/`, with `/` separators.
    pub path: String,
    pub text: String,
}

/// How the committed tree differs from the generated one.
#[derive(Clone, Debug, PartialEq)]
pub enum Drift {
    Changed(String),
    Missing(String),
    Extra(String),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Changed(p) => write!(f, "content/{p}: differs from what the sources give"),
            Drift::Missing(p) => write!(f, "content/{p}: missing"),
            Drift::Extra(p) => write!(f, "content/{p}: not generated from the sources"),
        }
    }
}

/// Replaces `dir` with exactly `files` (built beside it, then swapped in).
pub fn write(dir: &Path, files: &[ContentFile]) -> Result<(), InputError> {
    replace_dir(dir, |staging| {
        for file in files {
            let path = staging.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|err| InputError::io(parent, err))?;
            }
            std::fs::write(&path, &file.text).map_err(|err| InputError::io(&path, err))?;
        }
        Ok(())
    })
}

/// Every difference between `dir` and `files`, sorted by path.
pub fn check(dir: &Path, files: &[ContentFile]) -> Result<Vec<Drift>, InputError> {
    let mut drift = Vec::new();
    let on_disk_files = if dir.exists() {
        crate::files::files_under(dir)?
    } else {
        Vec::new()
    };
    let mut on_disk: BTreeSet<String> = on_disk_files
        .into_iter()
        .map(|(relative, _)| relative)
        .collect();
    for file in files {
        if !on_disk.remove(&file.path) {
            drift.push(Drift::Missing(file.path.clone()));
            continue;
        }
        let path = dir.join(&file.path);
        let current = std::fs::read(&path).map_err(|err| InputError::io(&path, err))?;
        if current != file.text.as_bytes() {
            drift.push(Drift::Changed(file.path.clone()));
        }
    }
    drift.extend(on_disk.into_iter().map(Drift::Extra));
    Ok(drift)
}
