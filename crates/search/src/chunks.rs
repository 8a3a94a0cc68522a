//! The index as fixed-size chunks that may arrive after the engine opens.
//!
//! A reader should not download a whole index to answer one query: at 10 000
//! pages that was 20 MB. So every index file is cut into [`CHUNK_BYTES`]
//! pieces. The engine opens with the *hot* ranges (the exact bytes that
//! opening the index and its search fields reads, recorded at build time)
//! and fetches chunks (postings, positions, stored pages) as queries need them.
//!
//! tantivy reads synchronously, and a browser cannot wait synchronously for
//! the network. So a read of a chunk that is not here fails, and the chunk is
//! remembered; the engine reports every remembered chunk at once, the caller
//! fetches them in parallel and asks again (see `Engine::search_filtered`).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::HasLen;

/// Size of every chunk but a file's last. Small enough that a query fetches
/// little it does not use, large enough that it needs few requests: for the
/// stored pages, 4 KiB chunks saved a fifth of the bytes at 10 000 pages but
/// took 2.6 times the requests (41 instead of 13 a query on this site), each
/// a round trip on a slow line. The manifest records each file's size, so
/// readers do not depend on this choice.
pub const CHUNK_BYTES: u32 = 16 * 1024;
/// Chunk sizes a manifest may name: anything else is refused, not divided by.
pub const CHUNK_BYTES_ALLOWED: std::ops::RangeInclusive<u32> = 512..=(1 << 20);

/// Chunk `index` of the manifest's file number `file`; `[file, index]` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[u32; 2]", into = "[u32; 2]")]
pub struct ChunkId {
    pub file: u32,
    pub index: u32,
}

impl From<[u32; 2]> for ChunkId {
    fn from([file, index]: [u32; 2]) -> ChunkId {
        ChunkId { file, index }
    }
}

impl From<ChunkId> for [u32; 2] {
    fn from(id: ChunkId) -> [u32; 2] {
        [id.file, id.index]
    }
}

/// How a build cuts `files`: each in chunks of `CHUNK_BYTES`.
pub(crate) fn build_layouts(files: &[(String, Vec<u8>)]) -> Vec<FileLayout> {
    files
        .iter()
        .map(|(_, bytes)| FileLayout {
            len: bytes.len() as u64,
            chunk_bytes: CHUNK_BYTES,
        })
        .collect()
}

/// A file's length and chunk size: all it takes to find its chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileLayout {
    pub len: u64,
    pub chunk_bytes: u32,
}

impl FileLayout {
    /// How many chunks the file has.
    pub fn chunk_count(&self) -> u32 {
        self.len.div_ceil(u64::from(self.chunk_bytes.max(1))) as u32
    }

    /// The byte range of chunk `index`.
    pub fn chunk_range(&self, index: u32) -> Range<usize> {
        let chunk = self.chunk_bytes as usize;
        let start = index as usize * chunk;
        start.min(self.len as usize)..(start + chunk).min(self.len as usize)
    }

    /// The chunks holding bytes `range` (not empty).
    fn chunks_of(&self, range: &Range<usize>) -> std::ops::RangeInclusive<u32> {
        let chunk = self.chunk_bytes as usize;
        (range.start / chunk) as u32..=((range.end - 1) / chunk) as u32
    }
}

struct ChunkState {
    /// `chunks[file][index]`: the bytes, once here.
    chunks: Vec<Vec<Option<OwnedBytes>>>,
    /// `hot[file]`: byte ranges of the file held apart from its chunks,
    /// sorted and disjoint (see [`HotRange`]).
    hot: Vec<Vec<(Range<usize>, OwnedBytes)>>,
    /// Chunks a read wanted and did not find since the last `take_missing`.
    missing: BTreeSet<ChunkId>,
    /// Every byte range read, while recording (to choose the hot ranges).
    touched: Option<BTreeSet<(u32, usize, usize)>>,
}

/// Bytes `start..end` of the manifest's file number `file`: read whenever
/// the index opens, so published in the hot pack. Exact ranges rather than
/// whole chunks: opening reads a few bytes here and there (each field's
/// postings header, the stored pages' skip index), and whole chunks made
/// the hot pack half again as large. `[file, start, end]` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "[u64; 3]", into = "[u64; 3]")]
pub struct HotRange {
    pub file: u32,
    pub start: u64,
    pub end: u64,
}

impl From<[u64; 3]> for HotRange {
    fn from([file, start, end]: [u64; 3]) -> HotRange {
        // A file number beyond u32 names no file: the manifest check refuses it.
        let file = u32::try_from(file).unwrap_or(u32::MAX);
        HotRange { file, start, end }
    }
}

impl From<HotRange> for [u64; 3] {
    fn from(range: HotRange) -> [u64; 3] {
        [u64::from(range.file), range.start, range.end]
    }
}

