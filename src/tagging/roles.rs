//! What a sentence does: describes the effort, describes the people (all
//! of them, or some: "de fleste har …"), states a goal, reports a result, a
//! view or a difficulty, says what might or should be, or is a figure's text.
//! Methods are earned only by description; target groups also by a goal or
//! the people's background, never by a trait of some; laws, places and
//! organisations also by a result; factors and ideas by any statement, since
//! a lesson is often stated as a result or a wish. Whether one word of a
//! sentence counts (a negation, an example before it) is `negation`'s.

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
/// How many words before a result word a "når" makes it a condition.
const WHEN_REACH: usize = 4;
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
        (MODALS.contains(&w.as_str()) || hope_at(words, i))
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
    // "når borger har opnået fuld selvforsørgelse": when it happens, the
    // condition for what the sentence offers, not what came of it.
    let when_clause = |i: usize| {
        words[i.saturating_sub(WHEN_REACH)..i]
            .iter()
            .any(|w| w == "når")
    };
    let result_word = words.iter().enumerate().any(|(i, w)| {
        RESULT.contains(&w.as_str())
            && !(founded && matches!(w.as_str(), "blev" | "blevet"))
            && !when_clause(i)
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

/// Where a sentence says the effort now has fewer people of some kind
/// ("vi p.t. har færre borgere med udfordringer som hjemløshed og
/// misbrug"): the position of "færre", whose following words name a group
/// the effort served before, not the one it serves.
pub fn fewer_now(words: &[String]) -> Option<usize> {
    let at = words.iter().position(|w| w == "færre")?;
    let people = ["borgere", "deltagere", "kandidater", "brugere"];
    words[at + 1..]
        .iter()
        .take(2)
        .any(|w| people.contains(&w.as_str()))
        .then_some(at)
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
    (0..words.len()).any(|at| hope_at(words, at))
}

/// Is the word at `at` one of [`HOPES`], and not the people's wishes beside
/// their needs ("plads til forskellige mennesker med forskellige ønsker og
/// behov"), which describe whom the effort serves, hoping nothing?
fn hope_at(words: &[String], at: usize) -> bool {
    let needs = |word: Option<&String>| word.is_some_and(|w| w.starts_with("behov"));
    let beside_needs = (words.get(at + 1).is_some_and(|w| w == "og") && needs(words.get(at + 2)))
        || (at >= 2 && words[at - 1] == "og" && needs(words.get(at - 2)));
    HOPES.contains(&words[at].as_str()) && !beside_needs
}

#[cfg(test)]
mod tests {
    use super::super::words::words;
    use super::*;

    fn role_of(text: &str) -> Role {
        role(&words(text), false, "")
    }

    #[test]
    fn fewer_people_of_a_kind_is_a_former_group() {
        let lokalvaerdi = words("I den forbindelse kan det oplyses, at vi p.t. har færre borgere med udfordringer som hjemløshed og misbrug.");
        assert_eq!(
            fewer_now(&lokalvaerdi),
            lokalvaerdi.iter().position(|w| w == "færre")
        );
        assert_eq!(fewer_now(&words("Der er færre ressourcer end før")), None);
        assert_eq!(fewer_now(&words("Flere borgere med misbrug")), None);
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
        // Wishes beside needs are the people's, not the effort's hope.
        assert_eq!(
            role_of("Projektet skaber plads til mennesker med forskellige ønsker og behov."),
            Role::Describes
        );
        assert_eq!(
            role_of("Projektet ønsker at skabe plads til flere."),
            Role::Hypothetical
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
        // "når …": the condition for an offer, not what came of it.
        assert_eq!(
            role_of("Fastholdelsesmentor når borger har opnået fuld selvforsørgelse."),
            Role::Describes
        );
        assert_eq!(
            role_of("Borgeren har opnået fuld selvforsørgelse."),
            Role::Result
        );
        assert_eq!(
            role_of("Det er svært at få deltagerne til bare at kaste sig ud i aktivering eller i praktik."),
            Role::Result
        );
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
}
