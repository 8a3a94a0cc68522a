//! The index schema: which fields exist and how each is analyzed.

use tantivy::schema::{
    FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
    STORED, STRING,
};

use crate::analysis::{DANISH_ANALYZER, WORDS_ANALYZER};

/// Field handles, looked up once from a schema.
#[derive(Clone, Copy, Debug)]
pub struct IndexFields {
    pub title: Field,
    pub keywords: Field,
    /// Subheadings inside the page.
    pub headings: Field,
    /// The page's text as written, stored for snippets, not searched.
    pub body: Field,
    /// Sentences of the body that state a wish or possibility, not something
    /// done (see `Hit::wish`): stored, not searched.
    pub wishes: Field,
    /// The body, then the parts of the page's compound words ("mentor
    /// ordning" for "mentorordning"): what words and phrases are searched
    /// in, so a page that keeps returning to a word inside compounds counts
    /// like one that writes it alone, and "mentor ordning" in quotes finds
    /// "mentorordning".
    pub text: Field,
    /// Parts of the compounds in the title ("Netværksordningen").
    pub title_parts: Field,
    /// The names of the page's tags (what it practises and for whom,
    /// "Mentorordning", "Psykisk sårbare og sindslidende"), then their
    /// compound parts: a page is found by what it does even where its text
    /// names it otherwise ("arbejdstræning" on a page tagged Jobtræning).
    pub tags: Field,
    /// The vocabulary's words for the page's rarer tags ("udviklingshæmmede"
    /// for Handicappede): they rank the pages the words typed match, never
    /// match a page alone (see `query::build_query`).
    pub tag_words: Field,
    /// The page's words unstemmed, for typo tolerance and prefixes.
    pub words: Field,
    /// Taxonomy terms as facets: `/kildetype/Praksiseksempel`.
    pub taxonomies: Field,
    /// Position from social activation (0) to labour-market employment (1).
    pub continuum: Field,
    /// The age of the person a case page follows ("Alder: 59 år"), for a
    /// query that names an age ("over 55", "seniorer").
    pub age: Field,
    /// Site-relative path of the page, e.g. `eksempler/basens-aktivitetscenter/`.
    pub url: Field,
    /// Top-level content section: `eksempler`, `kapitler`, `rapporter`.
    pub section: Field,
}

pub(crate) fn build_schema() -> Schema {
    let danish = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DANISH_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let mut builder = Schema::builder();
    builder.add_text_field("title", danish.clone().set_stored());
    builder.add_text_field("keywords", danish.clone().set_stored());
    builder.add_text_field("headings", danish.clone().set_stored());
    builder.add_text_field("text", danish);
    // Stored for snippets; searched through `text`.
    builder.add_text_field("body", TextOptions::default().set_stored());
    builder.add_text_field("wishes", TextOptions::default().set_stored());
    let unstored = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(DANISH_ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    builder.add_text_field("title_parts", unstored.clone());
    builder.add_text_field("tags", unstored.clone());
    builder.add_text_field("tag_words", unstored);
    let whole_words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS_ANALYZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    builder.add_text_field("words", whole_words);
    builder.add_facet_field("taxonomies", FacetOptions::default());
    builder.add_f64_field(
        "continuum",
        NumericOptions::default().set_indexed().set_fast(),
    );
    builder.add_u64_field("age", NumericOptions::default().set_indexed().set_fast());
    builder.add_text_field("url", STRING | STORED);
    builder.add_text_field("section", STRING | STORED);
    builder.build()
}

impl IndexFields {
    /// The fields a query searches in.
    pub(crate) fn searched(&self) -> [Field; 8] {
        [
            self.title,
            self.keywords,
            self.headings,
            self.text,
            self.title_parts,
            self.tags,
            self.tag_words,
            self.words,
        ]
    }

    pub(crate) fn from_schema(schema: &Schema) -> tantivy::Result<IndexFields> {
        Ok(IndexFields {
            title: schema.get_field("title")?,
            keywords: schema.get_field("keywords")?,
            headings: schema.get_field("headings")?,
            body: schema.get_field("body")?,
            wishes: schema.get_field("wishes")?,
            text: schema.get_field("text")?,
            title_parts: schema.get_field("title_parts")?,
            tags: schema.get_field("tags")?,
            tag_words: schema.get_field("tag_words")?,
            words: schema.get_field("words")?,
            taxonomies: schema.get_field("taxonomies")?,
            continuum: schema.get_field("continuum")?,
            age: schema.get_field("age")?,
            url: schema.get_field("url")?,
            section: schema.get_field("section")?,
        })
    }
}
