//! The block format: `lanes` interleaved lanes of 32 integers.
//!
//! Integer `i` of a block belongs to lane `i % lanes`, row `i / lanes`. Each
//! lane packs its 32 integers low bit first into 32-bit words, `num_bits`
//! bits each, and word `k` of lane `l` is stored, little-endian, as word
//! `k * lanes + l` of the block. With four lanes this is the layout of
//! bitpacking's SSE3 code (one lane per 32-bit slot of a 128-bit register);
//! with one, plain concatenation.

/// Rows per lane: a lane always fills exactly `num_bits` words.
const ROWS: usize = 32;

/// Bytes of a block of `lanes` lanes packed with `num_bits` bits.
pub(crate) fn packed_len(lanes: usize, num_bits: usize) -> usize {
    num_bits * ROWS * lanes / 8
}

fn checked_width(num_bits: u8) -> usize {
    assert!(num_bits <= 32, "Num bits must be <= 32. Was {num_bits}.");
    usize::from(num_bits)
}

fn read_word(packed: &[u8], word: usize) -> u32 {
    let bytes = packed[word * 4..word * 4 + 4]
        .try_into()
        .expect("a four-byte slice is a [u8; 4]");
    u32::from_le_bytes(bytes)
}

/// Packs `values` (exactly one block) into `packed`; returns the bytes written.
///
/// A value wider than `num_bits` is not masked: its high bits are ORed into
/// its neighbours' bits, as bitpacking does, so even such input gives the
/// same bytes.
pub(crate) fn pack(lanes: usize, values: &[u32], packed: &mut [u8], num_bits: u8) -> usize {
    let num_bits = checked_width(num_bits);
    assert_eq!(
        values.len(),
        ROWS * lanes,
        "the block must hold {} integers",
        ROWS * lanes
    );
    let len = packed_len(lanes, num_bits);
    assert!(
        packed.len() >= len,
        "output too small: {} < {len}",
        packed.len()
    );
    for lane in 0..lanes {
        let mut word = lane;
        // Bits of the current word taken so far (always below 32 here).
        let mut filled = 0;
        let mut pending = 0u32;
        for row in 0..ROWS {
            let value = values[row * lanes + lane];
            pending |= value << filled;
            filled += num_bits;
            if filled >= 32 {
                packed[word * 4..word * 4 + 4].copy_from_slice(&pending.to_le_bytes());
                word += lanes;
                filled -= 32;
                // The value's bits that did not fit start the next word.
                pending = if filled > 0 {
                    value >> (num_bits - filled)
                } else {
                    0
                };
            }
        }
    }
    len
}

/// Unpacks one block from `packed` into the first integers of `values`;
/// returns the bytes read.
pub(crate) fn unpack(lanes: usize, packed: &[u8], values: &mut [u32], num_bits: u8) -> usize {
    let num_bits = checked_width(num_bits);
    let values = &mut values[..ROWS * lanes];
    if num_bits == 0 {
        values.fill(0);
        return 0;
    }
    let len = packed_len(lanes, num_bits);
    assert!(
        packed.len() >= len,
        "compressed block too small: {} < {len}",
        packed.len()
    );
    let packed = &packed[..len];
    let mask = u32::MAX >> (32 - num_bits);
    for lane in 0..lanes {
        let mut word = lane;
        // Unread bits, low first; never more than 63, so a u64 holds them.
        let mut window = 0u64;
        let mut available = 0;
        for row in 0..ROWS {
            if available < num_bits {
                window |= u64::from(read_word(packed, word)) << available;
                available += 32;
                word += lanes;
            }
            values[row * lanes + lane] = window as u32 & mask;
            window >>= num_bits;
            available -= num_bits;
        }
    }
    len
}
