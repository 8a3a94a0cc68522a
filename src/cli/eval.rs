use std::process::ExitCode;

use clap::Args;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use praksis::content::ContentTree;
use praksis::error::Error;
use praksis::pipeline::{self, Project};
use praksis::tagging::TaggingCuration;
use praksis::tools::agreement;
use praksis::tools::eval::{
    self, set_listings, Comparison, Evaluation, JudgedQuery, JudgedSet, SetRole, FLOOR_FILE,
    HELD_OUT_FILE, JUDGED_SETS, QUERIES_FILE,
};
use praksis::tools::unlearned::Unlearned;
use praksis::tools::{query_variants, tag_eval};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Print every query's scores and ranking as JSON.
    #[arg(long)]
    pub json: bool,
    /// Fail if nDCG@10 or MRR of a judged set (each queries*.tsv of
    /// curation/) falls below its floor in curation/eval.toml, if a judged
    /// page is not in the index, or if a judged query finds nothing.
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
    /// Score and print the tuned-on sets only, not even a held-out set's
    /// totals: for tuning, where every reading of a held-out figure spends
    /// a little of what it can tell.
    #[arg(long, conflicts_with_all = ["held_out", "second_judge", "compare"])]
    pub tuned_only: bool,
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
    /// Also print each tuned-on set's queries as scored on the index that
    /// did not learn from them (the held-out set's only with --held-out):
    /// the cross-validated figures to tune by.
    #[arg(long)]
    pub unlearned: bool,
    /// Score FILE, a judged set not registered yet (one written blind in
    /// curation/incoming/, say), on the published index and stop: its
    /// totals per category, never a query's own. Queries that repeat a
    /// registered set's are named by line and left out (the index learned
    /// the tuned-on ones).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["tuned_only", "held_out", "compare", "second_judge", "variants"])]
    pub measure: Option<PathBuf>,
    /// Print the judged sets (file, title, role, queries) as JSON and stop: the
    /// registry the browser tests and bench/eval/peers.mjs read.
    #[arg(long)]
    pub list_sets: bool,
}

/// The pages `engine` ranks first for `text`, as judged sets name them.
fn ranking(engine: &praksis_search::Engine, text: &str) -> Vec<String> {
    engine
        .search(text, eval::DEPTH)
        .map(|results| results.hits.into_iter().map(|hit| hit.url).collect())
        .unwrap_or_default()
}

