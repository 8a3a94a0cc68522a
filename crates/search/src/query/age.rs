//! Ages the reader asks for: "over 55", "under 30", "ældre end 50",
//! "mellem 40 og 50", "i 50'erne", "55+", "60-årig" (about that age), and
//! the words that name an age group ("seniorer", "ældre", "unge"). A case
//! page gives the age of the person it follows ("Alder: 59 år"); a query
//! naming an age finds the cases in its range, besides the pages its words
//! find as written ("mænd over 45" in a target group, "ledige over 30" in a
//! rule).

use std::ops::{Bound, RangeInclusive};

use tantivy::query::{Query, RangeQuery};
use tantivy::Term;

use crate::analysis::analyze;
use crate::schema::IndexFields;
use crate::stopwords::is_stop_word;

/// Numbers read as ages, not as counts ("over 100 deltagere") or years.
const AGES: RangeInclusive<u64> = 15..=99;
const OLDEST: u64 = 120;
/// One age typed ("en 60-årig", "60 årig") stands for the ages this near
/// it: a reader naming one means a person of about that age, and a case
/// record gives a single year, which an exact age would seldom meet.
const ABOUT: u64 = 2;

/// Words that name an age group, and the ages they stand for: "seniorer"
/// on the labour market are from 50 ("seniorjob", "50+" efforts), "unge"
/// are under 30, as the job centres count them.
const AGE_GROUP_WORDS: [(&str, u64, u64); 4] = [
    ("senior", 50, OLDEST),
    ("seniorer", 50, OLDEST),
    ("ældre", 50, OLDEST),
    ("unge", 0, 29),
];

/// An age range the reader typed, and the words that typed it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AskedAge {
    /// The phrase ("over 55").
    pub typed: String,
    /// Its word that the range stands beside ("55"): the word is still
    /// searched as written, or as the ages.
    pub word: String,
    pub ages: RangeInclusive<u64>,
}

impl AskedAge {
    /// How the range reads to the reader ("56 år eller ældre").
    pub fn described(&self) -> String {
        let (from, to) = (*self.ages.start(), *self.ages.end());
        match (from, to) {
            (0, to) => format!("{to} år eller yngre"),
            (from, OLDEST) => format!("{from} år eller ældre"),
            (from, to) if from == to => format!("{from} år"),
            (from, to) => format!("{from}–{to} år"),
        }
    }
}

/// The age a word names ("75", "55+" as 55, "50-årige" as 50), if any.
fn number(word: &str) -> Option<u64> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let age: u64 = digits.parse().ok()?;
    let unit = ["", "+", "-årige", "-årig", "årige", "årig", "år"];
    (AGES.contains(&age) && unit.contains(&rest)).then_some(age)
}

/// The ages within [`ABOUT`] years of a single age typed.
fn about(age: u64) -> RangeInclusive<u64> {
    age.saturating_sub(ABOUT)..=age + ABOUT
}

/// A decade: "50'erne", "50erne" as 50–59.
fn decade(word: &str) -> Option<RangeInclusive<u64>> {
    let digits = word
        .strip_suffix("'erne")
        .or_else(|| word.strip_suffix("’erne"))
        .or_else(|| word.strip_suffix("erne"))?;
    let from: u64 = digits.parse().ok()?;
    (AGES.contains(&from) && from.is_multiple_of(10)).then_some(from..=from + 9)
}

/// After a number, an age goes on with "år" or a small word ("over 55 og
/// ledig", "over 50 i job") or ends the query; "over 20 virksomheder" counts
/// companies.
fn ends_an_age(next: Option<&String>) -> bool {
    next.is_none_or(|word| {
        ["år", "års", "årige"].contains(&word.as_str())
            || analyze(word).iter().all(|term| is_stop_word(term))
    })
}

