//! Stage 1½: documents → tags with the sentence that earned each, and a
//! position on the continuum with its reasons. Reads the curated
//! vocabularies and continuum model; the content stage writes the result
//! into front matter.

mod continuum;
mod hand_written;
mod named;
mod overrides;
mod places;
mod roles;
mod sentences;
mod vocabulary;
#[cfg(test)]
mod vocabulary_tests;
mod words;

use std::collections::BTreeMap;
use std::path::Path;

pub use continuum::{ContinuumScale, Placement};
pub use hand_written::{complete as complete_hand_written, is_hand_written};
pub use named::entries_named;
pub use overrides::TagOverrides;
pub use places::{Gazetteer, Place, PLACES_FILE};
pub use roles::Role;
pub use sentences::{points_back, split_sentences};

/// Does `sentence` state a hope or a plan ("Ole Rudolf håber, at …")? Such
/// a sentence is no result.
pub fn is_wish(sentence: &str) -> bool {
    roles::hopes(&sentences::clauses(sentence).words)
}
pub use vocabulary::{ContinuumModel, EvidencePolicy, Vocabularies};

use crate::curation::load_toml;
use crate::error::Error;
use crate::ingest::{Document, DocumentKind};
use sentences::{sentences, Sentence};
use words::WordPattern;

pub const VOCABULARIES_FILE: &str = "vocabularies.toml";
pub const CONTINUUM_FILE: &str = "continuum.toml";
pub const OVERRIDES_FILE: &str = "tags.toml";

/// A tag and the sentence of the page that earned it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
    /// What the sentence does (describes the effort, states a goal …).
    pub role: Role,
    /// An editor confirmed it (`curation/tags.toml`); else the machine's proposal.
    pub reviewed: bool,
    /// The page the sentence is from when it is not the tagged page's own
    /// (a course's place, from its report): its content path.
    pub from: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageTags {
    /// Taxonomy name → term labels, in vocabulary order.
    pub terms: BTreeMap<String, Vec<String>>,
    pub evidence: Vec<Evidence>,
    pub placement: Option<Placement>,
    /// The places among the terms, with what each is today.
    pub places: Vec<Place>,
    /// Target-group terms the page names only as a trait of some of its
    /// participants ("Desuden har hovedparten stadig … hjemløshed"): not
    /// whom the effort is for, but what a planner browsing by that group
    /// wants to see beside the pages that are.
    pub traits: Vec<Evidence>,
}

/// The curated inputs of this stage.
pub struct TaggingCuration {
    pub vocabularies: Vocabularies,
    pub continuum: ContinuumModel,
    pub overrides: TagOverrides,
    /// The places a `places` taxonomy (sted) recognises.
    pub places: places::PlacesFile,
}

impl TaggingCuration {
    pub fn load(dir: &Path) -> Result<TaggingCuration, Error> {
        let vocabularies: Vocabularies = load_toml(&dir.join(VOCABULARIES_FILE))?;
        let places = match vocabularies
            .taxonomies
            .iter()
            .find_map(|t| t.places.as_ref())
        {
            Some(file) => load_toml(&dir.join(file))?,
            None => places::PlacesFile::default(),
        };
        Ok(TaggingCuration {
            vocabularies,
            continuum: load_toml(&dir.join(CONTINUUM_FILE))?,
            overrides: load_toml(&dir.join(OVERRIDES_FILE))?,
            places,
        })
    }

    /// The place names a page may carry, for checking hand-written pages.
    pub fn gazetteer(&self) -> Gazetteer {
        Gazetteer::new(&self.places)
    }
}

/// Is this kind of page tagged? Examples and reports describe an effort, and
/// a case the course one person took in it (its methods and whom it served
/// are what a planner browsing by method looks for); chapters discuss many.
fn is_tagged(kind: DocumentKind) -> bool {
    matches!(
        kind,
        DocumentKind::Example | DocumentKind::Report | DocumentKind::Case
    )
}

/// Is this kind of page placed on the continuum? The continuum places
/// efforts, not one person's course through one.
fn is_placed(kind: DocumentKind) -> bool {
    matches!(kind, DocumentKind::Example | DocumentKind::Report)
}

