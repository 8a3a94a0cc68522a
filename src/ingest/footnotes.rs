//! Footnote references in PDF text: the number is glued to the word or
//! quote before it ("undersøgelse1", "småjob.”16", "80erne26"), after a
//! year's period ("juni 2004.12 Her"), or loose after a closing quote
//! ("udstødelse.” 3"). A note is defined at the foot of the page where it
//! is referenced, which can belong to the next chapter: each note goes to
//! the document that references it.

use std::collections::{BTreeMap, HashSet};

use super::blocks::BlockKind;
use super::document::{Document, Footnote};

/// Where a reference to one of `numbers` stands in `text`: (byte start,
/// byte end, number). The start is that of the digits.
pub fn references(text: &str, numbers: &HashSet<&str>) -> Vec<(usize, usize, String)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !c.is_ascii_digit() || (i > 0 && chars[i - 1].1.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !chars[j].1.is_ascii_digit())
            .unwrap_or(chars.len());
        let number: String = chars[i..end].iter().map(|(_, c)| c).collect();
        let ends_word = end == chars.len() || !chars[end].1.is_alphanumeric();
        let before = |k: usize| i.checked_sub(k).map(|at| chars[at].1);
        let glued_to_word = before(1).is_some_and(char::is_lowercase);
        let after_number = before(2).is_some_and(|c| c.is_ascii_digit());
        let glued_to_mark = before(1).is_some_and(|c| ".,”\")".contains(c)) && !after_number;
        // "2004.12 Her": a year, its period, the note, then a new sentence.
        let after_year = before(1) == Some('.')
            && (2..=5).all(|k| before(k).is_some_and(|c| c.is_ascii_digit()))
            && before(6).is_none_or(|c| !c.is_ascii_digit())
            && text[chars.get(end).map_or(text.len(), |c| c.0)..]
                .trim_start()
                .starts_with(char::is_uppercase);
        let glued = glued_to_word || glued_to_mark || after_year;
        if glued && ends_word && numbers.contains(number.as_str()) {
            let byte_end = chars.get(end).map_or(text.len(), |c| c.0);
            found.push((chars[i].0, byte_end, number));
        }
        i = end;
    }
    found
}