impl HotRange {
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Byte ranges read, as few disjoint ranges: overlapping and touching ones joined.
fn join_ranges(touched: BTreeSet<(u32, usize, usize)>) -> Vec<HotRange> {
    let mut joined: Vec<HotRange> = Vec::new();
    for (file, start, end) in touched {
        let (start, end) = (start as u64, end as u64);
        match joined.last_mut() {
            Some(last) if last.file == file && start <= last.end => last.end = last.end.max(end),
            _ => joined.push(HotRange { file, start, end }),
        }
    }
    joined
}

/// A read-only tantivy directory over chunks, some of which may be absent.
#[derive(Clone)]
pub(crate) struct ChunkedDirectory {
    names: Arc<HashMap<PathBuf, u32>>,
    layouts: Arc<Vec<FileLayout>>,
    state: Arc<RwLock<ChunkState>>,
}

impl fmt::Debug for ChunkedDirectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChunkedDirectory({} files)", self.layouts.len())
    }
}

impl ChunkedDirectory {
    /// A directory of the named files with none of their chunks yet.
    pub(crate) fn empty(names: &[String], layouts: &[FileLayout]) -> ChunkedDirectory {
        let chunks = layouts
            .iter()
            .map(|layout| vec![None; layout.chunk_count() as usize])
            .collect();
        ChunkedDirectory {
            names: Arc::new(
                names
                    .iter()
                    .enumerate()
                    .map(|(i, name)| (PathBuf::from(name), i as u32))
                    .collect(),
            ),
            layouts: Arc::new(layouts.to_vec()),
            state: Arc::new(RwLock::new(ChunkState {
                chunks,
                hot: vec![Vec::new(); layouts.len()],
                missing: BTreeSet::new(),
                touched: None,
            })),
        }
    }

    /// Every file whole, cut as `layouts` say (one per file, in order); the
    /// chunks are views of the files' bytes, not copies.
    pub(crate) fn complete(
        files: Vec<(String, Vec<u8>)>,
        layouts: &[FileLayout],
    ) -> ChunkedDirectory {
        let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        let directory = ChunkedDirectory::empty(&names, layouts);
        for (file, ((_, bytes), layout)) in files.into_iter().zip(layouts).enumerate() {
            let whole = OwnedBytes::new(bytes);
            for index in 0..layout.chunk_count() {
                let id = ChunkId {
                    file: file as u32,
                    index,
                };
                // Refused only when the layout does not fit the bytes, and
                // then the chunk stays missing and reads of it fail.
                let range = layout.chunk_range(index);
                if range.end <= whole.len() {
                    let _ = directory.insert(id, whole.slice(range));
                }
            }
        }
        directory
    }

    /// Every file whole, cut as a build cuts them (`build_layouts`).
    pub(crate) fn cut(files: &[(String, Vec<u8>)]) -> ChunkedDirectory {
        ChunkedDirectory::complete(files.to_vec(), &build_layouts(files))
    }

    /// Adds one chunk; refuses one that is not in the index or has the wrong length.
    pub(crate) fn insert(&self, id: ChunkId, bytes: OwnedBytes) -> Result<(), String> {
        let Some(layout) = self.layouts.get(id.file as usize) else {
            return Err(format!("no file {} in the index", id.file));
        };
        if id.index >= layout.chunk_count() {
            return Err(format!("file {} has no chunk {}", id.file, id.index));
        }
        let expected = layout.chunk_range(id.index).len();
        if bytes.len() != expected {
            return Err(format!(
                "chunk {}.{} holds {} bytes, the index expects {expected}",
                id.file,
                id.index,
                bytes.len()
            ));
        }
        let mut state = self.write_state();
        state.chunks[id.file as usize][id.index as usize] = Some(bytes);
        Ok(())
    }

    /// Adds a hot range; refuses one outside its file or overlapping another.
    pub(crate) fn insert_hot(&self, range: HotRange, bytes: OwnedBytes) -> Result<(), String> {
        let Some(layout) = self.layouts.get(range.file as usize) else {
            return Err(format!("no file {} in the index", range.file));
        };
        if range.start >= range.end || range.end > layout.len || bytes.len() != range.len() {
            return Err(format!(
                "hot range {}..{} of file {} does not fit it",
                range.start, range.end, range.file
            ));
        }
        let mut state = self.write_state();
        let ranges = &mut state.hot[range.file as usize];
        let at = ranges.partition_point(|(held, _)| held.end <= range.bytes().start);
        if ranges
            .get(at)
            .is_some_and(|(held, _)| held.start < range.bytes().end)
        {
            return Err(format!(
                "hot range {}..{} of file {} overlaps another",
                range.start, range.end, range.file
            ));
        }
        ranges.insert(at, (range.bytes(), bytes));
        Ok(())
    }

