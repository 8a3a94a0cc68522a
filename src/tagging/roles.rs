//! What a sentence does: describes the effort, describes the people (all
//! of them, or some: "de fleste har …"), states a goal, reports a result, a
//! view or a difficulty, says what might or should be, or is a figure's text.
//! Methods are earned only by description; target groups also by a goal or
//! the people's background, never by a trait of some; laws, places and
//! organisations also by a result; factors and ideas by any statement, since
//! a lesson is often stated as a result or a wish. A negation ("ikke",
//! "uden", "frem for") in the clause just before a word, or before the first
//! item of its list, keeps that word from counting; so does, for a method, an
//! example ("f.eks.") or a referral ("henvise til").

/// The role of a sentence, judged from its words and the section it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Describes,
    /// Who the people are and where they come from ("fælles for brugerne
    /// er, at de alle har været ledige"): earns target groups, never methods.
    Background,
    /// What some of the people have or had ("de fleste har en kriminel
    /// baggrund …, og en del har psykiske lidelser"): a trait of a few is
    /// not whom the effort is for, so it earns no target group.
    SomeParticipants,
    Goal,
    Result,
    Hypothetical,
    /// A heading, a chart legend, a placeholder: a few words, no statement.
    Figure,
}

impl Role {
    /// How the page names it under "Hvorfor disse tags?".
    pub fn label(self) -> &'static str {
        match self {
            Role::Describes => "beskriver indsatsen",
            Role::Background => "beskriver deltagerne",
            Role::SomeParticipants => "beskriver nogle af deltagerne",
            Role::Goal => "mål for indsatsen",
            Role::Result => "resultat eller erfaring",
            Role::Hypothetical => "ønske eller mulighed",
            Role::Figure => "figur eller overskrift",
        }
    }
}

/// Words that make a sentence say what might, should or will be: modal
/// words, and [`HOPES`].
const MODALS: [&str; 9] = [
    "vil",
    "ville",
    "kunne",
    "burde",
    "bør",
    "skulle",
    "hvis",
    "eventuelt",
    "evt",
];
/// Words that make a sentence a hope or a plan, whatever else it says.
const HOPES: [&str; 11] = [
    "ønske",
    "ønsker",
    "ønsket",
    "ønskes",
    "håber",
    "håbet",
    "planlægges",
    "planlagt",
    "påtænkt",
    "tanken",
    "forestiller",
];
/// Words that open a question: "vil" after one asks what someone wants.
const QUESTION_WORDS: [&str; 4] = ["hvad", "hvem", "hvor", "hvordan"];
/// Words that make it state a goal ("målsætningen er …", "målet er"; a bare
/// "mål" is too often something else: "de opstillede mål").
const GOAL_PREFIXES: [&str; 6] = [
    "målet",
    "målene",
    "formål",
    "delmål",
    "succeskriteri",
    "målsætning",
];
/// Words that make it report what came of the effort.
/// ("ansatte" is not among them: "den ansatte får en kontaktperson" describes.)
const RESULT: [&str; 17] = [
    "fik",
    "fået",
    "blev",
    "blevet",
    "kom",
    "kommet",
    "overgået",
    "overgik",
    "udsluset",
    "ansat",
    "selvforsørgende",
    "opnået",
    "opnåede",
    "gennemførte",
    "gennemført",
    "resultatet",
    "resultaterne",
];
/// Participles that say how the effort began ("Der blev i efteråret 2001
/// etableret et samarbejde …").
const FOUNDED: [&str; 6] = [
    "etableret",
    "stiftet",
    "oprettet",
    "startet",
    "igangsat",
    "grundlagt",
];
/// Words that make it tell of a difficulty met ("Det er svært at få
/// deltagerne til … i praktik"): an experience, not what the effort does.
const DIFFICULTY: [&str; 4] = ["svært", "sværere", "vanskeligt", "vanskelig"];
/// Words that make it report what someone judges or experiences ("Leverandørerne
/// vurderer ikke, at det giver mening …"): a view, not a description.
const REPORTED: [&str; 9] = [
    "vurderer",
    "vurderes",
    "vurdering",
    "vurderingen",
    "fortæller",
    "fortalte",
    "mener",
    "påpeger",
    "påpeges",
];
/// Words that make it describe the people's past or problems rather than the
/// effort ("i forvejen visiteret til …", "netværket begrænser sig til …").
const BACKGROUND: [&str; 16] = [
    "baggrund",
    "baggrunden",
    "institutionshistorie",
    "tidligere",
    "vanskeligheder",
    "problemer",
    "problemerne",
    "udfordringer",
    "problemstillinger",
    "forvejen",
    "begrænset",
    "begrænser",
    "ensomhed",
    "ensomme",
    "isolation",
    "isolerede",
];
/// Words among a sentence's first that make its subject some of the people
/// ("mange har …", "de fleste har …", "desuden har hovedparten stadig …").
const PARTIAL: [&str; 9] = [
    "mange",
    "flere",
    "nogle",
    "enkelte",
    "fleste",
    "hovedparten",
    "størstedelen",
    "halvdelen",
    "del",
];
/// How many of a sentence's first words may name its subject.
const SUBJECT_REACH: usize = 3;
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