/// Tags for every example and report, keyed by slug, and the tagger that
/// gave them, calibrated on these documents, for pages written by hand.
pub fn tag_documents(
    documents: &[Document],
    curation: &TaggingCuration,
    curation_dir: &Path,
) -> Result<(BTreeMap<String, PageTags>, Tagger), Error> {
    let analyzed: Vec<(&Document, Vec<Sentence>)> = documents
        .iter()
        .filter(|d| is_tagged(d.kind))
        .map(|d| (d, sentences(d)))
        .collect();
    let (efforts, courses): (Vec<_>, Vec<_>) =
        analyzed.into_iter().partition(|(d, _)| is_placed(d.kind));
    let (placements, scale) =
        continuum::place(&efforts, &curation.continuum).map_err(|message| {
            Error::file(
                &curation_dir.join(CONTINUUM_FILE).display().to_string(),
                message,
            )
        })?;
    let tagger = Tagger::new(&curation.vocabularies, curation.gazetteer(), scale);
    let mut out = BTreeMap::new();
    for (document, sentences) in efforts.iter().chain(&courses) {
        let mut tags = match &document.case {
            Some(case) => {
                let effort = report_slug(&case.report)
                    .and_then(|slug| out.get(slug))
                    .map(|tags| (case.report.as_str(), tags));
                tagger.course_terms(sentences, effort)
            }
            None => tagger.terms(sentences, Scope::Effort),
        };
        tags.placement = placements.get(&document.slug).cloned();
        overrides::apply(&curation.overrides, &document.slug, sentences, &mut tags).map_err(
            |error| {
                let path = curation_dir.join(OVERRIDES_FILE);
                let file = path.display().to_string();
                // The decision came from this file; should it no longer read,
                // the error still names the file, without a line.
                let line = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|text| overrides::decision_line(&text, &document.slug, &error.term));
                match line {
                    Some(line) => Error::at(&file, line, error.message),
                    None => Error::file(&file, error.message),
                }
            },
        )?;
        // An editor may give the page the group itself.
        let carried = |e: &Evidence| {
            tags.terms
                .get(&e.taxonomy)
                .is_some_and(|terms| terms.contains(&e.term))
        };
        tags.traits.retain(|e| !carried(e));
        out.insert(document.slug.clone(), tags);
    }
    Ok((out, tagger))
}

/// "rapporter/lokalvaerdi-2022.md" → "lokalvaerdi-2022": the report a case
/// record names, as the slug its tags are kept under.
fn report_slug(report: &str) -> Option<&str> {
    Path::new(report).file_stem().and_then(|stem| stem.to_str())
}

/// What a page's own text is read for.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// An effort (an example, a report, a page written by hand): every taxonomy.
    Effort,
    /// One person's course through an effort: what it did, whom it served
    /// and the law it ran under, from what the course itself did.
    Course,
}

/// The vocabularies' matchers, analyzed once, and the calibrated continuum.
pub struct Tagger {
    taxonomies: Vec<TaxonomyMatcher>,
    gazetteer: Gazetteer,
    scale: Option<ContinuumScale>,
}

struct TaxonomyMatcher {
    name: String,
    /// Terms are places from the gazetteer rather than entries.
    places: bool,
    policy: EvidencePolicy,
    entries: Vec<EntryMatcher>,
}

struct EntryMatcher {
    label: String,
    words: Vec<WordPattern>,
    title_words: Vec<WordPattern>,
    patterns: Vec<String>,
    exclude: Vec<String>,
    min_mentions: usize,
}

impl TaxonomyMatcher {
    /// May this sentence earn this taxonomy's terms? A method named in a
    /// sentence about partners may be theirs (whom a partnership is for is
    /// the effort's target group: "et samarbejde … om aktivering af
    /// grønlandske kontanthjælpsmodtagere").
    fn accepts_sentence(&self, s: &Sentence, scope: Scope) -> bool {
        let partners =
            !s.is_title && self.policy == EvidencePolicy::Effort && roles::about_partners(&s.words);
        // A law in a person's history ("tidligere visiteret til … §110
        // tilbud") is not the one the course ran under.
        let course_history = scope == Scope::Course
            && self.policy == EvidencePolicy::Frame
            && s.role != Role::Describes;
        self.accepts(s.role) && !partners && !course_history
    }

