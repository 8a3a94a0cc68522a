//! The two packers tantivy uses, one implementation for both: they differ
//! only in how many lanes a block has (see [`crate::block`]).

use crate::block;
use crate::delta::Delta;
use crate::BitPacker;

/// Blocks of 32 integers, packed one after the other (tantivy's columnar
/// bit-unpacking reads these).
#[derive(Clone, Copy)]
pub struct BitPacker1x;

/// Blocks of 128 integers in four interleaved lanes (tantivy's postings and
/// positions).
#[derive(Clone, Copy)]
pub struct BitPacker4x(());

mod sealed {
    /// A packer is its number of lanes; sealed so the blanket
    /// [`crate::BitPacker`] implementation covers exactly the two packers.
    pub trait Lanes: Copy {
        const LANES: usize;
        fn make() -> Self;
    }
}

impl sealed::Lanes for BitPacker1x {
    const LANES: usize = 1;
    fn make() -> Self {
        BitPacker1x
    }
}

impl sealed::Lanes for BitPacker4x {
    const LANES: usize = 4;
    fn make() -> Self {
        BitPacker4x(())
    }
}

fn compress_with<P: sealed::Lanes>(
    delta: Delta,
    block: &[u32],
    compressed: &mut [u8],
    num_bits: u8,
) -> usize {
    // Nothing to write, and bitpacking checks nothing either.
    if num_bits == 0 {
        return 0;
    }
    let block_len = 32 * P::LANES;
    assert_eq!(
        block.len(),
        block_len,
        "the block must hold {block_len} integers"
    );
    block::pack(
        P::LANES,
        &delta.encode(block)[..block_len],
        compressed,
        num_bits,
    )
}

fn decompress_with<P: sealed::Lanes>(
    delta: Delta,
    compressed: &[u8],
    decompressed: &mut [u32],
    num_bits: u8,
) -> usize {
    let block_len = 32 * P::LANES;
    assert!(
        decompressed.len() >= block_len,
        "The output array is not large enough : ({} >= {block_len})",
        decompressed.len()
    );
    let read = block::unpack(P::LANES, compressed, decompressed, num_bits);
    delta.decode(&mut decompressed[..block_len]);
    read
}

fn num_bits_with<P: sealed::Lanes>(delta: Delta, block: &[u32]) -> u8 {
    let block_len = 32 * P::LANES;
    assert_eq!(
        block.len(),
        block_len,
        "`decompressed`'s len is not `BLOCK_LEN={block_len}`"
    );
    delta.num_bits(block)
}

impl<P: sealed::Lanes> BitPacker for P {
    const BLOCK_LEN: usize = 32 * P::LANES;

    fn new() -> Self {
        P::make()
    }

    fn compress(&self, decompressed: &[u32], compressed: &mut [u8], num_bits: u8) -> usize {
        compress_with::<P>(Delta::None, decompressed, compressed, num_bits)
    }

    fn compress_sorted(
        &self,
        initial: u32,
        decompressed: &[u32],
        compressed: &mut [u8],
        num_bits: u8,
    ) -> usize {
        compress_with::<P>(Delta::sorted(initial), decompressed, compressed, num_bits)
    }

    fn compress_strictly_sorted(
        &self,
        initial: Option<u32>,
        decompressed: &[u32],
        compressed: &mut [u8],
        num_bits: u8,
    ) -> usize {
        compress_with::<P>(
            Delta::strictly_sorted(initial),
            decompressed,
            compressed,
            num_bits,
        )
    }

    fn decompress(&self, compressed: &[u8], decompressed: &mut [u32], num_bits: u8) -> usize {
        decompress_with::<P>(Delta::None, compressed, decompressed, num_bits)
    }

    fn decompress_sorted(
        &self,
        initial: u32,
        compressed: &[u8],
        decompressed: &mut [u32],
        num_bits: u8,
    ) -> usize {
        decompress_with::<P>(Delta::sorted(initial), compressed, decompressed, num_bits)
    }

    fn decompress_strictly_sorted(
        &self,
        initial: Option<u32>,
        compressed: &[u8],
        decompressed: &mut [u32],
        num_bits: u8,
    ) -> usize {
        decompress_with::<P>(
            Delta::strictly_sorted(initial),
            compressed,
            decompressed,
            num_bits,
        )
    }

    fn num_bits(&self, decompressed: &[u32]) -> u8 {
        num_bits_with::<P>(Delta::None, decompressed)
    }

    fn num_bits_sorted(&self, initial: u32, decompressed: &[u32]) -> u8 {
        num_bits_with::<P>(Delta::sorted(initial), decompressed)
    }

    fn num_bits_strictly_sorted(&self, initial: Option<u32>, decompressed: &[u32]) -> u8 {
        num_bits_with::<P>(Delta::strictly_sorted(initial), decompressed)
    }
}