/// A sentence's role. `heading` is the heading of the section it stands in.
pub fn role(words: &[String], is_heading: bool, heading: &str) -> Role {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if is_heading || is_figure_text(words) {
        return Role::Figure;
    }
    let pair = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    // "det vil sige" is "that is", not a wish; "hvad vil jeg" asks what a
    // participant wants (Olympos' "hvem er jeg, hvad vil jeg"), it plans nothing.
    let hypothetical = words.iter().enumerate().any(|(i, w)| {
        let before = |word: &str| i > 0 && words[i - 1] == word;
        (MODALS.contains(&w.as_str()) || HOPES.contains(&w.as_str()))
            && !(w == "vil" && before("det") && words.get(i + 1).is_some_and(|n| n == "sige"))
            && !(w == "vil" && QUESTION_WORDS.iter().any(|q| before(q)))
            && !(w == "hvis" && whose_at(words, i))
    });
    if hypothetical || pair("på", "sigt") {
        return Role::Hypothetical;
    }
    let goal_word = |w: &String| GOAL_PREFIXES.iter().any(|p| w.starts_with(p));
    if words.iter().any(goal_word) || pair("klar", "til") {
        return Role::Goal;
    }
    let in_results = heading.to_lowercase().contains("resultat");
    let counted = words.windows(2).any(|w| {
        w[0].chars().all(|c| c.is_ascii_digit())
            && matches!(
                w[1].as_str(),
                "personer" | "deltagere" | "kandidater" | "procent" | "pct"
            )
    });
    // "blev etableret", "blev stiftet": how the effort began, not what came of it.
    let founded = has(&FOUNDED);
    let result_word = words.iter().any(|w| {
        RESULT.contains(&w.as_str()) && !(founded && matches!(w.as_str(), "blev" | "blevet"))
    });
    if in_results || result_word || has(&REPORTED) || has(&DIFFICULTY) || counted {
        return Role::Result;
    }
    // "har været", "har oftest taget": what the people did before.
    let had = words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "været" | "taget" | "haft")
            && words[i.saturating_sub(2)..i].iter().any(|b| b == "har")
    });
    let background = has(&BACKGROUND) || had || pair("bag", "sig");
    // "For fleres vedkommende …": in some people's case, whatever it says.
    let some_cases = words[..words.len().min(SUBJECT_REACH)]
        .iter()
        .any(|w| matches!(w.as_str(), "fleres" | "nogles"));
    if (background && about_some(words)) || some_cases {
        return Role::SomeParticipants;
    }
    if background {
        return Role::Background;
    }
    Role::Describes
}

/// Is the "hvis" at `at` "whose", not "if": "en mentor, hvis opgave det er
/// at understøtte …" puts the noun before "det er", which "if" never does
/// ("hvis det er muligt").
fn whose_at(words: &[String], at: usize) -> bool {
    words.get(at + 2).is_some_and(|w| w == "det")
        && words
            .get(at + 3)
            .is_some_and(|w| matches!(w.as_str(), "er" | "var"))
}

/// Is the sentence's subject some of the people: a partial quantifier among
/// its first words ("en del" only as a pair: "en del af …")?
fn about_some(words: &[String]) -> bool {
    let first = &words[..words.len().min(SUBJECT_REACH)];
    first.iter().enumerate().any(|(i, w)| {
        PARTIAL.contains(&w.as_str()) && (w != "del" || i > 0 && first[i - 1] == "en")
    })
}

/// Does the sentence speak of cooperation with others ("i samarbejde med
/// distriktspsykiatrien", "samarbejdspartnere er …")? What it names may be
/// the partner's, not the effort's.
pub fn about_partners(words: &[String]) -> bool {
    words.iter().any(|w| w.starts_with("samarbejd"))
}

/// Does the sentence say whom the effort is for ("Bufferens målgruppe
/// omfatter ressourcesvage unge …")?
pub fn names_target_group(words: &[String]) -> bool {
    words.iter().any(|w| w.starts_with("målgruppe"))
}

/// Three words or fewer, or a numbered legend line ("4. førtidspension").
fn is_figure_text(words: &[String]) -> bool {
    let numbered = words
        .first()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
    words.len() <= 3 || (numbered && words.len() <= 5)
}

