//! Zola's `load_data(path=…)` for local JSON and TOML files: how the theme
//! reads data the content stage cannot put in front matter (similar
//! examples come from the index, built after `content/`).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

/// Zola looks at the path from the site root, then under `static/`,
/// `content/` and the theme's `static/`.
fn find(root: &Path, theme: Option<&str>, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path.trim_start_matches('/'));
    // A template must not read outside the project.
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut dirs = vec![
        root.to_path_buf(),
        root.join("static"),
        root.join("content"),
    ];
    if let Some(theme) = theme {
        dirs.push(root.join("themes").join(theme).join("static"));
    }
    dirs.into_iter()
        .map(|dir| dir.join(relative))
        .find(|candidate| candidate.is_file())
}

pub fn load_data(
    root: &Path,
    theme: Option<&str>,
    args: &HashMap<String, Value>,
) -> tera::Result<Value> {
    let path = args
        .get("path")
        .and_then(Value::as_str)
        .ok_or_else(|| tera::Error::msg("load_data: missing string argument `path`"))?;
    let required = args
        .get("required")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let Some(file) = find(root, theme, path) else {
        if required {
            return Err(tera::Error::msg(format!("load_data: no file at {path}")));
        }
        return Ok(Value::Null);
    };
    let text = std::fs::read_to_string(&file)
        .map_err(|err| tera::Error::msg(format!("load_data: {}: {err}", file.display())))?;
    let format = args
        .get("format")
        .and_then(Value::as_str)
        .or_else(|| file.extension().and_then(|e| e.to_str()))
        .unwrap_or("plain");
    let fail = |err: String| tera::Error::msg(format!("load_data: {}: {err}", file.display()));
    match format {
        "json" => serde_json::from_str(&text).map_err(|err| fail(err.to_string())),
        "toml" => toml::from_str::<toml::Value>(&text)
            .map_err(|err| fail(err.to_string()))
            .and_then(|value| serde_json::to_value(value).map_err(|err| fail(err.to_string()))),
        "plain" => Ok(Value::String(text)),
        other => Err(fail(format!(
            "format {other} is not supported here (json, toml, plain)"
        ))),
    }
}
