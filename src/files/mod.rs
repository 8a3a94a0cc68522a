//! How the build reads and writes files: folders listed the one way
//! (`read.rs`: sorted, `/`-separated, text decoded as UTF-8 with the line of
//! a bad byte), and output replaced atomically, touching only files the
//! build owns (`write.rs`).

mod read;
mod write;

pub use read::{decode_utf8, files_under, walk_error};
pub use write::{replace_dir, sha256_hex, write_atomically, write_owned_files, PARTIAL_SUFFIX};
