//! Writes the index in memory and exports it as named files, deterministically.
//!
//! tantivy names segments by random UUIDs; we write a single segment and then
//! rename it after a hash of its bytes, so the same pages always give
//! byte-identical index files.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use tantivy::directory::{Directory, RamDirectory};
use tantivy::schema::{Facet, Schema};
use tantivy::{doc, Index, IndexSettings, IndexWriter};

use crate::analysis::{analyze, register_analyzers};
use crate::compounds::compound_parts;
use crate::danish_words::{DanishWords, DANISH_WORDS_FILE, DANISH_WORD_BLOCKS_FILE};
use crate::engine::{address_of, hot_ranges_and_store_cuts};
use crate::error::SearchError;
use crate::hash::hash_hex;
use crate::judged::{Judged, JudgedQuery, JUDGED_FILE};
use crate::manifest::{Manifest, MANIFEST_FILE};
use crate::pack::pack;
use crate::schema::{build_schema, IndexFields};
use crate::suggestions::suggestions_json;
use crate::synonyms::{SynonymLists, Synonyms, SYNONYMS_FILE};

const META_FILE: &str = "meta.json";
/// One writer thread: a single segment, and documents in insertion order.
const WRITER_MEMORY_BYTES: usize = 50_000_000;

/// One page as the index sees it.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct IndexDocument {
    pub title: String,
    pub keywords: Vec<String>,
    /// The page's subheadings: what its sections are about.
    pub headings: Vec<String>,
    /// Taxonomy name → the page's terms in it.
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// The names of the tags that say what the page is about, searched as
    /// words (a subset of `taxonomies`' terms, chosen by the caller).
    pub tags: Vec<String>,
    /// Words that say what the page is about in the reader's words (the
    /// vocabulary's words for its tags): they rank the pages a query
    /// matches, and never make a page match.
    pub tag_words: Vec<String>,
    pub continuum: Option<f64>,
    /// The age of the person a case page follows, as its source gives it.
    pub age: Option<u64>,
    pub body: String,
    /// Sentences of `body`, as it writes them, that state a wish or a
    /// possibility rather than something done; each must be in `body`.
    pub wishes: Vec<String>,
    pub url: String,
    pub section: String,
}

impl IndexDocument {
    fn all_text(&self) -> String {
        format!(
            "{}\n{}\n{}",
            self.title,
            self.keywords.join("\n"),
            self.body
        )
    }
}

/// The parts of a page's compounds, judged against the whole corpus's words.
struct CompoundParts {
    vocabulary: HashSet<String>,
    /// Each word's parts as one line, split once for the whole corpus.
    split: RefCell<HashMap<String, String>>,
}

impl CompoundParts {
    fn new(texts: &[String]) -> CompoundParts {
        CompoundParts {
            vocabulary: texts.iter().flat_map(|t| analyze(t)).collect(),
            split: RefCell::default(),
        }
    }

    fn of(&self, text: &str) -> String {
        let known = |term: &str| self.vocabulary.contains(term);
        // Every occurrence counts, so a page that keeps returning to a word
        // inside compounds ranks like one that writes it alone.
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase);
        let mut split = self.split.borrow_mut();
        let mut parts = String::new();
        for word in words {
            let line = split.entry(word).or_insert_with_key(|word| {
                let found = compound_parts(word, &known);
                if found.is_empty() {
                    String::new()
                } else {
                    found.join(" ") + "\n"
                }
            });
            parts.push_str(line);
        }
        parts
    }
}

/// Collects documents, then writes the index.
#[derive(Default)]
pub struct IndexBuilder {
    documents: Vec<IndexDocument>,
    /// Synonyms, related words and narrower words, as `synonyms.json`
    /// carries them.
    synonym_lists: SynonymLists,
    /// Real Danish words near the pages' words (not slips).
    danish_words: Vec<String>,
    /// Sections whose pages the suggestion list shows first, in this order.
    section_order: Vec<String>,
    /// Taxonomies whose terms say what kind of effort a page is.
    kind_taxonomies: Vec<String>,
    /// Queries judged by reading, whose words point to the pages judged for
    /// them (see `judged`).
    judged: Vec<JudgedQuery>,
}

/// The finished index: files sorted by name, and the manifest describing them.
pub struct IndexFiles {
    pub files: Vec<(String, Vec<u8>)>,
    pub manifest: Manifest,
    /// The byte ranges the engine opens with (see `pack`).
    pub(crate) hot_pack: Vec<u8>,
    /// `suggestions.json` (see `suggestions`): published next to the manifest.
    pub(crate) suggestions: Vec<u8>,
}

