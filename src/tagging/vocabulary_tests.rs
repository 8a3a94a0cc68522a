//! The curated vocabularies (`curation/vocabularies.toml`) on real sentences
//! of the sources: what each rule lets through and what it keeps out
//! (look-alikes, partners, outcomes, traits of some participants).

use super::places::{Gazetteer, PlacesFile};
use super::{Role, Tagger, Vocabularies, VOCABULARIES_FILE};

fn tagger() -> Tagger {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("curation")
        .join(VOCABULARIES_FILE);
    let text = std::fs::read_to_string(&path).expect("the project's vocabularies are readable");
    let vocabularies: Vocabularies = toml::from_str(&text).expect("the vocabularies parse");
    Tagger::new(&vocabularies, Gazetteer::new(&PlacesFile::default()), None)
}

/// The terms of `taxonomy` a page of these paragraphs (title "Et tilbud") earns.
fn terms(taxonomy: &str, paragraphs: &[&str]) -> Vec<String> {
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    tagger()
        .tag_text("Et tilbud", &[], &paragraphs)
        .terms
        .remove(taxonomy)
        .unwrap_or_default()
}

fn has(taxonomy: &str, term: &str, paragraphs: &[&str]) -> bool {
    terms(taxonomy, paragraphs).iter().any(|t| t == term)
}

#[test]
fn a_reported_view_earns_no_method() {
    assert!(!has(
        "metode",
        "Virksomhedspraktik",
        &["Leverandørerne vurderer ikke, at det giver mening udelukkende at måle på praktik og job, når de borgere, der visiteres, er så dårlige."]
    ));
    assert!(has(
        "metode",
        "Virksomhedspraktik",
        &["Tilbudet omfatter et 4 til 6 ugers introduktionsforløb i gruppe, en fire ugers praktikperiode og en arbejdsprøvning."]
    ));
}

#[test]
fn a_trait_of_some_participants_earns_no_target_group() {
    let some = [
        "De fleste har en kriminel baggrund bl.a. som følge af et stort misbrug, og en del har psykiske lidelser, som for nogles vedkommende er forårsaget af misbruget.",
        "Desuden har hovedparten stadig massive sociale problemer, herunder hjemløshed og kriminalitet.",
    ];
    assert!(terms("maalgruppe", &some).is_empty());
    // … but it is kept apart as a trait, with its sentence.
    let paragraphs: Vec<String> = some.iter().map(|p| p.to_string()).collect();
    let traits: Vec<(String, String)> = tagger()
        .tag_text("Et tilbud", &[], &paragraphs)
        .traits
        .into_iter()
        .map(|e| (e.term, e.sentence))
        .collect();
    assert_eq!(
        traits,
        [
            ("Hjemløse".to_string(), some[1].to_string()),
            (
                "Psykisk sårbare og sindslidende".to_string(),
                some[0].to_string()
            ),
            ("Misbrugere".to_string(), some[0].to_string()),
        ]
    );
    // A negated trait is none, and a group the page is for is no trait.
    let page = |text: &str| tagger().tag_text("Et tilbud", &[], &[text.to_string()]);
    assert!(
        page("Desuden har hovedparten ikke problemer med hjemløshed.")
            .traits
            .is_empty()
    );
    let both = page(
        "Projektets målgruppe er hjemløse mænd i byen. Mange har desuden problemer med hjemløshed.",
    );
    assert!(both.traits.is_empty() && both.terms["maalgruppe"] == ["Hjemløse"]);
    assert!(has(
        "maalgruppe",
        "Kontanthjælpsmodtagere og ledige",
        &["Fælles for brugerne er, at de alle har været ledige igennem længere tid, er kontanthjælpsmodtagere og/eller førtidspensionister."]
    ));
}

#[test]
fn a_sentence_about_the_target_group_is_enough_on_its_own() {
    // "Unge" needs two mentions, unless a sentence about the målgruppe names it.
    assert!(has(
        "maalgruppe",
        "Unge",
        &["Bufferens målgruppe omfatter ressourcesvage unge, potentielle misbrugere og ressourcesvage misbrugere uden netværk."]
    ));
    assert!(!has(
        "maalgruppe",
        "Unge",
        &["Vesterbro var i 1986 et nedslidt kvarter med mange unge arbejdsløse og tomme butikker."]
    ));
}