    /// The chunks reads missed since the last call, and forgets them.
    pub(crate) fn take_missing(&self) -> Vec<ChunkId> {
        std::mem::take(&mut self.write_state().missing)
            .into_iter()
            .collect()
    }

    /// Whether a read missed a chunk since the last `take_missing`.
    pub(crate) fn has_missing(&self) -> bool {
        !self.read_state().missing.is_empty()
    }

    /// Starts remembering every chunk read.
    pub(crate) fn record(&self) {
        self.write_state().touched = Some(BTreeSet::new());
    }

    /// The bytes read since `record`, and stops remembering.
    pub(crate) fn recorded(&self) -> Vec<HotRange> {
        join_ranges(self.write_state().touched.take().unwrap_or_default())
    }

    /// The bytes of chunk `id`, if here.
    pub(crate) fn chunk(&self, id: ChunkId) -> Option<OwnedBytes> {
        let state = self.read_state();
        state
            .chunks
            .get(id.file as usize)?
            .get(id.index as usize)?
            .clone()
    }

    fn read(&self, file: u32, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let layout = self.layouts[file as usize];
        {
            let state = self.read_state();
            if let Some(bytes) = hot_slice(&state.hot[file as usize], &range) {
                return Ok(bytes);
            }
            let absent: Vec<ChunkId> = layout
                .chunks_of(&range)
                .filter(|&index| state.chunks[file as usize][index as usize].is_none())
                .map(|index| ChunkId { file, index })
                .collect();
            let recording = state.touched.is_some();
            if absent.is_empty() && !recording {
                return Ok(gather(&state.chunks[file as usize], layout, range));
            }
            drop(state);
            let mut state = self.write_state();
            if let Some(touched) = state.touched.as_mut() {
                touched.insert((file, range.start, range.end));
            }
            if absent.is_empty() {
                return Ok(gather(&state.chunks[file as usize], layout, range));
            }
            state.missing.extend(absent);
        }
        Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "index chunk not loaded yet",
        ))
    }

    fn file_number(&self, path: &Path) -> Result<u32, OpenReadError> {
        self.names
            .get(path)
            .copied()
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }

    fn read_state(&self) -> std::sync::RwLockReadGuard<'_, ChunkState> {
        // A panic while holding the lock leaves plain data behind: still usable.
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write_state(&self) -> std::sync::RwLockWriteGuard<'_, ChunkState> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// `range` of a file, if one hot range holds all of it.
fn hot_slice(hot: &[(Range<usize>, OwnedBytes)], range: &Range<usize>) -> Option<OwnedBytes> {
    let at = hot.partition_point(|(held, _)| held.end < range.end);
    let (held, bytes) = hot.get(at)?;
    (held.start <= range.start)
        .then(|| bytes.slice(range.start - held.start..range.end - held.start))
}

/// `range` of a file from its chunks, all present: a view of one chunk, or a copy across several.
fn gather(chunks: &[Option<OwnedBytes>], layout: FileLayout, range: Range<usize>) -> OwnedBytes {
    let wanted = layout.chunks_of(&range);
    let (first, last) = (*wanted.start() as usize, *wanted.end() as usize);
    let offset = |index: usize| index * layout.chunk_bytes as usize;
    if first == last {
        if let Some(chunk) = &chunks[first] {
            return chunk.slice(range.start - offset(first)..range.end - offset(first));
        }
    }
    let mut bytes = Vec::with_capacity(range.len());
    for (index, chunk) in chunks.iter().enumerate().take(last + 1).skip(first) {
        let chunk = chunk.as_ref().map(OwnedBytes::as_slice).unwrap_or_default();
        let from = range.start.max(offset(index)) - offset(index);
        let to = range.end.min(offset(index) + chunk.len()) - offset(index);
        bytes.extend_from_slice(&chunk[from.min(to)..to]);
    }
    OwnedBytes::new(bytes)
}

/// One file of a [`ChunkedDirectory`].
struct ChunkedFile {
    directory: ChunkedDirectory,
    file: u32,
    len: usize,
}

impl fmt::Debug for ChunkedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChunkedFile({}, {} bytes)", self.file, self.len)
    }
}

impl HasLen for ChunkedFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ChunkedFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        self.directory.read(self.file, range)
    }
}

fn read_only() -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, "the index is read-only")
}