impl IndexFiles {
    /// What a site publishes in its index folder, as (relative path, bytes):
    /// the manifest, the suggestions, the hot pack and every chunk (the hot
    /// ranges too: a query may read across a hot range's edge).
    pub fn published(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = vec![
            (
                MANIFEST_FILE.to_string(),
                self.manifest.to_json().into_bytes(),
            ),
            (self.manifest.suggestions.clone(), self.suggestions.clone()),
            (self.manifest.hot_pack.clone(), self.hot_pack.clone()),
        ];
        for id in self.manifest.all_chunks() {
            if let (Some(path), Some(range)) =
                (self.manifest.chunk_path(id), self.manifest.chunk_range(id))
            {
                out.push((path, self.files[id.file as usize].1[range].to_vec()));
            }
        }
        out
    }
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, document: IndexDocument) {
        self.documents.push(document);
    }

    /// Real Danish words near the pages' words, which a search does not
    /// read as slips (see `danish_words`).
    pub fn with_danish_words(mut self, words: Vec<String>) -> Self {
        self.danish_words = words;
        self
    }

    pub fn with_synonyms(mut self, groups: Vec<Vec<String>>) -> Self {
        self.synonym_lists.groups = groups;
        self
    }

    /// Queries judged by reading: their words point to the pages judged for
    /// them, which the ranking then prefers among the pages a search matches.
    pub fn with_judged_queries(mut self, queries: Vec<JudgedQuery>) -> Self {
        self.judged = queries;
        self
    }

    pub fn with_related(mut self, groups: Vec<Vec<String>>) -> Self {
        self.synonym_lists.related = groups;
        self
    }

    /// Every list of `curation/synonyms.toml` at once.
    pub fn with_synonym_lists(mut self, lists: SynonymLists) -> Self {
        self.synonym_lists = lists;
        self
    }

    /// The taxonomies whose terms say what kind of effort a page is (its
    /// methods and target groups): a search ranks the pages it matches by
    /// what they share of them with its best few.
    pub fn with_kind_taxonomies(mut self, taxonomies: &[&str]) -> Self {
        self.kind_taxonomies = taxonomies.iter().map(|t| t.to_string()).collect();
        self
    }

    /// Lists the pages of `sections` first in the suggestion list, in this
    /// order, then every other page (see `suggestions`).
    pub fn with_section_order(mut self, sections: &[&str]) -> Self {
        self.section_order = sections.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn build(mut self) -> Result<IndexFiles, SearchError> {
        // Insertion order decides doc ids and so tie order: make it independent of the caller.
        self.documents.sort_by(|a, b| a.url.cmp(&b.url));
        let directory = RamDirectory::create();
        let index = create_index(directory.clone(), build_schema())?;
        let fields = IndexFields::from_schema(&index.schema())?;
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY_BYTES)?;
        let texts: Vec<String> = self.documents.iter().map(IndexDocument::all_text).collect();
        let compounds = CompoundParts::new(&texts);
        for (document, text) in self.documents.iter().zip(&texts) {
            let mut tantivy_doc = doc!(
                fields.title => document.title.as_str(),
                fields.body => document.body.as_str(),
                fields.text => format!("{}\n{}", document.body, compounds.of(text)),
                fields.title_parts => compounds.of(&document.title),
                fields.tags => tags_text(&document.tags, &compounds),
                fields.tag_words => document.tag_words.join("\n"),
                fields.words => text.as_str(),
                fields.url => document.url.as_str(),
                fields.section => document.section.as_str(),
            );
            for keyword in &document.keywords {
                tantivy_doc.add_text(fields.keywords, keyword);
            }
            for wish in &document.wishes {
                if !document.body.contains(wish.as_str()) {
                    return Err(SearchError::WishNotInBody {
                        url: document.url.clone(),
                        sentence: wish.clone(),
                    });
                }
                tantivy_doc.add_text(fields.wishes, wish);
            }
            for heading in &document.headings {
                tantivy_doc.add_text(fields.headings, heading);
            }
            for (taxonomy, terms) in &document.taxonomies {
                for term in terms {
                    tantivy_doc.add_facet(fields.taxonomies, Facet::from_path([taxonomy, term]));
                }
            }
            if let Some(position) = document.continuum {
                tantivy_doc.add_f64(fields.continuum, position);
            }
            if let Some(age) = document.age {
                tantivy_doc.add_u64(fields.age, age);
            }
            writer.add_document(tantivy_doc)?;
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let mut files = export_files(&index, &directory)?;
        files.push((
            SYNONYMS_FILE.to_string(),
            Synonyms::file_bytes(&self.synonym_lists),
        ));
        let searcher = index.reader()?.searcher();
        let address_of = |url: &str| address_of(&searcher, &fields, url).ok().flatten();
        files.push((
            JUDGED_FILE.to_string(),
            Judged::file_bytes(&self.judged, address_of),
        ));
        let (danish_blocks, danish_firsts) = DanishWords::file_bytes(&self.danish_words);
        files.push((DANISH_WORDS_FILE.to_string(), danish_blocks));
        files.push((DANISH_WORD_BLOCKS_FILE.to_string(), danish_firsts));
        files.sort();
        let documents = self.documents.len() as u64;
        let (hot, cuts) = hot_ranges_and_store_cuts(&files)?;
        let hot_pack = pack(&files, &hot);
        let mut manifest = Manifest::describe(&files, &cuts, hot, &hot_pack, documents);
        manifest.kind_taxonomies = self.kind_taxonomies.clone();
        let suggestions = suggestions_json(&self.documents, &self.section_order);
        Ok(IndexFiles {
            files,
            manifest,
            hot_pack,
            suggestions,
        })
    }
}