/// The ranges the age phrases among `words` (lower-cased, as typed) ask
/// for, in the order typed.
pub(crate) fn find_ages(words: &[String]) -> Vec<AskedAge> {
    let mut asked = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let word = words[at].as_str();
        let next = words.get(at + 1);
        let after = |n: usize| words.get(at + n).and_then(|w| number(w));
        // The phrase's length, its number word's place in it, the range.
        let found: Option<(usize, usize, RangeInclusive<u64>)> =
            match word {
                "over" | "fra" | "mindst" => after(1)
                    .filter(|_| ends_an_age(words.get(at + 2)))
                    .map(|age| {
                        let from = if word == "over" { age + 1 } else { age };
                        (2, 1, from..=OLDEST)
                    }),
                "under" => after(1)
                    .filter(|_| ends_an_age(words.get(at + 2)))
                    .map(|age| (2, 1, 0..=age - 1)),
                "ældre" | "yngre" if next.is_some_and(|n| n == "end") => after(2)
                    .filter(|_| ends_an_age(words.get(at + 3)))
                    .map(|age| {
                        let ages = if word == "ældre" {
                            age + 1..=OLDEST
                        } else {
                            0..=age - 1
                        };
                        (3, 2, ages)
                    }),
                "mellem" => match (after(1), words.get(at + 2), after(3)) {
                    (Some(from), Some(and), Some(to)) if and == "og" && from <= to => {
                        Some((4, 1, from..=to))
                    }
                    _ => None,
                },
                "i" => words
                    .get(at + 1)
                    .and_then(|w| decade(w))
                    .map(|ages| (2, 1, ages)),
                _ => decade(word)
                    .map(|ages| (1, 0, ages))
                    .or_else(|| {
                        word.ends_with('+')
                            .then(|| number(word))
                            .flatten()
                            .map(|age| (1, 0, age..=OLDEST))
                    })
                    .or_else(|| {
                        word.contains("årig")
                            .then(|| number(word))
                            .flatten()
                            .map(|age| (1, 0, about(age)))
                    })
                    .or_else(|| {
                        // "60 årig": the number and its unit typed apart ("i
                        // 20 år" is a duration, not an age).
                        next.filter(|n| ["årig", "årige"].contains(&n.as_str()))
                            .and_then(|_| number(word))
                            .map(|age| (2, 0, about(age)))
                    }),
            };
        match found {
            Some((length, number_at, ages)) => {
                asked.push(AskedAge {
                    typed: words[at..at + length].join(" "),
                    word: words[at + number_at].clone(),
                    ages,
                });
                at += length;
            }
            None => at += 1,
        }
    }
    asked
}

/// The ages a word names as a group ("seniorer": 50 and over).
pub(crate) fn age_group(word: &str) -> Option<AskedAge> {
    let terms = analyze(word);
    AGE_GROUP_WORDS
        .iter()
        .find(|(group, _, _)| analyze(group) == terms)
        .map(|&(_, from, to)| AskedAge {
            typed: word.to_string(),
            word: word.to_string(),
            ages: from..=to,
        })
}

/// The case pages whose person's age is in the range.
pub(crate) fn age_query(fields: &IndexFields, ages: &RangeInclusive<u64>) -> Box<dyn Query> {
    Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_u64(fields.age, *ages.start())),
        Bound::Included(Term::from_field_u64(fields.age, *ages.end())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(text: &str) -> (Vec<String>, Vec<(String, u64, u64)>) {
        let words: Vec<String> = text.split_whitespace().map(String::from).collect();
        let asked = find_ages(&words);
        let numbers = asked.iter().map(|a| a.word.clone()).collect();
        let ranges = asked
            .into_iter()
            .map(|a| (a.typed, *a.ages.start(), *a.ages.end()))
            .collect();
        (numbers, ranges)
    }

    #[test]
    fn reads_the_ways_an_age_is_asked_for() {
        assert_eq!(
            taken("over 55 og arbejdsløs"),
            (vec!["55".into()], vec![("over 55".into(), 56, OLDEST)])
        );
        assert_eq!(taken("ledige under 30").1, [("under 30".into(), 0, 29)]);
        assert_eq!(
            taken("ældre end 50 år").1,
            [("ældre end 50".into(), 51, OLDEST)]
        );
        assert_eq!(
            taken("mellem 40 og 50").1,
            [("mellem 40 og 50".into(), 40, 50)]
        );
        assert_eq!(taken("ledige i 50'erne").1, [("i 50'erne".into(), 50, 59)]);
        assert_eq!(taken("50erne").1, [("50erne".into(), 50, 59)]);
        assert_eq!(taken("55+ i job").1, [("55+".into(), 55, OLDEST)]);
        assert_eq!(taken("50-årige").1, [("50-årige".into(), 48, 52)]);
        assert_eq!(
            taken("arbejdsløs som 60 årig"),
            (vec!["60".into()], vec![("60 årig".into(), 58, 62)])
        );
    }

    #[test]
    fn counts_and_paragraphs_are_not_ages() {
        assert_eq!(taken("over 20 virksomheder").1, []);
        assert_eq!(taken("over 100").1, []);
        assert_eq!(taken("§ 94 boform").1, []);
        assert_eq!(taken("under 5 timer").1, []);
        assert_eq!(taken("55").1, []);
        assert_eq!(taken("ledig i 20 år").1, []);
        assert_eq!(taken("ældre ledige").1, []);
    }

    #[test]
    fn names_the_range_as_a_reader_reads_it() {
        let asked = |from, to| AskedAge {
            typed: String::new(),
            word: String::new(),
            ages: from..=to,
        };
        assert_eq!(asked(56, OLDEST).described(), "56 år eller ældre");
        assert_eq!(asked(0, 29).described(), "29 år eller yngre");
        assert_eq!(asked(50, 59).described(), "50–59 år");
        assert_eq!(asked(50, 50).described(), "50 år");
    }

    #[test]
    fn age_group_words_in_any_inflection() {
        assert_eq!(age_group("Seniorer").map(|a| a.ages), Some(50..=OLDEST));
        assert_eq!(age_group("unge").map(|a| a.ages), Some(0..=29));
        assert_eq!(age_group("ledige"), None);
    }
}
