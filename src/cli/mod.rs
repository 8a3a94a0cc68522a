//! Command-line definitions: one file per subcommand.

mod build;
mod check;
mod danish_words;
mod eval;
mod new;
mod restore;
mod review;
mod search;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Praksisbasen: Danish practice examples → Zola pages → tantivy index → static site.
#[derive(Parser, Debug)]
#[command(name = "praksis", version, about)]
pub struct Cli {
    /// Project folder (holds sources/, content/, config.toml …).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build everything: sources/ → content/ → search-index/ → the site.
    Build(build::BuildArgs),
    /// Build, then serve the site on 127.0.0.1 for a local look.
    Serve(serve::ServeArgs),
    /// Search the index with the engine the browser runs.
    Search(search::SearchArgs),
    /// Regenerate content/ in memory and fail if the committed files differ.
    Check,
    /// Start a new example page, or see what a report source looks like.
    New(new::NewArgs),
    /// List the machine's tag proposals no editor has accepted or rejected.
    Review(review::ReviewArgs),
    /// Replace pages edited by hand with what the sources give.
    Restore(restore::RestoreArgs),
    /// Score the ranking on the judged queries in curation/queries.tsv.
    Eval(eval::EvalArgs),
    /// Write curation/danish-near-words.txt from the Danish dictionary: the
    /// real words near the pages' words, which search does not read as slips.
    DanishWords(danish_words::DanishWordsArgs),
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let project = praksis::pipeline::Project::new(cli.root);
    match cli.command {
        Command::Build(args) => build::run(&project, &args),
        Command::Serve(args) => serve::run(&project, &args),
        Command::Search(args) => search::run(&project, &args),
        Command::Check => check::run(&project),
        Command::Eval(args) => eval::run(&project, &args),
        Command::DanishWords(args) => danish_words::run(&project, &args),
        Command::New(args) => new::run(&project, &args),
        Command::Review(args) => review::run(&project, &args),
        Command::Restore(args) => restore::run(&project, &args),
    }
}