    /// Does a course's own text earn this taxonomy? Where and by whom it ran
    /// is its effort's, and lessons (factors, ideas) are drawn from efforts:
    /// the ideas' words are too loose for a course's few sentences ("et
    /// kombineret forløb med … Jobklub" is no værested).
    fn read_for(&self, scope: Scope) -> bool {
        scope == Scope::Effort
            || matches!(
                self.policy,
                EvidencePolicy::Effort | EvidencePolicy::Group | EvidencePolicy::Frame
            )
    }

    /// Does a course take this taxonomy's terms from its effort?
    fn inherited_by_courses(&self) -> bool {
        self.policy == EvidencePolicy::Context
    }

    /// May a sentence of this role earn this taxonomy's terms?
    fn accepts(&self, role: Role) -> bool {
        match self.policy {
            EvidencePolicy::Effort => role == Role::Describes,
            EvidencePolicy::Group => {
                matches!(role, Role::Describes | Role::Background | Role::Goal)
            }
            EvidencePolicy::Context => CONTEXT_ROLES.contains(&role),
            // A law named in a wish about it is still the law the effort works under.
            EvidencePolicy::Frame => CONTEXT_ROLES.contains(&role) || role == Role::Hypothetical,
            EvidencePolicy::Lesson | EvidencePolicy::Practice => role != Role::Figure,
        }
    }
}

/// Roles of sentences that tell where and under what an effort runs: all but
/// figures, wishes and lessons.
const CONTEXT_ROLES: [Role; 5] = [
    Role::Describes,
    Role::Background,
    Role::SomeParticipants,
    Role::Goal,
    Role::Result,
];

impl EntryMatcher {
    fn new(entry: &vocabulary::Entry) -> EntryMatcher {
        EntryMatcher {
            label: entry.label.clone(),
            words: entry
                .terms
                .iter()
                .map(|t| WordPattern::new(t, entry.compounds))
                .chain(entry.prefixes.iter().map(|t| WordPattern::prefix(t)))
                .collect(),
            title_words: entry
                .title_terms
                .iter()
                .map(|t| WordPattern::new(t, false))
                .collect(),
            patterns: entry.patterns.iter().map(|p| p.to_lowercase()).collect(),
            exclude: entry.exclude.iter().map(|w| w.to_lowercase()).collect(),
            min_mentions: entry.min_mentions,
        }
    }

    /// The first sentence naming the entry as a trait of some participants,
    /// as evidence for it.
    fn trait_in(&self, taxonomy: &str, sentences: &[Sentence]) -> Option<Evidence> {
        let sentence = sentences.iter().find(|s| {
            s.role == Role::SomeParticipants
                && !roles::about_partners(&s.words)
                && self.mentioned_in(s, EvidencePolicy::Group)
        })?;
        Some(Evidence {
            taxonomy: taxonomy.to_string(),
            term: self.label.clone(),
            sentence: sentence.text.clone(),
            role: sentence.role,
            reviewed: false,
            from: None,
        })
    }

    /// Does the sentence name the entry, not negated (a lesson may be)?
    fn mentioned_in(&self, s: &Sentence, policy: EvidencePolicy) -> bool {
        // A list's items are negated or exemplified with its first one.
        let negated = |at: usize| {
            roles::negated_at(&s.words, &s.clauses, at)
                || roles::negated_at(&s.words, &s.clauses, s.list_heads[at])
        };
        let exemplified = |at: usize| {
            roles::exemplified_at(&s.words, &s.clauses, at)
                || roles::exemplified_at(&s.words, &s.clauses, s.list_heads[at])
        };
        let counts = |at: usize| match policy {
            EvidencePolicy::Lesson | EvidencePolicy::Practice => {
                !roles::rare_at(&s.words, &s.clauses, at)
            }
            // A referral names a method offered elsewhere.
            EvidencePolicy::Effort => {
                !negated(at)
                    && !exemplified(at)
                    && !roles::referred_at(&s.words, &s.clauses, s.list_heads[at])
            }
            _ => !negated(at),
        };
        let title_words = self.title_words.iter().filter(|_| s.is_title);
        self.words
            .iter()
            .chain(title_words)
            .any(|w| w.positions(&s.words, &self.exclude).into_iter().any(counts))
            || self.patterns.iter().any(|p| s.lower.contains(p))
    }
}

