//! Copies of judged queries asked otherwise, made by rule, each keeping its
//! query's judgments: the same need typed with a slip, or asked as a
//! question. How much a variant costs is then measured on queries whose
//! right answers are known, on as many variants as there are queries, not
//! only on the few a judge thought of.
//!
//! - Slips: the query's longest word with one slip of the kinds people make
//!   when typing (a letter dropped, two swapped, one doubled, a neighbouring
//!   key, æ/ø/å typed as ae/oe/aa).
//! - Frames: the query inside a frame readers ask in ("hvor kan jeg læse om
//!   …", "findes der eksempler på …"), which should find what the query
//!   alone finds.
//!
//! Made only from the sets tuned on: the held-out set's queries stay unread.

use std::fmt;

use crate::tools::eval::{score, JudgedQuery, Scores};

/// Kinds of judged query that are misspelt already.
const MISSPELT_CATEGORIES: [&str; 3] = ["typo", "ascii", "misspelling"];
/// Kinds of judged query that are questions already.
const QUESTION_CATEGORIES: [&str; 1] = ["question"];

/// Frames readers put around what they want, `{}` standing for it.
pub const FRAMES: [&str; 6] = [
    "hvordan virker {}",
    "hvad er {}",
    "hvor kan jeg læse om {}",
    "findes der eksempler på {}",
    "hvad ved man om {}",
    "erfaringer med {}",
];

/// How a copy asks otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    Slip(Slip),
    Frame(&'static str),
}

impl Variant {
    /// Every variant, slips first.
    pub fn all() -> impl Iterator<Item = Variant> {
        Slip::ALL
            .into_iter()
            .map(Variant::Slip)
            .chain(FRAMES.into_iter().map(Variant::Frame))
    }

    pub fn name(self) -> String {
        match self {
            Variant::Slip(slip) => slip.name().to_string(),
            Variant::Frame(frame) => frame.replace("{}", "…"),
        }
    }
}
/// A slip in a shorter word makes another word as often as a misspelling.
const MIN_LETTERS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slip {
    Dropped,
    Swapped,
    Doubled,
    NeighbourKey,
    Ascii,
    /// æ/ø/å typed as the plain letter nearest (a, o, a), as on a keyboard
    /// without them.
    Stripped,
}

impl Slip {
    pub const ALL: [Slip; 6] = [
        Slip::Dropped,
        Slip::Swapped,
        Slip::Doubled,
        Slip::NeighbourKey,
        Slip::Ascii,
        Slip::Stripped,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Slip::Dropped => "dropped",
            Slip::Swapped => "swapped",
            Slip::Doubled => "doubled",
            Slip::NeighbourKey => "neighbour",
            Slip::Ascii => "ascii",
            Slip::Stripped => "stripped",
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
        Slip::Ascii | Slip::Stripped => {
            let spelt: String = letters
                .iter()
                .map(|&c| match (c.to_lowercase().next().unwrap_or(c), kind) {
                    ('æ', Slip::Ascii) => "ae".to_string(),
                    ('ø', Slip::Ascii) => "oe".to_string(),
                    ('å', Slip::Ascii) => "aa".to_string(),
                    ('æ' | 'å', _) => "a".to_string(),
                    ('ø', _) => "o".to_string(),
                    (other, _) => other.to_string(),
                })
                .collect();
            return (spelt != word.to_lowercase()).then_some(spelt);
        }
    }
    Some(letters.into_iter().collect())
}

/// A copy of a judged query asked otherwise, and how.
#[derive(Clone, Debug)]
pub struct VariantQuery {
    pub query: JudgedQuery,
    pub original: String,
    pub variant: Variant,
}

/// Every variant of each query, the copy judged as the query is: each slip
/// that can be made in its longest word (the first of equally long ones),
/// unless it is misspelt already, and each frame, unless it is a question.
pub fn variant_queries(queries: &[JudgedQuery]) -> Vec<VariantQuery> {
    let mut copies = misspelt_queries(queries);
    for query in queries {
        if QUESTION_CATEGORIES.contains(&query.category.as_str()) {
            continue;
        }
        for frame in FRAMES {
            copies.push(VariantQuery {
                query: JudgedQuery {
                    query: frame.replace("{}", &query.query),
                    category: Variant::Frame(frame).name(),
                    ..query.clone()
                },
                original: query.query.clone(),
                variant: Variant::Frame(frame),
            });
        }
    }
    copies
}

fn misspelt_queries(queries: &[JudgedQuery]) -> Vec<VariantQuery> {
    let mut misspelt = Vec::new();
    for query in queries {
        if MISSPELT_CATEGORIES.contains(&query.category.as_str()) {
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
            misspelt.push(VariantQuery {
                query: JudgedQuery {
                    query: text.join(" "),
                    category: slip.name().to_string(),
                    ..query.clone()
                },
                original: query.query.clone(),
                variant: Variant::Slip(slip),
            });
        }
    }
    misspelt
}

