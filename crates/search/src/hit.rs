//! What a search returns: the same structure natively (JSON) and in the browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    pub title: String,
    /// Site-relative path, resolved against the site root by the caller.
    pub url: String,
    pub section: String,
    /// HTML-escaped text with matched words in `<b>…</b>`; safe to insert as HTML.
    pub snippet: String,
    /// The snippet's matched word stands in a sentence the page states only
    /// as a wish or possibility ("… vil også kunne give bedre resultater"),
    /// not as something done: the reader is told.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wish: bool,
    /// Found only by the wider search that follows a query finding few
    /// pages as typed (any part of a compound, spelling further off), after
    /// every page found as typed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wider: bool,
    /// Uses none of the words searched, but readers judged it for searches
    /// with these words (`curation/queries*.tsv`): added after every page
    /// found as typed when those are few.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub judged: bool,
    pub score: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub query: String,
    /// Number of matching pages, beyond the returned hits.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// For every taxonomy, how many matching pages carry each term.
    #[serde(default)]
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// How the engine widened the query beyond the words typed, so the
    /// reader can be told (and can search literally instead).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rewrites: Vec<Rewrite>,
}

/// One widening of a query: what was typed, and what was searched besides.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rewrite {
    pub kind: RewriteKind,
    /// The word or words as typed.
    pub typed: String,
    /// The words searched for as well, as a reader would write them.
    pub also: Vec<String>,
    /// The words typed were not searched: `also` stands for them (a
    /// misspelt word read as the word meant).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub instead: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RewriteKind {
    /// Another member of a curated synonym group.
    Synonym,
    /// The nearest indexed words to a word the index does not know.
    Spelling,
    /// A compound looked for as its parts.
    Compound,
    /// Two typed words looked for as the compound they make.
    Joined,
    /// Words that begin with the last word, as if still being typed.
    Prefix,
    /// Related words of a curated group ("kontaktperson" for "mentor"):
    /// named, not searched, so the reader may search them.
    Related,
    /// A question's scaffolding ("folk", "hvordan") searched as words, for
    /// what the query asks about (`typed`) found nothing as typed.
    Scaffolding,
    /// An age ("over 55", "seniorer") searched as the ages of the people
    /// the case pages follow (`also`: "56 år eller ældre").
    Age,
    /// Other inflections of a word no page writes ("truende" for "truer").
    Inflection,
}
