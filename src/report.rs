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
    render_repairs(ingested, &mut out);
    out
}

fn render_repairs(ingested: &Ingested, out: &mut String) {
    let _ = writeln!(
        out,
        "\n## Reparerede ord\n\nTekst der har mistet æ, ø og å: {} ord er repareret.\n",
        ingested.repairs.len()
    );
    out.push_str("| Fil | Linje | Før | Efter |\n|---|---|---|---|\n");
    for repair in &ingested.repairs {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            repair.file, repair.line, repair.from, repair.to
        );
    }
}

/// Writes `build-report.md` in the folder that holds `output`.
pub fn write_beside(output: &Path, ingested: &Ingested) -> Result<PathBuf, InputError> {
    let path = output.with_file_name("build-report.md");
    std::fs::write(&path, render(ingested)).map_err(|err| InputError::io(&path, err))?;
    Ok(path)
}
