//! The rolled packers against crates.io's `bitpacking` 0.9.3 (as `upstream`):
//! for both packers, every bit width and every delta mode, the same bytes
//! written, the same integers read back, the same byte counts and widths.

use bitpacking::{BitPacker, BitPacker1x, BitPacker4x};
use upstream::BitPacker as _;

/// SplitMix64: deterministic, so a failure names a reproducible case.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn word(&mut self) -> u32 {
        self.next() as u32
    }

    /// A value of at most `bits` bits.
    fn below_bits(&mut self, bits: u8) -> u32 {
        if bits == 0 {
            0
        } else {
            self.word() >> (32 - u32::from(bits))
        }
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

const BLOCKS_PER_WIDTH: usize = 40;
/// Room after a block, filled with a sentinel, so a write past it shows.
const SLACK: usize = 9;

#[derive(Clone, Copy, Debug)]
enum Mode {
    Plain,
    Sorted(u32),
    Strict(Option<u32>),
}

fn modes(random: &mut Random) -> Vec<Mode> {
    let initial = random.word() >> 8;
    vec![
        Mode::Plain,
        Mode::Sorted(0),
        Mode::Sorted(initial),
        Mode::Strict(None),
        Mode::Strict(Some(0)),
        Mode::Strict(Some(initial)),
    ]
}

/// A block whose stored values fit `bits` in `mode` (differences for the
/// sorted modes), or, with `wide`, any integers at all.
fn block(random: &mut Random, len: usize, bits: u8, mode: Mode, wide: bool) -> Vec<u32> {
    if wide {
        return (0..len).map(|_| random.word()).collect();
    }
    let (mut previous, gap) = match mode {
        Mode::Plain => return (0..len).map(|_| random.below_bits(bits)).collect(),
        Mode::Sorted(initial) => (initial, 0u32),
        Mode::Strict(initial) => (initial.unwrap_or(u32::MAX), 1u32),
    };
    (0..len)
        .map(|_| {
            previous = previous
                .wrapping_add(random.below_bits(bits))
                .wrapping_add(gap);
            previous
        })
        .collect()
}

fn decode_both<R: BitPacker, U: upstream::BitPacker>(
    mode: Mode,
    packed: &[u8],
    bits: u8,
    ours: &mut [u32],
    theirs: &mut [u32],
) -> (usize, usize) {
    let (rolled, upstream) = (R::new(), U::new());
    match mode {
        Mode::Plain => (
            rolled.decompress(packed, ours, bits),
            upstream.decompress(packed, theirs, bits),
        ),
        Mode::Sorted(initial) => (
            rolled.decompress_sorted(initial, packed, ours, bits),
            upstream.decompress_sorted(initial, packed, theirs, bits),
        ),
        Mode::Strict(initial) => (
            rolled.decompress_strictly_sorted(initial, packed, ours, bits),
            upstream.decompress_strictly_sorted(initial, packed, theirs, bits),
        ),
    }
}

/// Bytes written and widths measured, ours then upstream's.
fn encode_both<R: BitPacker, U: upstream::BitPacker>(
    mode: Mode,
    values: &[u32],
    bits: u8,
    ours: &mut [u8],
    theirs: &mut [u8],
) -> [usize; 4] {
    let (rolled, upstream) = (R::new(), U::new());
    let (written, written_upstream, width, width_upstream) = match mode {
        Mode::Plain => (
            rolled.compress(values, ours, bits),
            upstream.compress(values, theirs, bits),
            rolled.num_bits(values),
            upstream.num_bits(values),
        ),
        Mode::Sorted(initial) => (
            rolled.compress_sorted(initial, values, ours, bits),
            upstream.compress_sorted(initial, values, theirs, bits),
            rolled.num_bits_sorted(initial, values),
            upstream.num_bits_sorted(initial, values),
        ),
        Mode::Strict(initial) => (
            rolled.compress_strictly_sorted(initial, values, ours, bits),
            upstream.compress_strictly_sorted(initial, values, theirs, bits),
            rolled.num_bits_strictly_sorted(initial, values),
            upstream.num_bits_strictly_sorted(initial, values),
        ),
    };
    [
        written,
        written_upstream,
        width.into(),
        width_upstream.into(),
    ]
}

fn check_packer<R: BitPacker, U: upstream::BitPacker>() {
    let len = R::BLOCK_LEN;
    assert_eq!(len, U::BLOCK_LEN);
    let mut random = Random(len as u64);
    for bits in 0..=32u8 {
        assert_eq!(
            R::compressed_block_size(bits),
            U::compressed_block_size(bits)
        );
        for round in 0..BLOCKS_PER_WIDTH {
            for mode in modes(&mut random) {
                let case = format!("{bits} bits, round {round}, {mode:?}");
                // Decoding: any bytes are a valid block.
                let packed = random.bytes(len * 4 + SLACK);
                let mut ours = vec![0xdead_beef; len + SLACK];
                let mut theirs = ours.clone();
                let (read, read_upstream) =
                    decode_both::<R, U>(mode, &packed, bits, &mut ours, &mut theirs);
                assert_eq!(read, read_upstream, "bytes read, {case}");
                assert_eq!(ours, theirs, "decoded, {case}");

                // Encoding and widths: blocks that fit, and any integers.
                for wide in [false, true] {
                    let values = block(&mut random, len, bits, mode, wide);
                    let mut ours = vec![0xa5u8; len * 4 + SLACK];
                    let mut theirs = ours.clone();
                    let [written, written_upstream, width, width_upstream] =
                        encode_both::<R, U>(mode, &values, bits, &mut ours, &mut theirs);
                    assert_eq!(
                        written, written_upstream,
                        "bytes written, {case}, wide {wide}"
                    );
                    assert_eq!(ours, theirs, "encoded, {case}, wide {wide}");
                    assert_eq!(width, width_upstream, "num_bits, {case}, wide {wide}");
                    if !wide {
                        assert!(
                            width <= usize::from(bits),
                            "made to fit {bits} bits, needs {width}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn bitpacker4x_equals_upstream() {
    check_packer::<BitPacker4x, upstream::BitPacker4x>();
}

#[test]
fn bitpacker1x_equals_upstream() {
    check_packer::<BitPacker1x, upstream::BitPacker1x>();
}

/// Widths the random blocks rarely reach: a single high bit anywhere.
#[test]
fn every_width_is_measured_as_upstream_does() {
    let (rolled, upstream) = (BitPacker4x::new(), upstream::BitPacker4x::new());
    for bits in 0..=32u32 {
        for position in 0..BitPacker4x::BLOCK_LEN {
            let mut values = vec![0u32; BitPacker4x::BLOCK_LEN];
            values[position] = if bits == 0 { 0 } else { 1 << (bits - 1) };
            assert_eq!(rolled.num_bits(&values), upstream.num_bits(&values));
            assert_eq!(rolled.num_bits(&values), bits as u8);
        }
    }
}