#[test]
fn what_partners_offer_is_not_the_efforts_method() {
    assert!(!has(
        "metode",
        "Kontaktperson og støtteperson",
        &["Projektet arbejder i samarbejde med støtte-/kontaktpersonen i lokalområdet."]
    ));
    assert!(has(
        "metode",
        "Kontaktperson og støtteperson",
        &["Den ansatte får en kontaktperson på arbejdsstedet, som står til rådighed både om arbejdsmæssige og sociale spørgsmål, som den ansatte har brug for at få afklaret."]
    ));
}

#[test]
fn the_participants_problems_and_earlier_offers_earn_no_method() {
    assert!(!has(
        "metode",
        "Netværk",
        &["Netværket begrænser sig i hovedtræk til andre misbrugere, og der er ingen eller begrænset kontakt og støtte fra familie."]
    ));
    assert!(!has(
        "metode",
        "Værested og dagtilbud",
        &["Målgruppen er førtidspensionister, som i forvejen er visiteret til kommunens fritids-værested Viften."]
    ));
}

#[test]
fn education_as_a_destination_is_not_a_course() {
    assert!(!has(
        "metode",
        "Uddannelse og kurser",
        &[
            "Det overordnede pejlemærke for projektet er, at brugerne kommer i beskæftigelse eller påbegynder uddannelse.",
            "Den daglige leder har også en håndværksmæssig uddannelse.",
        ]
    ));
    assert!(has(
        "metode",
        "Uddannelse og kurser",
        &["Der afholdes opstartskurser skiftevis i Struer og Lemvig."]
    ));
    assert!(has(
        "metode",
        "Uddannelse og kurser",
        &["Væksthuset tilbyder erhvervsrettede vejlednings- og opkvalificeringsforløb i henhold til Lov om Aktiv Beskæftigelse."]
    ));
}

#[test]
fn look_alikes_of_target_groups() {
    assert!(!has(
        "maalgruppe",
        "Handicappede",
        &["Ekstern praktik var ikke mulig, grundet K4s lave funktionsniveau."]
    ));
    assert!(has(
        "maalgruppe",
        "Handicappede",
        &["Brugernes funktionsniveau er meget forskelligt, men hovedparten af Nordhøjs brugere er personer med en udviklingshæmning."]
    ));
    assert!(!has(
        "maalgruppe",
        "Psykisk sårbare og sindslidende",
        &["Projektlederen har en koordinerende rolle over for jobkonsulenter, sagsbehandlere, læger, distriktspsykiatri og kriminalforsorgen."]
    ));
    // The benefit as an outcome is not the people who receive it.
    assert!(!has(
        "maalgruppe",
        "Førtidspensionister",
        &["Borgeren skal indstilles til rehabiliteringsteamet med henblik på andet forsørgelsesgrundlag (fleksjob, ressourceforløb eller førtidspension)."]
    ));
    assert!(!has(
        "maalgruppe",
        "Kontanthjælpsmodtagere og ledige",
        &["Det, at nogle trækkes i kontanthjælp i nogle situationer, har givet anledning til konflikter blandt brugerne."]
    ));
    assert!(has(
        "maalgruppe",
        "Kontanthjælpsmodtagere og ledige",
        &["Revacentret henvender sig primært til gruppen af kontanthjælps-, dagpenge- og sygedagpengemodtagere."]
    ));
}

#[test]
fn look_alikes_of_methods() {
    assert!(!has(
        "metode",
        "Misbrugsbehandling",
        &[
            "Kandidaten skal have lavet et overslag til tandbehandling.",
            "Tandbehandlingen betales af kommunen.",
        ]
    ));
    assert!(has(
        "metode",
        "Misbrugsbehandling",
        &[
            "Tilbudet er opbygget efter inspiration fra Minnesota-modellen.",
            "Med udgangspunkt i Minnesotamodellen arbejdes der med en ændringsteori.",
        ]
    ));
    assert!(!has(
        "metode",
        "Samtaler og terapi",
        &["I tråd hermed er visitationssamtalen fortrolig. Alt noteres ved opstartssamtalen."]
    ));
    assert!(has(
        "metode",
        "Kontaktperson og støtteperson",
        &["Projektet bygger på udslusningsnetværk og kontaktpersonordninger på arbejdspladsen."]
    ));
}

