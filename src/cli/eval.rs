use std::process::ExitCode;

use clap::Args;
use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context as _;
use praksis::content::ContentTree;
use praksis::error::Error;
use praksis::pipeline::{self, Project};
use praksis::tagging::TaggingCuration;
use praksis::tools::agreement;
use praksis::tools::eval::{
    self, Comparison, Evaluation, DEV2_FILE, DEV3_FILE, DEV_FILE, FLOOR_FILE, HELD_OUT_FILE,
    QUERIES_FILE,
};
use praksis::tools::unlearned::Unlearned;
use praksis::tools::{query_variants, tag_eval};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Print every query's scores and ranking as JSON.
    #[arg(long)]
    pub json: bool,
    /// Fail if nDCG@10 or MRR of a judged set (queries.tsv, queries-dev.tsv,
    /// queries-dev2.tsv, queries-dev3.tsv, queries-heldout.tsv) falls below its floor in curation/eval.toml, if a
    /// judged page is not in the index, or if a judged query finds nothing.
    #[arg(long)]
    pub check: bool,
    /// Write the indexed documents (url, title, keywords, body) as JSON to
    /// FILE, for ranking them with other tools (bench/eval/peers.mjs).
    #[arg(long, value_name = "FILE")]
    pub documents: Option<PathBuf>,
    /// Score the machine tagger (review decisions off) against
    /// curation/judged-tags.toml instead of the ranking: precision and recall
    /// per taxonomy and every disagreement; with --check, fail below the
    /// floors in curation/eval.toml.
    #[arg(long)]
    pub tags: bool,
    /// Also print the held-out set's details: each held-out query's scores,
    /// or with --tags the held-out pages' disagreements. Without it only the
    /// held-out totals are printed: reading the details while tuning makes
    /// the held-out figures a tuning figure.
    #[arg(long)]
    pub held_out: bool,
    /// Also score the rankings in FILE ({engine: {query: [page, …]}}) and
    /// print all engines side by side.
    #[arg(long, value_name = "FILE")]
    pub compare: Option<PathBuf>,
    /// A second judge's grades of the held-out queries (same format): print
    /// how far the two judges agree, each judge's order scored by the
    /// other's grades, beside the engine scored by each (per category).
    #[arg(long, value_name = "FILE")]
    pub second_judge: Option<PathBuf>,
    /// Instead of the sets, score copies of the queries tuned on asked
    /// otherwise beside the queries as written: misspelt (each query's
    /// longest word with one slip: a letter dropped, two swapped, one
    /// doubled, a neighbouring key, æ/ø/å as ae/oe/aa) and framed ("hvor kan
    /// jeg læse om …"); with --check, fail if the slips or the frames cost
    /// more nDCG@10 than `misspelt_max_loss` or `framed_max_loss` allow
    /// (curation/eval.toml).
    #[arg(long)]
    pub variants: bool,
}

/// The pages `engine` ranks first for `text`, as judged sets name them.
fn ranking(engine: &praksis_search::Engine, text: &str) -> Vec<String> {
    engine
        .search(text, eval::DEPTH)
        .map(|results| results.hits.into_iter().map(|hit| hit.url).collect())
        .unwrap_or_default()
}

