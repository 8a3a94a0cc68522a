//! Pages written by hand under `content/eksempler/` and `content/rapporter/`
//! get what generated pages get: tags with the sentence that earned each and
//! a place on the continuum with its reasons. What the editor wrote in the
//! front matter wins, taxonomy by taxonomy, and is marked as reviewed.
//!
//! This happens in memory at build time: the build never writes into a file a
//! person wrote (`zola build` shows such a page with its own front matter).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{PageTags, Tagger};
use crate::content::front_matter::{wish_only_terms, PlaceNote, TagEvidence};
use crate::content::{ContentTree, LoadedPage};

/// The content sections whose hand-written pages are tagged and placed, with
/// the source-type term they get unless the editor gave one.
const TAGGED_SECTIONS: [(&str, &str); 2] = [
    ("eksempler", "Praksiseksempel"),
    ("rapporter", "Lokal rapport"),
];
const SOURCE_TYPE: &str = "kildetype";
/// The name `extra.reviewed` uses for an editor's own continuum position.
pub const CONTINUUM: &str = "continuum";

/// Is this page one a person wrote (no `generated` marker)?
pub fn is_hand_written(page: &LoadedPage) -> bool {
    page.front.extra.generated.is_none()
}

/// Completes every hand-written page of the tagged sections.
pub fn complete(tree: &mut ContentTree, tagger: &Tagger) {
    give_weights(tree);
    for page in tree.pages.iter_mut().filter(|p| is_hand_written(p)) {
        let Some(&(_, source_type)) = TAGGED_SECTIONS.iter().find(|(s, _)| *s == page.section)
        else {
            continue;
        };
        let machine = tagger.tag_text(
            &page.front.title,
            &page.front.extra.keywords,
            &paragraphs(&page.markdown),
        );
        merge(page, machine, source_type);
    }
}

/// A hand-written page without a `weight` would be left out of its
/// weight-sorted section and its term pages (as Zola leaves it out); it comes
/// after the section's other pages instead, in file-name order.
fn give_weights(tree: &mut ContentTree) {
    for (section, _) in TAGGED_SECTIONS {
        let mut next = tree
            .pages
            .iter()
            .filter(|p| p.section == section)
            .filter_map(|p| p.front.weight)
            .max()
            .unwrap_or(0);
        let mut unweighted: Vec<&mut LoadedPage> = tree
            .pages
            .iter_mut()
            .filter(|p| p.section == section && p.front.weight.is_none() && is_hand_written(p))
            .collect();
        unweighted.sort_by(|a, b| a.relative_path.cmp(&b.relative_path));
        for page in unweighted {
            next += 1;
            page.front.weight = Some(next);
        }
    }
}

fn merge(page: &mut LoadedPage, machine: PageTags, source_type: &str) {
    let front = &mut page.front;
    let mut reviewed: Vec<String> = front
        .taxonomies
        .keys()
        .filter(|name| *name != SOURCE_TYPE)
        .cloned()
        .collect();
    front
        .taxonomies
        .entry(SOURCE_TYPE.to_string())
        .or_insert_with(|| vec![source_type.to_string()]);
    for (taxonomy, terms) in machine.terms {
        front.taxonomies.entry(taxonomy).or_insert(terms);
    }
    front.extra.evidence.extend(
        machine
            .evidence
            .into_iter()
            .filter(|e| !reviewed.contains(&e.taxonomy))
            .map(|e| TagEvidence::from(&e)),
    );
    front.extra.wish_only = wish_only_terms(&front.extra.evidence);
    if !reviewed.iter().any(|t| t == "sted") {
        front.extra.places = machine
            .places
            .into_iter()
            .map(|p| PlaceNote {
                name: p.name,
                today: p.today,
            })
            .collect();
    }
    if front.extra.continuum.is_some() {
        reviewed.push(CONTINUUM.to_string());
    } else if let Some(placement) = machine.placement {
        front.extra.continuum = Some(placement.position);
        front.extra.continuum_reasons = placement.reasons;
    }
    reviewed.sort();
    front.extra.reviewed = reviewed;
}

/// The text of each paragraph, heading and list item, without markup.
pub fn paragraphs(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Start(Tag::Item) | Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                let text = current.trim().to_string();
                if !text.is_empty() {
                    out.push(text);
                }
                current.clear();
            }
            _ => {}
        }
    }
    let text = current.trim();
    if !text.is_empty() {
        out.push(text.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_plain_text_one_per_block() {
        let markdown = "# Baggrund\n\nEn **indsats** i\nGreve.\n\n- Mentor\n- [Praktik](@/x.md)\n";
        assert_eq!(
            paragraphs(markdown),
            ["Baggrund", "En indsats i Greve.", "Mentor", "Praktik"]
        );
    }
}
