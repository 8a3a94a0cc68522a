//! How a block's integers become the values packed: as they are, as
//! differences from the previous integer (sorted blocks), or as differences
//! minus one (strictly increasing blocks, one bit fewer when every integer
//! follows the last).
//!
//! The first difference is taken from `initial`. A strictly increasing block
//! without one starts from `u32::MAX`, so that `0` can be its first integer:
//! all arithmetic wraps, as in bitpacking.

/// The largest block, BitPacker4x's.
const MAX_BLOCK_LEN: usize = 128;

#[derive(Clone, Copy)]
pub(crate) enum Delta {
    None,
    From { previous: u32, gap: u32 },
}

impl Delta {
    pub(crate) fn sorted(initial: u32) -> Delta {
        Delta::From {
            previous: initial,
            gap: 0,
        }
    }

    pub(crate) fn strictly_sorted(initial: Option<u32>) -> Delta {
        Delta::From {
            previous: initial.unwrap_or(u32::MAX),
            gap: 1,
        }
    }

    /// The values to pack for `block`, in a buffer of which `block.len()` are used.
    pub(crate) fn encode(self, block: &[u32]) -> [u32; MAX_BLOCK_LEN] {
        let mut encoded = [0u32; MAX_BLOCK_LEN];
        let encoded_block = &mut encoded[..block.len()];
        match self {
            Delta::None => encoded_block.copy_from_slice(block),
            Delta::From { mut previous, gap } => {
                for (out, &value) in encoded_block.iter_mut().zip(block) {
                    *out = value.wrapping_sub(previous).wrapping_sub(gap);
                    previous = value;
                }
            }
        }
        encoded
    }

    /// Turns unpacked values back into the block's integers, in place.
    pub(crate) fn decode(self, values: &mut [u32]) {
        if let Delta::From { mut previous, gap } = self {
            for value in values {
                previous = previous.wrapping_add(*value).wrapping_add(gap);
                *value = previous;
            }
        }
    }

    /// Bits needed by the widest value `encode` gives for `block`.
    pub(crate) fn num_bits(self, block: &[u32]) -> u8 {
        let encoded = self.encode(block);
        let all = encoded[..block.len()]
            .iter()
            .fold(0, |acc, value| acc | value);
        (32 - all.leading_zeros()) as u8
    }
}
