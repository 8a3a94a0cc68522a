use std::process::ExitCode;

use praksis::pipeline::{self, Project};

pub fn run(project: &Project) -> anyhow::Result<ExitCode> {
    let drift = pipeline::check(project)?;
    if drift.is_empty() {
        eprintln!("content/ matches the sources");
        return Ok(ExitCode::SUCCESS);
    }
    for item in &drift {
        eprintln!("{item}");
    }
    eprintln!(
        "praksis: content/ is out of date in {} files; run `praksis build`",
        drift.len()
    );
    Ok(ExitCode::FAILURE)
}
