//! The section pages (`_index.md`) the content stage writes besides the pages.

use std::collections::BTreeMap;

use super::factors::FactorQuote;
use super::front_matter::{self, SectionFrontMatter};
use super::related::Related;
use super::ContentFile;
use crate::cases::CaseOverview;

const CASES_SECTION: &str = "forloeb/_index.md";
const FACTORS_SECTION: &str = "faktorer/_index.md";
/// Chapter 4's ideas, each with the pages that practise it.
const IDEAS_SECTION: &str = "kom-i-gang/_index.md";
/// Taxonomies whose pages practise their terms: a page whose sentence only
/// wishes for one is listed apart and not counted (on /kom-i-gang/, and in
/// the search's filters).
pub const WISHES_APART: [&str; 1] = ["ide"];

struct SectionText {
    path: &'static str,
    /// A template of its own, for sections that are a figure rather than a list.
    template: Option<&'static str>,
    /// Taxonomies the template shows (`extra.taxonomies`).
    taxonomies: &'static [&'static str],
    title: &'static str,
    description: &'static str,
    weight: u32,
    body: &'static str,
}

const SECTIONS: [SectionText; 11] = [
    SectionText {
        path: "_index.md",
        template: None,
        taxonomies: &[],
        title: "Praksisbasen",
        description: "Eksempler fra praksis på at bringe socialt udsatte i aktivitet og arbejde.",
        weight: 0,
        body: "Praksisbasen samler 21 praksiseksempler fra Rådet for Socialt Udsattes erfarings- og idékatalog og lokale erfaringer fra København om at bringe socialt udsatte mennesker i aktivitet og arbejde. Søg efter en metode, en målgruppe eller et sted, eller gå på opdagelse i eksemplerne, katalogets kapitler og rapporterne.\n",
    },
    SectionText {
        path: "eksempler/_index.md",
        template: None,
        taxonomies: &[],
        title: "Praksiseksempler",
        description: "De 21 praksiseksempler fra Rådet for Socialt Udsattes erfarings- og idékatalog.",
        weight: 1,
        body: "Katalogets 21 eksempler på aktivitets- og beskæftigelsestilbud, hvert med mål, målgruppe, rammer, metoder og resultater.\n",
    },
    SectionText {
        path: "kapitler/_index.md",
        template: None,
        taxonomies: &[],
        title: "Katalogets kapitler",
        description: "Indledning, begrebsafklaring, perspektiver og konkrete ideer fra kataloget.",
        weight: 2,
        body: "Kataloget uden for eksempelsamlingen: forord, indledning og kontinuet fra social aktivering til arbejdsmarkedsrettet beskæftigelse, hvad der hæmmer og fremmer, konkrete ideer og et projekteksempel.\n",
    },
    SectionText {
        path: "rapporter/_index.md",
        template: None,
        taxonomies: &[],
        title: "Lokale rapporter",
        description: "Erfaringsopsamlinger fra lokalt forankrede beskæftigelsesindsatser i København.",
        weight: 3,
        body: "Erfaringsopsamlinger fra Lokalværdi i SydhavnsCompagniet og fra Københavns Kommunes lokalt forankrede beskæftigelsesindsatser, med kandidatforløb og resultater. Rapporternes forløb lagt sammen: [overblik over alle borgerforløb](@/forloeb/_index.md).\n",
    },
    SectionText {
        path: CASES_SECTION,
        template: None,
        taxonomies: &[],
        title: "Borgerforløb",
        description: "Rapporternes anonymiserede kandidatforløb: alder, bolig, periode, indsatser og resultat.",
        weight: 4,
        body: "Hvert afsluttet forløb, som de lokale rapporter beskriver anonymt (K1, K2 …), har sin side med alder, bolig, periode, indsatser og resultat.\n",
    },
    SectionText {
        path: "kontinuum/_index.md",
        template: Some("continuum.html"),
        taxonomies: &[],
        title: "Kontinuet",
        description: "De 21 eksempler placeret fra social aktivering til arbejdsmarkedsrettet beskæftigelse.",
        weight: 5,
        body: "Katalogets kapitel 1.4 beskriver et kontinuum fra *social aktivering* til *arbejdsmarkedsrettet beskæftigelse*. Praksisbasen placerer hvert eksempel på det ud fra tekstens indhold: hvor meget den taler om ordinære arbejdspladser, løn, praktik, afklaring og uddannelse, og hvor meget om værested, samvær og fællesskab (behandling trækker kun lidt: kapitel 3.1 placerer den på midten). Modellen er kalibreret, så de fem eksempler, som kataloget selv placerer i kapitel 3.1, kommer i samme rækkefølge og med afstande som i kapitlets figur.\n\nPlaceringerne er omtrentlige: kataloget skriver selv i [kapitel 3.1](@/kapitler/perspektiver-for-en-aktivitets-og.md), at »man ikke med nøjagtighed kan placere tilbuddene på kontinuet«. Læs dem som en rækkefølge og en omtrentlig afstand, og se under hvert eksempel, hvilke sætninger der trækker det hvorhen. Rapporterne placeres på samme skala (på deres egne sider), men figuren viser katalogets eksempler.\n",
    },
    SectionText {
        path: "matrix/_index.md",
        template: Some("matrix.html"),
        taxonomies: &[],
        title: "Metoder og målgrupper",
        description: "Hvilke metoder er brugt over for hvilke målgrupper, og hvor er hullerne?",
        weight: 6,
        body: "Hver række er en metode, hver kolonne en målgruppe. En cirkel er de eksempler og rapporter, der bruger metoden over for målgruppen: jo større, jo flere sider. Et tomt felt er en kombination, som ingen af kilderne beskriver. Vælg en cirkel for at se siderne og de sætninger, der begrunder begge tags.\n",
    },
    SectionText {
        path: "sammenlign/_index.md",
        template: Some("compare.html"),
        taxonomies: &[],
        title: "Sammenlign eksempler",
        description: "Sæt to til fire praksiseksempler side om side: målgruppe, metoder, sted, kontinuum og resultater.",
        weight: 7,
        body: "Vælg to til fire eksempler. Valget står i adressen, så en sammenligning kan deles med et link.\n",
    },
    SectionText {
        path: FACTORS_SECTION,
        template: Some("terms_overview.html"),
        taxonomies: &["fremmer", "haemmer"],
        title: "Hvad fremmer og hvad hæmmer",
        description: "Katalogets kapitel 3.2 og rapporternes erfaringer: hvad der hjælper, og hvad der står i vejen, med links til de eksempler og rapporter, der viser det.",
        weight: 8,
        body: "Kataloget samler i [kapitel 3.2](@/kapitler/perspektiver-for-en-aktivitets-og.md#3-2-hvilke-aktuelle-muligheder-og-begraensninger-er-der-for-en-beskaeftigelsesindsats-overfor-ledige-med-andre-problemer-end-ledighed), hvad der hæmmer og fremmer en beskæftigelsesindsats for ledige med andre problemer end ledighed; de lokale rapporter lægger egne erfaringer til. Hver faktor herunder linker til de sider, hvis tekst viser den, og hver side viser den sætning, der begrunder det. Hvad eksemplerne og rapporterne selv kalder hæmmende eller fremmende, fx under rapporternes »Hvad virker godt« og »Hvad virker mindre godt«, citeres under den faktor, det nævner, eller sidst i hver del, når ingen faktor dækker det. Vælg en målgruppe for at se, hvilke faktorer dens sider viser.\n",
    },
    SectionText {
        path: IDEAS_SECTION,
        template: Some("terms_overview.html"),
        taxonomies: &WISHES_APART,
        title: "Kom i gang",
        description: "Katalogets konkrete ideer fra kapitel 4, hver med de eksempler, der allerede gør det.",
        weight: 9,
        body: "Kapitel 4 giver [konkrete ideer til en aktivitets- og beskæftigelsesplan](@/kapitler/konkrete-ideer-til-en-aktivitets-og.md), og [bilag 1](@/kapitler/bilag-1-eksempel-paa-et-projekt.md) et projekteksempel. Her står hver idé med de eksempler og rapporter, der praktiserer den.\n",
    },
    SectionText {
        path: "soeg/_index.md",
        template: Some("search_page.html"),
        taxonomies: &[],
        title: "Søg",
        description: "Søg i alle eksempler, kapitler, rapporter og forløb, og afgræns efter metode, målgruppe, sted og mere.",
        weight: 10,
        body: "Alle sider, der matcher søgningen, side for side. Søgningen, filtrene og siden står i adressen, så tilbage-knappen, genindlæsning og et delt link viser det samme.\n",
    },
];