impl Directory for ChunkedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let file = self.file_number(path)?;
        Ok(Arc::new(ChunkedFile {
            directory: self.clone(),
            file,
            len: self.layouts[file as usize].len as usize,
        }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only()),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.names.contains_key(path))
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::wrap_io_error(
            read_only(),
            path.to_path_buf(),
        ))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        let file = self.file_number(path)?;
        self.read(file, 0..self.layouts[file as usize].len as usize)
            .map(|bytes| bytes.as_slice().to_vec())
            .map_err(|err| OpenReadError::wrap_io_error(err, path.to_path_buf()))
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(read_only())
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        // Readers lock meta.json against writers; nothing writes here.
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        // Never changes while open.
        Ok(WatchHandle::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHUNK: usize = CHUNK_BYTES as usize;

    fn layout(len: usize) -> FileLayout {
        FileLayout {
            len: len as u64,
            chunk_bytes: CHUNK_BYTES,
        }
    }

    fn sample() -> Vec<(String, Vec<u8>)> {
        let long: Vec<u8> = (0..(CHUNK * 2 + 100)).map(|i| i as u8).collect();
        vec![("a".into(), long), ("b".into(), b"short".to_vec())]
    }

    /// A directory of `sample()`'s files holding none of their bytes yet.
    fn without_chunks(files: &[(String, Vec<u8>)]) -> ChunkedDirectory {
        let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        let layouts: Vec<FileLayout> = files.iter().map(|(_, bytes)| layout(bytes.len())).collect();
        ChunkedDirectory::empty(&names, &layouts)
    }

    #[test]
    fn reads_across_chunks_give_the_file_bytes() {
        let files = sample();
        let directory = ChunkedDirectory::cut(&files);
        let handle = directory.get_file_handle(Path::new("a")).expect("exists");
        for range in [0..10, CHUNK - 5..CHUNK + 5, 3..files[0].1.len()] {
            let bytes = handle.read_bytes(range.clone()).expect("read");
            assert_eq!(bytes.as_slice(), &files[0].1[range]);
        }
    }

    #[test]
    fn absent_chunks_fail_the_read_and_are_reported_once() {
        let files = sample();
        let directory = without_chunks(&files);
        let first = ChunkId { file: 0, index: 0 };
        directory
            .insert(first, OwnedBytes::new(files[0].1[..CHUNK].to_vec()))
            .expect("right length");
        let handle = directory.get_file_handle(Path::new("a")).expect("exists");
        assert!(handle.read_bytes(0..100).is_ok());
        assert!(handle.read_bytes(100..CHUNK * 2 + 1).is_err());
        assert_eq!(
            directory.take_missing(),
            [ChunkId { file: 0, index: 1 }, ChunkId { file: 0, index: 2 }]
        );
        assert!(directory.take_missing().is_empty());
    }

    #[test]
    fn chunks_of_the_wrong_length_or_place_are_refused() {
        let directory = ChunkedDirectory::empty(&["b".into()], &[layout(5)]);
        let id = ChunkId { file: 0, index: 0 };
        assert!(directory
            .insert(id, OwnedBytes::new(b"shor".to_vec()))
            .is_err());
        let elsewhere = ChunkId { file: 0, index: 1 };
        assert!(directory
            .insert(elsewhere, OwnedBytes::new(vec![]))
            .is_err());
        assert!(directory
            .insert(id, OwnedBytes::new(b"short".to_vec()))
            .is_ok());
    }

    #[test]
    fn recording_lists_the_bytes_read_joined() {
        let directory = ChunkedDirectory::cut(&sample());
        directory.record();
        let a = directory.get_file_handle(Path::new("a")).expect("exists");
        let b = directory.get_file_handle(Path::new("b")).expect("exists");
        for range in [CHUNK * 2..CHUNK * 2 + 1, 10..20, 15..30, 30..31, 40..50] {
            a.read_bytes(range).expect("read");
        }
        b.read_bytes(0..5).expect("read");
        let at = |file, start: usize, end: usize| HotRange {
            file,
            start: start as u64,
            end: end as u64,
        };
        assert_eq!(
            directory.recorded(),
            [
                at(0, 10, 31),
                at(0, 40, 50),
                at(0, CHUNK * 2, CHUNK * 2 + 1),
                at(1, 0, 5)
            ]
        );
    }

    #[test]
    fn reads_inside_a_hot_range_need_no_chunk() {
        let files = sample();
        let directory = without_chunks(&files);
        let hot = HotRange {
            file: 0,
            start: (CHUNK - 10) as u64,
            end: (CHUNK + 10) as u64,
        };
        let bytes = OwnedBytes::new(files[0].1[hot.bytes()].to_vec());
        directory.insert_hot(hot, bytes.clone()).expect("fits");
        let overlapping = HotRange {
            start: 0,
            end: (CHUNK - 5) as u64,
            ..hot
        };
        assert!(directory.insert_hot(overlapping, bytes).is_err());
        let handle = directory.get_file_handle(Path::new("a")).expect("exists");
        let inside = CHUNK - 3..CHUNK + 4;
        let read = handle.read_bytes(inside.clone()).expect("hot");
        assert_eq!(read.as_slice(), &files[0].1[inside]);
        assert!(handle.read_bytes(CHUNK - 11..CHUNK).is_err());
        assert_eq!(directory.take_missing(), [ChunkId { file: 0, index: 0 }]);
    }
}
