//! Opening and verifying an index. From every file, checked against the
//! manifest's content hash ([`Engine::from_files`], the CLI's way), or from
//! the hot pack alone, with chunks added as searches ask for them
//! ([`Engine::open_hot`], the browser's way) and the whole checked once
//! every chunk is here ([`Engine::verify_complete`]). At build time, the
//! same opening records which bytes it reads: the hot ranges.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use tantivy::collector::Count;
use tantivy::directory::{Directory, OwnedBytes};
use tantivy::query::AllQuery;
use tantivy::schema::Field;
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::search::{facet_collector, filter_query, Filters};
use super::{indexed_terms, Engine};
use crate::analysis::register_analyzers;
use crate::chunks::{ChunkId, ChunkedDirectory, Cuts, HotRange};
use crate::danish_words::DanishWords;
use crate::error::SearchError;
use crate::judged::{Judged, JUDGED_FILE};
use crate::manifest::{content_hash, Manifest};
use crate::pack::unpack;
use crate::query::age_query;
use crate::schema::IndexFields;
use crate::stored_pages::StoredPages;
use crate::synonyms::{Synonyms, SYNONYMS_FILE};

/// The index opened and warmed up: everything an [`Engine`] holds but its manifest.
struct Opened {
    reader: IndexReader,
    fields: IndexFields,
    taxonomies: Vec<String>,
    synonyms: Synonyms,
    danish_words: DanishWords,
    judged: Judged,
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
        let danish_words = DanishWords::open(directory)?;
        let judged = match directory.atomic_read(Path::new(JUDGED_FILE)) {
            Ok(bytes) => Judged::parse(&bytes)?,
            Err(_) => return Err(SearchError::MissingFile(JUDGED_FILE.into())),
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
        // A query naming an age reads the ages' column.
        searcher.search(&*age_query(&fields, &(0..=u64::MAX)), &Count)?;
        Ok(Opened {
            reader,
            fields,
            taxonomies,
            synonyms,
            danish_words,
            judged,
        })
    }
}

