//! The `config.toml` settings where `praksis build` follows Zola 0.22, and
//! the ones it does not implement: those stop the build, naming the line,
//! rather than giving a site that `zola build` would render differently.

use crate::error::Error;

use super::markdown::MarkdownOptions;

/// Settings Zola has that this renderer does not follow, with the value
/// that is fine (Zola's default, which the renderer does follow).
const UNSUPPORTED: [(&str, &str, &str); 12] = [
    ("slugify", "paths", "\"on\""),
    ("slugify", "taxonomies", "\"on\""),
    ("slugify", "anchors", "\"on\""),
    ("markdown", "bottom_footnotes", "false"),
    ("markdown", "insert_anchor_links", "\"none\""),
    ("markdown", "external_links_target_blank", "false"),
    ("markdown", "external_links_no_follow", "false"),
    ("markdown", "external_links_no_referrer", "false"),
    ("markdown", "render_emoji", "false"),
    ("markdown", "github_alerts", "false"),
    ("markdown", "lazy_async_image", "false"),
    ("", "minify_html", "false"),
];

/// Tables Zola reads that this renderer has no counterpart for.
const UNSUPPORTED_TABLES: [(&str, &str); 2] = [("markdown", "highlighting"), ("", "languages")];

fn table<'a>(raw: &'a toml::Table, name: &str) -> Option<&'a toml::Table> {
    if name.is_empty() {
        Some(raw)
    } else {
        raw.get(name).and_then(toml::Value::as_table)
    }
}

/// The line of `text` that sets `key` in `[section]` ("" for the top
/// level), for the error's line number; else the first line naming `key`.
fn line_of(text: &str, section: &str, key: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim_start).collect();
    let sets_key = |line: &&str| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    };
    let in_table = |start: usize| {
        lines[start..]
            .iter()
            .take_while(|line| !line.starts_with('['))
            .position(sets_key)
            .map(|i| start + i)
    };
    let found = if section.is_empty() {
        in_table(0)
    } else {
        let dotted = format!("[{section}.{key}]");
        let header = format!("[{section}]");
        lines
            .iter()
            .position(|line| line.starts_with(&dotted))
            .or_else(|| {
                let at = lines.iter().position(|line| line.starts_with(&header))?;
                in_table(at + 1)
            })
    };
    found
        .or_else(|| lines.iter().position(|line| line.contains(key)))
        .map(|i| i + 1)
}

/// Fails on a setting this renderer would render differently from Zola.
pub fn check(file: &str, text: &str, raw: &toml::Table) -> Result<(), Error> {
    let fail = |section: &str, key: &str, message: String| match line_of(text, section, key) {
        Some(line) => Error::at(file, line, message),
        None => Error::file(file, message),
    };
    for (section, key, fine) in UNSUPPORTED {
        let Some(value) = table(raw, section).and_then(|t| t.get(key)) else {
            continue;
        };
        if value.to_string() != fine {
            let name = dotted(section, key);
            return Err(fail(
                section,
                key,
                format!("{name} = {value}: praksis build follows Zola's default here ({fine}) only, so the two builds would differ"),
            ));
        }
    }
    for (section, key) in UNSUPPORTED_TABLES {
        if table(raw, section).is_some_and(|t| t.contains_key(key)) {
            let name = dotted(section, key);
            return Err(fail(
                section,
                key,
                format!("{name}: praksis build has no counterpart, so the two builds would differ"),
            ));
        }
    }
    let paginated = raw
        .get("taxonomies")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .any(|taxonomy| taxonomy.get("paginate_by").is_some());
    if paginated {
        return Err(fail(
            "",
            "taxonomies",
            "taxonomies: paginate_by is not followed by praksis build, so the two builds would differ".into(),
        ));
    }
    Ok(())
}

/// The `[markdown]` switches both renderers follow.
pub fn markdown_options(raw: &toml::Table) -> MarkdownOptions {
    let switch = |key: &str| {
        table(raw, "markdown")
            .and_then(|t| t.get(key))
            .and_then(toml::Value::as_bool)
            .unwrap_or(false)
    };
    MarkdownOptions {
        smart_punctuation: switch("smart_punctuation"),
        definition_list: switch("definition_list"),
    }
}

/// "markdown.highlight_code", or "key" at the top level.
fn dotted(section: &str, key: &str) -> String {
    if section.is_empty() {
        key.to_string()
    } else {
        format!("{section}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(text: &str) -> Result<(), Error> {
        let raw: toml::Table = toml::from_str(text).expect("toml");
        check("config.toml", text, &raw)
    }

    #[test]
    fn zola_defaults_pass_and_other_settings_name_their_line() {
        assert!(
            checked("[markdown]\nbottom_footnotes = false\n[slugify]\npaths = \"on\"\n").is_ok()
        );
        let err = checked("taxonomies = []\n[slugify]\ntaxonomies = \"safe\"\n").expect_err("safe");
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("slugify.taxonomies"), "{err}");
        let err = checked("[markdown.highlighting]\ntheme = \"x\"\n").expect_err("highlighting");
        assert_eq!(err.line(), Some(1));
        let err =
            checked("taxonomies = [{ name = \"t\", paginate_by = 5 }]\n").expect_err("paginate");
        assert_eq!(err.line(), Some(1));
        let options = markdown_options(
            &toml::from_str("[markdown]\nsmart_punctuation = true\n").expect("toml"),
        );
        assert!(options.smart_punctuation && !options.definition_list);
    }
}