impl Tagger {
    fn new(
        vocabularies: &Vocabularies,
        gazetteer: Gazetteer,
        scale: Option<ContinuumScale>,
    ) -> Tagger {
        let taxonomies = vocabularies
            .taxonomies
            .iter()
            .map(|taxonomy| TaxonomyMatcher {
                name: taxonomy.name.clone(),
                places: taxonomy.places.is_some(),
                policy: taxonomy.evidence,
                entries: taxonomy.entries.iter().map(EntryMatcher::new).collect(),
            })
            .collect();
        Tagger {
            taxonomies,
            gazetteer,
            scale,
        }
    }

    /// A course's tags: those its own sentences earn, and where and by whom
    /// it ran from its effort's tags (with the effort's sentences), given as
    /// the effort's content path and tags.
    fn course_terms(&self, sentences: &[Sentence], effort: Option<(&str, &PageTags)>) -> PageTags {
        let mut tags = self.terms(sentences, Scope::Course);
        let Some((effort_path, effort)) = effort else {
            return tags;
        };
        for taxonomy in self.taxonomies.iter().filter(|t| t.inherited_by_courses()) {
            let Some(terms) = effort.terms.get(&taxonomy.name) else {
                continue;
            };
            tags.terms.insert(taxonomy.name.clone(), terms.clone());
            tags.evidence.extend(
                effort
                    .evidence
                    .iter()
                    .filter(|e| e.taxonomy == taxonomy.name)
                    .map(|e| Evidence {
                        from: Some(effort_path.to_string()),
                        ..e.clone()
                    }),
            );
            if taxonomy.places {
                tags.places.extend(effort.places.iter().cloned());
            }
        }
        tags
    }

