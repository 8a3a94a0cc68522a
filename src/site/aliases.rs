//! Zola's `aliases`: each old address a page or section lists gets a small
//! page that sends readers on to its permalink, rendered from the template
//! `internal/alias.html` (the theme's, else a plain one, as in Zola).

use crate::content::ContentTree;
use crate::error::Error;

pub const TEMPLATE: &str = "internal/alias.html";

/// Used when the theme has no `internal/alias.html`.
pub const BUILTIN: &str = "<!doctype html>\n<meta charset=\"utf-8\">\n<title>Redirect</title>\n\
<meta http-equiv=\"refresh\" content=\"0; url={{ url | safe }}\">\n\
<p><a href=\"{{ url | safe }}\">{{ url }}</a></p>\n";

/// The output file Zola writes `alias` to: the alias itself when it names an
/// `.html` file, else `index.html` in its folder.
pub fn output_file(alias: &str) -> Result<String, String> {
    let parts: Vec<&str> = alias.split('/').filter(|p| !p.is_empty()).collect();
    // An alias may not leave the site or overwrite its root.
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| *p == "." || *p == ".." || p.contains('\\'))
    {
        return Err(format!("alias {alias:?} is not an address inside the site"));
    }
    Ok(match parts.split_last() {
        Some((last, _)) if last.ends_with(".html") => parts.join("/"),
        _ => format!("{}/index.html", parts.join("/")),
    })
}

/// Every (alias file, content path) of the tree, checked.
pub fn all(tree: &ContentTree) -> Result<Vec<(String, String)>, Error> {
    let pages = tree
        .pages
        .iter()
        .map(|p| (&p.relative_path, &p.front.aliases));
    let sections = tree
        .sections
        .iter()
        .map(|s| (&s.relative_path, &s.front.aliases));
    let mut out = Vec::new();
    for (relative, aliases) in pages.chain(sections) {
        for alias in aliases {
            let file = output_file(alias)
                .map_err(|message| Error::file(&format!("content/{relative}"), message))?;
            out.push((file, relative.clone()));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::output_file;

    #[test]
    fn aliases_map_to_files_as_zola_writes_them() {
        assert_eq!(
            output_file("/gammel/side/").as_deref(),
            Ok("gammel/side/index.html")
        );
        assert_eq!(
            output_file("gammel/side").as_deref(),
            Ok("gammel/side/index.html")
        );
        assert_eq!(output_file("/gammel.html").as_deref(), Ok("gammel.html"));
        assert!(output_file("/../uden-for/").is_err());
        assert!(output_file("/").is_err());
    }
}
