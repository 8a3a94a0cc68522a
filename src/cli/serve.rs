use std::net::TcpListener;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use praksis::pipeline::{self, Project};

use super::build::resolve_output;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Port on 127.0.0.1.
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    #[arg(long, short, default_value = "public")]
    pub output: std::path::PathBuf,
}

pub fn run(project: &Project, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let output = resolve_output(project, &args.output);
    let options = pipeline::BuildOptions {
        base_url: Some("/"),
        keep_content: false,
    };
    pipeline::build(project, &output, options)?;
    let address = format!("127.0.0.1:{}", args.port);
    let listener =
        TcpListener::bind(&address).with_context(|| format!("cannot listen on {address}"))?;
    eprintln!(
        "serving {} on http://{address}/ (Ctrl-C stops)",
        output.display()
    );
    praksis::tools::serve::serve(&output, listener)?;
    Ok(ExitCode::SUCCESS)
}
