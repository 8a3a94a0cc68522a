use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use praksis::pipeline::{self, Project};

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// What to search for, as a reader would type it.
    pub query: String,
    /// Print the results as JSON (the browser engine's format).
    #[arg(long)]
    pub json: bool,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

pub fn run(project: &Project, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let engine = pipeline::open_engine(&project.search_index())?;
    let results = engine.search(&args.query, args.limit)?;
    let mut text = String::new();
    if args.json {
        text = serde_json::to_string_pretty(&results)? + "\n";
    } else if results.hits.is_empty() {
        text = format!("Ingen resultater for »{}«\n", args.query);
    }
    if !args.json {
        for (rank, hit) in results.hits.iter().enumerate() {
            text += &format!(
                "{:>2}. {}  ({})  [{:.2}]\n",
                rank + 1,
                hit.title,
                hit.url,
                hit.score
            );
        }
    }
    // A reader that stops early (`| head`) is not an error.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
