//! The tagger: the vocabularies' matchers and the calibrated continuum,
//! reading a page's sentences for the terms they earn, each with the
//! sentence that earned it (a course also takes where and by whom it ran
//! from its effort), and placing a page written by hand.

use super::matcher::{EntryMatcher, TaxonomyMatcher};
use super::roles::{self, Role};
use super::sentences::{split_sentences, Sentence};
use super::{ContinuumScale, Evidence, EvidencePolicy, Gazetteer, PageTags, Vocabularies};

/// What a page's own text is read for.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Scope {
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

impl Tagger {
    pub(super) fn new(
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
    pub(super) fn course_terms(
        &self,
        sentences: &[Sentence],
        effort: Option<(&str, &PageTags)>,
    ) -> PageTags {
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
    pub(super) fn terms(&self, sentences: &[Sentence], scope: Scope) -> PageTags {
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
                // A group the page says it now has fewer of is one it
                // served before: some participants', not the page's
                // (Lokalværdi 2022, blind user test 19).
                if taxonomy.policy == EvidencePolicy::Group && !matching.is_empty() {
                    if let Some(former) = entry.fewer_now_in(&taxonomy.name, sentences) {
                        tags.traits.push(former);
                        continue;
                    }
                }
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
                // That a page does a method or an idea is shown by a
                // sentence of its text stating it, before the title (which
                // names it, but is no sentence: blind user test 27) and a
                // keyword, which is a heading ("Mentorordning som et
                // redskab …"). Whom, where and under which law: the title
                // says it best.
                let does = matches!(
                    taxonomy.policy,
                    EvidencePolicy::Effort | EvidencePolicy::Practice
                );
                let in_text = |s: &&Sentence| !s.is_title && !s.is_keyword;
                let mut best: &Sentence = matching
                    .iter()
                    .find(|s| does && in_text(s) && s.role == Role::Describes)
                    .or_else(|| {
                        // A lesson is shown by a sentence saying it happens,
                        // before one about preventing it (Projekt Føniks'
                        // "forebyggelse af tilbagefald": blind user test 22)
                        // and before a keyword, the catalogue's own summary,
                        // only where the sentence is no wish (Oqqumut's
                        // "skulle omfatte … misbrugsbehandling").
                        matching.iter().find(|s| {
                            taxonomy.policy == EvidencePolicy::Lesson
                                && in_text(s)
                                && s.role != Role::Hypothetical
                                && !entry.prevented_in(s)
                        })
                    })
                    .or_else(|| matching.iter().find(|s| s.is_title))
                    .or_else(|| {
                        matching.iter().find(|s| {
                            taxonomy.policy == EvidencePolicy::Lesson && !entry.prevented_in(s)
                        })
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
                    quoted: best.quoted(),
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
                    quoted: sentence.quoted(),
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