/// What one pre-rendered view of the gap map keeps. Filters are separate
/// sections rather than query strings so they work without JavaScript and
/// `zola build` renders them alike; one filter per view keeps the set small.
enum MapFilter {
    /// A `kildetype` term.
    SourceType(&'static str),
    /// Continuum positions from `low` (inclusive) to `high` (exclusive, but
    /// 1.0 itself belongs to the last band).
    Continuum(f64, f64),
    /// A region as the pages' place notes name it ("Region Midtjylland"):
    /// five regions are a short list, where the 21 places are not.
    Region(&'static str),
    /// Only tags an editor confirmed, not the machine's proposals.
    Reviewed,
}

struct MapView {
    /// Folder under `matrix/`.
    slug: &'static str,
    /// The filter's name in the map's list of links.
    label: &'static str,
    filter: MapFilter,
}

const MAP_VIEWS: [MapView; 11] = [
    MapView {
        slug: "praksiseksempler",
        label: "Praksiseksempler",
        filter: MapFilter::SourceType("Praksiseksempel"),
    },
    MapView {
        slug: "lokale-rapporter",
        label: "Lokale rapporter",
        filter: MapFilter::SourceType("Lokal rapport"),
    },
    MapView {
        slug: "social-aktivering",
        label: "Mod social aktivering (0–0,33)",
        filter: MapFilter::Continuum(0.0, 1.0 / 3.0),
    },
    MapView {
        slug: "midt-paa-kontinuet",
        label: "Midt på kontinuet (0,33–0,67)",
        filter: MapFilter::Continuum(1.0 / 3.0, 2.0 / 3.0),
    },
    MapView {
        slug: "arbejdsmarked",
        label: "Mod arbejdsmarkedet (0,67–1)",
        filter: MapFilter::Continuum(2.0 / 3.0, 1.0),
    },
    MapView {
        slug: "region-hovedstaden",
        label: "Region Hovedstaden",
        filter: MapFilter::Region("Region Hovedstaden"),
    },
    MapView {
        slug: "region-sjaelland",
        label: "Region Sjælland",
        filter: MapFilter::Region("Region Sjælland"),
    },
    MapView {
        slug: "region-syddanmark",
        label: "Region Syddanmark",
        filter: MapFilter::Region("Region Syddanmark"),
    },
    MapView {
        slug: "region-midtjylland",
        label: "Region Midtjylland",
        filter: MapFilter::Region("Region Midtjylland"),
    },
    MapView {
        slug: "region-nordjylland",
        label: "Region Nordjylland",
        filter: MapFilter::Region("Region Nordjylland"),
    },
    MapView {
        slug: "gennemsete-tags",
        label: "Kun gennemsete tags",
        filter: MapFilter::Reviewed,
    },
];

/// The gap map's filtered views, as sections below `matrix/` drawn by the
/// same template; `extra.filter_kind` says which group of links it belongs to.
fn map_view_files() -> Vec<ContentFile> {
    MAP_VIEWS
        .iter()
        .enumerate()
        .map(|(position, view)| {
            let mut extra = BTreeMap::new();
            let text = |s: &str| toml::Value::String(s.to_string());
            extra.insert("filter_label".to_string(), text(view.label));
            let kind = match view.filter {
                MapFilter::SourceType(term) => {
                    extra.insert("kildetype".to_string(), text(term));
                    "kildetype"
                }
                MapFilter::Continuum(low, high) => {
                    extra.insert("continuum_from".to_string(), toml::Value::Float(low));
                    extra.insert("continuum_to".to_string(), toml::Value::Float(high));
                    "kontinuum"
                }
                MapFilter::Region(region) => {
                    extra.insert("region".to_string(), text(region));
                    "region"
                }
                MapFilter::Reviewed => {
                    extra.insert("reviewed_only".to_string(), toml::Value::Boolean(true));
                    "gennemset"
                }
            };
            extra.insert("filter_kind".to_string(), text(kind));
            let front = SectionFrontMatter {
                title: format!("Metoder og målgrupper: {}", view.label),
                description: Some(format!(
                    "Kortet over metoder og målgrupper, afgrænset til {}.",
                    view.label
                )),
                weight: position as u32 + 1,
                sort_by: Some("weight".to_string()),
                template: Some("matrix.html".to_string()),
                aliases: Vec::new(),
                extra,
            };
            ContentFile {
                path: format!("matrix/{}/_index.md", view.slug),
                text: format!("{}\n", front_matter::render(&front)),
            }
        })
        .collect()
}

fn section_extra(taxonomies: &[&str]) -> BTreeMap<String, toml::Value> {
    let mut extra = BTreeMap::new();
    if !taxonomies.is_empty() {
        let names = taxonomies
            .iter()
            .map(|t| toml::Value::String(t.to_string()))
            .collect();
        extra.insert("taxonomies".to_string(), toml::Value::Array(names));
    }
    extra
}

/// Every section file; the cases' section gets what all case records add up
/// to (`extra.overview`) and the reports they come from (`extra.reports`),
/// the factors' section the catalogue's quote of each factor
/// (`extra.factors`), the ideas' section the methods and ideas that share
/// a subject (`extra.related`).
pub fn section_files(
    cases: Option<&CaseOverview>,
    reports: &[String],
    factors: &[FactorQuote],
    related: &[Related],
) -> Vec<ContentFile> {
    SECTIONS
        .iter()
        .map(|section| {
            let mut extra = section_extra(section.taxonomies);
            if let (CASES_SECTION, Some(cases)) = (section.path, cases) {
                let value = toml::Value::try_from(cases).expect("an overview is plain TOML data");
                extra.insert("overview".to_string(), value);
                let paths = reports.iter().cloned().map(toml::Value::String).collect();
                extra.insert("reports".to_string(), toml::Value::Array(paths));
            }
            if section.path == IDEAS_SECTION {
                // Its pages practise an idea; one that only wishes for it
                // (the `ide` vocabulary's evidence = "practice") is listed apart.
                extra.insert("wishes_apart".to_string(), toml::Value::Boolean(true));
                // The methods and ideas that share a subject, for the
                // "Beslægtet" block on both kinds of term page.
                if !related.is_empty() {
                    let value =
                        toml::Value::try_from(related).expect("relations are plain TOML data");
                    extra.insert("related".to_string(), value);
                }
            }
            if section.path == FACTORS_SECTION && !factors.is_empty() {
                let value = toml::Value::try_from(factors).expect("quotes are plain TOML data");
                extra.insert("factors".to_string(), value);
            }
            let front = SectionFrontMatter {
                title: section.title.to_string(),
                description: Some(section.description.to_string()),
                weight: section.weight,
                sort_by: Some("weight".to_string()),
                template: section.template.map(String::from),
                aliases: Vec::new(),
                extra,
            };
            ContentFile {
                path: section.path.to_string(),
                text: format!("{}\n{}", front_matter::render(&front), section.body),
            }
        })
        .chain(map_view_files())
        .collect()
}
