use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use praksis::pipeline::{self, Project};

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Where to write the site (replaced atomically).
    #[arg(long, short, default_value = "public")]
    pub output: PathBuf,
    /// Override config.toml's base_url, e.g. "/praksis/" to publish under a sub-path.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Build from content/ as it is (hand-written or edited pages included),
    /// as `zola build` would, instead of regenerating it from sources/.
    #[arg(long)]
    pub keep_content: bool,
}

pub fn run(project: &Project, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let output = resolve_output(project, &args.output);
    let options = pipeline::BuildOptions {
        base_url: args.base_url.as_deref(),
        keep_content: args.keep_content,
    };
    let summary = pipeline::build(project, &output, options)?;
    for kept in &summary.kept {
        eprintln!("{kept}");
    }
    if summary.relative_base_url {
        eprintln!(
            "warning: base_url names no host, so atom.xml's ids and links are relative (not \
             valid Atom) and citations give no full address; publish with \
             --base-url https://…/ (or base_url in config.toml)"
        );
    }
    eprintln!(
        "built {} pages into {} ({} content files, {} indexed; {} source lines dropped, \
         {:.2} % of source words accounted for, see {})",
        summary.site_pages,
        output.display(),
        summary.content_files,
        summary.indexed_pages,
        summary.dropped_lines,
        summary.coverage.ratio() * 100.0,
        summary.report.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// A relative output path is relative to the project folder.
pub fn resolve_output(project: &Project, output: &std::path::Path) -> PathBuf {
    if output.is_absolute() {
        output.to_path_buf()
    } else {
        project.root.join(output)
    }
}
