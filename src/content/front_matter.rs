//! Zola front matter (`+++` TOML) of the pages and sections in `content/`.
//!
//! The content stage writes it and later stages read it: this is the contract
//! between them. Zola rejects unknown top-level keys, so everything of ours
//! lives under `[extra]`.

use std::collections::BTreeMap;

use crate::cases::{CaseOverview, CaseRecord};
use crate::content::stated_factors::StatedFactors;
use serde::{Deserialize, Serialize};

use crate::error::{line_and_column, Error};
use crate::tagging::{Evidence, Quoted, Role};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Zola's page date ("YYYY-MM-DD"): the start of the source's publication
    /// period; feeds list only dated pages.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_text"
    )]
    pub date: Option<String>,
    /// Optional, as in Zola: a page without one is left out of a section
    /// sorted by weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u32>,
    /// Zola's `aliases`: old addresses that redirect here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub taxonomies: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub extra: PageExtra,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageExtra {
    /// The hash of what the build generated (`content::provenance`); absent on
    /// pages a person wrote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// Source file name in `sources/`.
    #[serde(default)]
    pub source: String,
    /// First and last source line used.
    #[serde(default)]
    pub source_lines: [usize; 2],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_number: Option<String>,
    /// The catalogue's printed pages the section spans, for citing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<CataloguePages>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternative_sources: Vec<String>,
    /// The source's publication as precisely as known ("2004", "2023-10").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// 0.0 = social activation … 1.0 = labour-market employment; absent until placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuum: Option<f64>,
    /// Why the page sits where it does on the continuum, for readers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continuum_reasons: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    /// What the page's own "Resultater" section says first, for comparisons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<String>,
    /// Sentences of the results section that report figures, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub result_figures: Vec<String>,
    /// The heading `results` is taken from ("Erfaringer" when the example
    /// has no section about results).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results_heading: Option<String>,
    /// `results` only tells what someone thinks should be or stresses
    /// ("Ole Rudolf betoner, at der skal gives plads til …"): a view, not
    /// a result, and said so where it is shown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub results_opinion: bool,
    /// What a report's cases add up to (`cases::overview`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overview: Option<CaseOverview>,
    /// Structured fields of a candidate case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<CaseRecord>,
    /// A course's report's sentences that name it outside its record
    /// (`report_mentions.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub report_mentions: Vec<String>,
    /// What the page's own text says hinders and helps the effort.
    #[serde(default, skip_serializing_if = "StatedFactors::is_empty")]
    pub stated: StatedFactors,
    /// What an editor set on a hand-written page (taxonomy names, and
    /// "continuum"): reviewed, where everything else is the machine's proposal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<String>,
    /// Where each place tag is today ("kommune i Ringkøbing Amt til 2007, i
    /// dag Lemvig Kommune (Region Midtjylland)").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceNote>,
    /// The sentence that earned each taxonomy term ("Hvorfor dette tag?").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<TagEvidence>,
    /// The page's terms ("metode/Mentorordning") whose every sentence only
    /// wishes for them or names them as a possibility: shown marked, never
    /// counted as done. Derived from `evidence` ([`wish_only_terms`]) so
    /// templates and filters share one rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wish_only: Vec<String>,
    /// Target groups named only as a trait of some participants, each with
    /// its sentence: shown apart from the tags, never as one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traits: Vec<TagEvidence>,
    /// A chapter's sentences that name a method (`chapter_mentions.rs`),
    /// quoted on the method's page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chapter_mentions: Vec<super::chapter_mentions::ChapterMention>,
    /// Places where the extraction lost words, shown as "[…]" (`excerpt.rs`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub gaps: usize,
    /// The appendix heading a report's text opens with: the report before
    /// it is not in the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_appendix: Option<String>,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CataloguePages {
    pub first: u32,
    pub last: u32,
    /// Either end is estimated, not counted: cited as "s. ca. …".
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
    /// How the numbers were found, in a sentence for readers.
    pub basis: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceNote {
    pub name: String,
    pub today: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagEvidence {
    pub taxonomy: String,
    pub term: String,
    pub sentence: String,
    /// What the sentence does, as the page names it ("beskriver indsatsen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Confirmed by an editor; otherwise the machine's proposal.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reviewed: bool,
    /// The content path of the page the sentence is from, when not this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

/// What the page says the quote is: a wish stays a wish wherever it is
/// quoted from; a title or keyword is named as such, not as a sentence
/// that "beskriver indsatsen".
fn quote_label(e: &Evidence) -> &'static str {
    match e.quoted {
        _ if e.role == Role::Hypothetical => e.role.label(),
        Quoted::Title => "sidens titel",
        Quoted::Keyword => "et af katalogets nøgleord, ikke en sætning",
        Quoted::Sentence => e.role.label(),
    }
}

impl From<&Evidence> for TagEvidence {
    fn from(e: &Evidence) -> TagEvidence {
        TagEvidence {
            taxonomy: e.taxonomy.clone(),
            term: e.term.clone(),
            sentence: e.sentence.clone(),
            role: Some(quote_label(e).to_string()),
            reviewed: e.reviewed,
            from: e.from.clone(),
        }
    }
}

/// The terms, as "taxonomy/term", that `evidence` earns only by sentences
/// that wish for them or name them as a possibility, sorted.
pub fn wish_only_terms(evidence: &[TagEvidence]) -> Vec<String> {
    let wish = Role::Hypothetical.label();
    let mut only_wished: BTreeMap<String, bool> = BTreeMap::new();
    for e in evidence {
        let wished = e.role.as_deref() == Some(wish);
        *only_wished
            .entry(format!("{}/{}", e.taxonomy, e.term))
            .or_insert(true) &= wished;
    }
    only_wished
        .into_iter()
        .filter_map(|(term, wished)| wished.then_some(term))
        .collect()
}

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub weight: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Zola's `aliases`: old addresses that redirect here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: BTreeMap<String, toml::Value>,
}

