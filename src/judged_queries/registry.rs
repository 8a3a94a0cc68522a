//! The registry of judged sets: every file of judged queries in
//! `curation/`, its title and its role (tuned on and learned from, or held
//! out). A set's queries are read by the parent module.

use serde::Serialize;

/// The first judged set, tuned on from the start.
pub const QUERIES_FILE: &str = "queries.tsv";
/// The first held-out set, which a second judge graded too.
pub const HELD_OUT_FILE: &str = "queries-heldout.tsv";

/// What a judged set is for (`praksis eval --list-sets` says "tuning" or
/// "held-out").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetRole {
    /// Tuned on, and learned from by the index.
    Tuning,
    /// Written blind and never tuned on or learned from: a test set.
    HeldOut,
}

/// One file of judged queries in `curation/`.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct JudgedSet {
    pub file: &'static str,
    /// How `praksis eval` titles it.
    pub title: &'static str,
    pub role: SetRole,
    /// Copied in unchanged: a judgment of a page the index does not hold is
    /// dropped, and listed, rather than an error.
    #[serde(skip)]
    pub drops_unknown_pages: bool,
}

impl JudgedSet {
    const fn new(file: &'static str, title: &'static str, role: SetRole) -> JudgedSet {
        JudgedSet {
            file,
            title,
            role,
            drops_unknown_pages: false,
        }
    }
}

