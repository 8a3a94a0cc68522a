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
    groups: Vec<Group>,
    /// Related words ("mentor", "kontaktperson"): named, not searched.
    related: Vec<Group>,
}

/// Words searched for each other.
#[derive(Clone, Debug)]
struct Group {
    members: Vec<Member>,
    /// How many of the first members, typed, find the others: all of a group
    /// of synonyms; one of a narrower word's group ("skizofreni" finds "psykisk
    /// syg" and its synonyms, and a search for those does not find every
    /// diagnosis).
    finding: usize,
}

impl Group {
    fn of_synonyms(members: Vec<Member>) -> Group {
        Group {
            finding: members.len(),
            members,
        }
    }
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

/// The lists of `curation/synonyms.toml`, as the curation reads them and
/// the index carries them (`synonyms.json`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SynonymLists {
    /// Words that mean the same.
    #[serde(default)]
    pub groups: Vec<Vec<String>>,
    /// Related words that do not mean the same ("mentor", "kontaktperson"):
    /// not searched for each other, but named beside the results, so a
    /// reader can search them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Vec<String>>,
    /// A broader word (a member of a group) and words for kinds of it
    /// ("psykisk syg", "skizofreni", "depression"): a narrower word finds
    /// the broader word's group, not the other way round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub narrower: Vec<Vec<String>>,
}