pub fn run(project: &Project, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    if args.list_sets {
        let listings = set_listings(&project.curation())?;
        println!(
            "{}",
            serde_json::to_string_pretty(&listings).expect("set listings are strings")
        );
        return Ok(ExitCode::SUCCESS);
    }
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
    let read_path = |path: &Path, drops_unknown_pages: bool| -> anyhow::Result<Vec<JudgedQuery>> {
        let mut queries = eval::read_queries(path)?;
        for query in &mut queries {
            let unknown: Vec<String> = query
                .grades
                .keys()
                .filter(|page| !known.contains(*page))
                .cloned()
                .collect();
            if let Some(page) = unknown.first().filter(|_| !drops_unknown_pages) {
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
    let rank = |text: &str| ranking(&engine, text);
    if let Some(file) = &args.measure {
        let mut judged = read_path(file, false)?;
        let repeats = eval::repeats_of_registered(&project.curation(), &judged)?;
        for (line, set) in &repeats {
            eprintln!(
                "{}:{line}: repeats a query of {set}; not scored",
                file.display()
            );
        }
        judged.retain(|query| !repeats.iter().any(|(line, _)| *line == query.line));
        let evaluation = Evaluation::run("praksisbasen", &judged, rank);
        println!(
            "{} ({} repeats left out), per category:\n{}",
            file.display(),
            repeats.len(),
            Comparison(std::slice::from_ref(&evaluation))
        );
        println!("{}", evaluation.overall_line());
        return Ok(ExitCode::SUCCESS);
    }
    // Every judged set curation/ holds; queries.tsv must be there.
    let mut sets = Vec::new();
    for set in &JUDGED_SETS {
        let path = project.curation().join(set.file);
        if set.file != QUERIES_FILE && !path.exists() {
            continue;
        }
        if args.tuned_only && set.role == SetRole::HeldOut {
            continue;
        }
        let judged = read_path(&path, set.drops_unknown_pages)?;
        let evaluation = Evaluation::run("praksisbasen", &judged, rank);
        sets.push(ScoredSet {
            set,
            judged,
            evaluation,
        });
    }
    if args.variants {
        let judged: Vec<JudgedQuery> = sets
            .iter()
            .filter(|s| s.set.role == SetRole::Tuning)
            .flat_map(|s| s.judged.iter().cloned())
            .collect();
        let costs = query_variants::measure(query_variants::variant_queries(&judged), rank);
        println!(
            "Copies of the queries tuned on, asked otherwise (never of a held-out set):\n{}",
            query_variants::CostTable(&costs)
        );
        return check_variants(project, &costs, args.check);
    }
    if args.json {
        let shown: BTreeMap<&str, &Evaluation> = sets
            .iter()
            .filter(|s| s.set.role == SetRole::Tuning || args.held_out)
            .map(|s| (s.set.file, &s.evaluation))
            .collect();
        println!("{}", serde_json::to_string_pretty(&shown)?);
    } else {
        // The tuned-on sets in full; a held-out set's queries only when
        // asked: reading them while tuning would make it a tuning set.
        for scored in &sets {
            let ScoredSet {
                set, evaluation, ..
            } = scored;
            let (file, title) = (set.file, set.title);
            match set.role {
                SetRole::Tuning => println!("{title} ({file}, tuned on):\n{evaluation}\n"),
                SetRole::HeldOut if args.held_out => {
                    println!("{title} ({file}, never tuned on):\n{evaluation}\n");
                }
                SetRole::HeldOut => println!(
                    "{title} ({file}, never tuned on; each query with --held-out):\n{}\n",
                    evaluation.overall_line()
                ),
            }
        }
        // The published index learned from the tuned-on sets: their figures
        // above are what it learned. Each set again, on an index that did not.
        let unlearned = Unlearned::load(project)?;
        println!(
            "Each set on an index that did not learn from its queries (nor any of the same text):"
        );
        for ScoredSet { set, judged, .. } in &sets {
            let texts: Vec<String> = judged.iter().map(|q| q.query.clone()).collect();
            let engine = unlearned.engine_without(set.file, &texts)?;
            let scored = Evaluation::run(set.file, judged, |text| ranking(&engine, text));
            let details = args.unlearned && (set.role == SetRole::Tuning || args.held_out);
            if details {
                println!("\n{}, unlearned:\n{scored}", set.file);
            } else {
                println!("{}", scored.overall_line());
            }
        }
    }
    if let Some(file) = &args.compare {
        let peers: BTreeMap<String, BTreeMap<String, Vec<String>>> =
            serde_json::from_slice(&std::fs::read(file).map_err(|err| Error::io(file, err))?)
                .with_context(|| format!("{}: not rankings as JSON", file.display()))?;
        for ScoredSet {
            set,
            judged,
            evaluation,
        } in &sets
        {
            let mut all = vec![evaluation.clone()];
            for (name, rankings) in &peers {
                all.push(Evaluation::run(name, judged, |q| {
                    rankings.get(q).cloned().unwrap_or_default()
                }));
            }
            println!("\n{} side by side:\n{}", set.title, Comparison(&all));
        }
    }
    if let Some(file) = &args.second_judge {
        let Some(first_judge) = sets.iter().find(|s| s.set.file == HELD_OUT_FILE) else {
            anyhow::bail!("--second-judge compares with {HELD_OUT_FILE}, which curation/ lacks");
        };
        let first = &first_judge.judged;
        let second = read_path(file, false)?;
        let mut engine_by_second = Evaluation::run("praksisbasen, 2nd judge", &second, rank);
        engine_by_second
            .results
            .retain(|r| first.iter().any(|q| q.query == r.query.query));
        let columns = [
            first_judge.evaluation.clone(),
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
    let mut short = Vec::new();
    for ScoredSet {
        set, evaluation, ..
    } in &sets
    {
        let Some(set_floor) = floor.sets.get(set.file) else {
            anyhow::bail!(
                "curation/{FLOOR_FILE} sets no floor for {} ([sets.\"{}\"])",
                set.file,
                set.file
            );
        };
        let scores = evaluation.overall();
        if scores.ndcg < set_floor.min_ndcg || scores.reciprocal_rank < set_floor.min_mrr {
            short.push(format!(
                "{}: nDCG@10 {:.3} (floor {:.3}), MRR {:.3} (floor {:.3})",
                set.file,
                scores.ndcg,
                set_floor.min_ndcg,
                scores.reciprocal_rank,
                set_floor.min_mrr
            ));
        }
        // Every judged query finds something; a held-out set's are counted,
        // not named.
        let empty = evaluation.without_results();
        if empty.len() > set_floor.max_without_results {
            let allowed = set_floor.max_without_results;
            short.push(match set.role {
                SetRole::Tuning => {
                    format!(
                        "{}: queries without results (allowed {allowed}): {empty:?}",
                        set.file
                    )
                }
                SetRole::HeldOut => format!(
                    "{}: {} queries without results (allowed {allowed})",
                    set.file,
                    empty.len()
                ),
            });
        }
    }
    let first = sets
        .iter()
        .find(|s| s.set.file == QUERIES_FILE)
        .map(|s| &s.evaluation)
        .context("queries.tsv is read first")?;
    let buried = first.best_page_below(&floor.best_within_categories, floor.best_within);
    if !buried.is_empty() {
        short.push(format!(
            "{QUERIES_FILE}: best page below rank {}: {buried:?}",
            floor.best_within
        ));
    }
    for message in &short {
        eprintln!("praksis: {message}");
    }
    Ok(if short.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A judged set, its queries as read and the published index scored on them.
struct ScoredSet {
    set: &'static JudgedSet,
    judged: Vec<JudgedQuery>,
    evaluation: Evaluation,
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
