//! Runs the stages in order for a project folder: sources → content → index,
//! export and site, and the build report beside them. Everything after
//! content, case figures and coverage included, reads the content tree being
//! built; only the drop list, repairs and shapes describe ingestion itself.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use praksis_search::{Engine, MANIFEST_FILE};

use crate::cases::{self, CHART_DIR};
use crate::content::{self, ContentFile, ContentTree, Drift, Finding, Kept};
use crate::curation::Curation;
use crate::error::Error;
use crate::ingest::{self, Ingested, SourceFile};
use crate::site::{self, SiteConfig, SiteInputs};
use crate::tagging::{self, Tagger, TaggingCuration};
use crate::tools::build_report;
use crate::tools::coverage::{self, Coverage};
use crate::tools::shapes::{self, Acceptances, ShapeWarning};
use crate::{export, files, index};

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
    /// What the last build wrote into one of its own folders under `static/`
    /// (`.praksis/` is the build's, not a person's, and is not committed).
    pub fn ownership_record(&self, folder: &str) -> PathBuf {
        self.root.join(".praksis").join(format!("{folder}.sha256"))
    }
}

pub struct BuildSummary {
    pub content_files: usize,
    /// Pages people wrote or edited, kept as they are and published.
    pub kept: Vec<Kept>,
    /// `base_url` names no host: the feed's ids and links, canonical links
    /// and citations are relative.
    pub relative_base_url: bool,
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
    /// Tags and places pages written by hand, calibrated on the sources.
    pub tagger: Tagger,
    /// The vocabularies the tags come from, for checking hand-written pages.
    pub vocabularies: tagging::Vocabularies,
}

/// What `praksis check` finds.
pub struct CheckReport {
    pub drift: Vec<Drift>,
    /// Pages people wrote or edited: reported, never drift.
    pub kept: Vec<Kept>,
    /// What is wrong with the pages people wrote.
    pub findings: Vec<Finding>,
    /// Measured on the committed `content/`.
    pub coverage: Coverage,
    /// Suspicious shapes in what the sources give (warnings).
    pub shapes: Vec<ShapeWarning>,
}

impl CheckReport {
    pub fn passes(&self) -> bool {
        self.drift.is_empty() && self.coverage.passes() && !self.findings.iter().any(|f| f.error)
    }
}

/// Suspicious shapes in what ingestion gave, accepted ones marked.
pub fn suspicious_shapes(
    project: &Project,
    generated: &Generated,
) -> Result<Vec<ShapeWarning>, Error> {
    let accepted = Acceptances::load(&project.curation())?;
    Ok(shapes::find(
        &generated.ingested.documents,
        &generated.sources,
        &generated.ingested.dropped,
        content::results_panel,
        content::page_path,
        &accepted,
    ))
}

/// Sources → content files in memory (nothing written).
pub fn generate_content(project: &Project) -> Result<Generated, Error> {
    let sources = ingest::read_sources(&project.sources())?;
    let curation = Curation::load(&project.curation())?;
    let ingested = ingest::ingest(&sources, &curation)?;
    let tagging = TaggingCuration::load(&project.curation())?;
    let (tags, tagger) =
        tagging::tag_documents(&ingested.documents, &tagging, &project.curation())?;
    let files = content::render(&ingested, &tags, &tagging.vocabularies, &curation.synonyms);
    Ok(Generated {
        sources,
        curation,
        ingested,
        files,
        tagger,
        vocabularies: tagging.vocabularies,
    })
}

/// The machine tagger's own tags for every example and report, keyed by
/// slug: review decisions (`curation/tags.toml`) switched off.
pub fn machine_tags(project: &Project) -> Result<BTreeMap<String, tagging::PageTags>, Error> {
    tags_of_sources(project, false)
}

/// Every example's and report's tags as published: the machine's with the
/// editors' decisions applied, each marked reviewed or proposed.
pub fn reviewed_tags(project: &Project) -> Result<BTreeMap<String, tagging::PageTags>, Error> {
    tags_of_sources(project, true)
}

