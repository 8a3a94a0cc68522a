use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use praksis::files::write_atomically;
use praksis::pipeline::Project;
use praksis::tools::danish_words::{list_path, near_words_text, DEFAULT_DICTIONARY};

#[derive(Args, Debug)]
pub struct DanishWordsArgs {
    /// The Danish dictionary's word forms, one a line (Debian: apt-get install wdanish).
    #[arg(long, default_value = DEFAULT_DICTIONARY)]
    pub dictionary: PathBuf,
    /// Write nothing; fail if the committed list is not the one the
    /// dictionary and the pages give now.
    #[arg(long)]
    pub check: bool,
}

pub fn run(project: &Project, args: &DanishWordsArgs) -> anyhow::Result<ExitCode> {
    let path = list_path(project);
    let text = near_words_text(project, &args.dictionary)?;
    let count = text.lines().filter(|line| !line.starts_with('#')).count();
    if args.check {
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != text {
            eprintln!(
                "praksis: {} is not the list the sources, content/ and synonyms give now; run `praksis danish-words` and commit it",
                path.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        eprintln!("{} is current ({count} words)", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    write_atomically(&path, text.as_bytes())?;
    eprintln!("wrote {} ({count} words)", path.display());
    Ok(ExitCode::SUCCESS)
}
