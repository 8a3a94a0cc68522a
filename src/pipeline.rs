//! Runs the stages in order for a project folder: sources → content → index → site.

use std::path::{Path, PathBuf};

use praksis_search::{Engine, MANIFEST_FILE};

use crate::content::{self, ContentFile, Drift};
use crate::coverage::{self, Coverage};
use crate::curation::Curation;
use crate::error::InputError;
use crate::ingest::{self, Ingested, SourceFile};
use crate::pages::ContentTree;
use crate::site::{self, SiteConfig, SiteInputs};
use crate::tagging::{self, TaggingCuration};
use crate::{export, index, output, report};

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
    pub fn static_dir(&self) -> PathBuf {
        self.root.join("static")
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
    pub coverage: Coverage,
    pub report: PathBuf,
}

/// What the sources give before anything is written.
pub struct Generated {
    pub sources: Vec<SourceFile>,
    pub curation: Curation,
    pub ingested: Ingested,
    pub files: Vec<ContentFile>,
}

/// What `praksis check` finds.
pub struct CheckReport {
    pub drift: Vec<Drift>,
    /// Measured on the committed `content/`.
    pub coverage: Coverage,
}

impl CheckReport {
    pub fn passes(&self) -> bool {
        self.drift.is_empty() && self.coverage.passes()
    }
}

/// Sources → content files in memory (nothing written).
pub fn generate_content(project: &Project) -> Result<Generated, InputError> {
    let sources = ingest::read_sources(&project.sources())?;
    let curation = Curation::load(&project.curation())?;
    let ingested = ingest::ingest(&sources, &curation)?;
    let tagging = TaggingCuration::load(&project.curation())?;
    let tags = tagging::tag_documents(&ingested.documents, &tagging, &project.curation())?;
    let files = content::render(&ingested, &tags);
    Ok(Generated {
        sources,
        curation,
        ingested,
        files,
    })
}

/// How `build` runs.
#[derive(Clone, Copy, Debug, Default)]
pub struct BuildOptions<'a> {
    /// Overrides config.toml's `base_url`.
    pub base_url: Option<&'a str>,
    /// Builds from `content/` as it is, hand-written pages included, as
    /// `zola build` would, instead of regenerating it from the sources.
    pub keep_content: bool,
}

/// The whole pipeline. `output` is replaced only if every stage succeeds.
pub fn build(
    project: &Project,
    output: &Path,
    options: BuildOptions,
) -> Result<BuildSummary, InputError> {
    let config = SiteConfig::load(&project.config(), options.base_url)?;
    let generated = generate_content(project)?;
    if !options.keep_content {
        content::write(&project.content(), &generated.files)?;
    }
    let tree = ContentTree::load(&project.content())?;
    let coverage = coverage::measure(&generated.sources, &tree, &generated.ingested);
    let index_files = index::build(&tree, &generated.curation.synonyms)?;
    index::write(&project.search_index(), &index_files)?;
    let related = index::related_examples(&tree, &index_files)?;
    export::write(&project.static_dir(), &tree, &related)?;
    output::write_files(
        &project.static_dir().join(content::CHART_DIR),
        &content::charts(&generated.ingested),
    )?;
    let inputs = SiteInputs {
        root: &project.root,
        config: &config,
        tree: &tree,
    };
    let site_pages = site::build(&inputs, output)?;
    let report = report::write_beside(output, &generated.ingested, &coverage)?;
    Ok(BuildSummary {
        content_files: generated.files.len(),
        indexed_pages: index_files.manifest.documents,
        site_pages,
        dropped_lines: generated.ingested.dropped.len(),
        coverage,
        report,
    })
}

/// Compares the committed `content/` with what the sources give, and
/// measures how much of the sources it accounts for.
pub fn check(project: &Project) -> Result<CheckReport, InputError> {
    let generated = generate_content(project)?;
    let drift = content::check(&project.content(), &generated.files)?;
    let tree = ContentTree::load(&project.content())?;
    let coverage = coverage::measure(&generated.sources, &tree, &generated.ingested);
    Ok(CheckReport { drift, coverage })
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
    let fail = |err: praksis_search::SearchError| InputError::file(&display, err.to_string());
    let read = |name: &str| {
        let path = index_dir.join(name);
        std::fs::read(&path).map_err(|err| InputError::io(&path, err))
    };
    // The hot pack, then every chunk, as the browser would fetch them
    // were it to need them all; then the whole checked against the manifest.
    let engine = Engine::open_hot(&manifest, &read(&parsed.hot_pack)?).map_err(fail)?;
    for id in parsed.all_chunks().filter(|&id| !engine.has_chunk(id)) {
        if let Some(path) = parsed.chunk_path(id) {
            engine.add_chunk(id, read(&path)?).map_err(fail)?;
        }
    }
    engine.verify_complete().map_err(fail)?;
    Ok(engine)
}
