use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use praksis::pipeline::{self, Project};
use praksis_search::{Filters, Rewrite, RewriteKind};

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
    /// Only pages with this taxonomy term, e.g. `kildetype=Praksiseksempel`
    /// (repeat it; terms of one taxonomy are alternatives unless --every-term).
    #[arg(long = "filter", value_name = "TAXONOMY=TERM", value_parser = parse_filter)]
    pub filters: Vec<(String, String)>,
    /// Only pages placed on the continuum within LOW..HIGH, e.g. `0..0.5`.
    #[arg(long, value_name = "LOW..HIGH", value_parser = parse_range)]
    pub continuum: Option<(f64, f64)>,
    /// Only the words typed and their inflections: no synonyms, spelling
    /// suggestions, compound parts or completions.
    #[arg(long)]
    pub literal: bool,
    /// Every --filter term of a taxonomy must hold, not one of them.
    #[arg(long)]
    pub every_term: bool,
    /// Instead of results, print why the page at URL (e.g.
    /// `eksempler/projekt-foeniks/`) scores what it does, as JSON.
    #[arg(long, value_name = "URL")]
    pub explain: Option<String>,
}

fn parse_filter(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(name, term)| (name.to_string(), term.to_string()))
        .ok_or_else(|| format!("{text:?} is not TAXONOMY=TERM"))
}

fn parse_range(text: &str) -> Result<(f64, f64), String> {
    let (low, high) = text
        .split_once("..")
        .ok_or_else(|| format!("{text:?} is not LOW..HIGH"))?;
    let number = |n: &str| n.trim().parse::<f64>().map_err(|e| format!("{n:?}: {e}"));
    Ok((number(low)?, number(high)?))
}

pub fn run(project: &Project, args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let engine = pipeline::open_engine(&project.search_index())?;
    let mut filters = Filters {
        continuum: args.continuum,
        literal: args.literal,
        every_term: args.every_term,
        ..Filters::default()
    };
    for (taxonomy, term) in &args.filters {
        filters
            .terms
            .entry(taxonomy.clone())
            .or_default()
            .push(term.clone());
    }
    if let Some(url) = &args.explain {
        let explanation = engine.explain(&args.query, url)?.ok_or_else(|| {
            anyhow::anyhow!("{url} is not in the index, or the query has no words")
        })?;
        return print(&(explanation + "\n"));
    }
    let results = engine.search_filtered(&args.query, args.limit, &filters)?;
    let mut text = String::new();
    if args.json {
        text = serde_json::to_string_pretty(&results)? + "\n";
    } else if results.hits.is_empty() {
        text = format!("Ingen resultater for »{}«\n", args.query);
    }
    if !args.json {
        for (rank, hit) in results.hits.iter().enumerate() {
            text += &format!(
                "{:>2}. {}  ({})  [{:.2}]{}\n",
                rank + 1,
                hit.title,
                hit.url,
                hit.score,
                match (hit.judged, hit.wider) {
                    (true, _) => "  (fundet af læsere)",
                    (_, true) => "  (fundet bredere)",
                    _ => "",
                }
            );
        }
        for rewrite in &results.rewrites {
            text += &rewrite_line(rewrite);
        }
    }
    print(&text)
}

/// How the search widened a word, as the site's note says it: what kind of
/// widening, the word typed, and what was searched besides or instead.
fn rewrite_line(rewrite: &Rewrite) -> String {
    let kind = match rewrite.kind {
        RewriteKind::Synonym => "synonym",
        RewriteKind::Spelling => "stavning",
        RewriteKind::Compound => "dele af ordet",
        RewriteKind::Joined => "samlet til ét ord",
        RewriteKind::Prefix => "ord der begynder sådan",
        RewriteKind::Related => "beslægtede ord (ikke søgt)",
        RewriteKind::Scaffolding => "spørgeord søgt med",
        RewriteKind::Age => "alder i forløbene",
        RewriteKind::Inflection => "andre bøjninger",
    };
    let how = if rewrite.instead { "i stedet" } else { "også" };
    format!(
        "    {kind}: »{}« → {how} {}\n",
        rewrite.typed,
        rewrite.also.join(", ")
    )
}

fn print(text: &str) -> anyhow::Result<ExitCode> {
    // A reader that stops early (`| head`) is not an error.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
