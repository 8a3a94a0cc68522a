//! A small stable hash (FNV-1a, 128 bits from two 64-bit lanes) for content
//! hashes and deterministic segment ids. Not cryptographic: it only has to
//! change when the bytes change and be identical on every platform.

const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub(crate) struct StableHasher {
    lanes: [u64; 2],
}

impl StableHasher {
    pub(crate) fn new() -> Self {
        StableHasher {
            lanes: [0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142],
        }
    }

    pub(crate) fn update(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            for lane in &mut self.lanes {
                *lane ^= u64::from(byte);
                *lane = lane.wrapping_mul(FNV_PRIME);
            }
        }
        // Separate consecutive updates so ("ab","c") and ("a","bc") differ.
        for lane in &mut self.lanes {
            *lane = lane.rotate_left(17).wrapping_mul(FNV_PRIME);
        }
    }

    /// 32 lowercase hex digits.
    pub(crate) fn hex(&self) -> String {
        format!("{:016x}{:016x}", self.lanes[0], self.lanes[1])
    }
}

pub(crate) fn hash_hex(parts: &[&[u8]]) -> String {
    let mut hasher = StableHasher::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.hex()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_matter() {
        assert_ne!(hash_hex(&[b"ab", b"c"]), hash_hex(&[b"a", b"bc"]));
        assert_eq!(hash_hex(&[b"x"]), hash_hex(&[b"x"]));
        assert_eq!(hash_hex(&[b"x"]).len(), 32);
    }
}
