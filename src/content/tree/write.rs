//! Writing the content tree without losing what a person wrote, and comparing
//! it with what is on disk.
//!
//! The build owns only the files it generated and nobody changed since (see
//! [`crate::content::provenance`]). It writes those, each atomically (a file beside it,
//! then a rename), and deletes those it no longer generates. A page a person
//! added, and a generated page a person edited, stay as they are: the edited
//! page is an editorial override, reported by every build and by
//! `praksis check` until `praksis restore` hands it back to the build.

use std::collections::BTreeMap;
use std::path::Path;

use crate::content::provenance::{self, Provenance};
use crate::error::Error;

#[derive(Clone, Debug, PartialEq)]
pub struct ContentFile {
    /// Path relative to `content/`, with `/` separators.
    pub path: String,
    /// The text with its `generated` marker.
    pub text: String,
}

/// How the committed tree differs from the generated one.
#[derive(Clone, Debug, PartialEq)]
pub enum Drift {
    /// A file the build generated, unedited, that the sources now give otherwise.
    Changed(String),
    Missing(String),
    /// A generated file, unedited, that the sources no longer give.
    Stale(String),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Changed(p) => write!(f, "content/{p}: differs from what the sources give"),
            Drift::Missing(p) => write!(f, "content/{p}: missing"),
            Drift::Stale(p) => write!(f, "content/{p}: generated, but no source gives it any more"),
        }
    }
}

/// A file a person wrote or edited, which the build keeps as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub path: String,
    pub provenance: Provenance,
    /// The build generates a page at the same path (which the kept file overrides).
    pub overrides_generated: bool,
}

impl std::fmt::Display for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = &self.path;
        match (self.provenance, self.overrides_generated) {
            (Provenance::Edited, true) => write!(
                f,
                "content/{path}: edited by hand since it was generated; kept as an editorial \
                 override (`praksis restore content/{path}` gives it back to the build)"
            ),
            (Provenance::Edited, false) => write!(
                f,
                "content/{path}: edited by hand; no source gives it any more, so it is kept as a \
                 hand-written page"
            ),
            (_, true) => write!(
                f,
                "content/{path}: written by hand where the build generates a page; yours is kept \
                 and published (`praksis restore content/{path}` replaces it with the generated one)"
            ),
            (_, false) => write!(f, "content/{path}: hand-written, kept"),
        }
    }
}

/// What [`update`] did, or [`plan`] would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContentPlan {
    /// Generated files to write (new or changed).
    pub write: Vec<ContentFile>,
    /// Generated files, unedited, that no source gives any more.
    pub remove: Vec<String>,
    /// Files a person wrote or edited, left as they are.
    pub kept: Vec<Kept>,
    /// Generated files already on disk exactly as generated.
    pub unchanged: usize,
}

impl ContentPlan {
    pub fn overrides(&self) -> impl Iterator<Item = &Kept> {
        self.kept.iter().filter(|k| k.overrides_generated)
    }
}

/// Every file under `dir` as (relative path, bytes); none if it does not exist.
fn on_disk(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, Error> {
    if !dir.exists() {
        return Ok(BTreeMap::new());
    }
    crate::files::files_under(dir)?
        .into_iter()
        .map(|(relative, path)| {
            let bytes = std::fs::read(&path).map_err(|err| Error::io(&path, err))?;
            Ok((relative, bytes))
        })
        .collect()
}

/// Who wrote a file on disk; `generated` is what the build would write there.
/// A file without a marker that is exactly what the build generates (less the
/// marker) is the build's too: content written before pages carried markers.
fn owner(bytes: &[u8], generated: Option<&ContentFile>) -> Provenance {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Provenance::HandWritten;
    };
    match provenance::provenance(text) {
        Provenance::HandWritten
            if generated
                .and_then(|g| provenance::without_marker(&g.text))
                .is_some_and(|unmarked| unmarked == text) =>
        {
            Provenance::Generated
        }
        other => other,
    }
}

