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
    let _ = writeln!(
        out,
        "\n## Valg mellem to udtræk\n\nHvor to udtræk af samme dokument staver forskelligt, publiceres det kendte danske ord: {} steder, heraf {} fra det andet udtræk.\n",
        ingested.choices.len(),
        taken
    );
    out.push_str("| Fil | Linje | Publiceret udtræk | Andet udtræk | Valgt | Grund |\n|---|---|---|---|---|---|\n");
    for choice in &ingested.choices {
        let chosen = if choice.took_other {
            &choice.other
        } else {
            &choice.published
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} ({}) | {} | {} |",
            choice.file,
            choice.line,
            choice.published,
            choice.other,
            choice.other_file,
            chosen,
            choice.reason.replace('|', "\\|")
        );
    }
}

fn render_shapes(shapes: &[ShapeWarning], out: &mut String) {
    let open = shapes.iter().filter(|s| s.accepted.is_none()).count();
    let _ = writeln!(
        out,
        "\n## Mistænkelige former\n\n{} advarsler, {} godkendt i `curation/shapes.toml`.\n",
        open,
        shapes.len() - open
    );
    out.push_str("| Fil | Linje | Form | Side | Tekst | Godkendt |\n|---|---|---|---|---|---|\n");
    for shape in shapes {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            shape.file,
            shape.line,
            shape.shape.describe(),
            shape.page,
            shape.excerpt.replace('|', "\\|"),
            shape.accepted.as_deref().unwrap_or("").replace('|', "\\|")
        );
    }
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
    let _ = writeln!(
        out,
        "\n## Udeladt tekst\n\n{} linjer er ikke publiceret, i {} sammenhængende stykker.\n",
        dropped.len(),
        ranges(dropped).len()
    );
    out.push_str("| Fil | Linjer | Grund | Tekst |\n|---|---|---|---|\n");
    for range in ranges(dropped) {
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
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            first.file,
            lines,
            first.reason.describe(),
            excerpt.replace('|', "\\|")
        );
    }
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

fn render_gaps(ingested: &Ingested, out: &mut String) {
    let _ = writeln!(
        out,
        "\n## Tabt tekst\n\nTekst som kilden har mistet, markeret med {} på siden (curation/repairs.toml): {} steder.\n",
        crate::ingest::GAP_MARK,
        ingested.gaps.len()
    );
    out.push_str("| Fil | Linje | Efter | Hvorfor |\n|---|---|---|---|\n");
    for gap in &ingested.gaps {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            gap.file,
            gap.line,
            gap.after.replace('|', "\\|"),
            gap.reason.replace('|', "\\|")
        );
    }
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
