//! Opens an index from bytes and answers queries.
//!
//! Both the CLI and the browser hand the same manifest and pack to
//! [`Engine::from_pack`], which writes the files into a `RamDirectory`: there
//! is no second code path.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::path::Path;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::directory::{Directory, RamDirectory};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::Value;
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DocAddress, Index, IndexReader, Searcher, TantivyDocument, Term};

use crate::analysis::{analyze, register_analyzers};
use crate::error::SearchError;
use crate::hit::{Filters, Hit, SearchResults};
use crate::lexicon::IndexLexicon;
use crate::manifest::{content_hash, Manifest};
use crate::pack::unpack;
use crate::query::{build_query, ParsedQuery};
use crate::schema::IndexFields;
use crate::snippets::{FoldedBodies, Snippets};
use crate::stopwords::is_stop_word;
use crate::synonyms::{Synonyms, SYNONYMS_FILE};

const MAX_LIMIT: usize = 100;
/// Extra more-like-this results fetched, since some are filtered out.
const RELATED_CANDIDATES: usize = 20;
/// Terms describing a page for "related": how many, and how short at least.
const LIKE_TERMS: usize = 40;
const LIKE_MIN_TERM_CHARS: usize = 4;

pub struct Engine {
    index: Index,
    reader: IndexReader,
    fields: IndexFields,
    manifest: Manifest,
    /// Taxonomy names, for facet counts.
    taxonomies: Vec<String>,
    synonyms: Synonyms,
    folded_bodies: FoldedBodies,
}

impl Engine {
    /// Opens the index described by `manifest_bytes` from `files` (name, bytes).
    /// Opens the index from `manifest.json` and the pack it names.
    pub fn from_pack(manifest_bytes: &[u8], pack: &[u8]) -> Result<Engine, SearchError> {
        let manifest = Manifest::parse(manifest_bytes)?;
        Engine::from_files(manifest_bytes, unpack(&manifest, pack)?)
    }

