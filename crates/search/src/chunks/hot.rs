//! Hot ranges: the bytes that opening the index reads, published apart from
//! the chunks (in the hot pack) so that opening needs one download. Owns the
//! range type the manifest lists, how the ranges a build recorded are joined,
//! and the ranges a directory holds.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

use crate::error::ChunkError;

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

    pub(super) fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Byte ranges read, as few disjoint ranges: overlapping and touching ones joined.
pub(super) fn join_ranges(touched: BTreeSet<(u32, usize, usize)>) -> Vec<HotRange> {
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

/// One file's hot ranges with their bytes, sorted and disjoint.
#[derive(Clone, Default)]
pub(super) struct HeldRanges(Vec<(Range<usize>, OwnedBytes)>);

impl HeldRanges {
    /// Adds `range` (of this file, checked by the caller); refuses one
    /// overlapping a range already held.
    pub(super) fn insert(&mut self, range: HotRange, bytes: OwnedBytes) -> Result<(), ChunkError> {
        let ranges = &mut self.0;
        let at = ranges.partition_point(|(held, _)| held.end <= range.bytes().start);
        if ranges
            .get(at)
            .is_some_and(|(held, _)| held.start < range.bytes().end)
        {
            return Err(ChunkError::HotRangeOverlaps { range });
        }
        ranges.insert(at, (range.bytes(), bytes));
        Ok(())
    }

    /// `range` of the file, if one held range holds all of it.
    pub(super) fn slice(&self, range: &Range<usize>) -> Option<OwnedBytes> {
        let at = self.0.partition_point(|(held, _)| held.end < range.end);
        let (held, bytes) = self.0.get(at)?;
        (held.start <= range.start)
            .then(|| bytes.slice(range.start - held.start..range.end - held.start))
    }
}