#[test]
fn the_municipality_or_county_that_runs_the_effort() {
    assert!(has(
        "organisation",
        "Kommune",
        &["Hotellet hører under Købehavns Kommunes Familie- og Arbejdsmarkedsforvaltning."]
    ));
    assert!(has(
        "organisation",
        "Kommune",
        &["Projektet er tilknyttet den kommunale forvaltning."]
    ));
    assert!(has(
        "organisation",
        "Kommune",
        &["Esbjerg Kommune har ansvaret for den samlede drift og organisering af projektets tilbud."]
    ));
    assert!(!has(
        "organisation",
        "Kommune",
        &["Finansieringen af projektet sker gennem Københavns Kommunes køb af pladser."]
    ));
}

#[test]
fn whom_a_partnership_is_for_is_the_target_group() {
    assert!(has(
        "maalgruppe",
        "Kontanthjælpsmodtagere og ledige",
        &["Der blev i efteråret 2001 etableret et samarbejde mellem Kofoeds Skole, Det grønlandske Hus i Odense og Esbjerg Kommunes Arbejdsmarkedsafdeling om aktivering af grønlandske kontanthjælpsmodtagere."]
    ));
}

#[test]
fn a_list_is_negated_or_exemplified_with_its_first_item() {
    assert!(terms(
        "maalgruppe",
        &["Medlemskab forudsætter, at der ikke er misbrug af medicin, stoffer eller alkohol"]
    )
    .is_empty());
    assert!(!has(
        "metode",
        "Virksomhedspraktik",
        &["33% overgår fra passiv til aktiv forsørgelse (eks. arbejdsprøvning, praktikforløb, uddannelse m.m.)"]
    ));
    assert!(has(
        "maalgruppe",
        "Misbrugere",
        &["Målgruppen er personer med psykiske problemer, misbrug eller hjemløshed."]
    ));
}

#[test]
fn a_referral_or_a_difficulty_names_no_method_of_the_effort() {
    assert!(!has(
        "metode",
        "Netværk",
        &["Det kan også være at henvise til netværk udenfor arbejdspladsen, f.eks. et værested."]
    ));
    assert!(!has(
        "metode",
        "Virksomhedspraktik",
        &["Det er svært at få deltagerne til bare at kaste sig ud i aktivering eller i praktik."]
    ));
}

#[test]
fn a_law_named_in_a_wish_about_it_is_the_frame() {
    assert!(has(
        "lovgrundlag",
        "Lov om kompensation til handicappede i erhverv",
        &["Baggrunden for projektet er et ønske om at udvide personkredsen i Lov om kompensation til handicappede i erhverv, så loven ikke alene rummer praktisk hjælp til målgruppen."]
    ));
    // A method in such a wish is still only wished for.
    assert!(!has(
        "metode",
        "Mentorordning",
        &["Personaleressourcer til mentorordninger under praktikforløb vil også kunne give bedre resultater."]
    ));
}

/// The methods a page with these keywords and paragraphs earns.
fn methods_with_keywords(keywords: &[&str], paragraphs: &[&str]) -> Vec<String> {
    let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    tagger()
        .tag_text("Et tilbud", &keywords, &paragraphs)
        .terms
        .remove("metode")
        .unwrap_or_default()
}

