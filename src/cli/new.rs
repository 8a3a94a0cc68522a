//! `praksis new eksempel "Titel"` writes a page to fill in;
//! `praksis new rapport` prints a minimal report source.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use praksis::content::{example_page, REPORT_EXAMPLE};
use praksis::error::Error;
use praksis::pipeline::Project;

#[derive(Args, Debug)]
pub struct NewArgs {
    #[command(subcommand)]
    kind: NewKind,
}

#[derive(Subcommand, Debug)]
enum NewKind {
    /// Write content/eksempler/<titel>.md with the catalogue's subheadings.
    Eksempel {
        /// The example's title.
        title: String,
    },
    /// Print a minimal report source; save it as sources/NNN_navn.txt.
    Rapport,
}

pub fn run(project: &Project, args: &NewArgs) -> anyhow::Result<ExitCode> {
    match &args.kind {
        NewKind::Rapport => {
            print!("{REPORT_EXAMPLE}");
            eprintln!(
                "praksis: save this as sources/NNN_navn.txt, fill it in, then run `praksis build`"
            );
        }
        NewKind::Eksempel { title } => {
            let tree = praksis::content::ContentTree::load(&project.content())?;
            let weight = tree
                .pages
                .iter()
                .filter(|p| p.section == "eksempler")
                .filter_map(|p| p.front.weight)
                .max()
                .unwrap_or(0)
                + 1;
            let (relative, text) = example_page(title, &today(), weight);
            let path = project.content().join(&relative);
            if path.exists() {
                anyhow::bail!("content/{relative}: already exists; choose another title");
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|err| Error::io(parent, err))?;
            }
            std::fs::write(&path, text).map_err(|err| Error::io(&path, err))?;
            eprintln!(
                "wrote content/{relative}: fill in the text and the tags you know, then run \
                 `praksis check` and `praksis build`"
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