/// The tags' names, one a line, then their compound parts ("mentor
/// ordning" for "Mentorordning"), as the text field holds the body's.
fn tags_text(tags: &[String], compounds: &CompoundParts) -> String {
    let names = tags.join("\n");
    let parts = compounds.of(&names);
    format!("{names}\n{parts}")
}

/// tantivy closes a block of stored pages once it holds this many bytes, and
/// a hit's snippet reads its page's whole block: at tantivy's 16 KiB a block
/// held two or three pages and a query fetched its hits' neighbours too.
/// Under the size of a page each page is a block of its own: the stored
/// pages a first query fetches went from 71 to 60 kB gzip here and from 155
/// to 96 kB at 1 000 synthetic pages, in fewer requests (docs/loading.md).
const STORE_BLOCK_BYTES: usize = 1024;

fn create_index(directory: RamDirectory, schema: Schema) -> Result<Index, SearchError> {
    let settings = IndexSettings {
        docstore_compress_dedicated_thread: false,
        docstore_blocksize: STORE_BLOCK_BYTES,
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(schema)
        .settings(settings)
        .open_or_create(directory)?;
    register_analyzers(&index);
    Ok(index)
}

/// Reads every segment file and meta.json, renaming segments after their content.
fn export_files(
    index: &Index,
    directory: &RamDirectory,
) -> Result<Vec<(String, Vec<u8>)>, SearchError> {
    let metas = index.load_metas()?;
    let mut meta_json: serde_json::Value = read_json(directory, META_FILE)?;
    let all_segment_files = metas.list_segment_files();
    let mut files = Vec::new();
    for segment in &metas.segments {
        let old_id = segment.id().uuid_string();
        let mut segment_files: Vec<(String, Vec<u8>)> = Vec::new();
        for path in &all_segment_files {
            let name = path.to_string_lossy().into_owned();
            if !name.starts_with(&old_id) || !directory.exists(path).unwrap_or(false) {
                continue;
            }
            let bytes = directory
                .atomic_read(path)
                .map_err(|err| SearchError::Tantivy(err.into()))?;
            segment_files.push((name, bytes));
        }
        segment_files.sort();
        let parts: Vec<&[u8]> = segment_files.iter().map(|(_, b)| b.as_slice()).collect();
        let new_id = hash_hex(&parts);
        rename_segment_in_meta(&mut meta_json, &old_id, &new_id);
        for (name, bytes) in segment_files {
            files.push((name.replacen(&old_id, &new_id, 1), bytes));
        }
    }
    let meta_bytes = serde_json::to_vec_pretty(&meta_json)
        .map_err(|err| SearchError::BadManifest(err.to_string()))?;
    files.push((META_FILE.to_string(), meta_bytes));
    files.sort();
    Ok(files)
}

fn read_json(directory: &RamDirectory, name: &str) -> Result<serde_json::Value, SearchError> {
    let bytes = directory
        .atomic_read(Path::new(name))
        .map_err(|err| SearchError::Tantivy(err.into()))?;
    serde_json::from_slice(&bytes).map_err(|err| SearchError::BadManifest(err.to_string()))
}

fn rename_segment_in_meta(meta: &mut serde_json::Value, old_id: &str, new_id: &str) {
    let Some(segments) = meta.get_mut("segments").and_then(|s| s.as_array_mut()) else {
        return;
    };
    for segment in segments {
        if let Some(id) = segment.get_mut("segment_id") {
            let current = id.as_str().unwrap_or_default().replace('-', "");
            if current == old_id {
                *id = serde_json::Value::String(hyphenate(new_id));
            }
        }
    }
}

/// 32 hex digits as a UUID string (8-4-4-4-12), the form meta.json uses.
fn hyphenate(hex: &str) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