    pub fn from_files(
        manifest_bytes: &[u8],
        files: Vec<(String, Vec<u8>)>,
    ) -> Result<Engine, SearchError> {
        let manifest = Manifest::parse(manifest_bytes)?;
        let mut by_name: HashMap<String, Vec<u8>> = files.into_iter().collect();
        let mut ordered = Vec::with_capacity(manifest.files.len());
        for name in &manifest.files {
            let bytes = by_name
                .remove(name)
                .ok_or_else(|| SearchError::MissingFile(name.clone()))?;
            ordered.push((name.clone(), bytes));
        }
        if content_hash(&ordered) != manifest.content_hash {
            return Err(SearchError::HashMismatch {
                file: "manifest.json".into(),
            });
        }
        let directory = RamDirectory::create();
        for (name, bytes) in &ordered {
            directory
                .atomic_write(Path::new(name), bytes)
                .map_err(|err| SearchError::Tantivy(err.into()))?;
        }
        let synonyms = match ordered.iter().find(|(name, _)| name == SYNONYMS_FILE) {
            Some((_, bytes)) => Synonyms::parse(bytes)?,
            None => return Err(SearchError::MissingFile(SYNONYMS_FILE.into())),
        };
        let index = Index::open(directory)?;
        register_analyzers(&index);
        let reader = index.reader()?;
        let fields = IndexFields::from_schema(&index.schema())?;
        let taxonomies = taxonomy_names(&reader, fields.taxonomies);
        Ok(Engine {
            index,
            reader,
            fields,
            manifest,
            taxonomies,
            synonyms,
            folded_bodies: FoldedBodies::default(),
        })
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    pub fn fields(&self) -> IndexFields {
        self.fields
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The page paths in the index.
    pub fn urls(&self) -> BTreeSet<String> {
        indexed_terms(&self.reader, self.fields.url)
            .iter()
            .map(|term| String::from_utf8_lossy(term).into_owned())
            .collect()
    }

    /// Pages of `section` most like the page at `url`, best first, at most `limit`:
    /// tantivy's more-like-this over the page's own title, keywords and text.
    pub fn related(&self, url: &str, section: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        let searcher = self.reader.searcher();
        let Some(address) = self.address_of(&searcher, url)? else {
            return Ok(Vec::new());
        };
        let page: TantivyDocument = searcher.doc(address)?;
        let like = self.like_query(&searcher, &page)?;
        let candidates = searcher.search(
            &*like,
            &TopDocs::with_limit(limit + RELATED_CANDIDATES).order_by_score(),
        )?;
        let mut related = Vec::new();
        for (score, candidate) in candidates {
            let doc: TantivyDocument = searcher.doc(candidate)?;
            let candidate_url = first_text(&doc, self.fields.url);
            if candidate_url == url || first_text(&doc, self.fields.section) != section {
                continue;
            }
            related.push(Hit {
                title: first_text(&doc, self.fields.title),
                url: candidate_url,
                section: section.to_string(),
                snippet: String::new(),
                score,
            });
            if related.len() == limit {
                break;
            }
        }
        Ok(related)
    }

    /// The page's most distinctive terms (tf·idf), weighted, as one query.
    /// Built by hand rather than with `MoreLikeThisQuery`, whose choice among
    /// equally good terms varies from run to run: related lists must not.
    fn like_query(
        &self,
        searcher: &tantivy::Searcher,
        page: &TantivyDocument,
    ) -> Result<Box<dyn Query>, SearchError> {
        let text = [self.fields.title, self.fields.keywords, self.fields.body]
            .iter()
            .flat_map(|&field| page.get_all(field).filter_map(|v| v.as_str()))
            .collect::<Vec<_>>()
            .join("\n");
        let mut frequency: BTreeMap<String, u32> = BTreeMap::new();
        for term in analyze(&text) {
            if term.chars().count() >= LIKE_MIN_TERM_CHARS && !is_stop_word(&term) {
                *frequency.entry(term).or_default() += 1;
            }
        }
        let documents = searcher.num_docs() as f32;
        let mut weighted: Vec<(f32, String)> = Vec::new();
        for (term, count) in frequency {
            let doc_freq = searcher.doc_freq(&Term::from_field_text(self.fields.text, &term))?;
            if count >= 2 && doc_freq >= 2 {
                let idf = (documents / doc_freq as f32).ln();
                weighted.push((count as f32 * idf, term));
            }
        }
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let clauses = weighted
            .into_iter()
            .take(LIKE_TERMS)
            .map(|(weight, term)| {
                let query = TermQuery::new(
                    Term::from_field_text(self.fields.text, &term),
                    IndexRecordOption::WithFreqs,
                );
                let boosted: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(query), weight));
                (Occur::Should, boosted)
            })
            .collect();
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Why the page at `url` scores what it does for `text`: tantivy's score
    /// explanation as JSON, or `None` when the page is not in the index or
    /// the text has nothing to search for. For tuning, not for readers.
    pub fn explain(&self, text: &str, url: &str) -> Result<Option<String>, SearchError> {
        let searcher = self.reader.searcher();
        let Some(query) = self.words_query(&searcher, text) else {
            return Ok(None);
        };
        let Some(address) = self.address_of(&searcher, url)? else {
            return Ok(None);
        };
        match query.explain(&searcher, address) {
            Ok(explanation) => Ok(Some(explanation.to_pretty_json())),
            // The page does not match the query at all.
            Err(tantivy::TantivyError::InvalidArgument(_)) => Ok(Some("{}".to_string())),
            Err(err) => Err(err.into()),
        }
    }

    /// Best `limit` pages for `text` (at most 100), with snippets.
    pub fn search(&self, text: &str, limit: usize) -> Result<SearchResults, SearchError> {
        self.search_filtered(text, limit, &Filters::default())
    }

    /// Like [`Engine::search`], narrowed by `filters`, with facet counts of
    /// the pages that match. With filters and no words, lists what the
    /// filters select.
    pub fn search_filtered(
        &self,
        text: &str,
        limit: usize,
        filters: &Filters,
    ) -> Result<SearchResults, SearchError> {
        let mut results = SearchResults {
            query: text.to_string(),
            total: 0,
            hits: Vec::new(),
            facets: BTreeMap::new(),
        };
        let searcher = self.reader.searcher();
        let words = self.words_query(&searcher, text);
        let query: Box<dyn Query> = match (words, filters.is_empty()) {
            (None, true) => return Ok(results),
            (None, false) => Box::new(AllQuery),
            (Some(words), _) => words,
        };
        let query = filter_query(query, filters, &self.fields);
        let limit = limit.clamp(1, MAX_LIMIT);
        let mut facet_counts = FacetCollector::for_field("taxonomies");
        for taxonomy in &self.taxonomies {
            facet_counts.add_facet(Facet::from_path([taxonomy]));
        }
        let (top, total, facets) = searcher.search(
            &*query,
            &(
                TopDocs::with_limit(limit).order_by_score(),
                Count,
                facet_counts,
            ),
        )?;
        results.total = total;
        for taxonomy in &self.taxonomies {
            let counts = facets
                .get(Facet::from_path([taxonomy]))
                .filter_map(|(facet, count)| Some((facet.to_path().last()?.to_string(), count)))
                .collect();
            results.facets.insert(taxonomy.clone(), counts);
        }
        let snippets = Snippets::new(&searcher, &*query, self.fields.text, self.fields.body)?;
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            results.hits.push(Hit {
                title: first_text(&doc, self.fields.title),
                url: first_text(&doc, self.fields.url),
                section: first_text(&doc, self.fields.section),
                snippet: {
                    let body = first_text(&doc, self.fields.body);
                    snippets.html(&body, &self.folded_bodies.of(address, &body))
                },
                score,
            });
        }
        Ok(results)
    }
}

