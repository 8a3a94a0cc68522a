//! Words of the field that mean the same ("ledig", "arbejdsløs"), from
//! `curation/synonyms.toml`. The list travels with the index as
//! `synonyms.json` and widens a query when it runs, so a page is scored on how
//! often it uses the synonym it uses ("Psykiatri-tilbud" in a title counts as
//! a title match for "psykisk syge"), not merely on whether it uses one.

use serde::{Deserialize, Serialize};

use crate::analysis::{analyze, analyze_unstemmed};
use crate::error::SearchError;

pub const SYNONYMS_FILE: &str = "synonyms.json";

/// The groups, each member analyzed (a member may be a phrase).
#[derive(Clone, Debug, Default)]
pub(crate) struct Synonyms {
    groups: Vec<Vec<Member>>,
    /// Related words ("mentor", "kontaktperson"): named, not searched.
    related: Vec<Vec<Member>>,
}

/// One member of a group: its analyzed terms, and the text as written.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Member {
    pub terms: Vec<String>,
    pub text: String,
    /// The text's words folded and unstemmed, as the index's `words` field
    /// holds them (a misspelling is compared with them).
    pub written: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct SynonymsFile {
    groups: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    related: Vec<Vec<String>>,
}

/// A run of query words that is a member of a group, and the group's other members.
#[derive(Debug, PartialEq)]
pub(crate) struct SynonymMatch<'a> {
    /// How many query words the member spans.
    pub words: usize,
    pub alternatives: Vec<&'a Member>,
}

impl Synonyms {
    pub fn with_related(groups: &[Vec<String>], related: &[Vec<String>]) -> Synonyms {
        Synonyms {
            groups: members(groups),
            related: members(related),
        }
    }

    pub fn file_bytes(groups: &[Vec<String>], related: &[Vec<String>]) -> Vec<u8> {
        let file = SynonymsFile {
            groups: groups.to_vec(),
            related: related.to_vec(),
        };
        // Lists of strings always serialize.
        serde_json::to_vec_pretty(&file).unwrap_or_default()
    }

    pub fn parse(bytes: &[u8]) -> Result<Synonyms, SearchError> {
        let file: SynonymsFile = serde_json::from_slice(bytes)
            .map_err(|err| SearchError::BadManifest(format!("{SYNONYMS_FILE}: {err}")))?;
        Ok(Synonyms::with_related(&file.groups, &file.related))
    }

    /// The longest member that the query words from `start` on begin with.
    /// `words` holds each query word's analyzed terms.
    pub fn match_at(&self, words: &[Vec<String>], start: usize) -> Option<SynonymMatch<'_>> {
        longest_member(&self.groups, words, start)
    }

    /// Is this analyzed term a one-word member of a group? Such a word is
    /// the vocabulary's, not a misspelling, though no page writes it.
    pub fn has_term(&self, term: &str) -> bool {
        self.groups
            .iter()
            .flatten()
            .any(|member| matches!(member.terms.as_slice(), [only] if only == term))
    }

    /// The one-word members of every group.
    pub fn single_words(&self) -> impl Iterator<Item = &Member> {
        self.groups
            .iter()
            .flatten()
            .filter(|member| !member.text.contains(char::is_whitespace))
    }

    /// Like [`Synonyms::match_at`], among the related words.
    pub fn related_at(&self, words: &[Vec<String>], start: usize) -> Option<SynonymMatch<'_>> {
        longest_member(&self.related, words, start)
    }
}

fn members(groups: &[Vec<String>]) -> Vec<Vec<Member>> {
    groups
        .iter()
        .map(|group| {
            group
                .iter()
                .map(|text| Member {
                    terms: analyze(text),
                    text: text.clone(),
                    written: analyze_unstemmed(text),
                })
                .filter(|member| !member.terms.is_empty())
                .collect()
        })
        .collect()
}

/// The longest member of `groups` that the query words from `start` on
/// begin with, and the other members of every group it is in.
fn longest_member<'a>(
    groups: &'a [Vec<Member>],
    words: &[Vec<String>],
    start: usize,
) -> Option<SynonymMatch<'a>> {
    let mut best: Option<SynonymMatch> = None;
    for end in (start + 1..=words.len()).rev() {
        let typed: Vec<&String> = words[start..end].iter().flatten().collect();
        for group in groups {
            let is_typed = |member: &Member| member.terms.iter().eq(typed.iter().copied());
            if !group.iter().any(is_typed) {
                continue;
            }
            let alternatives: Vec<&Member> =
                group.iter().filter(|member| !is_typed(member)).collect();
            match &mut best {
                Some(found) if found.words == end - start => {
                    found.alternatives.extend(alternatives)
                }
                None => {
                    best = Some(SynonymMatch {
                        words: end - start,
                        alternatives,
                    })
                }
                Some(_) => {}
            }
        }
        if best.is_some() {
            break;
        }
    }
    if let Some(found) = &mut best {
        // Members with the same terms ("hjemløs", "hjemløse") are one search.
        found.alternatives.sort();
        found.alternatives.dedup_by(|a, b| a.terms == b.terms);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        text.split_whitespace().map(analyze).collect()
    }

    #[test]
    fn matches_the_longest_member_and_offers_the_others() {
        let synonyms = Synonyms::with_related(
            &[
                vec!["psykisk syg".into(), "sindslidende".into()],
                vec!["syg".into(), "sygdom".into()],
            ],
            &[],
        );
        let query = words("psykisk syge i job");
        let found = synonyms
            .match_at(&query, 0)
            .expect("psykisk syge is a member");
        assert_eq!(found.words, 2);
        let terms = |found: &SynonymMatch| -> Vec<Vec<String>> {
            found.alternatives.iter().map(|m| m.terms.clone()).collect()
        };
        assert_eq!(terms(&found), [analyze("sindslidende")]);
        assert_eq!(found.alternatives[0].text, "sindslidende");
        let single = synonyms
            .match_at(&query, 1)
            .expect("syge alone is a member");
        assert_eq!(single.words, 1);
        assert_eq!(terms(&single), [analyze("sygdom")]);
        assert_eq!(synonyms.match_at(&query, 3), None);
    }

    #[test]
    fn survives_a_round_trip_through_the_index_file() {
        let groups = vec![vec!["ledig".to_string(), "arbejdsløs".to_string()]];
        let related = vec![vec!["mentor".to_string(), "kontaktperson".to_string()]];
        let bytes = Synonyms::file_bytes(&groups, &related);
        let parsed = Synonyms::parse(&bytes).expect("own file parses");
        assert!(parsed.match_at(&words("arbejdsløse"), 0).is_some());
        assert!(parsed.match_at(&words("mentor"), 0).is_none());
        assert!(parsed.related_at(&words("mentor"), 0).is_some());
        assert!(Synonyms::parse(b"{").is_err());
    }
}
