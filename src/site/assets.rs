//! Copies static files: the theme's `static/`, then the site's `static/`
//! (which links `search-index/` and holds the built WebAssembly in `pkg/`).

use std::path::Path;

use super::config::SiteConfig;
use crate::error::Error;

pub fn copy_static(root: &Path, config: &SiteConfig, out: &Path) -> Result<(), Error> {
    let mut dirs = Vec::new();
    if let Some(theme) = &config.theme {
        dirs.push(root.join("themes").join(theme).join("static"));
    }
    dirs.push(root.join("static"));
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        copy_tree(dir, out)?;
    }
    Ok(())
}

/// Copies `from` into `to`, following links as Zola does for `static/`.
fn copy_tree(from: &Path, to: &Path) -> Result<(), Error> {
    for entry in walkdir::WalkDir::new(from)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|err| crate::files::walk_error(from, err))?;
        let relative = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).map_err(|err| Error::io(&target, err))?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|err| Error::io(entry.path(), err))?;
        }
    }
    Ok(())
}
