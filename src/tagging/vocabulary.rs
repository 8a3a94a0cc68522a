//! The curated vocabularies (`curation/vocabularies.toml`) and continuum model
//! (`curation/continuum.toml`), as read from disk.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    #[serde(default, rename = "taxonomy")]
    pub taxonomies: Vec<Taxonomy>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// URL and front-matter name, e.g. "metode".
    pub name: String,
    /// Danish heading, e.g. "Metode".
    pub label: String,
    /// Which sentences may earn its terms (see `tagging::roles`).
    #[serde(default)]
    pub evidence: EvidencePolicy,
    /// A gazetteer file in `curation/` whose places are the terms (sted).
    #[serde(default)]
    pub places: Option<String>,
    #[serde(default)]
    pub entries: Vec<Entry>,
}

/// Which sentence roles earn a taxonomy's terms.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum EvidencePolicy {
    /// What the effort does: only sentences that describe it (methods).
    Effort,
    /// Whom it is for: descriptions and goals (target groups).
    Group,
    /// Where, under which law, by whom: descriptions, goals and results.
    #[default]
    Context,
    /// Under which law: as Context, and also a wish about the law ("et ønske
    /// om at udvide personkredsen i Lov om …" names the law it works under).
    Frame,
    /// Lessons (factors): any statement but a figure's text.
    Lesson,
    /// Ideas to act on: as Lesson, but a page whose text names an idea only
    /// in wishes or plans wishes for it, not practises it, and its evidence
    /// says so (role Hypothetical), so "Kom i gang" can list it apart.
    Practice,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub key: String,
    pub label: String,
    /// Words or phrases matched after Danish analysis.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Text matched literally, case-insensitively ("§ 94").
    #[serde(default)]
    pub patterns: Vec<String>,
    /// Words that never count for this term, though they contain it as a
    /// compound's last part or look like one of its forms ("sagsbehandling").
    #[serde(default)]
    pub exclude: Vec<String>,
    /// May a compound ending in a term word count ("fastholdelsesmentor")?
    #[serde(default = "yes")]
    pub compounds: bool,
    /// Terms that also count as a compound's first part ("praktik" in
    /// "praktikperiode"), for words whose compounds keep their meaning.
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Terms that count only in the page's title ("Kommune" in "Følordningen
    /// i Senior Service – Vejle Kommune").
    #[serde(default)]
    pub title_terms: Vec<String>,
    #[serde(default = "one")]
    pub min_mentions: usize,
    /// The catalogue section that names this factor ("3.2.1.2"): its first
    /// sentence with one of `terms` is quoted on the factor's pages.
    #[serde(default)]
    pub chapter: Option<String>,
}

fn one() -> usize {
    1
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContinuumModel {
    /// Slugs of chapter 3.1's examples A–E, from the social to the labour-market end.
    #[serde(default)]
    pub anchors: Vec<String>,
    /// Where chapter 3.1's figure draws each anchor, in any unit from the
    /// social end (empty: positions stay a linear scale of the score).
    #[serde(default)]
    pub anchor_spacing: Vec<f64>,
    #[serde(default, rename = "feature")]
    pub features: Vec<Feature>,
    /// Words naming an effort's own staff ("projektleder", "konsulent",
    /// matched inside compounds: "personalekonsulent"), or with a space a
    /// phrase ("de ansattes"): a sentence naming them speaks of the staff.
    #[serde(default)]
    pub staff: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub key: String,
    pub label: String,
    /// Positive: towards labour-market employment; negative: towards social activation.
    pub weight: f64,
    pub terms: Vec<String>,
    /// Terms that count only in a sentence not naming the effort's staff
    /// ("ansat", "løn": "løn til projektlederen" is no participant's wage).
    #[serde(default)]
    pub participant_terms: Vec<String>,
}