    /// The vocabulary terms these sentences earn, with evidence (no placement).
    fn terms(&self, sentences: &[Sentence], scope: Scope) -> PageTags {
        let mut tags = PageTags::default();
        for taxonomy in self.taxonomies.iter().filter(|t| t.read_for(scope)) {
            if taxonomy.places {
                self.place_terms(taxonomy, sentences, &mut tags);
                continue;
            }
            for entry in &taxonomy.entries {
                let matching: Vec<&Sentence> = sentences
                    .iter()
                    .filter(|s| {
                        taxonomy.accepts_sentence(s, scope)
                            && entry.mentioned_in(s, taxonomy.policy)
                    })
                    .collect();
                // The title, or for a target group a sentence about the
                // målgruppe, names it on purpose: once is enough.
                let decisive = matching.iter().any(|s| {
                    s.is_title
                        || (taxonomy.policy == EvidencePolicy::Group
                            && roles::names_target_group(&s.words))
                });
                // A keyword's role cannot be read from its few words. When the
                // text names the entry only in wishes, the keyword sums them
                // up (Hotellet's "Mentorordning: et perspektiv for
                // arbejdsmarkedsplacering"); a wish earns what it earns.
                let only_keywords = matching.iter().all(|s| s.is_keyword);
                let sums_up_wishes = || {
                    let mut naming = sentences.iter().filter(|s| {
                        !s.is_keyword && !s.is_title && entry.mentioned_in(s, taxonomy.policy)
                    });
                    let first = naming.next();
                    first.is_some()
                        && first
                            .into_iter()
                            .chain(naming)
                            .all(|s| s.role == Role::Hypothetical)
                };
                if matching.is_empty()
                    || (only_keywords && !taxonomy.accepts(Role::Hypothetical) && sums_up_wishes())
                    || (!decisive && matching.len() < entry.min_mentions)
                {
                    if taxonomy.policy == EvidencePolicy::Group {
                        tags.traits
                            .extend(entry.trait_in(&taxonomy.name, sentences));
                    }
                    continue;
                }
                tags.terms
                    .entry(taxonomy.name.clone())
                    .or_default()
                    .push(entry.label.clone());
                // The title says it best; otherwise the first sentence that
                // does. That a page does a method or an idea is shown by a
                // sentence of its text stating it, before a keyword, which is
                // a heading ("Mentorordning som et redskab …").
                let does = matches!(
                    taxonomy.policy,
                    EvidencePolicy::Effort | EvidencePolicy::Practice
                );
                let mut best: &Sentence = matching
                    .iter()
                    .find(|s| s.is_title)
                    .or_else(|| {
                        matching
                            .iter()
                            .find(|s| does && !s.is_keyword && s.role == Role::Describes)
                    })
                    .unwrap_or(&matching[0]);
                let mut role = best.role;
                if taxonomy.policy == EvidencePolicy::Practice && !best.is_title {
                    // An idea may be named in a wish, but a page that does
                    // it says so elsewhere: a statement is shown before a
                    // wish, and a page whose text names it only in wishes
                    // ("vil også kunne give bedre resultater"), whatever its
                    // keywords say ("et perspektiv for"), is marked as
                    // wishing, with its first wish.
                    if sums_up_wishes() {
                        role = Role::Hypothetical;
                        if let Some(wish) = matching.iter().find(|s| !s.is_keyword) {
                            best = wish;
                        }
                    } else if best.role == Role::Hypothetical {
                        if let Some(stated) = matching.iter().find(|s| s.role != Role::Hypothetical)
                        {
                            best = stated;
                            role = best.role;
                        }
                    }
                }
                tags.evidence.push(Evidence {
                    taxonomy: taxonomy.name.clone(),
                    term: entry.label.clone(),
                    sentence: best.text.clone(),
                    role,
                    reviewed: false,
                    from: None,
                });
            }
        }
        tags
    }

    /// Every place the page's accepted sentences name, in order of first
    /// mention (the title's first), each with the sentence that names it.
    fn place_terms(&self, taxonomy: &TaxonomyMatcher, sentences: &[Sentence], tags: &mut PageTags) {
        let ordered = sentences
            .iter()
            .filter(|s| s.is_title)
            .chain(sentences.iter().filter(|s| !s.is_title));
        // A partner's town ("et samarbejde med Aalborg Kommune") is not
        // where the effort runs.
        let about_partners = |s: &Sentence| !s.is_title && roles::about_partners(&s.words);
        for sentence in ordered.filter(|s| taxonomy.accepts(s.role) && !about_partners(s)) {
            for place in self.gazetteer.places_in(sentence) {
                let terms = tags.terms.entry(taxonomy.name.clone()).or_default();
                if terms.contains(&place.name) {
                    continue;
                }
                terms.push(place.name.clone());
                tags.evidence.push(Evidence {
                    taxonomy: taxonomy.name.clone(),
                    term: place.name.clone(),
                    sentence: sentence.text.clone(),
                    role: sentence.role,
                    reviewed: false,
                    from: None,
                });
                tags.places.push(place);
            }
        }
    }

    /// Tags and a continuum position for a page written by hand: its title
    /// and the paragraphs of its Markdown, as for a generated page.
    pub fn tag_text(&self, title: &str, keywords: &[String], paragraphs: &[String]) -> PageTags {
        let mut sentences = vec![Sentence::new(title, true)];
        sentences.extend(keywords.iter().map(|k| Sentence::keyword(k)));
        for paragraph in paragraphs {
            sentences.extend(
                split_sentences(paragraph)
                    .into_iter()
                    .map(|s| Sentence::new(s, false)),
            );
        }
        let mut tags = self.terms(&sentences, Scope::Effort);
        // A position with no sentence behind it would be a guess.
        tags.placement = self
            .scale
            .as_ref()
            .map(|scale| scale.place(&sentences))
            .filter(|placement| !placement.reasons.is_empty());
        tags
    }
}
