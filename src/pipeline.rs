//! Runs the stages in order for a project folder: sources → content → index → site.

use std::path::{Path, PathBuf};

use praksis_search::{Engine, MANIFEST_FILE};

use crate::content::{self, ContentFile, Drift};
use crate::curation::Curation;
use crate::error::InputError;
use crate::ingest::{self, Ingested};
use crate::pages::ContentTree;
use crate::site::{self, SiteConfig, SiteInputs};
use crate::{index, report};

/// The fixed layout of a Praksisbasen project.
#[derive(Clone, Debug)]
pub struct Project {
    pub root: PathBuf,
}

impl Project {
    pub fn new(root: impl Into<PathBuf>) -> Project {
        Project { root: root.into() }
    }
    pub fn sources(&self) -> PathBuf {
        self.root.join("sources")
    }
    pub fn curation(&self) -> PathBuf {
        self.root.join("curation")
    }
    pub fn content(&self) -> PathBuf {
        self.root.join("content")
    }
    pub fn search_index(&self) -> PathBuf {
        self.root.join("search-index")
    }
    pub fn config(&self) -> PathBuf {
        self.root.join("config.toml")
    }
}

pub struct BuildSummary {
    pub content_files: usize,
    pub indexed_pages: u64,
    pub site_pages: usize,
    pub dropped_lines: usize,
    pub report: PathBuf,
}

/// Sources → content files in memory (nothing written).
pub fn generate_content(project: &Project) -> Result<(Vec<ContentFile>, Ingested), InputError> {
    let sources = ingest::read_sources(&project.sources())?;
    let curation = Curation::load(&project.curation())?;
    let ingested = ingest::ingest(&sources, &curation)?;
    Ok((content::render(&ingested), ingested))
}

/// The whole pipeline. `output` is replaced only if every stage succeeds.
pub fn build(
    project: &Project,
    output: &Path,
    base_url: Option<&str>,
) -> Result<BuildSummary, InputError> {
    let config = SiteConfig::load(&project.config(), base_url)?;
    let (files, ingested) = generate_content(project)?;
    content::write(&project.content(), &files)?;
    let tree = ContentTree::load(&project.content())?;
    let index_files = index::build(&tree)?;
    index::write(&project.search_index(), &index_files)?;
    let inputs = SiteInputs {
        root: &project.root,
        config: &config,
        tree: &tree,
    };
    let site_pages = site::build(&inputs, output)?;
    let report = report::write_beside(output, &ingested)?;
    Ok(BuildSummary {
        content_files: files.len(),
        indexed_pages: index_files.manifest.documents,
        site_pages,
        dropped_lines: ingested.dropped.len(),
        report,
    })
}

/// Differences between the committed `content/` and what the sources give.
pub fn check(project: &Project) -> Result<Vec<Drift>, InputError> {
    let (files, _) = generate_content(project)?;
    content::check(&project.content(), &files)
}

/// Opens `search-index/` with the same engine the browser runs.
pub fn open_engine(index_dir: &Path) -> Result<Engine, InputError> {
    let display = index_dir.display().to_string();
    let manifest_path = index_dir.join(MANIFEST_FILE);
    let manifest = std::fs::read(&manifest_path).map_err(|err| {
        InputError::file(
            &manifest_path.display().to_string(),
            format!("{err} (run `praksis build` first)"),
        )
    })?;
    let parsed = praksis_search::Manifest::parse(&manifest)
        .map_err(|err| InputError::file(&display, err.to_string()))?;
    let mut files = Vec::new();
    for name in &parsed.files {
        let path = index_dir.join(name);
        files.push((
            name.clone(),
            std::fs::read(&path).map_err(|err| InputError::io(&path, err))?,
        ));
    }
    Engine::from_files(&manifest, files).map_err(|err| InputError::file(&display, err.to_string()))
}
