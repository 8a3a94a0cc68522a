//! The browser folds what readers type with its own JavaScript
//! (`themes/praksis/static/fold.js`) and matches it against title words the
//! engine folded at build time (`search-index/suggestions.json.gz`): the two
//! foldings must agree on every indexed title word, or a suggestion is missed.
//! Runs the site's own module in `node`.

use std::io::Write;
use std::process::{Command, Stdio};

use praksis_search::fold_danish;

mod common;

/// Spellings that exercise each rule of the folding, in case no title does.
const RULE_WORDS: &[&str] = &[
    "København",
    "Koebenhavn",
    "Kobenhavn",
    "Åbenrå",
    "AABENRAA",
    "lokalværdi",
    "ØRESUND",
    "flexjob",
    "Xenia",
    "aaa",
    "oee",
    "æe",
    "øe",
    "åa",
    "oaa",
];

/// Every word of every indexed page's title, split as the suggestion list splits them.
fn indexed_title_words() -> Vec<String> {
    let bytes = praksis::index::published::read(
        &common::repo_root().join("search-index"),
        praksis_search::SUGGESTIONS_FILE,
    )
    .expect("the committed suggestion list");
    let text = String::from_utf8(bytes).expect("UTF-8 JSON");
    let pages: Vec<serde_json::Value> = serde_json::from_str(&text).expect("a JSON list");
    let mut words: Vec<String> = Vec::new();
    for page in &pages {
        let title = page["title"]
            .as_str()
            .expect("every suggestion has a title");
        for word in title.split(|c: char| !c.is_alphanumeric()) {
            if !word.is_empty() && !words.iter().any(|known| known == word) {
                words.push(word.to_string());
            }
        }
    }
    words
}

/// `fold.js`'s `fold` of each word, run in node (the module is imported from
/// a data: URL, so node needs no package.json to read it as a module).
fn fold_in_javascript(words: &[String]) -> Vec<String> {
    let module = common::repo_root().join("themes/praksis/static/fold.js");
    let script = "import { readFileSync } from 'node:fs';\n\
        const source = readFileSync(process.argv[1], 'utf8');\n\
        const { fold } = await import('data:text/javascript,' + encodeURIComponent(source));\n\
        const words = JSON.parse(readFileSync(0, 'utf8'));\n\
        process.stdout.write(JSON.stringify(words.map(fold)));";
    let mut child = Command::new("node")
        .args(["--input-type=module", "-e", script])
        .arg(&module)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs the browser's JavaScript (./x test installs it)");
    let input = serde_json::to_vec(words).expect("a list of strings serializes");
    child
        .stdin
        .take()
        .expect("stdin was piped")
        .write_all(&input)
        .expect("write the words to node");
    let output = child.wait_with_output().expect("node finishes");
    assert!(
        output.status.success(),
        "node could not fold: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("node prints a JSON list")
}

#[test]
fn javascript_and_rust_fold_every_indexed_title_word_alike() {
    let mut words = indexed_title_words();
    assert!(words.len() > 50, "only {} title words", words.len());
    let changed = words
        .iter()
        .filter(|w| fold_danish(&w.to_lowercase()) != w.to_lowercase())
        .count();
    assert!(changed > 0, "no title word is changed by folding");
    words.extend(RULE_WORDS.iter().map(|w| w.to_string()));
    let folded = fold_in_javascript(&words);
    assert_eq!(folded.len(), words.len(), "one folding per word");
    let differ: Vec<String> = words
        .iter()
        .zip(&folded)
        .filter_map(|(word, javascript)| {
            let rust = fold_danish(&word.to_lowercase());
            (rust != *javascript).then(|| format!("{word}: Rust {rust}, JavaScript {javascript}"))
        })
        .collect();
    assert!(
        differ.is_empty(),
        "the foldings differ:\n{}",
        differ.join("\n")
    );
}
