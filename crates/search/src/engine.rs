//! Opens an index and answers queries.
//!
//! The CLI opens it with every file ([`Engine::from_files`]); the browser
//! with the hot ranges alone ([`Engine::open_hot`]), adding chunks as
//! queries ask for them ([`Engine::add_chunk`]). Both read through the same
//! [`ChunkedDirectory`] and run the same code: there is no second path.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;
use std::path::Path;
use std::sync::Arc;

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::directory::{Directory, OwnedBytes};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::Value;
use tantivy::schema::{Facet, Field, IndexRecordOption};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::analysis::{analyze, register_analyzers};
use crate::chunks::{ChunkId, ChunkedDirectory, HotRange};
use crate::error::SearchError;
use crate::hit::{Filters, Hit, SearchResults};
use crate::lexicon::IndexLexicon;
use crate::manifest::{content_hash, Manifest};
use crate::pack::unpack;
use crate::query::{build_query, ParsedQuery};
use crate::schema::IndexFields;
use crate::snippets::Snippets;
use crate::stopwords::is_stop_word;
use crate::stored_pages::{StoredPage, StoredPages};
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
    stored_pages: StoredPages,
    chunks: ChunkedDirectory,
}

/// The index opened and warmed up: everything an [`Engine`] holds but its manifest.
struct Opened {
    index: Index,
    reader: IndexReader,
    fields: IndexFields,
    taxonomies: Vec<String>,
    synonyms: Synonyms,
}

impl Opened {
    /// Opens the index in `directory` and reads what every search needs: the
    /// search fields' term dictionaries and field norms, the taxonomy facets
    /// and the continuum column. What this reads is the hot ranges.
    fn open(directory: &ChunkedDirectory) -> Result<Opened, SearchError> {
        let synonyms = match directory.atomic_read(Path::new(SYNONYMS_FILE)) {
            Ok(bytes) => Synonyms::parse(&bytes)?,
            Err(_) => return Err(SearchError::MissingFile(SYNONYMS_FILE.into())),
        };
        let index = Index::open(directory.clone())?;
        register_analyzers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let fields = IndexFields::from_schema(&index.schema())?;
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            for field in fields.searched() {
                segment.inverted_index(field)?;
                segment.get_fieldnorms_reader(field)?;
            }
            segment.inverted_index(fields.taxonomies)?;
        }
        let taxonomies = taxonomy_names(&reader, fields.taxonomies);
        // Facet counts and continuum filters read these columns for any query.
        let everything = filter_query(
            Box::new(AllQuery),
            &Filters {
                continuum: Some((f64::MIN, f64::MAX)),
                ..Filters::default()
            },
            &fields,
        );
        searcher.search(&*everything, &(Count, facet_collector(&taxonomies)))?;
        Ok(Opened {
            index,
            reader,
            fields,
            taxonomies,
            synonyms,
        })
    }
}

/// The bytes that opening the index reads: the hot ranges published first.
pub(crate) fn hot_ranges(files: &[(String, Vec<u8>)]) -> Result<Vec<HotRange>, SearchError> {
    let directory = ChunkedDirectory::cut(files);
    directory.record();
    Opened::open(&directory)?;
    Ok(directory.recorded())
}

