//! A source file as someone might copy it out of a PDF or Word: any bytes,
//! read and ingested with the project's curation. Errors are fine (they name
//! file and line); panics are not.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use praksis::curation::Curation;
use praksis::ingest::{ingest, SourceFile};

fn curation() -> &'static Curation {
    static CURATION: OnceLock<Curation> = OnceLock::new();
    CURATION.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../curation");
        Curation::load(&dir).expect("curation/ loads")
    })
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the kind of source: the catalogue or a report.
    let name = match data.first() {
        Some(b) if b % 2 == 0 => "004_fuzz.txt",
        _ => "002_fuzz.txt",
    };
    if let Ok(source) = SourceFile::from_bytes(name, data.get(1..).unwrap_or_default()) {
        let _ = ingest(&[source], curation());
    }
});
