use std::process::ExitCode;

use praksis::pipeline::{self, Project};

pub fn run(project: &Project) -> anyhow::Result<ExitCode> {
    let report = pipeline::check(project)?;
    eprintln!("{}", report.coverage);
    if !report.coverage.passes() {
        eprintln!("praksis: too few source words are published or reported as dropped");
    }
    for kept in &report.kept {
        eprintln!("{kept}");
    }
    for shape in report.shapes.iter().filter(|s| s.accepted.is_none()) {
        eprintln!("{shape}");
    }
    let open = report
        .shapes
        .iter()
        .filter(|s| s.accepted.is_none())
        .count();
    if open > 0 {
        eprintln!("praksis: {open} suspicious shapes (accept each in curation/shapes.toml with a reason, or fix ingestion)");
    } else {
        eprintln!(
            "no suspicious shapes ({} accepted in curation/shapes.toml)",
            report.shapes.len()
        );
    }
    for finding in &report.findings {
        eprintln!("{finding}");
    }
    if report.drift.is_empty() {
        eprintln!("content/ matches the sources");
    } else {
        for item in &report.drift {
            eprintln!("{item}");
        }
        eprintln!(
            "praksis: content/ is out of date in {} files; run `praksis build`",
            report.drift.len()
        );
    }
    Ok(if report.passes() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