/// What writing `files` into `dir` does, without doing it.
pub fn plan(dir: &Path, files: &[ContentFile]) -> Result<ContentPlan, Error> {
    let mut existing = on_disk(dir)?;
    let mut plan = ContentPlan::default();
    // What a write stopped half way left behind is the build's, by its name.
    plan.remove.extend(
        existing
            .keys()
            .filter(|path| is_partial(path))
            .cloned()
            .collect::<Vec<_>>(),
    );
    existing.retain(|path, _| !is_partial(path));
    for file in files {
        match existing.remove(&file.path) {
            None => plan.write.push(file.clone()),
            Some(bytes) => match owner(&bytes, Some(file)) {
                Provenance::Generated if bytes == file.text.as_bytes() => plan.unchanged += 1,
                Provenance::Generated => plan.write.push(file.clone()),
                provenance => plan.kept.push(Kept {
                    path: file.path.clone(),
                    provenance,
                    overrides_generated: true,
                }),
            },
        }
    }
    for (path, bytes) in existing {
        match owner(&bytes, None) {
            Provenance::Generated => plan.remove.push(path),
            provenance => plan.kept.push(Kept {
                path,
                provenance,
                overrides_generated: false,
            }),
        }
    }
    plan.kept.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(plan)
}

/// Brings `dir` up to date with `files`, never touching a file a person
/// wrote or edited. Each file is replaced atomically; a build stopped half
/// way leaves only generated files to finish, which the next build does.
pub fn update(dir: &Path, files: &[ContentFile]) -> Result<ContentPlan, Error> {
    let plan = plan(dir, files)?;
    for file in &plan.write {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
        }
        ensure_still_ours(&path, Some(file))?;
        crate::files::write_atomically(&path, file.text.as_bytes())?;
    }
    for relative in &plan.remove {
        let path = dir.join(relative);
        if !is_partial(relative) {
            ensure_still_ours(&path, None)?;
        }
        std::fs::remove_file(&path).map_err(|err| Error::io(&path, err))?;
        remove_empty_parents(dir, &path);
    }
    Ok(plan)
}

fn is_partial(relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    name.starts_with('.') && name.ends_with(crate::files::PARTIAL_SUFFIX)
}

/// Refuses to replace a file someone edited while the build ran.
fn ensure_still_ours(path: &Path, generated: Option<&ContentFile>) -> Result<(), Error> {
    match std::fs::read(path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::io(path, err)),
        Ok(bytes) if owner(&bytes, generated).is_pristine() => Ok(()),
        Ok(_) => Err(Error::file(
            &path.display().to_string(),
            "was edited while the build ran; it is left as it is: run `praksis build` again",
        )),
    }
}

fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(current) = dir.filter(|d| *d != root && d.starts_with(root)) {
        // Fails, and so stops, at the first folder that still holds something.
        if std::fs::remove_dir(current).is_err() {
            break;
        }
        dir = current.parent();
    }
}

/// Every file the sources give that is missing, or generated and out of date,
/// sorted by path; and the files people wrote or edited, which are kept.
pub fn check(dir: &Path, files: &[ContentFile]) -> Result<(Vec<Drift>, Vec<Kept>), Error> {
    let plan = plan(dir, files)?;
    let mut drift: Vec<Drift> = plan
        .write
        .iter()
        .map(|file| {
            if dir.join(&file.path).exists() {
                Drift::Changed(file.path.clone())
            } else {
                Drift::Missing(file.path.clone())
            }
        })
        .chain(plan.remove.iter().cloned().map(Drift::Stale))
        .collect();
    drift.sort_by(|a, b| drift_path(a).cmp(drift_path(b)));
    Ok((drift, plan.kept))
}

fn drift_path(drift: &Drift) -> &str {
    match drift {
        Drift::Changed(p) | Drift::Missing(p) | Drift::Stale(p) => p,
    }
}
