//! Is a line a heading, and where does a wrapped heading end?

use super::line_ends::starts_lowercase;
use super::lists::list_item_text;

/// Could `text` be a subheading, judged on the line alone?
pub(super) fn heading_shaped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first_upper = text.chars().next().is_some_and(|c| c.is_uppercase());
    first_upper
        && (1..=9).contains(&words)
        && text.chars().count() <= 70
        && !text.trim_end().ends_with(['.', ',', ';', ':', '-', '–'])
        && list_item_text(text).is_none()
}

/// "3.2. Hvilke …" → level 2, "4.2.1 Ny vejledning" → level 3, deeper → 4.
pub fn numbered_heading_level(text: &str) -> Option<u8> {
    let number: &str = text.split_whitespace().next()?;
    let rest = text[number.len()..].trim_start();
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()));
    let titled = rest.chars().next().is_some_and(char::is_uppercase);
    (numeric && (2..=4).contains(&parts.len()) && titled && text.chars().count() <= 90)
        .then_some(parts.len().min(4) as u8)
}

/// Does a heading go on in the next line? Yes if that line starts in lower case,
/// or the heading stops on a word that cannot end a title ("efter", "om", …).
pub fn heading_continues(heading: &str, next: &str) -> bool {
    let last_word = heading.split_whitespace().last().unwrap_or("");
    let dangling = matches!(
        last_word,
        "om" | "for"
            | "efter"
            | "indenfor"
            | "til"
            | "af"
            | "i"
            | "på"
            | "med"
            | "en"
            | "et"
            | "og"
            | "end"
    );
    !next.is_empty() && (starts_lowercase(next) || dangling) && next.chars().count() <= 90
}

/// "… Frederiksborg og Århus" + "Amter": one or two capitalised words with
/// no final punctuation end a wrapped title, unless body text follows them
/// (then they are a subheading: "Baggrund" + "Baggrunden for …").
pub fn title_tail(next: &str, after: Option<&str>) -> bool {
    let words: Vec<&str> = next.split_whitespace().collect();
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let body_follows = after.is_some_and(|a| {
        a.chars().next().is_some_and(char::is_uppercase) && a.chars().count() >= 40
    });
    (1..=2).contains(&words.len())
        && capitalised
        && !next.trim_end().ends_with(['.', ':', ',', ';', '?', '!'])
        && !body_follows
}

/// "Erfaringer og viden fra de afsluttede forløb." → without the period
/// a heading does not have ("…" and "m.v." keep theirs).
pub fn without_final_period(text: &str) -> String {
    let trimmed = text.trim_end();
    let last_word = trimmed.split_whitespace().last().unwrap_or("");
    let abbreviation = last_word.trim_end_matches('.').contains('.');
    match trimmed.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') && !abbreviation => rest.to_string(),
        _ => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_and_their_continuations() {
        assert_eq!(numbered_heading_level("3.2. Hvilke muligheder"), Some(2));
        assert_eq!(numbered_heading_level("4.2.1 Ny vejledning"), Some(3));
        assert_eq!(numbered_heading_level("3.2.2.2. Erfaringer fra"), Some(4));
        assert_eq!(numbered_heading_level("2004. Det var året"), None);
        assert_eq!(numbered_heading_level("1) Arbejdsevnemetoden"), None);
        assert!(heading_continues(
            "2.18. Netværksordningen - et tilbud efter",
            "Servicelovens § 88"
        ));
        assert!(!heading_continues(
            "Servicelovens § 88",
            "I Vejle Amt er det"
        ));
        // 2.19 (sources/004 lines 3965–3969) and 2.12 (lines 2574–2577).
        assert!(title_tail("Amter  ", Some("maj 2003 – juli 2005")));
        assert!(!title_tail(
            "Baggrund",
            Some("Baggrunden for, at man i Aabenraa Kommune har søgt midler til et projekt til")
        ));
    }
}
