//! Danish stop words (the Snowball list), compared after analysis so that
//! query words and list agree however they are spelt.

use std::sync::OnceLock;

use crate::analysis::analyze;

const STOP_WORDS: &str = "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan uden";

fn analyzed() -> &'static Vec<String> {
    static TERMS: OnceLock<Vec<String>> = OnceLock::new();
    TERMS.get_or_init(|| analyze(STOP_WORDS))
}

/// Is this analyzed term a stop word?
pub fn is_stop_word(term: &str) -> bool {
    analyzed().iter().any(|t| t == term)
}
