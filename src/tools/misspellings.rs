//! Misspelt copies of judged queries, made by rule: each query's longest word
//! with one slip of the kinds people make when typing (a letter dropped, two
//! swapped, one doubled, a neighbouring key, æ/ø/å typed as ae/oe/aa). The
//! copy keeps the query's judgments, so how much a slip costs is measured on
//! queries whose right answers are known, and on as many misspellings as
//! there are queries, not only on the few a judge thought of.
//!
//! Made only from the sets tuned on: the held-out set's queries stay unread.

use std::fmt;

use crate::tools::eval::{score, JudgedQuery, Scores};

/// Kinds of judged query that are misspelt already or are names, whose
/// spelling is not a word's.
const SKIPPED_CATEGORIES: [&str; 3] = ["typo", "ascii", "misspelling"];
/// A slip in a shorter word makes another word as often as a misspelling.
const MIN_LETTERS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slip {
    Dropped,
    Swapped,
    Doubled,
    NeighbourKey,
    Ascii,
}

impl Slip {
    pub const ALL: [Slip; 5] = [
        Slip::Dropped,
        Slip::Swapped,
        Slip::Doubled,
        Slip::NeighbourKey,
        Slip::Ascii,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Slip::Dropped => "dropped",
            Slip::Swapped => "swapped",
            Slip::Doubled => "doubled",
            Slip::NeighbourKey => "neighbour",
            Slip::Ascii => "ascii",
        }
    }
}

impl fmt::Display for Slip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The key to the right on a Danish keyboard (to the left for the last of a
/// row): the commonest wrong key.
fn neighbour_key(letter: char) -> Option<char> {
    const ROWS: [&str; 3] = ["qwertyuiopå", "asdfghjklæø", "zxcvbnm"];
    ROWS.iter().find_map(|row| {
        let keys: Vec<char> = row.chars().collect();
        let at = keys.iter().position(|&k| k == letter)?;
        keys.get(at + 1)
            .or_else(|| at.checked_sub(1).map(|left| &keys[left]))
            .copied()
    })
}

/// `word` with one slip of `kind`, in its middle (people rarely mistype a
/// word's first letter); `None` when the slip cannot be made in it.
pub fn misspell(word: &str, kind: Slip) -> Option<String> {
    let mut letters: Vec<char> = word.chars().collect();
    if letters.len() < MIN_LETTERS || !letters.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let middle = letters.len() / 2;
    match kind {
        Slip::Dropped => {
            letters.remove(middle);
        }
        Slip::Swapped => {
            // Swapping two equal letters changes nothing: take the next pair.
            let at = (middle..letters.len() - 1).find(|&i| letters[i] != letters[i - 1])?;
            letters.swap(at - 1, at);
        }
        Slip::Doubled => letters.insert(middle, letters[middle]),
        Slip::NeighbourKey => {
            let lower = letters[middle].to_lowercase().next()?;
            letters[middle] = neighbour_key(lower)?;
        }
        Slip::Ascii => {
            let ascii: String = letters
                .iter()
                .map(|&c| match c.to_lowercase().next().unwrap_or(c) {
                    'æ' => "ae".to_string(),
                    'ø' => "oe".to_string(),
                    'å' => "aa".to_string(),
                    other => other.to_string(),
                })
                .collect();
            return (ascii != word.to_lowercase()).then_some(ascii);
        }
    }
    Some(letters.into_iter().collect())
}

/// A misspelt copy of a judged query, and what was done to it.
#[derive(Clone, Debug)]
pub struct MisspeltQuery {
    pub query: JudgedQuery,
    pub original: String,
    pub slip: Slip,
}

/// Every slip that can be made in each query's longest word (the first of
/// equally long ones), the copy judged as the query is.
pub fn misspelt_queries(queries: &[JudgedQuery]) -> Vec<MisspeltQuery> {
    let mut misspelt = Vec::new();
    for query in queries {
        if SKIPPED_CATEGORIES.contains(&query.category.as_str()) {
            continue;
        }
        let words: Vec<&str> = query.query.split_whitespace().collect();
        let Some((longest, _)) = words
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|(_, w)| w.chars().count())
        else {
            continue;
        };
        for slip in Slip::ALL {
            let Some(slipped) = misspell(words[longest], slip) else {
                continue;
            };
            let mut text: Vec<&str> = words.clone();
            text[longest] = &slipped;
            misspelt.push(MisspeltQuery {
                query: JudgedQuery {
                    query: text.join(" "),
                    category: slip.name().to_string(),
                    ..query.clone()
                },
                original: query.query.clone(),
                slip,
            });
        }
    }
    misspelt
}

