//! The build report: how much of the sources is accounted for, what was
//! dropped and why, and which words were repaired. Written next to the site
//! (not into it), so nothing disappears unnoticed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::coverage::Coverage;
use super::shapes::ShapeWarning;
use crate::error::Error;
use crate::ingest::{Dropped, Ingested};

/// Characters of dropped text shown per range.
const EXCERPT_CHARS: usize = 80;

pub fn render(ingested: &Ingested, coverage: &Coverage, shapes: &[ShapeWarning]) -> String {
    let mut out = String::from("# Byggerapport\n\n");
    render_coverage(coverage, &mut out);
    render_dropped(&ingested.dropped, &mut out);
    render_repairs(ingested, &mut out);
    render_gaps(ingested, &mut out);
    render_choices(ingested, &mut out);
    render_shapes(shapes, &mut out);
    out
}

fn render_choices(ingested: &Ingested, out: &mut String) {
    let taken = ingested.choices.iter().filter(|c| c.took_other).count();
    let intro = format!(
        "Valg mellem to udtræk\n\nHvor to udtræk af samme dokument staver forskelligt, publiceres det kendte danske ord: {} steder, heraf {} fra det andet udtræk.",
        ingested.choices.len(),
        taken
    );
    let rows = ingested.choices.iter().map(|choice| {
        let chosen = if choice.took_other {
            &choice.other
        } else {
            &choice.published
        };
        vec![
            choice.file.to_string(),
            choice.line.to_string(),
            choice.published.to_string(),
            format!("{} ({})", choice.other, choice.other_file),
            chosen.to_string(),
            choice.reason.to_string(),
        ]
    });
    let header = [
        "Fil",
        "Linje",
        "Publiceret udtræk",
        "Andet udtræk",
        "Valgt",
        "Grund",
    ];
    write_table(out, &intro, &header, rows);
}

fn render_shapes(shapes: &[ShapeWarning], out: &mut String) {
    let open = shapes.iter().filter(|s| s.accepted.is_none()).count();
    let intro = format!(
        "Mistænkelige former\n\n{} advarsler, {} godkendt i `curation/shapes.toml`.",
        open,
        shapes.len() - open
    );
    let rows = shapes.iter().map(|shape| {
        vec![
            shape.file.to_string(),
            shape.line.to_string(),
            shape.shape.describe().to_string(),
            shape.page.to_string(),
            shape.excerpt.to_string(),
            shape.accepted.clone().unwrap_or_default(),
        ]
    });
    write_table(
        out,
        &intro,
        &["Fil", "Linje", "Form", "Side", "Tekst", "Godkendt"],
        rows,
    );
}

fn render_coverage(coverage: &Coverage, out: &mut String) {
    let _ = writeln!(
        out,
        "## Dækning\n\n{:.2} % af kildernes {} ord er publiceret, udeladt med en grund herunder eller repareret.\n",
        coverage.ratio() * 100.0,
        coverage.words()
    );
    out.push_str(
        "| Fil | Ord | Publiceret | Udeladt | Repareret | Mangler |\n|---|---|---|---|---|---|\n",
    );
    for file in &coverage.files {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            file.file,
            file.words,
            file.published,
            file.dropped,
            file.repaired,
            file.missing.len()
        );
    }
    let missing: Vec<String> = coverage
        .files
        .iter()
        .flat_map(|f| {
            f.missing
                .iter()
                .map(move |(line, word)| format!("{}:{line} {word}", f.file))
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(
            out,
            "\nOrd der hverken er publiceret eller udeladt: {}",
            missing.join(", ")
        );
    }
}

/// Consecutive dropped lines of one file with one reason form one range.
fn ranges(dropped: &[Dropped]) -> Vec<&[Dropped]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=dropped.len() {
        let breaks = i == dropped.len() || {
            let (a, b) = (&dropped[i - 1], &dropped[i]);
            a.file != b.file || a.reason != b.reason
        };
        if breaks {
            out.push(&dropped[start..i]);
            start = i;
        }
    }
    out
}

fn render_dropped(dropped: &[Dropped], out: &mut String) {
    let intro = format!(
        "Udeladt tekst\n\n{} linjer er ikke publiceret, i {} sammenhængende stykker.",
        dropped.len(),
        ranges(dropped).len()
    );
    let rows = ranges(dropped).into_iter().map(|range| {
        let (first, last) = (&range[0], &range[range.len() - 1]);
        let lines = if range.len() == 1 {
            first.line.to_string()
        } else {
            format!("{}–{} ({} linjer)", first.line, last.line, range.len())
        };
        let text: String = range
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        let mut excerpt: String = text.chars().take(EXCERPT_CHARS).collect();
        if text.chars().count() > EXCERPT_CHARS {
            excerpt.push('…');
        }
        vec![
            first.file.to_string(),
            lines,
            first.reason.describe().to_string(),
            excerpt,
        ]
    });
    write_table(out, &intro, &["Fil", "Linjer", "Grund", "Tekst"], rows);
}

/// "## <intro>" (its first line is the heading, the rest the text), then a
/// Markdown table; `|` in a cell is escaped so it cannot split the row.
fn write_table(
    out: &mut String,
    intro: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) {
    let _ = writeln!(out, "\n## {intro}\n");
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|cell| cell.replace('|', "\\|")).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

fn render_repairs(ingested: &Ingested, out: &mut String) {
    let intro = format!(
        "Reparerede ord\n\nTekst der har mistet æ, ø og å: {} ord er repareret.",
        ingested.repairs.len()
    );
    let rows = ingested.repairs.iter().map(|repair| {
        vec![
            repair.file.to_string(),
            repair.line.to_string(),
            repair.from.to_string(),
            repair.to.to_string(),
        ]
    });
    write_table(out, &intro, &["Fil", "Linje", "Før", "Efter"], rows);
}

fn render_gaps(ingested: &Ingested, out: &mut String) {
    let intro = format!(
        "Tabt tekst\n\nTekst som kilden har mistet, markeret med {} på siden (curation/repairs.toml): {} steder.",
        crate::ingest::GAP_MARK,
        ingested.gaps.len()
    );
    let rows = ingested.gaps.iter().map(|gap| {
        vec![
            gap.file.to_string(),
            gap.line.to_string(),
            gap.after.to_string(),
            gap.reason.to_string(),
        ]
    });
    write_table(out, &intro, &["Fil", "Linje", "Efter", "Hvorfor"], rows);
}

/// Writes `build-report.md` in the folder that holds `output`.
pub fn write_beside(
    output: &Path,
    ingested: &Ingested,
    coverage: &Coverage,
    shapes: &[ShapeWarning],
) -> Result<PathBuf, Error> {
    let path = output.with_file_name("build-report.md");
    std::fs::write(&path, render(ingested, coverage, shapes))
        .map_err(|err| Error::io(&path, err))?;
    Ok(path)
}
