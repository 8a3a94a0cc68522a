//! Where an effort runs: Danish municipalities (the 98 of today and the 271
//! of 1970–2006) and counties from `curation/places.toml`, recognised as the
//! text names them (capitalised, as a name), each shown with what it is
//! today. A name followed by "Amt" is the county; "Frederiksborg og Århus
//! Amter" names two counties; a city district counts as its municipality;
//! a part of the country ("Nordjylland") is shown as such, with the regions
//! it lies in today.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::sentences::Sentence;

pub const PLACES_FILE: &str = "places.toml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    #[serde(default, rename = "municipality")]
    municipalities: Vec<Municipality>,
    #[serde(default, rename = "former_municipality")]
    former: Vec<FormerMunicipality>,
    #[serde(default, rename = "county")]
    counties: Vec<County>,
    #[serde(default, rename = "district")]
    districts: Vec<District>,
    #[serde(default, rename = "landsdel")]
    landsdele: Vec<Landsdel>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Municipality {
    name: String,
    region: String,
    /// Danmarks Statistik's landsdel (NUTS 3): how a reader names the part
    /// of the country ("Østjylland") where a text names the town.
    landsdel: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FormerMunicipality {
    name: String,
    county: String,
    today: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct County {
    name: String,
    regions: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    /// For readers of the file only.
    #[serde(default, rename = "note")]
    _note: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct District {
    name: String,
    municipality: String,
}

/// A part of the country as texts name it ("Nordjylland"): no
/// administration of its own, so it is shown with the regions it lies in.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Landsdel {
    name: String,
    regions: Vec<String>,
}

/// A place as a page shows it: the name as written and what it is today.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The term: the name as the text writes it ("Århus", "Vejle Amt").
    pub name: String,
    /// "Aarhus Kommune (Region Midtjylland)", "amt 1970–2006, i dag Region Syddanmark".
    pub today: String,
}

/// Every name a text may use, mapped to the place it names.
pub struct Gazetteer {
    /// Lower-cased name words → place, for municipalities and districts.
    municipalities: Vec<(Vec<String>, Place)>,
    /// Lower-cased name words without "Amt" → the county.
    counties: Vec<(Vec<String>, Place)>,
}

impl Gazetteer {
    pub fn new(file: &PlacesFile) -> Gazetteer {
        let by_name: BTreeMap<&str, &Municipality> = file
            .municipalities
            .iter()
            .map(|m| (m.name.as_str(), m))
            .collect();
        // The landsdel a municipality lies in, unless it is the municipality
        // (Bornholm).
        let landsdel = |name: &str| {
            by_name
                .get(name)
                .filter(|m| m.landsdel != m.name)
                .map(|m| m.landsdel.as_str())
        };
        // Where a municipality lies: "Østjylland, Region Midtjylland".
        let location = |name: &str| match (by_name.get(name), landsdel(name)) {
            (Some(m), Some(part)) => format!("{part}, {}", m.region),
            (Some(m), None) => m.region.clone(),
            (None, _) => String::new(),
        };
        let today = |name: &str| format!("{name} Kommune");
        let mut municipalities = Vec::new();
        let mut add = |written: &str, place: Place| {
            municipalities.push((name_words(written), place));
        };
        for m in &file.municipalities {
            for written in std::iter::once(&m.name).chain(&m.aliases) {
                // "Lemvig (Vestjylland, Region Midtjylland)"; "Århus (Aarhus Kommune, …)".
                let now = if *written == m.name {
                    location(&m.name)
                } else {
                    format!("{}, {}", today(&m.name), location(&m.name))
                };
                add(
                    written,
                    Place {
                        name: written.clone(),
                        today: now,
                    },
                );
            }
        }
        for f in &file.former {
            for written in std::iter::once(&f.name).chain(&f.aliases) {
                let mut now = today(&f.today);
                if let Some(part) = landsdel(&f.today) {
                    now.push_str(&format!(" i {part}"));
                }
                if !f.also.is_empty() {
                    now.push_str(&format!(", delvis {}", f.also.join(", ")));
                }
                let county = if f.county.is_empty() {
                    String::new()
                } else {
                    format!(" i {}", f.county)
                };
                add(
                    written,
                    Place {
                        name: written.clone(),
                        today: format!("kommune{county} til 2007, nu {now}"),
                    },
                );
            }
        }
        for d in &file.districts {
            add(
                &d.name,
                Place {
                    name: d.municipality.clone(),
                    today: location(&d.municipality),
                },
            );
        }
        for l in &file.landsdele {
            add(
                &l.name,
                Place {
                    name: l.name.clone(),
                    today: format!("landsdel i {}", l.regions.join(" og ")),
                },
            );
        }
        let counties = file
            .counties
            .iter()
            .flat_map(|c| {
                let now = format!("amt til 2007, nu {}", c.regions.join(" og "));
                std::iter::once(&c.name)
                    .chain(&c.aliases)
                    .map(move |written| {
                        let stem = written.strip_suffix(" Amt").unwrap_or(written);
                        (
                            name_words(stem),
                            Place {
                                name: written.clone(),
                                today: now.clone(),
                            },
                        )
                    })
            })
            .collect();
        // Longer names first, so "Lyngby-Taarbæk" wins over a "Lyngby".
        municipalities.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        Gazetteer {
            municipalities,
            counties,
        }
    }

    /// Every name a page may carry as its `sted` term.
    pub fn names(&self) -> Vec<&str> {
        self.municipalities
            .iter()
            .chain(&self.counties)
            .map(|(_, place)| place.name.as_str())
            .collect()
    }

    /// What today's administration a place name is, if known.
    pub fn today(&self, name: &str) -> Option<&str> {
        self.municipalities
            .iter()
            .chain(&self.counties)
            .find(|(_, place)| place.name == name)
            .map(|(_, place)| place.today.as_str())
    }

    /// The places a sentence names, in order, each once.
    pub fn places_in(&self, sentence: &Sentence) -> Vec<Place> {
        let words = &sentence.words;
        let capitalised = capitalised_words(&sentence.text);
        let mut found: Vec<Place> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((length, place)) = self.place_at(words, &capitalised, i) else {
                i += 1;
                continue;
            };
            if !found.contains(&place) {
                found.push(place);
            }
            i += length;
        }
        found
    }

    /// The place whose name starts at word `i`, and how many words it takes.
    fn place_at(&self, words: &[String], capitalised: &[bool], i: usize) -> Option<(usize, Place)> {
        if !capitalised.get(i).copied().unwrap_or(false) {
            return None;
        }
        let matches_at = |name: &[String]| {
            name.len() <= words.len() - i
                && name.iter().enumerate().all(|(k, w)| {
                    let word = &words[i + k];
                    // A genitive ("Københavns", "Århus Amts") is the same name.
                    word == w || (k == name.len() - 1 && word.strip_suffix('s') == Some(w.as_str()))
                })
        };
        let after = |n: usize| words.get(i + n).map(String::as_str);
        // "X Amt", or "X og Y Amter": the counties, not the towns.
        for (name, county) in &self.counties {
            if !matches_at(name) {
                continue;
            }
            let n = name.len();
            let is_county = matches!(after(n), Some("amt" | "amts" | "amter"))
                || (after(n) == Some("og") && matches!(after(n + 2), Some("amter")));
            if is_county {
                let length = if after(n) == Some("og") { n } else { n + 1 };
                return Some((length, county.clone()));
            }
        }
        self.municipalities
            .iter()
            .find(|(name, _)| matches_at(name))
            .map(|(name, place)| (name.len(), place.clone()))
    }
}