impl Engine {
    /// Opens the index from every one of its files (name, bytes), checking
    /// them against the manifest's content hash.
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
        let layouts = manifest.layouts();
        if layouts
            .iter()
            .zip(&ordered)
            .any(|(layout, (_, bytes))| layout.len != bytes.len() as u64)
        {
            return Err(SearchError::BadManifest(
                "file sizes differ from the files".into(),
            ));
        }
        Engine::open(manifest, ChunkedDirectory::complete(ordered, &layouts))
    }

    /// Opens the index from `manifest.json` and the hot pack it names; the
    /// chunks come later through [`Engine::add_chunk`].
    pub fn open_hot(manifest_bytes: &[u8], hot_pack: &[u8]) -> Result<Engine, SearchError> {
        let manifest = Manifest::parse(manifest_bytes)?;
        let directory = ChunkedDirectory::empty(&manifest.files, &manifest.layouts());
        for (range, bytes) in unpack(&manifest, hot_pack)? {
            directory
                .insert_hot(range, OwnedBytes::new(bytes.to_vec()))
                .map_err(SearchError::BadManifest)?;
        }
        Engine::open(manifest, directory)
    }

    fn open(manifest: Manifest, chunks: ChunkedDirectory) -> Result<Engine, SearchError> {
        let opened = Opened::open(&chunks);
        let missing = chunks.take_missing();
        if !missing.is_empty() {
            return Err(SearchError::BadManifest(format!(
                "the hot pack lacks bytes of {} chunks that opening the index reads",
                missing.len()
            )));
        }
        let opened = opened?;
        Ok(Engine {
            index: opened.index,
            reader: opened.reader,
            fields: opened.fields,
            manifest,
            taxonomies: opened.taxonomies,
            synonyms: opened.synonyms,
            stored_pages: StoredPages::default(),
            chunks,
        })
    }

    /// Adds a chunk a search asked for (see [`SearchError::ChunksNeeded`]).
    pub fn add_chunk(&self, id: ChunkId, bytes: Vec<u8>) -> Result<(), SearchError> {
        self.chunks
            .insert(id, OwnedBytes::new(bytes))
            .map_err(SearchError::BadManifest)
    }

    /// Whether chunk `id` is here.
    pub fn has_chunk(&self, id: ChunkId) -> bool {
        self.chunks.chunk(id).is_some()
    }

    /// Checks every file against the manifest's content hash; fails while
    /// any chunk is missing.
    pub fn verify_complete(&self) -> Result<(), SearchError> {
        let mut files = Vec::with_capacity(self.manifest.files.len());
        for (file, name) in self.manifest.files.iter().enumerate() {
            let mut bytes = Vec::new();
            for id in self
                .manifest
                .all_chunks()
                .filter(|id| id.file == file as u32)
            {
                let chunk = self
                    .chunks
                    .chunk(id)
                    .ok_or_else(|| SearchError::MissingFile(self.chunk_name(id)))?;
                bytes.extend_from_slice(chunk.as_slice());
            }
            files.push((name.clone(), bytes));
        }
        if content_hash(&files) == self.manifest.content_hash {
            Ok(())
        } else {
            Err(SearchError::HashMismatch {
                file: self.manifest.chunks.clone(),
            })
        }
    }

    fn chunk_name(&self, id: ChunkId) -> String {
        self.manifest
            .chunk_path(id)
            .unwrap_or_else(|| format!("chunk {}.{}", id.file, id.index))
    }

    /// `result`, unless a read along the way wanted chunks that are not
    /// here: then every one of them, so the caller fetches them together.
    fn settle<T>(&self, result: Result<T, SearchError>) -> Result<T, SearchError> {
        let missing = self.chunks.take_missing();
        if missing.is_empty() {
            result
        } else {
            Err(SearchError::ChunksNeeded(missing))
        }
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
        // Only pages of `section` are scored: with thousands of pages in
        // other sections, ranking them all for every page made builds quadratic.
        let in_section: Box<dyn Query> = Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.section, section),
                IndexRecordOption::Basic,
            )),
            0.0,
        ));
        let like = BooleanQuery::new(vec![
            (Occur::Must, in_section),
            (Occur::Must, self.like_query(&searcher, &page)?),
        ]);
        let candidates = searcher.search(
            &like,
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
        self.chunks.take_missing();
        // Term dictionaries are hot; were one not, the query would be built
        // on missing knowledge, so a miss here asks for it first.
        let words = self.settle(Ok(self.words_query(&searcher, text)))?;
        let query: Box<dyn Query> = match (words, filters.is_empty()) {
            (None, true) => return Ok(results),
            (None, false) => Box::new(AllQuery),
            (Some(words), _) => words,
        };
        let query = filter_query(query, filters, &self.fields);
        let limit = limit.clamp(1, MAX_LIMIT);
        let found = searcher.search(
            &*query,
            &(
                TopDocs::with_limit(limit).order_by_score(),
                Count,
                facet_collector(&self.taxonomies),
            ),
        );
        // The search stops at its first missing chunk: then every term's
        // postings are read, so all of them are fetched in one round.
        if self.chunks.has_missing() {
            read_postings(&searcher, &*query);
        }
        let (top, total, facets) = self.settle(found.map_err(SearchError::from))?;
        results.total = total;
        for taxonomy in &self.taxonomies {
            let counts = facets
                .get(Facet::from_path([taxonomy]))
                .filter_map(|(facet, count)| Some((facet.to_path().last()?.to_string(), count)))
                .collect();
            results.facets.insert(taxonomy.clone(), counts);
        }
        // The hits' stored pages in one round of fetches too.
        let pages: Vec<tantivy::Result<Arc<StoredPage>>> = top
            .iter()
            .map(|&(_, address)| self.stored_pages.get(&searcher, &self.fields, address))
            .collect();
        let snippets = Snippets::new(&searcher, &*query, self.fields.text, self.fields.body);
        let snippets = self.settle(snippets)?;
        for ((score, _), page) in top.into_iter().zip(pages) {
            let page = page?;
            results.hits.push(Hit {
                title: page.title.clone(),
                url: page.url.clone(),
                section: page.section.clone(),
                snippet: snippets.html(&page.body, &page.words),
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

/// Reads the postings of every term in `query`, and their positions where
/// a phrase needs them, so that chunks missing for any of them are all
/// reported at once. Failures are remembered by the directory, not here.
fn read_postings(searcher: &Searcher, query: &dyn Query) {
    let mut terms: Vec<(Term, bool)> = Vec::new();
    query.query_terms(&mut |term, positions| terms.push((term.clone(), positions)));
    for segment in searcher.segment_readers() {
        for (term, positions) in &terms {
            let Ok(inverted) = segment.inverted_index(term.field()) else {
                continue;
            };
            let Ok(Some(info)) = inverted.get_term_info(term) else {
                continue;
            };
            let option = if *positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            };
            let _ = inverted.read_postings_from_terminfo(&info, option);
        }
    }
}

/// Counts of every taxonomy's terms among the matches.
fn facet_collector(taxonomies: &[String]) -> FacetCollector {
    let mut collector = FacetCollector::for_field("taxonomies");
    for taxonomy in taxonomies {
        collector.add_facet(Facet::from_path([taxonomy]));
    }
    collector
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
    use crate::writer::{IndexBuilder, IndexDocument, IndexFiles};

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

    /// Pages of generated Danish-ish text, enough to span many chunks.
    fn many_pages(count: usize) -> IndexFiles {
        const WORDS: [&str; 12] = [
            "mentor",
            "ordning",
            "job",
            "netværk",
            "værksted",
            "borger",
            "kommune",
            "aktivering",
            "praktik",
            "fleksjob",
            "misbrug",
            "bolig",
        ];
        let mut builder = IndexBuilder::new();
        for page in 0..count {
            let body: Vec<String> = (0..400)
                .map(|i| format!("{}{}", WORDS[(page * 7 + i * i) % WORDS.len()], i % 50))
                .collect();
            builder.add(IndexDocument {
                title: format!("Side {page} om {}", WORDS[page % WORDS.len()]),
                keywords: vec![WORDS[(page + 3) % WORDS.len()].to_string()],
                body: body.join(" "),
                url: format!("eksempler/side-{page}/"),
                section: "eksempler".into(),
                taxonomies: [("metode".to_string(), vec![format!("M{}", page % 4)])]
                    .into_iter()
                    .collect(),
                continuum: Some((page % 10) as f64 / 10.0),
                ..IndexDocument::default()
            });
        }
        builder.build().expect("index builds")
    }

    #[test]
    fn an_engine_opened_hot_answers_as_the_whole_index_in_two_rounds_at_most() {
        let built = many_pages(300);
        let manifest = built.manifest.to_json();
        let whole = Engine::from_files(manifest.as_bytes(), built.files.clone()).expect("opens");
        let lazy = Engine::open_hot(manifest.as_bytes(), &built.hot_pack).expect("opens hot");
        let chunk_bytes = |id: ChunkId| {
            let range = built
                .manifest
                .chunk_range(id)
                .expect("a chunk of the index");
            built.files[id.file as usize].1[range].to_vec()
        };
        let mut fetched = BTreeSet::new();
        let mut filters = Filters::default();
        filters.terms.insert("metode".into(), vec!["M1".into()]);
        for (query, filters) in [
            ("mentor7", Filters::default()),
            ("job3 netværk8", Filters::default()),
            ("\"mentor0 ordning1\"", Filters::default()),
            ("aktiv", Filters::default()),
            ("praktk4", Filters::default()),
            ("bolig", filters),
        ] {
            let mut rounds = 0;
            let results = loop {
                match lazy.search_filtered(query, 10, &filters) {
                    Err(SearchError::ChunksNeeded(ids)) => {
                        rounds += 1;
                        for id in ids {
                            assert!(fetched.insert(id), "{id:?} asked for twice");
                            lazy.add_chunk(id, chunk_bytes(id)).expect("fits");
                        }
                    }
                    other => break other.expect("search"),
                }
            };
            assert!(rounds <= 2, "{query}: {rounds} rounds of fetches");
            let expected = whole.search_filtered(query, 10, &filters).expect("search");
            assert!(!expected.hits.is_empty(), "{query} finds something");
            assert_eq!(results, expected, "{query}");
        }
        let all: usize = built.files.iter().map(|(_, bytes)| bytes.len()).sum();
        let fetched_bytes: usize = fetched.iter().map(|&id| chunk_bytes(id).len()).sum();
        let used = built.hot_pack.len() + fetched_bytes;
        assert!(
            used * 2 < all,
            "{used} of the index's {all} bytes read for six queries"
        );
    }

    #[test]
    fn a_hot_pack_that_does_not_match_its_manifest_is_refused() {
        let built = many_pages(3);
        let mut pack = built.hot_pack.clone();
        pack[0] ^= 1;
        let manifest = built.manifest.to_json();
        let err = Engine::open_hot(manifest.as_bytes(), &pack)
            .err()
            .expect("refused");
        assert!(matches!(err, SearchError::HashMismatch { .. }), "{err}");
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
