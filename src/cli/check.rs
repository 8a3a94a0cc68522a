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
