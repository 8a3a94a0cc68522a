use std::process::ExitCode;

use clap::Args;
use praksis::eval::{self, Evaluation, FLOOR_FILE, QUERIES_FILE};
use praksis::pipeline::{self, Project};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Print every query's scores and ranking as JSON.
    #[arg(long)]
    pub json: bool,
    /// Fail if nDCG@10 falls below the floor in curation/eval.toml, if a
    /// judged page is not in the index, or if a judged query finds nothing.
    #[arg(long)]
    pub check: bool,
}

pub fn run(project: &Project, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let queries = eval::read_queries(&project.curation().join(QUERIES_FILE))?;
    let engine = pipeline::open_engine(&project.search_index())?;
    let known = engine.urls();
    for query in &queries {
        if let Some(page) = query.grades.keys().find(|page| !known.contains(*page)) {
            anyhow::bail!(
                "{}:{}: judged page {page} is not in the index",
                project.curation().join(QUERIES_FILE).display(),
                query.line
            );
        }
    }
    let evaluation = Evaluation::run("praksisbasen", &queries, |text| {
        engine
            .search(text, eval::DEPTH)
            .map(|results| results.hits.into_iter().map(|hit| hit.url).collect())
            .unwrap_or_default()
    });
    if args.json {
        println!("{}", serde_json::to_string_pretty(&evaluation)?);
    } else {
        println!("{evaluation}");
    }
    if !args.check {
        return Ok(ExitCode::SUCCESS);
    }
    let floor = eval::read_floor(&project.curation().join(FLOOR_FILE))?;
    let ndcg = evaluation.overall().ndcg;
    let empty = evaluation.without_results();
    if ndcg < floor.min_ndcg || !empty.is_empty() {
        eprintln!(
            "praksis: nDCG@10 {ndcg:.3} (floor {:.3}); queries without results: {empty:?}",
            floor.min_ndcg
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