fn tags_of_sources(
    project: &Project,
    with_decisions: bool,
) -> Result<BTreeMap<String, tagging::PageTags>, Error> {
    let sources = ingest::read_sources(&project.sources())?;
    let curation = Curation::load(&project.curation())?;
    let ingested = ingest::ingest(&sources, &curation)?;
    let mut tagging = TaggingCuration::load(&project.curation())?;
    if !with_decisions {
        tagging.overrides = Default::default();
    }
    let (tags, _) = tagging::tag_documents(&ingested.documents, &tagging, &project.curation())?;
    Ok(tags)
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
) -> Result<BuildSummary, Error> {
    let config = SiteConfig::load(&project.config(), options.base_url)?;
    let generated = generate_content(project)?;
    let plan = if options.keep_content {
        content::plan(&project.content(), &generated.files)?
    } else {
        content::update(&project.content(), &generated.files)?
    };
    let mut tree = ContentTree::load(&project.content())?;
    tagging::complete_hand_written(&mut tree, &generated.tagger);
    let coverage = coverage::measure(&generated.sources, &tree, &generated.ingested);
    let index_files = index::build(&tree, &generated.curation, &generated.vocabularies)?;
    index::write(&project.search_index(), &index_files)?;
    let related = index::related_examples(&tree, &index_files)?;
    export::write(
        &project.static_dir(),
        &project.ownership_record(export::EXPORT_DIR),
        &tree,
        &related,
    )?;
    files::write_owned_files(
        &project.static_dir().join(CHART_DIR),
        &project.ownership_record(CHART_DIR),
        &cases::charts_of(&tree),
    )?;
    let inputs = SiteInputs {
        root: &project.root,
        config: &config,
        tree: &tree,
    };
    let site_pages = site::build(&inputs, output)?;
    let shapes = suspicious_shapes(project, &generated)?;
    let report = build_report::write_beside(output, &generated.ingested, &coverage, &shapes)?;
    Ok(BuildSummary {
        content_files: generated.files.len(),
        kept: plan.kept,
        relative_base_url: !(config.base_url.starts_with("https://")
            || config.base_url.starts_with("http://")),
        indexed_pages: index_files.manifest.documents,
        site_pages,
        dropped_lines: generated.ingested.dropped.len(),
        coverage,
        report,
    })
}

/// Compares the committed `content/` with what the sources give, and
/// measures how much of the sources it accounts for.
pub fn check(project: &Project) -> Result<CheckReport, Error> {
    let generated = generate_content(project)?;
    let (drift, kept) = content::check(&project.content(), &generated.files)?;
    let tree = ContentTree::load(&project.content())?;
    let config = SiteConfig::load(&project.config(), None)?;
    let taxonomies: Vec<String> = config.taxonomies.iter().map(|t| t.name.clone()).collect();
    let findings = content::validate(
        &tree,
        &project.content(),
        &generated.vocabularies,
        &taxonomies,
    )?;
    let coverage = coverage::measure(&generated.sources, &tree, &generated.ingested);
    let shapes = suspicious_shapes(project, &generated)?;
    Ok(CheckReport {
        drift,
        kept,
        findings,
        coverage,
        shapes,
    })
}

/// Replaces each named page in `content/` with what the sources give,
/// whoever wrote it: an explicit request, so edits to it are discarded.
/// Paths may be given with or without the leading `content/`.
pub fn restore(project: &Project, pages: &[PathBuf]) -> Result<Vec<String>, Error> {
    let generated = generate_content(project)?;
    let content_dir = project.content();
    let mut restored = Vec::new();
    for page in pages {
        let relative = relative_content_path(project, page);
        let file = generated
            .files
            .iter()
            .find(|f| f.path == relative)
            .ok_or_else(|| {
                Error::file(
                    &format!("content/{relative}"),
                    "is not a page the sources give, so there is nothing to restore",
                )
            })?;
        files::write_atomically(&content_dir.join(&file.path), file.text.as_bytes())?;
        restored.push(file.path.clone());
    }
    Ok(restored)
}

/// `content/eksempler/x.md`, `./content/eksempler/x.md`, an absolute path
/// into the project, or `eksempler/x.md` → `eksempler/x.md`.
fn relative_content_path(project: &Project, page: &Path) -> String {
    let content_dir = project.content();
    let relative = page
        .strip_prefix(&content_dir)
        .or_else(|_| page.strip_prefix("./content"))
        .or_else(|_| page.strip_prefix("content"))
        .unwrap_or(page);
    relative.to_string_lossy().replace('\\', "/")
}

/// Opens `search-index/` with the same engine the browser runs.
pub fn open_engine(index_dir: &Path) -> Result<Engine, Error> {
    let display = index_dir.display().to_string();
    let manifest_path = index_dir.join(MANIFEST_FILE);
    let manifest = std::fs::read(&manifest_path).map_err(|err| {
        Error::file(
            &manifest_path.display().to_string(),
            format!("{err} (run `praksis build` first)"),
        )
    })?;
    let parsed =
        praksis_search::Manifest::parse(&manifest).map_err(|err| Error::search(&display, err))?;
    let fail = |err: praksis_search::SearchError| Error::search(&display, err);
    let read = |name: &str| crate::index::published::read(index_dir, name);
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