/// Every judged set, in the order `praksis eval` prints them. Each was
/// written blind, by a helper who had seen neither the engine nor its results.
pub const JUDGED_SETS: [JudgedSet; 55] = [
    JudgedSet::new(QUERIES_FILE, "Judged queries", SetRole::Tuning),
    // Everyday queries in eight kinds.
    JudgedSet::new("queries-dev.tsv", "Development queries", SetRole::Tuning),
    // Issue #25's third round: the kinds the ranking was weakest on.
    JudgedSet::new(
        "queries-dev2.tsv",
        "Second development queries",
        SetRole::Tuning,
    ),
    // Issue #25's fourth round, copied in unchanged (it judges kontinuum/
    // and faktorer/, which the index does not hold).
    JudgedSet {
        drops_unknown_pages: true,
        ..JudgedSet::new(
            "queries-dev3.tsv",
            "Third development queries",
            SetRole::Tuning,
        )
    },
    // Issue #25, 2026-12-04: three queries for each page, in a reader's
    // words, each judged against every page.
    JudgedSet::new(
        "queries-pages.tsv",
        "Queries written page by page",
        SetRole::Tuning,
    ),
    // Issue #25, 2026-12-04: how citizens, journalists and students ask.
    JudgedSet::new("queries-citizens.tsv", "Citizens' queries", SetRole::Tuning),
    // Issue #25, 2026-12-04: a planner designing an effort.
    JudgedSet::new("queries-planners.tsv", "Planners' queries", SetRole::Tuning),
    // Issue #25, sixteenth round: methods in today's professional words.
    JudgedSet::new(
        "queries-methods.tsv",
        "Methods in planners' words",
        SetRole::Tuning,
    ),
    // Issue #25, sixteenth round: groups and situations in everyday,
    // older and blunt words.
    JudgedSet::new("queries-everyday.tsv", "Everyday words", SetRole::Tuning),
    // Issue #25, seventeenth round: places in today's names and names
    // inside pages; plain questions, laws and benefits.
    JudgedSet::new("queries-places.tsv", "Places and names", SetRole::Tuning),
    JudgedSet::new(
        "queries-questions.tsv",
        "Questions, laws and benefits",
        SetRole::Tuning,
    ),
    // Issue #25, seventeenth round: methods in planners' words again, with
    // the pages that practise a method under another name.
    JudgedSet::new(
        "queries-methods2.tsv",
        "Methods in planners' words, second set",
        SetRole::Tuning,
    ),
    // Issue #25, eighteenth round: target groups in everyday words and
    // group + goal pairs, written blind in the seventeenth.
    JudgedSet::new(
        "queries-people.tsv",
        "Everyday words and pairs",
        SetRole::Tuning,
    ),
    // Issue #25, nineteenth round: methods, group + goal pairs and everyday
    // words, written blind in the eighteenth.
    JudgedSet::new(
        "queries-practice.tsv",
        "Methods, pairs and everyday words",
        SetRole::Tuning,
    ),
    // Issue #25, nineteenth round: methods, everyday words and questions,
    // written blind.
    JudgedSet::new(
        "queries-practice2.tsv",
        "Methods, everyday words and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twentieth round: a planner's methods, pairs, questions,
    // names and places, written blind.
    JudgedSet::new(
        "queries-practice3.tsv",
        "Planners' methods, names and places",
        SetRole::Tuning,
    ),
    // Issue #25, twentieth round: citizens' and students' everyday words,
    // questions, slips, benefits and methods, written blind.
    JudgedSet::new(
        "queries-practice4.tsv",
        "Citizens' words, questions and slips",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: a planner's methods, pairs and
    // questions, written blind.
    JudgedSet::new(
        "queries-practice5.tsv",
        "Planners' methods, pairs and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: a citizen's everyday words,
    // questions and methods in lay words, written blind.
    JudgedSet::new(
        "queries-practice6.tsv",
        "Everyday words, questions and lay methods",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: a student's or journalist's pairs,
    // everyday words and questions, written blind.
    JudgedSet::new(
        "queries-practice7.tsv",
        "Students' pairs, everyday words and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: a caseworker's methods, situations,
    // schemes and questions, written blind.
    JudgedSet::new(
        "queries-practice8.tsv",
        "A caseworker's methods, situations and schemes",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: a planner's methods, schemes and
    // pairs, second round, written blind.
    JudgedSet::new(
        "queries-practice9.tsv",
        "Planners' methods and schemes, second round",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-second round: names, places, everyday words and
    // questions, written blind.
    JudgedSet::new(
        "queries-practice10.tsv",
        "Names, places, everyday words and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a student's concepts, pairs, questions
    // and slips, written blind.
    JudgedSet::new(
        "queries-practice11.tsv",
        "A student's concepts, pairs and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a manager's results and barriers, a
    // relative's everyday words, and pairs, written blind.
    JudgedSet::new(
        "queries-practice12.tsv",
        "Results, barriers, relatives' words and pairs",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: eight kinds mixed, as the second
    // held-out set's author was asked for, written blind.
    JudgedSet::new(
        "queries-practice13.tsv",
        "Eight kinds mixed, from many readers",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a planner comparing stages on the way
    // to work, day-to-day activities, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice14.tsv",
        "Stages on the way to work and day-to-day activities",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: themes, lessons, policy and questions
    // across the examples, written blind.
    JudgedSet::new(
        "queries-practice15.tsv",
        "Themes, lessons and policy across the examples",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a street-level worker's and a user's
    // spoken words for people, problems and help, written blind.
    JudgedSet::new(
        "queries-practice16.tsv",
        "Street-level words for people, problems and help",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a national consultant's programme
    // words for methods, with groups and goals, and questions, written blind.
    JudgedSet::new(
        "queries-practice17.tsv",
        "Programme words for methods, pairs and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: citizens looking for help where they
    // live: places, needs and questions, written blind.
    JudgedSet::new(
        "queries-practice18.tsv",
        "Citizens' places, needs and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a student's keywords in every form
    // (inflections, compounds, slips, without æ/ø/å, questions), written
    // blind.
    JudgedSet::new(
        "queries-practice19.tsv",
        "Keywords in every form",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: an employer's methods, jobs for
    // groups, questions and schemes, written blind.
    JudgedSet::new(
        "queries-practice20.tsv",
        "An employer's methods, jobs and questions",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a social-services planner's methods,
    // pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice21.tsv",
        "A social-services planner's methods",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: older unemployed people's and their
    // families' everyday words, questions and pairs, written blind.
    JudgedSet::new(
        "queries-practice22.tsv",
        "Older unemployed people and their families",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: a jobcentre team leader's methods for
    // citizens far from work, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice23.tsv",
        "A jobcentre team's methods for citizens far from work",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-third round: everyday words for the people the
    // pages serve, with goals, and questions, written blind.
    JudgedSet::new(
        "queries-practice24.tsv",
        "Everyday words for the people the pages serve",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: methods described in plain words,
    // not their names, with groups and goals, and questions, written blind.
    JudgedSet::new(
        "queries-practice25.tsv",
        "Methods described in plain words",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a health and addiction worker's
    // groups, methods, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice26.tsv",
        "A health and addiction worker's queries",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a student's thesis words for
    // approaches and methods, with groups and goals, and questions, written
    // blind.
    JudgedSet::new(
        "queries-practice27.tsv",
        "A student's thesis words for approaches",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: citizens writing about themselves,
    // with what they want, and questions, written blind.
    JudgedSet::new(
        "queries-practice28.tsv",
        "Citizens writing about themselves",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: an integration worker's groups,
    // methods, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice29.tsv",
        "An integration worker's queries",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a volunteer organisation's and a
    // housing social worker's methods, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice30.tsv",
        "A volunteer organisation's queries",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a youth guidance counsellor's
    // groups, methods, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice31.tsv",
        "A youth guidance counsellor's queries",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: how an effort is organised, funded
    // and documented, with groups and goals, and questions, written blind.
    JudgedSet::new(
        "queries-practice32.tsv",
        "How an effort is organised, funded and documented",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a disability and reduced-capacity
    // consultant's groups, methods, pairs and questions, written blind.
    JudgedSet::new(
        "queries-practice33.tsv",
        "A disability consultant's queries",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a benefits adviser's laws, pairs and
    // questions about rules, rights and benefits, written blind.
    JudgedSet::new(
        "queries-practice34.tsv",
        "A benefits adviser's questions about rules and rights",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: questions in full sentences (how,
    // what, where, why), written blind.
    JudgedSet::new(
        "queries-practice35.tsv",
        "Questions in full sentences",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a planner's queries with three or
    // more concepts, written blind.
    JudgedSet::new(
        "queries-practice36.tsv",
        "A planner's queries with three or more concepts",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: a planner's short searches for ways
    // of working, the less common words, written blind.
    JudgedSet::new(
        "queries-practice37.tsv",
        "A planner's short searches for ways of working",
        SetRole::Tuning,
    ),
    // Issue #25, twenty-fourth round: short everyday searches about
    // situations and needs, the less common words, written blind.
    JudgedSet::new(
        "queries-practice38.tsv",
        "Short everyday searches about situations and needs",
        SetRole::Tuning,
    ),
    JudgedSet::new(HELD_OUT_FILE, "Held-out queries", SetRole::HeldOut),
    // Issue #25, 2026-12-04: written while the pages, citizens' and
    // planners' sets were, by a helper who saw none of them, and checked
    // against every earlier query.
    JudgedSet::new(
        "queries-heldout2.tsv",
        "Second held-out queries",
        SetRole::HeldOut,
    ),
    // Issue #25, seventeenth round: written by two helpers who saw no other
    // set, repeats of every earlier set dropped.
    JudgedSet::new(
        "queries-heldout3.tsv",
        "Third held-out queries",
        SetRole::HeldOut,
    ),
    // Issue #25, twentieth round: written blind in eight kinds by a helper
    // who saw no other set; repeats of every earlier set dropped.
    JudgedSet::new(
        "queries-heldout4.tsv",
        "Fourth held-out queries",
        SetRole::HeldOut,
    ),
];

/// The sets the ranking is tuned on, and learns from.
pub fn tuning_sets() -> impl Iterator<Item = &'static JudgedSet> {
    JUDGED_SETS.iter().filter(|set| set.role == SetRole::Tuning)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// A set dropped into curation/ without a line in [`JUDGED_SETS`] would
    /// be neither scored, learned from nor held to a floor.
    #[test]
    fn every_judged_file_in_curation_is_registered() {
        let curation = Path::new(env!("CARGO_MANIFEST_DIR")).join("curation");
        let mut files: Vec<String> = std::fs::read_dir(&curation)
            .expect("curation/ is readable")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.starts_with("queries") && name.ends_with(".tsv"))
            // The second judge's grades of the held-out set: `--second-judge`.
            .filter(|name| !name.contains("second-judge"))
            .collect();
        files.sort();
        let mut registered: Vec<String> = JUDGED_SETS.iter().map(|s| s.file.to_string()).collect();
        registered.sort();
        assert_eq!(files, registered);
    }
}
