//! A report's publication date as its own first lines state it ("11. marts
//! 2020", "OKTOBER 2023", "2023-10-05"), as precisely as they state it, for
//! sources with no `published` in `curation/sources.toml`.

/// How far into a source a cover date is looked for.
const COVER_LINES: usize = 40;

/// The Danish months, in order.
pub(super) const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// "YYYY-MM-DD" or "YYYY-MM" from the first date on the cover lines.
pub fn publication_in_text(lines: &[String]) -> Option<String> {
    lines
        .iter()
        .take(COVER_LINES)
        .find_map(|line| date_in_line(line))
}

fn date_in_line(line: &str) -> Option<String> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| w.trim_matches([',', '(', ')']).to_lowercase())
        .collect();
    for (i, word) in words.iter().enumerate() {
        if let Some(iso) = iso_date(word) {
            return Some(iso);
        }
        let Some(month) = MONTHS.iter().position(|m| m == word) else {
            continue;
        };
        let year = words.get(i + 1).and_then(|y| year(y))?;
        let day = i
            .checked_sub(1)
            .and_then(|d| words[d].strip_suffix('.'))
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d));
        return Some(match day {
            Some(day) => format!("{year}-{:02}-{day:02}", month + 1),
            None => format!("{year}-{:02}", month + 1),
        });
    }
    None
}

fn year(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn iso_date(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.trim_end_matches('.').split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let ok = year(y).is_some()
        && m.len() == 2
        && d.len() == 2
        && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    ok.then(|| format!("{y}-{m}-{d}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<String> {
        publication_in_text(&text.lines().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn dates_as_the_covers_write_them() {
        assert_eq!(
            found("Notat\n\n11. marts 2020\n"),
            Some("2020-03-11".into())
        );
        assert_eq!(
            found("ERFARINGSOPSAMLING\nOKTOBER 2023"),
            Some("2023-10".into())
        );
        assert_eq!(found("Udgivet 2024-02-05."), Some("2024-02-05".into()));
        assert_eq!(found("Ingen dato her, kun 25 deltagere"), None);
        assert_eq!(found("maj er en måned"), None);
    }
}
