//! The build report: what was dropped from the sources and why, written next
//! to the site (not into it), so nothing disappears unnoticed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::InputError;
use crate::ingest::Ingested;

pub fn render(ingested: &Ingested) -> String {
    let mut out = String::from("# Byggerapport: tekst der ikke er publiceret\n\n");
    let _ = writeln!(out, "{} linjer er udeladt.\n", ingested.dropped.len());
    out.push_str("| Fil | Linje | Grund | Tekst |\n|---|---|---|---|\n");
    for dropped in &ingested.dropped {
        let text: String = dropped
            .text
            .chars()
            .take(80)
            .collect::<String>()
            .replace('|', "\\|");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            dropped.file,
            dropped.line,
            dropped.reason.describe(),
            text
        );
    }
    out
}

/// Writes `build-report.md` in the folder that holds `output`.
pub fn write_beside(output: &Path, ingested: &Ingested) -> Result<PathBuf, InputError> {
    let path = output.with_file_name("build-report.md");
    std::fs::write(&path, render(ingested)).map_err(|err| InputError::io(&path, err))?;
    Ok(path)
}
