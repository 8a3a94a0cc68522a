//! The chunks of an index that have arrived, and reads from them: a read
//! is served from a hot range or from chunks, or fails and remembers the
//! chunks it lacked (see the parent module). Also records the bytes read,
//! for a build to choose the hot ranges.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tantivy::directory::error::OpenReadError;
use tantivy::directory::OwnedBytes;

use super::hot::{join_ranges, HeldRanges, HotRange};
use super::layout::{build_layouts, ChunkId, Cuts, FileLayout};
use crate::error::ChunkError;

struct ChunkState {
    /// `chunks[file][index]`: the bytes, once here.
    chunks: Vec<Vec<Option<OwnedBytes>>>,
    /// `hot[file]`: byte ranges of the file held apart from its chunks.
    hot: Vec<HeldRanges>,
    /// Chunks a read wanted and did not find since the last `take_missing`.
    missing: BTreeSet<ChunkId>,
    /// Every byte range read, while recording (to choose the hot ranges).
    touched: Option<BTreeSet<(u32, usize, usize)>>,
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
                hot: vec![HeldRanges::default(); layouts.len()],
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

    /// Every file whole, cut as a build cuts them (`build_layouts`), the
    /// stored pages evenly (how they are cut is chosen by reading them).
    pub(crate) fn cut(files: &[(String, Vec<u8>)]) -> ChunkedDirectory {
        ChunkedDirectory::complete(files.to_vec(), &build_layouts(files, &Cuts::new()))
    }

    /// Adds one chunk; refuses one that is not in the index or has the wrong length.
    pub(crate) fn insert(&self, id: ChunkId, bytes: OwnedBytes) -> Result<(), ChunkError> {
        let Some(layout) = self.layouts.get(id.file as usize) else {
            return Err(ChunkError::NoFile { file: id.file });
        };
        if id.index >= layout.chunk_count() {
            return Err(ChunkError::NoChunk { id });
        }
        let expected = layout.chunk_range(id.index).len();
        if bytes.len() != expected {
            return Err(ChunkError::WrongLength {
                id,
                found: bytes.len(),
                expected,
            });
        }
        let mut state = self.write_state();
        state.chunks[id.file as usize][id.index as usize] = Some(bytes);
        Ok(())
    }

    /// Adds a hot range; refuses one outside its file or overlapping another.
    pub(crate) fn insert_hot(&self, range: HotRange, bytes: OwnedBytes) -> Result<(), ChunkError> {
        let Some(layout) = self.layouts.get(range.file as usize) else {
            return Err(ChunkError::NoFile { file: range.file });
        };
        if range.start >= range.end || range.end > layout.len || bytes.len() != range.len() {
            return Err(ChunkError::HotRangeOutside { range });
        }
        self.write_state().hot[range.file as usize].insert(range, bytes)
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

    /// Bytes `range` of file number `file`; a read that lacks chunks fails
    /// and remembers them.
    pub(super) fn read(&self, file: u32, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let layout = &self.layouts[file as usize];
        {
            let state = self.read_state();
            if let Some(bytes) = state.hot[file as usize].slice(&range) {
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

    pub(super) fn file_number(&self, path: &Path) -> Result<u32, OpenReadError> {
        self.names
            .get(path)
            .copied()
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }

    /// The length of file number `file`, which the directory has.
    pub(super) fn file_len(&self, file: u32) -> usize {
        self.layouts[file as usize].len as usize
    }

    /// Whether the directory has a file at `path`.
    pub(super) fn has_file(&self, path: &Path) -> bool {
        self.names.contains_key(path)
    }

    fn read_state(&self) -> std::sync::RwLockReadGuard<'_, ChunkState> {
        // A panic while holding the lock leaves plain data behind: still usable.
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write_state(&self) -> std::sync::RwLockWriteGuard<'_, ChunkState> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// `range` of a file from its chunks, all present: a view of one chunk, or a copy across several.
fn gather(chunks: &[Option<OwnedBytes>], layout: &FileLayout, range: Range<usize>) -> OwnedBytes {
    let wanted = layout.chunks_of(&range);
    let (first, last) = (*wanted.start() as usize, *wanted.end() as usize);
    let offset = |index: usize| layout.chunk_range(index as u32).start;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::layout::CHUNK_BYTES;
    use tantivy::directory::Directory;

    const CHUNK: usize = CHUNK_BYTES as usize;

    fn layout(len: usize) -> FileLayout {
        FileLayout::even(len as u64, CHUNK_BYTES)
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
        assert_eq!(
            directory.insert(id, OwnedBytes::new(b"shor".to_vec())),
            Err(ChunkError::WrongLength {
                id,
                found: 4,
                expected: 5
            })
        );
        let elsewhere = ChunkId { file: 0, index: 1 };
        assert_eq!(
            directory.insert(elsewhere, OwnedBytes::new(vec![])),
            Err(ChunkError::NoChunk { id: elsewhere })
        );
        let no_file = ChunkId { file: 1, index: 0 };
        assert_eq!(
            directory.insert(no_file, OwnedBytes::new(vec![])),
            Err(ChunkError::NoFile { file: 1 })
        );
        assert_eq!(
            directory.insert(id, OwnedBytes::new(b"short".to_vec())),
            Ok(())
        );
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
        // The right length for its range: refused for the overlap alone.
        let overlapping_bytes = OwnedBytes::new(files[0].1[overlapping.bytes()].to_vec());
        assert_eq!(
            directory.insert_hot(overlapping, overlapping_bytes),
            Err(ChunkError::HotRangeOverlaps { range: overlapping })
        );
        let beyond = HotRange {
            start: (CHUNK * 3) as u64,
            end: (CHUNK * 3 + 20) as u64,
            ..hot
        };
        assert_eq!(
            directory.insert_hot(beyond, bytes),
            Err(ChunkError::HotRangeOutside { range: beyond })
        );
        let handle = directory.get_file_handle(Path::new("a")).expect("exists");
        let inside = CHUNK - 3..CHUNK + 4;
        let read = handle.read_bytes(inside.clone()).expect("hot");
        assert_eq!(read.as_slice(), &files[0].1[inside]);
        assert!(handle.read_bytes(CHUNK - 11..CHUNK).is_err());
        assert_eq!(directory.take_missing(), [ChunkId { file: 0, index: 0 }]);
    }
}