pub fn run(project: &Project, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    if args.tags {
        return run_tags(project, args.check, args.held_out);
    }
    if let Some(file) = &args.documents {
        let tree = ContentTree::load(&project.content())?;
        let tagging = TaggingCuration::load(&project.curation())?;
        let documents = praksis::index::documents(&tree, &tagging.vocabularies);
        let json = serde_json::to_string(&documents)
            .expect("index documents are strings, numbers and lists");
        std::fs::write(file, json).map_err(|err| Error::io(file, err))?;
        eprintln!("wrote {}", file.display());
        return Ok(ExitCode::SUCCESS);
    }
    let engine = pipeline::open_engine(&project.search_index())?;
    let known = engine.urls();
    // A judged page the index does not hold is an error, except in a set
    // copied in unchanged (DEV3_FILE): there it is dropped, and listed.
    let read_path = |path: &std::path::Path| -> anyhow::Result<Vec<eval::JudgedQuery>> {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut queries = eval::read_queries(path)?;
        for query in &mut queries {
            let unknown: Vec<String> = query
                .grades
                .keys()
                .filter(|page| !known.contains(*page))
                .cloned()
                .collect();
            if let Some(page) = unknown.first().filter(|_| file != DEV3_FILE) {
                anyhow::bail!(
                    "{}:{}: judged page {page} is not in the index",
                    path.display(),
                    query.line
                );
            }
            for page in unknown {
                eprintln!(
                    "{}:{}: judged page {page} is not in the index; dropped",
                    path.display(),
                    query.line
                );
                query.grades.remove(&page);
            }
        }
        queries.retain(|query| !query.grades.is_empty());
        Ok(queries)
    };
    let read = |file: &str| read_path(&project.curation().join(file));
    let rank = |text: &str| ranking(&engine, text);
    let queries = read(QUERIES_FILE)?;
    let evaluation = Evaluation::run("praksisbasen", &queries, rank);
    // The other sets, when present: the development set (written blind, tuned
    // on) and the held-out set (written blind, never tuned on).
    let optional = |file: &str| -> anyhow::Result<Option<(Vec<eval::JudgedQuery>, Evaluation)>> {
        if !project.curation().join(file).exists() {
            return Ok(None);
        }
        let judged = read(file)?;
        let evaluation = Evaluation::run("praksisbasen", &judged, rank);
        Ok(Some((judged, evaluation)))
    };
    // The sets tuned on besides queries.tsv, printed in full; then the
    // held-out set, whose queries are printed only when asked.
    let mut tuned = Vec::new();
    for (file, name) in [
        (DEV_FILE, "Development queries"),
        (DEV2_FILE, "Second development queries"),
        (DEV3_FILE, "Third development queries"),
    ] {
        if let Some((judged, evaluation)) = optional(file)? {
            tuned.push((file, name, judged, evaluation));
        }
    }
    if args.variants {
        let judged: Vec<eval::JudgedQuery> = std::iter::once(&queries)
            .chain(tuned.iter().map(|(_, _, judged, _)| judged))
            .flatten()
            .cloned()
            .collect();
        let costs = query_variants::measure(query_variants::variant_queries(&judged), rank);
        println!(
            "Copies of the queries tuned on, asked otherwise (never of the held-out set):\n{}",
            query_variants::CostTable(&costs)
        );
        return check_variants(project, &costs, args.check);
    }
    let held_out = optional(HELD_OUT_FILE)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&evaluation)?);
    } else {
        println!("{evaluation}");
        for (file, name, _, evaluation) in &tuned {
            println!("\n{name} ({file}, written blind, tuned on):\n{evaluation}");
        }
        if let Some((_, held_out)) = &held_out {
            if args.held_out {
                println!("\nHeld-out queries ({HELD_OUT_FILE}, never tuned on):\n{held_out}");
            } else {
                println!(
                    "\nHeld-out queries ({HELD_OUT_FILE}, never tuned on; each query with --held-out):\n{}",
                    held_out.overall_line()
                );
            }
        }
    }
    if !args.json {
        // The published index learned from the tuned-on sets: their figures
        // above are what it learned. Each set again, on an index that did not.
        let unlearned = Unlearned::load(project)?;
        println!("\nEach set on an index that did not learn from its queries (nor any of the same text):");
        let sets = std::iter::once((QUERIES_FILE, &queries))
            .chain(tuned.iter().map(|(file, _, judged, _)| (*file, judged)))
            .chain(held_out.iter().map(|(judged, _)| (HELD_OUT_FILE, judged)));
        for (file, judged) in sets {
            let texts: Vec<String> = judged.iter().map(|q| q.query.clone()).collect();
            let engine = unlearned.engine_without(file, &texts)?;
            let scored = Evaluation::run(file, judged, |text| ranking(&engine, text));
            println!("{}", scored.overall_line());
        }
    }
    if let Some(file) = &args.compare {
        let peers: BTreeMap<String, BTreeMap<String, Vec<String>>> =
            serde_json::from_slice(&std::fs::read(file).map_err(|err| Error::io(file, err))?)
                .with_context(|| format!("{}: not rankings as JSON", file.display()))?;
        let side_by_side = |ours: &Evaluation, judged: &[eval::JudgedQuery]| {
            let mut all = vec![ours.clone()];
            for (name, rankings) in &peers {
                all.push(Evaluation::run(name, judged, |q| {
                    rankings.get(q).cloned().unwrap_or_default()
                }));
            }
            Comparison(&all).to_string()
        };
        println!("\n{}", side_by_side(&evaluation, &queries));
        for (_, name, judged, evaluation) in &tuned {
            println!(
                "\n{name} side by side:\n{}",
                side_by_side(evaluation, judged)
            );
        }
        if let Some((judged, held_out)) = &held_out {
            println!(
                "\nHeld-out queries side by side:\n{}",
                side_by_side(held_out, judged)
            );
        }
    }
    if let Some(file) = &args.second_judge {
        let Some((first, held_out)) = &held_out else {
            anyhow::bail!("--second-judge compares with {HELD_OUT_FILE}, which curation/ lacks");
        };
        let second = read_path(file)?;
        let mut engine_by_second = Evaluation::run("praksisbasen, 2nd judge", &second, rank);
        engine_by_second
            .results
            .retain(|r| first.iter().any(|q| q.query == r.query.query));
        let columns = [
            held_out.clone(),
            engine_by_second,
            agreement::judge_as_ranker("2nd judge by 1st", &second, first),
            agreement::judge_as_ranker("1st judge by 2nd", first, &second),
        ];
        println!(
            "\nTwo judges of the held-out queries ({HELD_OUT_FILE} and {}): the engine scored by each, and each judge's order scored by the other's grades:\n{}",
            file.display(),
            Comparison(&columns)
        );
    }
    if !args.check {
        return Ok(ExitCode::SUCCESS);
    }
    let floor = eval::read_floor(&project.curation().join(FLOOR_FILE))?;
    let overall = evaluation.overall();
    let buried = evaluation.best_page_below(&floor.best_within_categories, floor.best_within);
    // Every query of the sets tuned on finds something (the held-out set's
    // queries are not named: reading them while tuning would spoil it).
    let empty: Vec<&str> = std::iter::once(&evaluation)
        .chain(tuned.iter().map(|(_, _, _, e)| e))
        .flat_map(Evaluation::without_results)
        .collect();
    let below =
        |evaluation: Option<&Evaluation>, name: &str, ndcg: Option<f64>, mrr: Option<f64>| {
            let evaluation = evaluation?;
            let scores = evaluation.overall();
            let (ndcg, mrr) = (ndcg.unwrap_or(0.0), mrr.unwrap_or(0.0));
            (scores.ndcg < ndcg || scores.reciprocal_rank < mrr).then(|| {
                format!(
                    "{name} nDCG@10 {:.3} (floor {ndcg:.3}), MRR {:.3} (floor {mrr:.3})",
                    scores.ndcg, scores.reciprocal_rank
                )
            })
        };
    let tuned_set = |wanted: &str| {
        tuned
            .iter()
            .find(|(file, _, _, _)| *file == wanted)
            .map(|(_, _, _, e)| e)
    };
    let held_out_empty = held_out
        .as_ref()
        .map_or(0, |(_, e)| e.without_results().len());
    let mut short: Vec<String> = [
        below(
            tuned_set(DEV_FILE),
            "development",
            floor.dev_min_ndcg,
            floor.dev_min_mrr,
        ),
        below(
            tuned_set(DEV2_FILE),
            "second development",
            floor.dev2_min_ndcg,
            floor.dev2_min_mrr,
        ),
        below(
            tuned_set(DEV3_FILE),
            "third development",
            floor.dev3_min_ndcg,
            floor.dev3_min_mrr,
        ),
        below(
            held_out.as_ref().map(|(_, e)| e),
            "held-out",
            floor.held_out_min_ndcg,
            floor.held_out_min_mrr,
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if held_out_empty > 0 {
        short.push(format!("{held_out_empty} held-out queries without results"));
    }
    for message in &short {
        eprintln!("praksis: {message}");
    }
    if overall.ndcg < floor.min_ndcg
        || overall.reciprocal_rank < floor.min_mrr
        || !empty.is_empty()
        || !buried.is_empty()
        || !short.is_empty()
    {
        eprintln!(
            "praksis: nDCG@10 {:.3} (floor {:.3}), MRR {:.3} (floor {:.3}); \
             queries without results: {empty:?}; best page below rank {}: {buried:?}",
            overall.ndcg, floor.min_ndcg, overall.reciprocal_rank, floor.min_mrr, floor.best_within
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Fails when the slips or the frames cost more nDCG@10 than the floor
/// file allows.
fn check_variants(
    project: &Project,
    costs: &[query_variants::VariantCost],
    check: bool,
) -> anyhow::Result<ExitCode> {
    if !check {
        return Ok(ExitCode::SUCCESS);
    }
    let floor = eval::read_floor(&project.curation().join(FLOOR_FILE))?;
    let mut failed = false;
    for (slips, name, allowed) in [
        (true, "misspelt", floor.misspelt_max_loss),
        (false, "framed", floor.framed_max_loss),
    ] {
        let Some(max_loss) = allowed else {
            anyhow::bail!("curation/{FLOOR_FILE} sets no {name}_max_loss for --variants --check");
        };
        let of_kind = query_variants::CostTable::of_slips(costs, slips);
        let (clean, varied) = query_variants::CostTable::means(of_kind.into_iter());
        let loss = clean.ndcg - varied.ndcg;
        if loss > max_loss {
            eprintln!(
                "praksis: {name} copies lose {loss:.3} nDCG@10 ({:.3} → {:.3}; allowed {max_loss:.3})",
                clean.ndcg, varied.ndcg
            );
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn run_tags(project: &Project, check: bool, held_out: bool) -> anyhow::Result<ExitCode> {
    let judged = tag_eval::read_judged(&project.curation().join(tag_eval::JUDGED_TAGS_FILE))?;
    let floor = eval::read_floor(&project.curation().join(FLOOR_FILE))?;
    let machine = pipeline::machine_tags(project)?;
    let tuning = |p: &tag_eval::JudgedPage| floor.tag_tuning_pages.contains(&p.page);
    let tuned = tag_eval::evaluate(&judged, &machine, tuning);
    let kept_out = tag_eval::evaluate(&judged, &machine, |p| !tuning(p));
    let evaluation = tag_eval::evaluate(&judged, &machine, |_| true);
    println!("Tuning pages ({}):\n{tuned}", floor.tag_tuning_pages.len());
    if held_out {
        println!("Held-out pages:\n{kept_out}");
    } else {
        println!(
            "Held-out pages (disagreements with --held-out):\n{}",
            kept_out.table()
        );
    }
    println!("All judged pages:\n{}", evaluation.table());
    if !check {
        return Ok(ExitCode::SUCCESS);
    }
    let overall = evaluation.overall();
    let (precision, recall) = (overall.precision(), overall.recall());
    let min_precision = floor.min_tag_precision.unwrap_or(0.0);
    let min_recall = floor.min_tag_recall.unwrap_or(0.0);
    if precision < min_precision || recall < min_recall || !evaluation.unknown_pages.is_empty() {
        eprintln!(
            "praksis: tag precision {precision:.3} (floor {min_precision:.3}), recall \
             {recall:.3} (floor {min_recall:.3}); judged pages the tagger does not know: {:?}",
            evaluation.unknown_pages
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