/// One copy's scores beside its original's, on the same judgments.
#[derive(Clone, Debug)]
pub struct VariantCost {
    pub copy: VariantQuery,
    pub clean: Scores,
    pub varied: Scores,
}

/// Ranks every copy and its original with `rank` (query → pages, best first).
pub fn measure(
    copies: Vec<VariantQuery>,
    mut rank: impl FnMut(&str) -> Vec<String>,
) -> Vec<VariantCost> {
    copies
        .into_iter()
        .map(|copy| {
            let clean = score(&rank(&copy.original), &copy.query.grades);
            let varied = score(&rank(&copy.query.query), &copy.query.grades);
            VariantCost {
                copy,
                clean,
                varied,
            }
        })
        .collect()
}

/// Mean nDCG@10 / MRR of the queries as written and of their copies, per
/// variant, for the slips and the frames, then the copies that lost most.
pub struct CostTable<'a>(pub &'a [VariantCost]);

/// How many of the costliest copies the table lists.
const WORST_LISTED: usize = 30;

impl CostTable<'_> {
    /// Mean (as written, varied) scores of `costs`.
    pub fn means<'c>(costs: impl Iterator<Item = &'c VariantCost> + Clone) -> (Scores, Scores) {
        (
            Scores::mean(costs.clone().map(|c| &c.clean)),
            Scores::mean(costs.map(|c| &c.varied)),
        )
    }

    /// The costs of the slips, or of the frames.
    pub fn of_slips(costs: &[VariantCost], slips: bool) -> Vec<&VariantCost> {
        costs
            .iter()
            .filter(|c| matches!(c.copy.variant, Variant::Slip(_)) == slips)
            .collect()
    }
}

impl fmt::Display for CostTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<28} {:>7}  {:>13}  {:>13}",
            "variant", "queries", "nDCG as typed→", "MRR as typed→"
        )?;
        let line = |f: &mut fmt::Formatter<'_>, name: &str, costs: Vec<&VariantCost>| {
            let (clean, varied) = Self::means(costs.iter().copied());
            writeln!(
                f,
                "{:<28} {:>7}  {:.3} → {:.3}  {:.3} → {:.3}",
                name,
                costs.len(),
                clean.ndcg,
                varied.ndcg,
                clean.reciprocal_rank,
                varied.reciprocal_rank
            )
        };
        for variant in Variant::all() {
            let costs = self.0.iter().filter(|c| c.copy.variant == variant);
            line(f, &variant.name(), costs.collect())?;
        }
        line(f, "overall (slips)", Self::of_slips(self.0, true))?;
        line(f, "overall (frames)", Self::of_slips(self.0, false))?;
        let mut worst: Vec<&VariantCost> = self.0.iter().collect();
        worst.sort_by(|a, b| {
            let loss = |c: &VariantCost| c.clean.ndcg - c.varied.ndcg;
            loss(b).total_cmp(&loss(a))
        });
        writeln!(f, "\nCostliest copies:")?;
        for cost in worst.iter().take(WORST_LISTED) {
            writeln!(
                f,
                "{:<48} {:<40} {:.3} → {:.3}",
                cost.copy.query.query, cost.copy.original, cost.clean.ndcg, cost.varied.ndcg
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
        assert_eq!(
            misspell("kontanthjælp", Slip::Stripped).as_deref(),
            Some("kontanthjalp")
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
        let copies = variant_queries(std::slice::from_ref(&query));
        let texts: Vec<&str> = copies
            .iter()
            .filter(|c| matches!(c.variant, Variant::Slip(_)))
            .map(|c| c.query.query.as_str())
            .collect();
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
        let framed: Vec<&str> = copies
            .iter()
            .filter(|c| matches!(c.variant, Variant::Frame(_)))
            .map(|c| c.query.query.as_str())
            .collect();
        assert_eq!(framed.len(), FRAMES.len());
        assert!(framed.contains(&"findes der eksempler på psykisk sårbare i arbejdet"));
    }

    #[test]
    fn questions_are_not_framed_and_misspellings_not_misspelt_again() {
        let judged = |query: &str, category: &str| JudgedQuery {
            query: query.to_string(),
            category: category.to_string(),
            grades: [("eksempler/a/".to_string(), 3)].into(),
            line: 1,
        };
        let copies = variant_queries(&[
            judged("hvordan hjælper man hjemløse", "question"),
            judged("mentorording", "typo"),
        ]);
        let kinds: Vec<(&str, bool)> = copies
            .iter()
            .map(|c| (c.original.as_str(), matches!(c.variant, Variant::Slip(_))))
            .collect();
        assert!(kinds
            .iter()
            .all(|(q, slip)| (*q == "hvordan hjælper man hjemløse") == *slip));
        assert_eq!(kinds.iter().filter(|(_, slip)| !slip).count(), FRAMES.len());
    }
}