#[test]
fn a_keyword_summing_up_a_wish_earns_no_method() {
    // Hotellet på Vesterbro: the keyword and the only sentence naming mentors.
    let keyword = "Mentorordning: et perspektiv for arbejdsmarkedsplacering";
    let wish =
        "Mentorordninger nævnes som et af de områder, Hotellet gerne vil arbejde videre med.";
    let other = "Hotellet drives af stoffri narkomaner og narkomaner på metadon.";
    let mentor = || "Mentorordning".to_string();
    assert!(!methods_with_keywords(&[keyword], &[wish, other]).contains(&mentor()));
    // A keyword the text does not contradict still counts, as does a
    // keyword beside a sentence that describes the method.
    assert!(methods_with_keywords(&[keyword], &[other]).contains(&mentor()));
    let described = "Deltagerne tilknyttes en mentor under praktikforløbet.";
    assert!(methods_with_keywords(&[keyword], &[wish, described]).contains(&mentor()));
}

/// The sentence and role the idea `term` rests on, for a page with these keywords and paragraphs.
fn idea_evidence(term: &str, keywords: &[&str], paragraphs: &[&str]) -> Option<(String, Role)> {
    let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    tagger()
        .tag_text("Et tilbud", &keywords, &paragraphs)
        .evidence
        .into_iter()
        .find(|e| e.taxonomy == "ide" && e.term == term)
        .map(|e| (e.sentence, e.role))
}

#[test]
fn an_idea_only_wished_for_is_marked_as_a_wish_and_a_stated_one_shows_its_statement() {
    let idea = "Mentorordninger for socialt udsatte";
    // Hotellet på Vesterbro: a keyword sums up the text's only mention, a wish.
    let keyword = "Mentorordning: et perspektiv for arbejdsmarkedsplacering";
    let wish =
        "Mentorordninger nævnes som et af de områder, Hotellet gerne vil arbejde videre med.";
    let (sentence, role) = idea_evidence(idea, &[keyword], &[wish]).expect("the idea is named");
    assert_eq!((sentence.as_str(), role), (wish, Role::Hypothetical));
    // Sidegadeprojektet: the only sentence is a hope.
    let hope = "Personaleressourcer til mentorordninger under praktikforløb vil også kunne give bedre resultater.";
    assert_eq!(
        idea_evidence(idea, &[], &[hope]).map(|e| e.1),
        Some(Role::Hypothetical)
    );
    // A page that also says it does it is shown by that sentence, first wish or not.
    let done = "Deltagerne tilknyttes en mentor under praktikforløbet.";
    let (sentence, role) = idea_evidence(idea, &[], &[hope, done]).expect("the idea is named");
    assert_eq!((sentence.as_str(), role), (done, Role::Describes));
    let (_, role) = idea_evidence(idea, &[keyword], &[wish, done]).expect("named");
    assert_ne!(role, Role::Hypothetical);
}

#[test]
fn a_question_of_what_someone_wants_is_no_wish() {
    let idea = "Arbejdsevnemetoden og ressourceprofiler";
    // Olympos: the participant asks "hvad vil jeg"; the effort plans nothing.
    let asked = "Personlig afklaring via ressourceprofil/persontest (hvem er jeg, hvad vil jeg og hvad har jeg med i bagagen, som kan bruges fremover?)";
    assert_eq!(
        idea_evidence(idea, &[], &[asked]).map(|e| e.1),
        Some(Role::Describes)
    );
}

#[test]
fn a_method_is_shown_by_a_sentence_of_the_text_before_the_title_or_a_keyword() {
    use super::Quoted;
    let evidence = |title: &str, keywords: &[&str], paragraphs: &[&str]| {
        let keywords: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
        let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        tagger()
            .tag_text(title, &keywords, &paragraphs)
            .evidence
            .into_iter()
            .find(|e| e.term == "Kontaktperson og støtteperson")
            .map(|e| (e.sentence, e.quoted))
    };
    let sentence = "Støttepersonerne er koblet til de enkelte arbejdspladser.";
    assert_eq!(
        evidence(
            "Projekt Støtteperson i erhverv",
            &["Støtteperson"],
            &[sentence]
        ),
        Some((sentence.to_string(), Quoted::Sentence))
    );
    // Where only the title names it, the quote is the title, and says so.
    assert_eq!(
        evidence(
            "Projekt Støtteperson i erhverv",
            &[],
            &["Projektet begyndte i 2002."]
        ),
        Some(("Projekt Støtteperson i erhverv".to_string(), Quoted::Title))
    );
}