/// What a build learns by reading the index once through a recording
/// directory: the bytes that opening it reads (the hot ranges, published
/// first), and where each segment's stored pages are cut: at the start of
/// every block tantivy reads a page from (a page is a block of its own, see
/// `writer::STORE_BLOCK_BYTES`) and of what opening reads (the skip index
/// and footer, in the hot pack). A hit's page then comes in chunks of its
/// own, not with its neighbours.
pub(crate) fn hot_ranges_and_store_cuts(
    files: &[(String, Vec<u8>)],
) -> Result<(Vec<HotRange>, Cuts), SearchError> {
    let directory = ChunkedDirectory::cut(files);
    directory.record();
    let opened = Opened::open(&directory)?;
    let hot = directory.recorded();
    let searcher = opened.reader.searcher();
    let mut cuts = Cuts::new();
    for segment in searcher.segment_readers() {
        let name = format!("{}.store", segment.segment_id().uuid_string());
        let Some(file) = files.iter().position(|(file, _)| *file == name) else {
            continue;
        };
        let store = segment
            .get_store_reader(0)
            .map_err(tantivy::TantivyError::from)?;
        let mut read = hot.clone();
        for doc in 0..segment.max_doc() {
            directory.record();
            store.get_document_bytes(doc)?;
            read.extend(directory.recorded());
        }
        let starts: BTreeSet<u64> = std::iter::once(0)
            .chain(
                read.iter()
                    .filter(|range| range.file as usize == file)
                    .map(|range| range.start),
            )
            .collect();
        cuts.insert(name, starts.into_iter().collect());
    }
    Ok((hot, cuts))
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
        if manifest
            .layouts()
            .iter()
            .zip(&ordered)
            .any(|(layout, (_, bytes))| layout.len != bytes.len() as u64)
        {
            return Err(SearchError::BadManifest(
                "file sizes differ from the files".into(),
            ));
        }
        let directory = ChunkedDirectory::complete(ordered, manifest.layouts());
        Engine::open(manifest, directory)
    }

    /// Opens the index from `manifest.json` and the hot pack it names; the
    /// chunks come later through [`Engine::add_chunk`].
    pub fn open_hot(manifest_bytes: &[u8], hot_pack: &[u8]) -> Result<Engine, SearchError> {
        let manifest = Manifest::parse(manifest_bytes)?;
        let directory = ChunkedDirectory::empty(&manifest.files, manifest.layouts());
        for (range, bytes) in unpack(&manifest, hot_pack)? {
            directory.insert_hot(range, OwnedBytes::new(bytes.to_vec()))?;
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
            reader: opened.reader,
            fields: opened.fields,
            manifest,
            taxonomies: opened.taxonomies,
            synonyms: opened.synonyms,
            danish_words: opened.danish_words,
            judged: opened.judged,
            stored_pages: StoredPages::default(),
            chunks,
        })
    }

    /// Adds a chunk a search asked for (see [`SearchError::ChunksNeeded`]).
    pub fn add_chunk(&self, id: ChunkId, bytes: Vec<u8>) -> Result<(), SearchError> {
        Ok(self.chunks.insert(id, OwnedBytes::new(bytes))?)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ChunkError;
    use crate::writer::{IndexBuilder, IndexDocument, IndexFiles};

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
        // A Danish word list of several blocks, as the site's.
        let danish: Vec<String> = (0..3000).map(|n| format!("ord{n:05}")).collect();
        let mut builder = IndexBuilder::new().with_danish_words(danish);
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
            // Two words side by side: the passage and window clauses need
            // their positions, asked for with their postings.
            ("praktik job3", Filters::default()),
            ("kommune4 aktivering5", Filters::default()),
            ("\"mentor0 ordning1\"", Filters::default()),
            ("aktiv", Filters::default()),
            // A slip: its block of the Danish word list comes in the first
            // round, with the postings of the word meant.
            ("praktk ", Filters::default()),
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

    /// `built` opened from its hot pack alone, as the browser opens it.
    fn opened_hot(built: &IndexFiles) -> Engine {
        let manifest = built.manifest.to_json();
        Engine::open_hot(manifest.as_bytes(), &built.hot_pack).expect("opens hot")
    }

    /// The number of the index file `wanted` names.
    fn file_number(built: &IndexFiles, wanted: impl Fn(&str) -> bool) -> u32 {
        built
            .manifest
            .files
            .iter()
            .position(|name| wanted(name))
            .expect("a file of the index") as u32
    }

    #[test]
    fn each_hits_stored_page_comes_in_a_chunk_of_its_own() {
        let built = many_pages(300);
        let lazy = opened_hot(&built);
        let store = file_number(&built, |name| name.ends_with(".store"));
        let mut stored_chunks = Vec::new();
        let results = loop {
            match lazy.search("mentor7", 10) {
                Err(SearchError::ChunksNeeded(ids)) => {
                    for id in ids {
                        let range = built.manifest.chunk_range(id).expect("a chunk");
                        if id.file == store {
                            stored_chunks.push(range.len());
                        }
                        lazy.add_chunk(id, built.files[id.file as usize].1[range].to_vec())
                            .expect("fits");
                    }
                }
                other => break other.expect("search"),
            }
        };
        // A page of 400 words is some 3.6 kB: cut evenly into 16 KiB, the
        // ten hits would come in chunks of four pages, some across two.
        assert_eq!(results.hits.len(), 10);
        assert_eq!(stored_chunks.len(), results.hits.len(), "{stored_chunks:?}");
        assert!(
            stored_chunks.iter().all(|&len| len < 5_000),
            "{stored_chunks:?}"
        );
    }

    #[test]
    fn the_danish_word_list_is_fetched_only_when_a_slip_is_read() {
        let built = many_pages(30);
        let lazy = opened_hot(&built);
        let list = file_number(&built, |name| {
            name == crate::danish_words::DANISH_WORDS_FILE
        });
        let asked = |query: &str| {
            let mut ids = Vec::new();
            loop {
                match lazy.search(query, 10) {
                    Err(SearchError::ChunksNeeded(needed)) => {
                        for id in needed {
                            let range = built.manifest.chunk_range(id).expect("a chunk");
                            let bytes = built.files[id.file as usize].1[range].to_vec();
                            lazy.add_chunk(id, bytes).expect("fits");
                            ids.push(id);
                        }
                    }
                    other => break (other.expect("search"), ids),
                }
            }
        };
        let (known, ids) = asked("mentor7");
        assert!(!known.hits.is_empty());
        assert!(ids.iter().all(|id| id.file != list), "{ids:?}");
        // "praktk" is one edit from "praktik": the list is asked, one block
        // (the one "praktk" would be in, after the list's first word).
        let (slip, ids) = asked("praktk job");
        assert!(!slip.hits.is_empty());
        let blocks: Vec<_> = ids.iter().filter(|id| id.file == list).collect();
        assert_eq!(blocks.len(), 1, "{ids:?}");
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
    fn a_chunk_that_does_not_fit_is_refused_with_its_place() {
        let built = many_pages(3);
        let manifest = built.manifest.to_json();
        let engine = Engine::open_hot(manifest.as_bytes(), &built.hot_pack).expect("opens hot");
        let id = ChunkId { file: 0, index: 0 };
        let err = engine.add_chunk(id, vec![1, 2, 3]).expect_err("refused");
        assert!(
            matches!(err, SearchError::Chunk(ChunkError::WrongLength { id: at, found: 3, .. }) if at == id),
            "{err}"
        );
        assert!(!engine.has_chunk(id));
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
