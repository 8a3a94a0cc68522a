//! `praksis restore content/PATH…`: gives edited pages back to the build.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use praksis::pipeline::{self, Project};

#[derive(Args, Debug)]
pub struct RestoreArgs {
    /// Pages under content/ to replace with what the sources give (your
    /// edits to them are discarded; `git diff` shows them first).
    #[arg(required = true)]
    pub pages: Vec<PathBuf>,
}

pub fn run(project: &Project, args: &RestoreArgs) -> anyhow::Result<ExitCode> {
    for restored in pipeline::restore(project, &args.pages)? {
        eprintln!("content/{restored}: restored from the sources");
    }
    Ok(ExitCode::SUCCESS)
}