/// "udstødelse.” 3" → "udstødelse.”3" when 3 is a note: the extraction put
/// a space between the quote and its note number.
pub fn glue_loose_references(text: &str, numbers: &HashSet<&str>) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    for (i, word) in words.iter().enumerate() {
        let loose = i > 0
            && words[i - 1].ends_with(['”', '"'])
            && numbers.contains(word.trim_end_matches([',', '.', ';']))
            && words
                .get(i + 1)
                .is_none_or(|n| n.chars().next().is_some_and(char::is_uppercase));
        if i > 0 && !loose {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Where `number` stands alone after a word in lower case and before a
/// comma or the end of the sentence ("en artikel 21, som"): the byte of the
/// space before it, if it does so exactly once in `text`.
fn loose_reference(text: &str, number: &str) -> Option<usize> {
    let mut found = None;
    let mut count = 0;
    let mut offset = 0;
    for word in text.split(' ') {
        let core = word.trim_end_matches([',', '.', ';']);
        let follows_word = text[..offset]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase);
        if core == number && core.len() < word.len() && follows_word && offset > 0 {
            count += 1;
            found = Some(offset - 1);
        }
        offset += word.len() + 1;
    }
    (count == 1).then_some(found).flatten()
}

/// Gives each note of a source to the document that references it; a note
/// no document references stays where it was defined, so no text is lost.
pub fn assign(documents: &mut [Document]) {
    let mut notes: BTreeMap<String, Footnote> = BTreeMap::new();
    let mut defined_in: BTreeMap<String, usize> = BTreeMap::new();
    for (index, document) in documents.iter_mut().enumerate() {
        for note in document.footnotes.drain(..) {
            defined_in.entry(note.number.clone()).or_insert(index);
            notes.entry(note.number.clone()).or_insert(note);
        }
    }
    let numbers: HashSet<&str> = notes.keys().map(String::as_str).collect();
    let mut referenced: BTreeMap<String, usize> = BTreeMap::new();
    for (index, document) in documents.iter_mut().enumerate() {
        for block in document
            .blocks
            .iter_mut()
            .filter(|b| !matches!(b.kind, BlockKind::CaseList))
        {
            block.text = glue_loose_references(&block.text, &numbers);
            if let BlockKind::TableRow(cells) = &mut block.kind {
                for cell in cells.iter_mut() {
                    *cell = glue_loose_references(cell, &numbers);
                }
            }
            for (_, _, number) in references(&block.text, &numbers) {
                referenced.entry(number).or_insert(index);
            }
        }
    }
    // "i en artikel 21, som …": a note no number is glued to may be
    // referenced by the one loose number equal to it after a word.
    let unreferenced: Vec<String> = notes
        .keys()
        .filter(|n| !referenced.contains_key(*n))
        .cloned()
        .collect();
    for number in &unreferenced {
        let loose: Vec<(usize, usize)> = documents
            .iter()
            .enumerate()
            .flat_map(|(d, document)| {
                document
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| matches!(b.kind, BlockKind::Paragraph))
                    .filter(|(_, b)| loose_reference(&b.text, number).is_some())
                    .map(move |(b, _)| (d, b))
            })
            .collect();
        if let [(d, b)] = loose.as_slice() {
            let block = &mut documents[*d].blocks[*b];
            if let Some(at) = loose_reference(&block.text, number) {
                block.text.remove(at);
                referenced.insert(number.clone(), *d);
            }
        }
    }
    for (number, note) in notes {
        let home = referenced
            .get(&number)
            .or_else(|| defined_in.get(&number))
            .copied();
        if let Some(document) = home.and_then(|at| documents.get_mut(at)) {
            document.footnotes.push(note);
        }
    }
    for document in documents.iter_mut() {
        document
            .footnotes
            .sort_by_key(|n| n.number.parse::<u32>().unwrap_or(u32::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str, defined: &[&str]) -> Vec<String> {
        let set: HashSet<&str> = defined.iter().copied().collect();
        references(text, &set).into_iter().map(|r| r.2).collect()
    }

    #[test]
    fn finds_references_as_the_catalogue_prints_them() {
        // Real lines of the catalogue (sources/004, chapters 1 and 3).
        assert_eq!(numbers("Af SFIM’s undersøgelse1 med titlen", &["1"]), ["1"]);
        assert_eq!(
            numbers("startet op i 80erne26 ville kunne virke", &["26"]),
            ["26"]
        );
        assert_eq!(
            numbers(
                "mobilitet og sammensætning juni 2004.12 Her redegøres",
                &["12"]
            ),
            ["12"]
        );
        assert_eq!(numbers("kun i skånejob.”16 Og", &["16"]), ["16"]);
        // Not references: section numbers, paragraph signs, undefined numbers.
        assert!(numbers("1.1. Hvad er problemet? § 16 og 3.12", &["1", "12", "16"]).is_empty());
        assert!(numbers("undersøgelse7 med", &["1"]).is_empty());
    }

    #[test]
    fn a_loose_number_after_a_word_can_be_the_reference() {
        // Chapter 3.2.1.3 (sources/004 line 5027); note 21 is referenced nowhere else.
        let text = "Jørgen Elm Larsen har følgende pointe i en artikel 21, som refererer til";
        let at = loose_reference(text, "21").expect("found");
        let mut glued = text.to_string();
        glued.remove(at);
        assert!(glued.contains("artikel21, som"));
        assert_eq!(loose_reference("i artikel 21, og i bog 21, ja", "21"), None);
        assert_eq!(loose_reference("i alt 21 personer", "21"), None);
    }

    #[test]
    fn a_loose_number_after_a_quote_is_glued_back() {
        let set: HashSet<&str> = ["3"].into_iter().collect();
        assert_eq!(
            glue_loose_references("forebygge udstødelse.” 3 Det er", &set),
            "forebygge udstødelse.”3 Det er"
        );
        assert_eq!(
            glue_loose_references("forebygge udstødelse.” 3", &set),
            "forebygge udstødelse.”3"
        );
        assert_eq!(
            glue_loose_references("sagde ”nej” 3 gange", &set),
            "sagde ”nej” 3 gange"
        );
    }
}
