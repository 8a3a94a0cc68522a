//! Whether one word named in a sentence counts: a negation ("ikke",
//! "uden", "frem for") in the clause just before a word, or before the first
//! item of its list, keeps that word from counting, as does a verb of
//! refraining anywhere before it in its clause, or a clause about very few
//! ("meget få brugere …"); so does, for a method, an example ("f.eks.") or a
//! referral ("henvise til").

/// Words before a term that negate it in the same clause.
const NEGATIONS: [&str; 8] = [
    "ikke",
    "ingen",
    "intet",
    "uden",
    "hverken",
    "aldrig",
    "fremfor",
    "manglende",
];
/// How many words before a term a negation reaches.
const NEGATION_REACH: usize = 4;
/// Verbs of refraining: anywhere before a term in its clause, they say the
/// effort declines to call something by it ("afholder sig … fra at betegne
/// brug af hash som misbrug"). "afholder" alone also holds meetings, so it
/// counts only with "sig".
const REFUSALS: [&str; 4] = ["undlader", "undlod", "nægter", "nægtede"];
const REFRAINS: [&str; 2] = ["afholder", "afholdt"];

/// Is the word at `position` negated: a negation among the few words before
/// it, in the same clause (`clauses[i]` numbers each word's clause)?
pub fn negated_at(words: &[String], clauses: &[usize], position: usize) -> bool {
    if rare_at(words, clauses, position) {
        return true;
    }
    let clause = clauses.get(position).copied();
    let refused = (0..position).any(|i| {
        let word = words[i].as_str();
        clauses.get(i).copied() == clause
            && (REFUSALS.contains(&word)
                || (REFRAINS.contains(&word) && words.get(i + 1).is_some_and(|w| w == "sig")))
    });
    if refused {
        return true;
    }
    let start = position.saturating_sub(NEGATION_REACH);
    (start..position).any(|i| {
        let same_clause = clauses.get(i).copied() == clause;
        let word = words[i].as_str();
        let before = i.checked_sub(1).map(|b| words[b].as_str());
        same_clause
            && (NEGATIONS.contains(&word)
                || (word == "for" && matches!(before, Some("frem" | "stedet"))))
    })
}

/// Is the word at `position` in a clause about very few ("Meget få brugere
/// … får varige tilbagefald"): the clause says the thing mostly does not
/// happen, however far the term stands from "få". Not even a lesson rests
/// on it.
pub fn rare_at(words: &[String], clauses: &[usize], position: usize) -> bool {
    let clause = clauses.get(position).copied();
    let clause_start = (0..position)
        .find(|&i| clauses.get(i).copied() == clause)
        .unwrap_or(position);
    let few = matches!(
        (
            words.get(clause_start).map(String::as_str),
            words.get(clause_start + 1).map(String::as_str)
        ),
        (Some("meget" | "kun" | "yderst"), Some("få"))
    );
    few && clause_start + 1 < position
}

/// Is the word at `position` given as an example of what might be ("f.eks.
/// et værested", "for eksempel samtaler"): an example word among the three
/// words before it, in the same clause?
pub fn exemplified_at(words: &[String], clauses: &[usize], position: usize) -> bool {
    let clause = clauses.get(position).copied();
    (position.saturating_sub(3)..position).any(|i| {
        clauses.get(i).copied() == clause
            && matches!(
                words[i].as_str(),
                "eksempel" | "eks" | "eksempelvis" | "eksempler"
            )
    })
}

/// Words before a term that make it what is prevented or avoided.
const PREVENTIONS: [&str; 8] = [
    "forebyggelse",
    "forebygge",
    "forebygger",
    "forebygges",
    "undgå",
    "undgår",
    "modvirke",
    "modvirker",
];

/// Is the word at `position` what is prevented ("forebyggelse af
/// tilbagefald", "at undgå tilbagefald"): a prevention word among the two
/// words before it, in its clause?
pub fn prevented_at(words: &[String], clauses: &[usize], position: usize) -> bool {
    let clause = clauses.get(position).copied();
    (position.saturating_sub(2)..position)
        .any(|i| clauses.get(i).copied() == clause && PREVENTIONS.contains(&words[i].as_str()))
}