fn name_words(name: &str) -> Vec<String> {
    super::words::words(name)
}

/// For each word of `text` (split as `words::words` splits), whether it
/// starts with a capital letter.
fn capitalised_words(text: &str) -> Vec<bool> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '§'))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer() -> Gazetteer {
        let file: PlacesFile = toml::from_str(
            r#"
            [[municipality]]
            name = "Aarhus"
            region = "Region Midtjylland"
            landsdel = "Østjylland"
            aliases = ["Århus"]
            [[municipality]]
            name = "Lemvig"
            region = "Region Midtjylland"
            landsdel = "Vestjylland"
            [[municipality]]
            name = "Greve"
            region = "Region Sjælland"
            landsdel = "Østsjælland"
            [[municipality]]
            name = "København"
            region = "Region Hovedstaden"
            landsdel = "Byen København"
            [[former_municipality]]
            name = "Thyborøn-Harboøre"
            county = "Ringkøbing Amt"
            today = "Lemvig"
            [[county]]
            name = "Ringkøbing Amt"
            regions = ["Region Midtjylland"]
            [[county]]
            name = "Århus Amt"
            regions = ["Region Midtjylland"]
            [[county]]
            name = "Frederiksborg Amt"
            regions = ["Region Hovedstaden"]
            [[district]]
            name = "Vesterbro"
            municipality = "København"
            [[landsdel]]
            name = "Nordjylland"
            regions = ["Region Nordjylland"]
            "#,
        )
        .expect("places");
        Gazetteer::new(&file)
    }

    fn names(text: &str) -> Vec<String> {
        gazetteer()
            .places_in(&Sentence::new(text, false))
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn places_as_the_text_names_them() {
        assert_eq!(
            names("Basen ligger i Århus Kommune, men drives af Århus Amt."),
            ["Århus", "Århus Amt"]
        );
        assert_eq!(
            names("de seks kommuner: Lemvig, Thyborøn-Harboøre"),
            ["Lemvig", "Thyborøn-Harboøre"]
        );
        assert_eq!(
            names("Projekt Støtteperson, Frederiksborg og Århus Amter"),
            ["Frederiksborg Amt", "Århus Amt"]
        );
        assert_eq!(
            names("Københavns Kommunes køb af pladser på Vesterbro"),
            ["København"]
        );
        assert_eq!(
            names("Svenstrupgaard i Nordjylland er en boform"),
            ["Nordjylland"]
        );
        assert!(
            names("en greve og en hertug").is_empty(),
            "a common noun is not a place"
        );
    }

    #[test]
    fn what_a_place_is_today() {
        let g = gazetteer();
        assert_eq!(
            g.today("Thyborøn-Harboøre"),
            Some("kommune i Ringkøbing Amt til 2007, nu Lemvig Kommune i Vestjylland")
        );
        assert_eq!(g.today("Lemvig"), Some("Vestjylland, Region Midtjylland"));
        assert_eq!(
            g.today("Århus"),
            Some("Aarhus Kommune, Østjylland, Region Midtjylland")
        );
        assert_eq!(
            g.today("Århus Amt"),
            Some("amt til 2007, nu Region Midtjylland")
        );
        assert_eq!(
            g.today("Nordjylland"),
            Some("landsdel i Region Nordjylland")
        );
    }

    /// Danmarks Statistik's eleven landsdele (NUTS 3, 2007).
    const LANDSDELE: [&str; 11] = [
        "Byen København",
        "Københavns omegn",
        "Nordsjælland",
        "Bornholm",
        "Østsjælland",
        "Vest- og Sydsjælland",
        "Fyn",
        "Sydjylland",
        "Østjylland",
        "Vestjylland",
        "Nordjylland",
    ];

    #[test]
    fn every_municipality_lies_in_a_landsdel_of_its_region() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("curation/places.toml");
        let text = std::fs::read_to_string(&path).expect("curation/places.toml");
        let file: PlacesFile = toml::from_str(&text).expect("places.toml parses");
        assert_eq!(file.municipalities.len(), 98);
        let mut regions_of: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for m in &file.municipalities {
            assert!(
                LANDSDELE.contains(&m.landsdel.as_str()),
                "{}: unknown landsdel {:?}",
                m.name,
                m.landsdel
            );
            regions_of.entry(&m.landsdel).or_default().push(&m.region);
        }
        assert_eq!(
            regions_of.len(),
            LANDSDELE.len(),
            "a landsdel has no municipality"
        );
        // A landsdel the text recogniser knows lies in the regions it is listed with.
        for l in &file.landsdele {
            for region in &regions_of[l.name.as_str()] {
                assert!(
                    l.regions.iter().any(|r| r == region),
                    "{}: {region}",
                    l.name
                );
            }
        }
        // Every landsdel lies within one region (NUTS 3 nests in NUTS 2).
        for (landsdel, regions) in &regions_of {
            assert!(
                regions.iter().all(|r| *r == regions[0]),
                "{landsdel}: {regions:?}"
            );
        }
    }
}