/// One misspelt query's scores beside its original's, on the same judgments.
#[derive(Clone, Debug)]
pub struct SlipCost {
    pub copy: MisspeltQuery,
    pub clean: Scores,
    pub slipped: Scores,
}

/// Ranks every copy and its original with `rank` (query → pages, best first).
pub fn measure(
    copies: Vec<MisspeltQuery>,
    mut rank: impl FnMut(&str) -> Vec<String>,
) -> Vec<SlipCost> {
    copies
        .into_iter()
        .map(|copy| {
            let clean = score(&rank(&copy.original), &copy.query.grades);
            let slipped = score(&rank(&copy.query.query), &copy.query.grades);
            SlipCost {
                copy,
                clean,
                slipped,
            }
        })
        .collect()
}

/// Mean nDCG@10 / MRR with and without the slip, per kind of slip and
/// overall, then the copies that lost most.
pub struct CostTable<'a>(pub &'a [SlipCost]);

/// How many of the costliest copies the table lists.
const WORST_LISTED: usize = 30;

impl CostTable<'_> {
    /// Mean (clean, slipped) scores of `costs`.
    pub fn means<'c>(costs: impl Iterator<Item = &'c SlipCost> + Clone) -> (Scores, Scores) {
        (
            Scores::mean(costs.clone().map(|c| &c.clean)),
            Scores::mean(costs.map(|c| &c.slipped)),
        )
    }
}

impl fmt::Display for CostTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>7}  {:>13}  {:>13}",
            "slip", "queries", "nDCG clean→", "MRR clean→"
        )?;
        let line = |f: &mut fmt::Formatter<'_>, name: &str, costs: Vec<&SlipCost>| {
            let (clean, slipped) = Self::means(costs.iter().copied());
            writeln!(
                f,
                "{:<12} {:>7}  {:.3} → {:.3}  {:.3} → {:.3}",
                name,
                costs.len(),
                clean.ndcg,
                slipped.ndcg,
                clean.reciprocal_rank,
                slipped.reciprocal_rank
            )
        };
        for slip in Slip::ALL {
            line(
                f,
                slip.name(),
                self.0.iter().filter(|c| c.copy.slip == slip).collect(),
            )?;
        }
        line(f, "overall", self.0.iter().collect())?;
        let mut worst: Vec<&SlipCost> = self.0.iter().collect();
        worst.sort_by(|a, b| {
            let loss = |c: &SlipCost| c.clean.ndcg - c.slipped.ndcg;
            loss(b).total_cmp(&loss(a))
        });
        writeln!(f, "\nCostliest slips:")?;
        for cost in worst.iter().take(WORST_LISTED) {
            writeln!(
                f,
                "{:<40} {:<40} {:.3} → {:.3}",
                cost.copy.query.query, cost.copy.original, cost.clean.ndcg, cost.slipped.ndcg
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slip_changes_the_middle_of_the_word() {
        assert_eq!(
            misspell("mentorordning", Slip::Dropped).as_deref(),
            Some("mentorrdning")
        );
        assert_eq!(
            misspell("mentorordning", Slip::Swapped).as_deref(),
            Some("mentoorrdning")
        );
        assert_eq!(
            misspell("mentorordning", Slip::Doubled).as_deref(),
            Some("mentoroordning")
        );
        assert_eq!(
            misspell("mentorordning", Slip::NeighbourKey).as_deref(),
            Some("mentorprdning")
        );
        assert_eq!(misspell("sindslidende", Slip::Ascii), None);
        assert_eq!(
            misspell("kontanthjælp", Slip::Ascii).as_deref(),
            Some("kontanthjaelp")
        );
    }

    #[test]
    fn short_words_and_numbers_are_left_alone() {
        assert_eq!(misspell("job", Slip::Dropped), None);
        assert_eq!(misspell("§ 94", Slip::Dropped), None);
        assert_eq!(misspell("2004", Slip::Swapped), None);
    }

    #[test]
    fn the_longest_word_is_misspelt_and_the_judgments_kept() {
        let query = JudgedQuery {
            query: "psykisk sårbare i arbejdet".to_string(),
            category: "twoconcept".to_string(),
            grades: [("eksempler/a/".to_string(), 3)].into(),
            line: 7,
        };
        let copies = misspelt_queries(std::slice::from_ref(&query));
        let texts: Vec<&str> = copies.iter().map(|c| c.query.query.as_str()).collect();
        assert_eq!(
            texts,
            [
                "psykisk sårbare i arbedet",
                "psykisk sårbare i arbjedet",
                "psykisk sårbare i arbejjdet",
                "psykisk sårbare i arbekdet",
            ]
        );
        assert!(copies.iter().all(|c| c.query.grades == query.grades));
    }
}