impl Engine {
    /// What `text` asks for, as a query over this index (`None`: nothing to search).
    fn words_query(&self, searcher: &Searcher, text: &str) -> Option<Box<dyn Query>> {
        let lexicon = IndexLexicon {
            searcher,
            fields: self.fields,
            synonyms: &self.synonyms,
        };
        build_query(&ParsedQuery::parse(text), &self.fields, &lexicon)
    }

    /// The document of the page at `url`, if the index has it.
    fn address_of(
        &self,
        searcher: &Searcher,
        url: &str,
    ) -> Result<Option<DocAddress>, SearchError> {
        let by_url = TermQuery::new(
            Term::from_field_text(self.fields.url, url),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&by_url, &TopDocs::with_limit(1).order_by_score())?;
        Ok(top.into_iter().next().map(|(_, address)| address))
    }
}

fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .to_string()
}

/// `query`, kept only where every filter holds; filters add nothing to scores.
fn filter_query(query: Box<dyn Query>, filters: &Filters, fields: &IndexFields) -> Box<dyn Query> {
    if filters.is_empty() {
        return query;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
    for (taxonomy, terms) in filters.terms.iter().filter(|(_, t)| !t.is_empty()) {
        let any_term: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|term| {
                let facet = Facet::from_path([taxonomy, term]);
                let query: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_facet(fields.taxonomies, &facet),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, query)
            })
            .collect();
        let any_term = ConstScoreQuery::new(Box::new(BooleanQuery::new(any_term)), 0.0);
        clauses.push((Occur::Must, Box::new(any_term)));
    }
    if let Some((low, high)) = filters.continuum {
        let range = RangeQuery::new(
            Bound::Included(Term::from_field_f64(fields.continuum, low)),
            Bound::Included(Term::from_field_f64(fields.continuum, high)),
        );
        clauses.push((
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(range), 0.0)),
        ));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Names of the taxonomies in the index: the first level of its facets.
fn taxonomy_names(reader: &IndexReader, field: Field) -> Vec<String> {
    let names: BTreeSet<String> = indexed_terms(reader, field)
        .iter()
        // Facet terms are path segments separated by a zero byte.
        .map(|term| term.split(|&b| b == 0).next().unwrap_or_default())
        .map(|first| String::from_utf8_lossy(first).into_owned())
        .collect();
    names.into_iter().filter(|n| !n.is_empty()).collect()
}