/// Does a sentence's word list hold a hope or a plan ([`HOPES`])? Unlike
/// the modal words, these make even a finding's sentence no result.
pub fn hopes(words: &[String]) -> bool {
    words.iter().any(|w| HOPES.contains(&w.as_str()))
}

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

    fn role_of(text: &str) -> Role {
        role(&words(text), false, "")
    }

    #[test]
    fn roles_of_real_sentences() {
        assert_eq!(
            role_of("Hjørnestenen gør i høj grad brug af ADL træning og støttende individuelle samtaler."),
            Role::Describes
        );
        assert_eq!(
            role_of("Personaleressourcer til mentorordninger under praktikforløb vil også kunne give bedre resultater."),
            Role::Hypothetical
        );
        assert_eq!(
            role_of("Overordnet er Hotellets målsætninger uddannelse, ordinært arbejde eller behandling via jobtræning."),
            Role::Goal
        );
        assert_eq!(
            role_of("Ud af 35 deltagere i projektet var 15 i arbejde kort tid efter projektets ophør (14 i ordinært arbejde og én i skånejob)."),
            Role::Result
        );
        assert_eq!(role_of("4. førtidspension"), Role::Figure);
        assert_eq!(
            role_of("De har ingen egentlige uddannelser, men har oftest taget små kurser indenfor forskellige områder."),
            Role::Background
        );
        assert_eq!(
            role_of("Målgruppen er personer, som har problemer udover ledighed, og afdelingen har eksisteret siden 1/9 2002."),
            Role::Background
        );
        assert_eq!(
            role_of("Det vil sige med ledere og assistenter, hvor beskæftigelsen er delt op på typer af værksteder."),
            Role::Describes
        );
        assert_eq!(
            role_of("Projektet hjælper brugerne på rette vej i forhold til de opstillede mål."),
            Role::Describes
        );
        assert_eq!(
            role_of("Det kan tage op til to år, før den enkelte deltager er klar til et flexjob."),
            Role::Goal
        );
        // "hvis" as "whose" offers what is done; as "if" it supposes.
        assert_eq!(
            role_of(
                "Deltagerne tilknyttes en mentor, hvis opgave det er at understøtte læreprocessen."
            ),
            Role::Describes
        );
        assert_eq!(
            role_of("Deltagerne tilknyttes en mentor, hvis det er muligt."),
            Role::Hypothetical
        );
        assert_eq!(
            role(&words("Projektet er for hjemløse."), false, "Resultater"),
            Role::Result
        );
        assert_eq!(
            role_of("Projektets målgruppe er socialt svage grupper, mennesker med alkohol- og blandingsmisbrug."),
            Role::Describes
        );
    }

    #[test]
    fn views_traits_of_some_and_earlier_offers() {
        assert_eq!(
            role_of("Leverandørerne vurderer ikke, at det giver mening udelukkende at måle på praktik og job, når de borgere, der visiteres, er så dårlige."),
            Role::Result
        );
        assert_eq!(
            role_of("De fleste har en kriminel baggrund bl.a. som følge af et stort misbrug, og en del har psykiske lidelser."),
            Role::SomeParticipants
        );
        assert_eq!(
            role_of("Mange har forskellige former for misbrug, og er selv misbrugte, har forskellige psykiske og helbredsmæssige problemer og periodiske problemer med hjemløshed."),
            Role::SomeParticipants
        );
        assert_eq!(
            role_of("Fælles for brugerne er, at de alle har været ledige igennem længere tid."),
            Role::Background
        );
        assert_eq!(
            role_of("Målgruppen er førtidspensionister, som i forvejen er visiteret til kommunens fritids-værested Viften."),
            Role::Background
        );
        assert_eq!(
            role_of("Den ansatte får en kontaktperson på arbejdsstedet, som står til rådighed både om arbejdsmæssige og sociale spørgsmål."),
            Role::Describes
        );
        assert_eq!(
            role_of("Der blev i efteråret 2001 etableret et samarbejde mellem Kofoeds Skole og Esbjerg Kommunes Arbejdsmarkedsafdeling om aktivering af grønlandske kontanthjælpsmodtagere."),
            Role::Describes
        );
        assert_eq!(
            role_of("Fem personer blev ansat i fleksjob på afprøvningsstedet."),
            Role::Result
        );
        assert_eq!(
            role_of("Det er svært at få deltagerne til bare at kaste sig ud i aktivering eller i praktik."),
            Role::Result
        );
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
        assert_eq!(
            role_of("For fleres vedkommende er tilknytningen til aktiveringstilbudet sporadisk p.g.a. tilbagefald til misbrug, hospitalsindlæggelse og /eller hjemløshed."),
            Role::SomeParticipants
        );
        assert!(about_partners(&words(
            "Der er et tæt samarbejde med distriktspsykiatrien."
        )));
        assert!(names_target_group(&words(
            "Bufferens målgruppe omfatter ressourcesvage unge."
        )));
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
