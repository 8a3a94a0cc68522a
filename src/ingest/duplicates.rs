//! Finds source files that hold the same document, by content, not by name.
//!
//! Two files are the same document when most of the word 5-grams of the
//! smaller one also occur in the other (a second extraction of one PDF).

use std::collections::HashSet;

use super::source::SourceFile;

const SHINGLE_WORDS: usize = 5;
/// Share of the smaller file's 5-grams found in the other.
const SAME_DOCUMENT: f64 = 0.6;

fn shingles(source: &SourceFile) -> HashSet<u64> {
    let words: Vec<String> = source
        .lines
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(SHINGLE_WORDS)
        .map(|window| {
            // FNV-1a over the joined words: stable across runs, unlike the std hasher.
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in window.join(" ").bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            hash
        })
        .collect()
}

pub fn containment(a: &SourceFile, b: &SourceFile) -> f64 {
    let (sa, sb) = (shingles(a), shingles(b));
    let smaller = sa.len().min(sb.len());
    if smaller == 0 {
        return 0.0;
    }
    sa.intersection(&sb).count() as f64 / smaller as f64
}

/// Fewer lines per word means fewer hard wraps and so a cleaner extraction.
fn extraction_quality(source: &SourceFile) -> f64 {
    let words: usize = source
        .lines
        .iter()
        .map(|l| l.split_whitespace().count())
        .sum();
    let lines = source
        .lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count()
        .max(1);
    words as f64 / lines as f64
}

/// For each file that duplicates a better one: (duplicate index, kept index).
pub fn find_duplicates(sources: &[SourceFile]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut dropped: HashSet<usize> = HashSet::new();
    for i in 0..sources.len() {
        for j in i + 1..sources.len() {
            if dropped.contains(&i) || dropped.contains(&j) {
                continue;
            }
            if containment(&sources[i], &sources[j]) >= SAME_DOCUMENT {
                let (worse, better) =
                    if extraction_quality(&sources[i]) >= extraction_quality(&sources[j]) {
                        (j, i)
                    } else {
                        (i, j)
                    };
                dropped.insert(worse);
                pairs.push((worse, better));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> SourceFile {
        SourceFile::from_bytes(name, text.as_bytes()).expect("valid")
    }

    #[test]
    fn a_rewrapped_copy_is_a_duplicate_and_the_cleaner_one_is_kept() {
        let text = "Lokalværdi har et fokus på værdige og meningsfulde beskæftigelsesindsatser og har gennem årene tilpasset sig tidens udvikling afhængig af behov og indsatser for borgerne i Sydhavnen";
        let wrapped = text
            .split(' ')
            .collect::<Vec<_>>()
            .chunks(4)
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n");
        let sources = vec![
            source("a.txt", &wrapped),
            source("b.txt", text),
            source(
                "c.txt",
                "helt andet indhold om noget andet end det her og mere til",
            ),
        ];
        assert_eq!(find_duplicates(&sources), vec![(0, 1)]);
    }
}