/// Splits `+++\n…\n+++\n` from the body. Errors name the file and line.
pub fn split(file: &str, text: &str) -> Result<(String, String), Error> {
    let rest = text
        .strip_prefix("+++\n")
        .ok_or_else(|| Error::at(file, 1, "front matter must start with a line \"+++\""))?;
    let end = rest
        .find("\n+++\n")
        .or_else(|| rest.ends_with("\n+++").then(|| rest.len() - 4))
        .ok_or_else(|| Error::at(file, 1, "front matter is not closed by a line \"+++\""))?;
    let body = rest.get(end + 5..).unwrap_or("");
    Ok((rest[..end].to_string(), body.to_string()))
}

/// Parses TOML front matter; `line_offset` is the file line of its first line.
pub fn parse<T: for<'de> Deserialize<'de>>(file: &str, toml_text: &str) -> Result<T, Error> {
    toml::from_str(toml_text).map_err(|err| {
        let message = format!("bad front matter: {}", err.message());
        match err.span() {
            // The front matter starts on the file's second line, after `+++`.
            Some(span) => {
                let (line, column) = line_and_column(toml_text, span.start);
                Error::at_column(file, line + 1, column, message)
            }
            None => Error::at(file, 1, message),
        }
    })
}

/// Zola takes a date as a string or as a TOML date; hand-written pages use both.
fn date_text<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match toml::Value::deserialize(deserializer)? {
        toml::Value::String(text) => Ok(Some(text)),
        toml::Value::Datetime(datetime) => Ok(Some(datetime.to_string())),
        other => Err(serde::de::Error::custom(format!(
            "date must be a date, not {}",
            other.type_str()
        ))),
    }
}

pub fn render<T: Serialize>(front_matter: &T) -> String {
    let toml_text = toml::to_string(front_matter)
        .expect("front matter holds only strings, numbers, arrays and tables, tables last");
    format!("+++\n{toml_text}+++\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_wish_only_when_every_sentence_for_it_wishes() {
        let evidence = |taxonomy: &str, term: &str, role: Role| TagEvidence {
            taxonomy: taxonomy.into(),
            term: term.into(),
            sentence: "…".into(),
            role: Some(role.label().into()),
            ..TagEvidence::default()
        };
        let found = wish_only_terms(&[
            evidence("metode", "Mentorordning", Role::Hypothetical),
            evidence("ide", "Værested", Role::Hypothetical),
            evidence("ide", "Værested", Role::Describes),
            evidence("fremmer", "Rummelighed", Role::Result),
        ]);
        assert_eq!(found, ["metode/Mentorordning"]);
    }

    #[test]
    fn round_trips() {
        let fm = PageFrontMatter {
            title: "Projekt \"X\"".into(),
            weight: Some(3),
            extra: PageExtra {
                source: "004.txt".into(),
                source_lines: [1, 9],
                keywords: vec!["Mentor".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let text = render(&fm) + "Brødtekst\n";
        let (toml_text, body) = split("p.md", &text).expect("splits");
        assert_eq!(
            parse::<PageFrontMatter>("p.md", &toml_text).expect("parses"),
            fm
        );
        assert_eq!(body, "Brødtekst\n");
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let err = split("p.md", "title = 1").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.md:1: front matter must start with a line \"+++\""
        );
        let err = parse::<PageFrontMatter>("p.md", "title = \"a\"\nweight = \"x\"\n").unwrap_err();
        assert!(
            err.to_string().starts_with("p.md:3:10: bad front matter"),
            "{err}"
        );
    }

    #[test]
    fn dates_are_read_as_strings_or_toml_dates() {
        for (toml_text, date) in [
            ("title = \"a\"\ndate = \"2023-10-01\"", "2023-10-01"),
            ("title = \"a\"\ndate = 2020-03-11", "2020-03-11"),
        ] {
            let fm: PageFrontMatter = parse("p.md", toml_text).expect(toml_text);
            assert_eq!(fm.date.as_deref(), Some(date));
        }
        let err = parse::<PageFrontMatter>("p.md", "title = \"a\"\ndate = 3").unwrap_err();
        assert!(err.to_string().contains("date"), "{err}");
    }
}
