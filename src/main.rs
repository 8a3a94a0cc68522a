//! `praksis`: the command-line front of the pipeline. Each subcommand lives in
//! `cli/` and only wires flags to library calls.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("praksis: {err:#}");
            ExitCode::FAILURE
        }
    }
}
