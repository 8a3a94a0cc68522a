//! List markers at the start of a line: bullet glyphs, dashes, the
//! catalogue's Wingdings "§" before a word or a share, "3) …".

use super::blocks::BlockKind;

/// Bullet glyphs that are never words: an item starts at them wherever the
/// line stands. A dash may also continue a sentence ("– herunder …").
const GLYPHS: [&str; 6] = ["• ", "v ", "o ", "* ", "■ ", "\u{f0b7} "];
const DASHES: [&str; 2] = ["- ", "– "];

/// A list marker at the start of a line, and the item text after it.
pub fn list_item_text(text: &str) -> Option<&str> {
    list_marker(text).map(|(item, _)| item)
}

/// The item text, and whether the marker is a dash (which needs a
/// paragraph boundary or a capital to start an item).
pub(super) fn list_marker(text: &str) -> Option<(&str, bool)> {
    for (marker, dash) in GLYPHS
        .iter()
        .map(|g| (g, false))
        .chain(DASHES.iter().map(|d| (d, true)))
    {
        if let Some(rest) = text.strip_prefix(marker) {
            let first = rest.trim_start().chars().next();
            // "**" opens bold text in reports written as Markdown.
            if first.is_some_and(char::is_alphanumeric) || rest.trim_start().starts_with("**") {
                return Some((rest.trim_start(), dash));
            }
        }
    }
    // "§ At forebygge …", "§ en arbejdsmarkedssituation …" and "§ 25 pct. har
    // …" are bullets; "§ 94 boform" is a paragraph sign.
    if let Some(rest) = text.strip_prefix("§ ") {
        if rest.chars().next().is_some_and(char::is_alphabetic) || is_share(rest) {
            return Some((rest, false));
        }
    }
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&digits) && text[digits..].starts_with(") ") {
        return Some((text[digits + 2..].trim_start(), false));
    }
    None
}

/// "25 pct. har …", "15 % udsluses …", "33% overgår …": a share, which a
/// paragraph sign never precedes.
fn is_share(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text[digits..].trim_start();
    digits > 0 && (rest.starts_with('%') || rest.starts_with("pct") || rest.starts_with("procent"))
}

/// "3) Kravene …" is item 3 of a numbered list; other markers make bullets.
pub(super) fn list_kind(text: &str) -> BlockKind {
    let digits = text.chars().take_while(|c| c.is_ascii_digit()).count();
    match text[..digits].parse() {
        Ok(number) if text[digits..].starts_with(") ") => BlockKind::NumberedItem(number),
        _ => BlockKind::ListItem,
    }
}
