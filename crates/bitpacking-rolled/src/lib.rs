//! The part of `bitpacking` 0.9.3's API that tantivy 0.27 uses (the
//! [`BitPacker`] trait, [`BitPacker1x`], [`BitPacker4x`]), written as loops
//! over the bit width, for the browser's engine.
//!
//! crates.io's `bitpacking` unrolls its decoder for each of the 33 bit widths
//! and each delta mode; in the WebAssembly engine that was about a quarter of
//! the file (`docs/engine-size.md`). This crate reads and writes the same
//! bytes (the block format is in [`block`]); `tests/upstream.rs` checks every
//! bit width and delta mode against the crates.io crate. Only the WebAssembly
//! build uses it, through `[patch.crates-io]` in `x` (build_wasm); the native
//! CLI keeps crates.io's crate, and `e2e/tests/parity.test.mjs` compares the
//! two engines' answers on the real index.

mod block;
mod delta;
mod packers;

pub use packers::{BitPacker1x, BitPacker4x};

/// Compresses and decompresses blocks of `BLOCK_LEN` integers, each stored in
/// `num_bits` bits (0 to 32), optionally as deltas from the previous integer.
///
/// The contract is `bitpacking` 0.9.3's: a compressed block takes
/// `num_bits * BLOCK_LEN / 8` bytes, every method returns the bytes it wrote
/// or read, and a bit width over 32, a block of the wrong length or a buffer
/// too small panics. Values wider than `num_bits` give unspecified bytes (the
/// same bytes as crates.io's crate, as it happens).
pub trait BitPacker: Sized + Clone + Copy {
    /// Integers per block.
    const BLOCK_LEN: usize;

    /// The packer; there is nothing to detect or allocate.
    fn new() -> Self;

    /// Packs `decompressed` as it is.
    fn compress(&self, decompressed: &[u32], compressed: &mut [u8], num_bits: u8) -> usize;

    /// Packs the differences between neighbours of a sorted block, the first
    /// taken from `initial`.
    fn compress_sorted(
        &self,
        initial: u32,
        decompressed: &[u32],
        compressed: &mut [u8],
        num_bits: u8,
    ) -> usize;

    /// Packs the differences minus one of a strictly increasing block; with
    /// no `initial`, the first value is stored as it is.
    fn compress_strictly_sorted(
        &self,
        initial: Option<u32>,
        decompressed: &[u32],
        compressed: &mut [u8],
        num_bits: u8,
    ) -> usize;

    /// Unpacks a block written by [`BitPacker::compress`].
    fn decompress(&self, compressed: &[u8], decompressed: &mut [u32], num_bits: u8) -> usize;

    /// Unpacks a block written by [`BitPacker::compress_sorted`] with the same `initial`.
    fn decompress_sorted(
        &self,
        initial: u32,
        compressed: &[u8],
        decompressed: &mut [u32],
        num_bits: u8,
    ) -> usize;

    /// Unpacks a block written by [`BitPacker::compress_strictly_sorted`] with the same `initial`.
    fn decompress_strictly_sorted(
        &self,
        initial: Option<u32>,
        compressed: &[u8],
        decompressed: &mut [u32],
        num_bits: u8,
    ) -> usize;

    /// Bits needed by the largest value.
    fn num_bits(&self, decompressed: &[u32]) -> u8;

    /// Bits needed by the largest difference, as [`BitPacker::compress_sorted`] stores them.
    fn num_bits_sorted(&self, initial: u32, decompressed: &[u32]) -> u8;

    /// Bits needed by the largest difference minus one, as
    /// [`BitPacker::compress_strictly_sorted`] stores them.
    fn num_bits_strictly_sorted(&self, initial: Option<u32>, decompressed: &[u32]) -> u8;

    /// Bytes of a block packed with `num_bits`.
    #[must_use]
    fn compressed_block_size(num_bits: u8) -> usize {
        Self::BLOCK_LEN * usize::from(num_bits) / 8
    }
}