impl SynonymLists {
    /// A narrower list needs a broader word that is a member of a group and
    /// at least one narrower word: what is wrong with the first that does not.
    pub fn check(&self) -> Result<(), String> {
        let members: std::collections::HashSet<&str> =
            self.groups.iter().flatten().map(String::as_str).collect();
        for list in &self.narrower {
            match list.as_slice() {
                [] | [_] => {
                    return Err(format!(
                        "narrower list {list:?} needs a broader word and a narrower one"
                    ))
                }
                [broader, ..] if !members.contains(broader.as_str()) => {
                    return Err(format!(
                        "narrower list's broader word {broader:?} is in no group of synonyms"
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A run of query words that is a member of a group, and the group's other members.
#[derive(Debug, PartialEq)]
pub(crate) struct SynonymMatch<'a> {
    /// How many query words the member spans.
    pub words: usize,
    pub alternatives: Vec<&'a Member>,
}

impl Synonyms {
    #[cfg(test)]
    pub fn with_related(groups: &[Vec<String>], related: &[Vec<String>]) -> Synonyms {
        Synonyms::new(&SynonymLists {
            groups: groups.to_vec(),
            related: related.to_vec(),
            narrower: Vec::new(),
        })
    }

    pub fn new(lists: &SynonymLists) -> Synonyms {
        let mut groups: Vec<Group> = members(&lists.groups)
            .into_iter()
            .map(Group::of_synonyms)
            .collect();
        let narrower_groups: Vec<Group> = lists
            .narrower
            .iter()
            .flat_map(|list| narrower_groups(list, &groups))
            .collect();
        groups.extend(narrower_groups);
        Synonyms {
            groups,
            related: members(&lists.related)
                .into_iter()
                .map(Group::of_synonyms)
                .collect(),
        }
    }

    pub fn file_bytes(lists: &SynonymLists) -> Vec<u8> {
        // Lists of strings always serialize.
        serde_json::to_vec_pretty(lists).unwrap_or_default()
    }

    pub fn parse(bytes: &[u8]) -> Result<Synonyms, SearchError> {
        let lists: SynonymLists = serde_json::from_slice(bytes)
            .map_err(|err| SearchError::BadManifest(format!("{SYNONYMS_FILE}: {err}")))?;
        Ok(Synonyms::new(&lists))
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
            .flat_map(|group| &group.members)
            .any(|member| matches!(member.terms.as_slice(), [only] if only == term))
    }

    /// The one-word members of every group.
    pub fn single_words(&self) -> impl Iterator<Item = &Member> {
        self.groups
            .iter()
            .flat_map(|group| &group.members[..group.finding])
            .filter(|member| !member.text.contains(char::is_whitespace))
    }

    /// Like [`Synonyms::match_at`], among the related words.
    pub fn related_at(&self, words: &[Vec<String>], start: usize) -> Option<SynonymMatch<'_>> {
        longest_member(&self.related, words, start)
    }
}

fn members(groups: &[Vec<String>]) -> Vec<Vec<Member>> {
    groups.iter().map(|group| analyzed(group)).collect()
}

/// The members `texts` write, analyzed; a text of stop words only is none.
fn analyzed(texts: &[String]) -> Vec<Member> {
    texts
        .iter()
        .map(|text| Member {
            terms: analyze(text),
            text: text.clone(),
            written: analyze_unstemmed(text),
        })
        .filter(|member| !member.terms.is_empty())
        .collect()
}

/// For a narrower list (its broader word first, then its narrower words),
/// one group for each narrower word: the word, finding the broader word and
/// every member of the groups of `synonyms` that hold it.
fn narrower_groups(list: &[String], synonyms: &[Group]) -> Vec<Group> {
    let mut listed = analyzed(list).into_iter();
    let Some(broader) = listed.next() else {
        return Vec::new();
    };
    let mut found: Vec<Member> = synonyms
        .iter()
        .filter(|group| group.members.iter().any(|m| m.terms == broader.terms))
        .flat_map(|group| group.members.iter().cloned())
        .collect();
    if found.is_empty() {
        found.push(broader);
    }
    listed
        .map(|narrow| {
            let mut members = vec![narrow];
            members.extend(found.iter().cloned());
            Group {
                members,
                finding: 1,
            }
        })
        .collect()
}

/// The longest member of `groups` that the query words from `start` on
/// begin with, and the other members of every group it is in.
fn longest_member<'a>(
    groups: &'a [Group],
    words: &[Vec<String>],
    start: usize,
) -> Option<SynonymMatch<'a>> {
    let mut best: Option<SynonymMatch> = None;
    for end in (start + 1..=words.len()).rev() {
        let typed: Vec<&String> = words[start..end].iter().flatten().collect();
        for group in groups {
            let is_typed = |member: &Member| member.terms.iter().eq(typed.iter().copied());
            if !group.members[..group.finding].iter().any(is_typed) {
                continue;
            }
            let alternatives: Vec<&Member> = group
                .members
                .iter()
                .filter(|member| !is_typed(member))
                .collect();
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
        let bytes = Synonyms::file_bytes(&SynonymLists {
            groups,
            related,
            narrower: vec![vec!["ledig".to_string(), "langtidsledig".to_string()]],
        });
        let parsed = Synonyms::parse(&bytes).expect("own file parses");
        assert!(parsed.match_at(&words("arbejdsløse"), 0).is_some());
        assert!(parsed.match_at(&words("mentor"), 0).is_none());
        assert!(parsed.related_at(&words("mentor"), 0).is_some());
        assert!(parsed.match_at(&words("langtidsledige"), 0).is_some());
        assert!(Synonyms::parse(b"{").is_err());
    }

    /// A narrower word finds its broader word and that word's synonyms; the
    /// broader word and its synonyms do not find the narrower word.
    #[test]
    fn a_narrower_word_finds_its_broader_group_and_not_the_other_way() {
        let synonyms = Synonyms::new(&SynonymLists {
            groups: vec![vec!["psykisk syg".into(), "sindslidende".into()]],
            related: Vec::new(),
            narrower: vec![vec![
                "psykisk syg".into(),
                "skizofreni".into(),
                "depression".into(),
            ]],
        });
        let texts = |query: &str| -> Vec<String> {
            let mut found: Vec<String> = synonyms
                .match_at(&words(query), 0)
                .map(|m| m.alternatives.iter().map(|a| a.text.clone()).collect())
                .unwrap_or_default();
            found.sort();
            found
        };
        assert_eq!(texts("skizofreni"), ["psykisk syg", "sindslidende"]);
        assert_eq!(texts("sindslidende"), ["psykisk syg"]);
        assert_eq!(texts("psykisk syge"), ["sindslidende"]);
        assert!(synonyms.has_term(&analyze("depression")[0]));
    }

    #[test]
    fn a_narrower_list_needs_a_broader_member_and_a_narrower_word() {
        let lists = |narrower: Vec<Vec<String>>| SynonymLists {
            groups: vec![vec!["psykisk syg".into(), "sindslidende".into()]],
            narrower,
            ..SynonymLists::default()
        };
        assert!(lists(vec![vec!["psykisk syg".into(), "skizofreni".into()]])
            .check()
            .is_ok());
        let unknown = lists(vec![vec!["sindssyg".into(), "skizofreni".into()]]);
        let message = unknown.check().expect_err("broader word in no group");
        assert!(message.contains("\"sindssyg\""), "{message}");
        assert!(lists(vec![vec!["psykisk syg".into()]]).check().is_err());
    }
}