/// Is the word at `position` where people are referred elsewhere ("henvise
/// til netværk udenfor arbejdspladsen", "henvisning til misbrugsbehandling"):
/// a referral word and "til" among the three words before it, in its clause?
pub fn referred_at(words: &[String], clauses: &[usize], position: usize) -> bool {
    let clause = clauses.get(position).copied();
    let start = position.saturating_sub(3);
    (start..position).any(|i| {
        clauses.get(i).copied() == clause
            && words[i].starts_with("henvis")
            && words[i + 1..position].first().is_some_and(|w| w == "til")
    })
}
#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    #[test]
    fn what_is_prevented_is_told_apart() {
        let w = words("hvor fokus er på forebyggelse af tilbagefald til misbrug");
        let c = vec![0; w.len()];
        let at = w.iter().position(|x| x == "tilbagefald").expect("word");
        assert!(prevented_at(&w, &c, at));
        let w = words("omkring 1/3 af kursisterne tager et eller flere tilbagefald");
        let at = w.iter().position(|x| x == "tilbagefald").expect("word");
        assert!(!prevented_at(&w, &vec![0; w.len()], at));
    }

    #[test]
    fn a_referral_names_a_method_offered_elsewhere() {
        let w = words("Det kan også være at henvise til netværk udenfor arbejdspladsen");
        let c = vec![0; w.len()];
        assert!(referred_at(
            &w,
            &c,
            w.iter().position(|x| x == "netværk").expect("word")
        ));
        let w = words("brugerne henvises fra jobcentret til et netværk");
        assert!(!referred_at(
            &w,
            &c,
            w.iter().position(|x| x == "netværk").expect("word")
        ));
    }

    #[test]
    fn refraining_from_a_word_negates_it_anywhere_in_the_clause() {
        let words_and_clauses = |text: &str| {
            let clauses = super::super::sentences::clauses(text);
            (clauses.words, clauses.clauses)
        };
        let (w, c) = words_and_clauses(
            "En central medarbejder afholder sig i den forbindelse fra at betegne brug af hash som misbrug.",
        );
        let at = w.iter().position(|x| x == "misbrug").expect("misbrug");
        assert!(negated_at(&w, &c, at));
        let (w, c) = words_and_clauses("Projektet afholder møder med misbrugere hver uge.");
        let at = w
            .iter()
            .position(|x| x == "misbrugere")
            .expect("misbrugere");
        assert!(!negated_at(&w, &c, at), "holding meetings negates nothing");
    }

    #[test]
    fn a_clause_about_very_few_people_negates_its_terms() {
        let words_and_clauses = |text: &str| {
            let clauses = super::super::sentences::clauses(text);
            (clauses.words, clauses.clauses)
        };
        let sentence = "Meget få brugere af værestedet får varige tilbagefald, derimod ender flertallet med at blive stoffrie";
        let (w, c) = words_and_clauses(sentence);
        let at = w.iter().position(|x| x == "tilbagefald").expect("term");
        assert!(negated_at(&w, &c, at));
        let later = w.iter().position(|x| x == "stoffrie").expect("term");
        assert!(!negated_at(&w, &c, later), "the next clause is not negated");
        let (w, c) = words_and_clauses("Deltagerne skal få et job");
        let at = w.iter().position(|x| x == "job").expect("term");
        assert!(!negated_at(&w, &c, at), "'få' as a verb negates nothing");
    }

    #[test]
    fn negation_reaches_the_words_just_after_it_in_its_clause() {
        let text = "De problemer, som målgruppen har, er ikke nødvendigvis misbrug";
        let super::super::sentences::Clauses {
            words: w,
            clauses: c,
            ..
        } = super::super::sentences::clauses(text);
        let at = w.iter().position(|x| x == "misbrug").expect("word");
        assert!(negated_at(&w, &c, at));
        let text = "de arbejder på en almindelig arbejdsplads frem for på et beskyttet værksted";
        let super::super::sentences::Clauses {
            words: w,
            clauses: c,
            ..
        } = super::super::sentences::clauses(text);
        assert!(negated_at(
            &w,
            &c,
            w.iter().position(|x| x == "værksted").expect("word")
        ));
        assert!(!negated_at(
            &w,
            &c,
            w.iter().position(|x| x == "arbejdsplads").expect("word")
        ));
        let text = "De har ikke fast bolig, men får en mentor";
        let super::super::sentences::Clauses {
            words: w,
            clauses: c,
            ..
        } = super::super::sentences::clauses(text);
        assert!(!negated_at(
            &w,
            &c,
            w.iter().position(|x| x == "mentor").expect("word")
        ));
    }
}
