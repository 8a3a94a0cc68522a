//! `praksis review`: the machine's tag proposals no editor has decided on,
//! each with its sentence, as `curation/tags.toml` entries to keep
//! (`[[accept]]`) or turn into a rejection (`[[remove]]` with a reason).

use std::process::ExitCode;

use clap::Args;
use praksis::pipeline::{self, Project};

#[derive(Args, Debug)]
pub struct ReviewArgs {
    /// Only this page (its slug, e.g. projekt-foeniks).
    #[arg(long)]
    pub page: Option<String>,
}

pub fn run(project: &Project, args: &ReviewArgs) -> anyhow::Result<ExitCode> {
    let tags = pipeline::reviewed_tags(project)?;
    let mut open = 0;
    for (slug, page) in tags
        .iter()
        .filter(|(slug, _)| args.page.as_deref().is_none_or(|p| p == slug.as_str()))
    {
        for evidence in page.evidence.iter().filter(|e| !e.reviewed) {
            open += 1;
            println!(
                "# {} ({}): {}\n[[accept]]\npage = {:?}\ntaxonomy = {:?}\nterm = {:?}\nsentence = {:?}\n",
                evidence.term,
                evidence.role.label(),
                evidence.taxonomy,
                slug,
                evidence.taxonomy,
                evidence.term,
                evidence.sentence
            );
        }
    }
    eprintln!(
        "{open} proposals not reviewed. Copy an [[accept]] into curation/tags.toml to confirm it, \
         or write [[remove]] with page, taxonomy, term and why = \"…\" to reject it."
    );
    Ok(ExitCode::SUCCESS)
}
