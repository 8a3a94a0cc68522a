//! A taxonomy's matcher and its entries' matchers, built once from the
//! vocabularies: which sentences may earn a taxonomy's terms (by their role,
//! by what the page's own text is read for), and whether a sentence names
//! an entry, not negated, not as an example.

use super::negation;
use super::roles::{self, Role};
use super::sentences::Sentence;
use super::tagger::Scope;
use super::vocabulary::{self, EvidencePolicy};
use super::words::WordPattern;
use super::Evidence;

pub(super) struct TaxonomyMatcher {
    pub(super) name: String,
    /// Terms are places from the gazetteer rather than entries.
    pub(super) places: bool,
    pub(super) policy: EvidencePolicy,
    pub(super) entries: Vec<EntryMatcher>,
}

pub(super) struct EntryMatcher {
    pub(super) label: String,
    pub(super) words: Vec<WordPattern>,
    pub(super) title_words: Vec<WordPattern>,
    pub(super) patterns: Vec<String>,
    pub(super) exclude: Vec<String>,
    pub(super) min_mentions: usize,
}

impl TaxonomyMatcher {
    /// May this sentence earn this taxonomy's terms? A method named in a
    /// sentence about partners may be theirs (whom a partnership is for is
    /// the effort's target group: "et samarbejde … om aktivering af
    /// grønlandske kontanthjælpsmodtagere").
    pub(super) fn accepts_sentence(&self, s: &Sentence, scope: Scope) -> bool {
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
    pub(super) fn read_for(&self, scope: Scope) -> bool {
        scope == Scope::Effort
            || matches!(
                self.policy,
                EvidencePolicy::Effort | EvidencePolicy::Group | EvidencePolicy::Frame
            )
    }

    /// Does a course take this taxonomy's terms from its effort?
    pub(super) fn inherited_by_courses(&self) -> bool {
        self.policy == EvidencePolicy::Context
    }

    /// May a sentence of this role earn this taxonomy's terms?
    pub(super) fn accepts(&self, role: Role) -> bool {
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

/// Nouns for a participant's relatives, whose traits are not the
/// participant's.
const RELATIVES: [&str; 16] = [
    "barn",
    "barnet",
    "børn",
    "børnene",
    "søn",
    "sønnen",
    "datter",
    "datteren",
    "mor",
    "moren",
    "far",
    "faren",
    "forældre",
    "forældrene",
    "ægtefælle",
    "ægtefællen",
];

/// Does the word at `at` describe the relative named right after it
/// ("handicappet barn")?
fn of_a_relative(words: &[String], at: usize) -> bool {
    words
        .get(at + 1)
        .is_some_and(|next| RELATIVES.contains(&next.as_str()))
}

/// Roles of sentences that tell where and under what an effort runs: all but
/// figures, wishes and lessons.
pub(super) const CONTEXT_ROLES: [Role; 5] = [
    Role::Describes,
    Role::Background,
    Role::SomeParticipants,
    Role::Goal,
    Role::Result,
];

impl EntryMatcher {
    pub(super) fn new(entry: &vocabulary::Entry) -> EntryMatcher {
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
    pub(super) fn trait_in(&self, taxonomy: &str, sentences: &[Sentence]) -> Option<Evidence> {
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
            quoted: sentence.quoted(),
        })
    }

    /// A sentence saying the effort now has fewer people of this group
    /// ([`roles::fewer_now`]), as the evidence that the group is a trait of
    /// some participants, no longer whom the effort is for.
    pub(super) fn fewer_now_in(&self, taxonomy: &str, sentences: &[Sentence]) -> Option<Evidence> {
        let sentence = sentences.iter().find(|s| {
            roles::fewer_now(&s.words).is_some_and(|at| {
                self.words.iter().any(|w| {
                    w.positions(&s.words, &self.exclude)
                        .into_iter()
                        .any(|p| p > at)
                })
            })
        })?;
        Some(Evidence {
            taxonomy: taxonomy.to_string(),
            term: self.label.clone(),
            sentence: sentence.text.clone(),
            role: Role::SomeParticipants,
            reviewed: false,
            from: None,
            quoted: sentence.quoted(),
        })
    }

    /// Does the sentence name the entry only as what the effort prevents
    /// ("forebyggelse af tilbagefald til misbrug"): a lesson it works
    /// against, which a sentence saying it happens shows better?
    pub(super) fn prevented_in(&self, s: &Sentence) -> bool {
        let positions: Vec<usize> = self
            .words
            .iter()
            .flat_map(|w| w.positions(&s.words, &self.exclude))
            .collect();
        !positions.is_empty()
            && positions
                .iter()
                .all(|&at| negation::prevented_at(&s.words, &s.clauses, at))
    }

    /// Does the sentence name the entry, not negated (a lesson may be)?
    pub(super) fn mentioned_in(&self, s: &Sentence, policy: EvidencePolicy) -> bool {
        // A list's items are negated or exemplified with its first one.
        let negated = |at: usize| {
            negation::negated_at(&s.words, &s.clauses, at)
                || negation::negated_at(&s.words, &s.clauses, s.list_heads[at])
        };
        let exemplified = |at: usize| {
            negation::exemplified_at(&s.words, &s.clauses, at)
                || negation::exemplified_at(&s.words, &s.clauses, s.list_heads[at])
        };
        let counts = |at: usize| match policy {
            EvidencePolicy::Lesson | EvidencePolicy::Practice => {
                !negation::rare_at(&s.words, &s.clauses, at)
            }
            // A referral names a method offered elsewhere.
            EvidencePolicy::Effort => {
                !negated(at)
                    && !exemplified(at)
                    && !negation::referred_at(&s.words, &s.clauses, s.list_heads[at])
            }
            // "kørselsordning til handicappet barn": the child's, not the
            // participant's (blind user test 17).
            EvidencePolicy::Group => !negated(at) && !of_a_relative(&s.words, at),
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

#[cfg(test)]
mod tests {
    use super::of_a_relative;
    use crate::tagging::words;

    #[test]
    fn a_group_word_before_a_relative_is_the_relatives() {
        let sentence = words("Vejledning i at søge kørselsordning til handicappet barn");
        let at = sentence
            .iter()
            .position(|w| w == "handicappet")
            .expect("word");
        assert!(of_a_relative(&sentence, at));
        let own = words("Projektet er for handicappede borgere");
        let at = own.iter().position(|w| w == "handicappede").expect("word");
        assert!(!of_a_relative(&own, at));
    }
}
