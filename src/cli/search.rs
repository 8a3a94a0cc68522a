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
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(ExitCode::SUCCESS);
    }
    if results.hits.is_empty() {
        println!("Ingen resultater for »{}«", args.query);
    }
    for (rank, hit) in results.hits.iter().enumerate() {
        println!("{:>2}. {}  ({})  [{:.2}]", rank + 1, hit.title, hit.url, hit.score);
    }
    Ok(ExitCode::SUCCESS)
}