/// Every term of `field` in the index, as stored bytes.
fn indexed_terms(reader: &IndexReader, field: Field) -> Vec<Vec<u8>> {
    let searcher = reader.searcher();
    let mut found = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().stream() else {
            continue;
        };
        while terms.advance() {
            found.push(terms.key().to_vec());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::writer::{IndexBuilder, IndexDocument};

    fn engine(docs: &[(&str, &str, &str)]) -> Engine {
        let mut builder = IndexBuilder::new();
        for (title, keywords, body) in docs {
            builder.add(IndexDocument {
                title: title.to_string(),
                keywords: vec![keywords.to_string()],
                body: body.to_string(),
                url: format!("eksempler/{}/", title.to_lowercase().replace(' ', "-")),
                section: "eksempler".into(),
                taxonomies: [(
                    "kildetype".to_string(),
                    vec![format!("Type {}", title.len() % 2)],
                )]
                .into_iter()
                .collect(),
                continuum: Some(title.len() as f64 / 10.0),
                ..IndexDocument::default()
            });
        }
        let built = builder.build().expect("index builds");
        Engine::from_files(built.manifest.to_json().as_bytes(), built.files).expect("opens")
    }

    #[test]
    fn filters_narrow_and_facets_count_the_matches() {
        // Titles of length 4 and 5: "Type 0" and "Type 1", continuum 0.4 and 0.5.
        let engine = engine(&[
            ("Alfa", "", "job og mentor"),
            ("Betaa", "", "job og netværk"),
            ("Gamma", "", "mentor alene"),
        ]);
        let all = engine.search("job", 10).expect("search");
        assert_eq!(all.total, 2);
        assert_eq!(all.facets["kildetype"]["Type 0"], 1);
        assert_eq!(all.facets["kildetype"]["Type 1"], 1);
        let mut filters = Filters::default();
        filters
            .terms
            .insert("kildetype".into(), vec!["Type 1".into()]);
        let narrowed = engine.search_filtered("job", 10, &filters).expect("search");
        assert_eq!(narrowed.hits.len(), 1);
        assert_eq!(narrowed.hits[0].title, "Betaa");
        let browse = engine.search_filtered("", 10, &filters).expect("browse");
        assert_eq!(browse.total, 2, "no words: everything the filter selects");
        let range = Filters {
            continuum: Some((0.0, 0.45)),
            ..Filters::default()
        };
        let low = engine.search_filtered("mentor", 10, &range).expect("range");
        assert_eq!(
            low.hits
                .iter()
                .map(|h| h.title.as_str())
                .collect::<Vec<_>>(),
            ["Alfa"]
        );
    }

    #[test]
    fn finds_inflected_form_and_ranks_keywords_above_body() {
        let engine = engine(&[
            (
                "Alpha",
                "Værksted",
                "En mentorordning nævnes i forbifarten her.",
            ),
            (
                "Beta",
                "Mentorordning",
                "Projektet bruger mentorordninger til job.",
            ),
        ]);
        let results = engine.search("mentorordningerne", 10).expect("search");
        assert_eq!(results.total, 2);
        assert_eq!(results.hits[0].title, "Beta");
        assert!(
            results.hits[0].snippet.contains("<b>"),
            "{}",
            results.hits[0].snippet
        );
    }

    #[test]
    fn a_quoted_phrase_finds_the_compound_it_spells() {
        let engine = engine(&[
            ("Alpha", "Værksted", "Her bruges en mentorordning."),
            ("Beta", "Køkken", "Ordningen har en mentor."),
        ]);
        let results = engine.search("\"mentor ordning\"", 10).expect("search");
        let titles: Vec<&str> = results.hits.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Alpha"]);
    }

    #[test]
    fn snippets_escape_markup_from_content() {
        let engine = engine(&[(
            "Gamma",
            "x",
            "Tekst <script>alert(1)</script> om job og <img onerror=x>",
        )]);
        let hit = &engine.search("job", 10).expect("search").hits[0];
        assert!(!hit.snippet.contains("<script"), "{}", hit.snippet);
        assert!(!hit.snippet.contains("<img"), "{}", hit.snippet);
    }

    #[test]
    fn hostile_queries_get_an_answer() {
        let engine = engine(&[
            ("Delta", "mentorordning", "noget tekst om mentorordningen"),
            ("Epsilon", "job", "en anden tekst"),
        ]);
        let long_word = "mentorordning".repeat(800);
        let many_words = "mentorordningen ".repeat(2_000);
        let hostile = [
            "",
            " \t\n ",
            "a".repeat(10_000).as_str(),
            long_word.as_str(),
            many_words.as_str(),
            "\"mentor",
            "\"\"\"",
            "og i at det",
            "!!! ??? ... ---",
            ".*(a|b)+$ [^x]{2,} \\d",
            "'; DROP TABLE pages; --",
            "1 OR 1=1",
            "<script>alert(1)</script>",
            "-",
            "-- -mentor",
            "mentor* ~2 title:x (((",
            "\u{202e}\u{200b}\u{0}",
            "🙂 مرحبا",
        ]
        .map(String::from);
        for query in &hostile {
            let results = engine.search(query, 10);
            assert!(results.is_ok(), "{query:.40}: {results:?}");
            let filtered = engine.search_filtered(query, usize::MAX, &Filters::default());
            assert!(filtered.is_ok(), "{query:.40}");
        }
        assert_eq!(
            engine.search(&many_words, 10).expect("search").hits[0].title,
            "Delta"
        );
    }

    #[test]
    fn empty_and_nonsense_queries_return_nothing() {
        let engine = engine(&[("Delta", "x", "noget tekst")]);
        assert_eq!(engine.search("", 10).expect("search").total, 0);
        assert_eq!(
            engine
                .search("\"'%; DROP TABLE", 10)
                .expect("search")
                .hits
                .len(),
            0
        );
    }

    #[test]
    fn identical_input_gives_identical_files() {
        let build = || {
            let mut builder = IndexBuilder::new();
            builder.add(IndexDocument {
                title: "Et".into(),
                body: "tekst".into(),
                url: "a/".into(),
                ..Default::default()
            });
            builder.build().expect("builds").files
        };
        assert_eq!(build(), build());
    }

    #[test]
    fn detects_tampered_files() {
        let mut builder = IndexBuilder::new();
        builder.add(IndexDocument {
            title: "Et".into(),
            url: "a/".into(),
            ..Default::default()
        });
        let mut built = builder.build().expect("builds");
        built.files[0].1.push(0);
        let err = Engine::from_files(built.manifest.to_json().as_bytes(), built.files);
        assert!(matches!(err, Err(SearchError::HashMismatch { .. })));
    }
}
