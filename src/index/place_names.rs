//! The names of what a page's places are today: the municipality a former
//! one became, the landsdel and the region it lies in ("Aabenraa" →
//! Sydjylland, Region Syddanmark; Sønderjyllands Amt → Region Syddanmark),
//! as the page's place notes show them. A reader asks by today's names
//! ("region syddanmark", "østjylland", "Aarhus") where a 2004 text names the
//! town or the county.

/// Capitalised words of a place note that are not names of a place.
const NOT_NAMES: &[&str] = &["Kommune", "Region", "Amt"];

/// Lower-case words of a place note that join names rather than end one
/// ("Region X og Region Y", "Y Kommune i Sydjylland").
const JOINING_WORDS: &[&str] = &["og", "i", "til", "nu", "delvis"];

/// The compass words Danish place names start with ("Vestsjælland").
const COMPASS_PREFIXES: &[&str] = &["Nord", "Syd", "Øst", "Vest", "Midt"];

/// Parts of the country that landsdele and regions are named by with a
/// compass word ("Østjylland", "Region Midtjylland", "Vest- og
/// Sydsjælland"): a reader who asks for "jylland" means all of them.
const PARTS_OF_THE_COUNTRY: &[&str] = &["Jylland", "Sjælland"];

/// The place names in a page's place notes (what each place is today),
/// each once, in order. A name with a lower-case tail is named by its tail
/// ("Københavns omegn" is not København, so "omegn" stands for it), and a
/// suspended compound is written out ("Vest- og Sydsjælland" names
/// Vestsjælland too). A compass word and a part of the country name the
/// part too, after the names ("Østjylland": Jylland).
pub(super) fn place_names_today<'a>(notes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |name: String| {
        if !names.contains(&name) {
            names.push(name);
        }
    };
    for today in notes {
        let words: Vec<&str> = today
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|word| !word.is_empty())
            .collect();
        let mut in_name = false;
        for (i, word) in words.iter().enumerate() {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if capitalised && !NOT_NAMES.contains(word) {
                if let Some(prefix) = word.strip_suffix('-') {
                    if let Some(whole) = suspended_compound(prefix, &words[i + 1..]) {
                        add(whole);
                    }
                }
                if !words.get(i + 1).is_some_and(|next| is_tail(next)) {
                    add(word.to_string());
                }
                in_name = true;
            } else if in_name && is_tail(word) {
                add(word.to_string());
            } else {
                in_name = false;
            }
        }
    }
    let parts: Vec<String> = names
        .iter()
        .filter_map(|name| part_of_the_country(name))
        .collect();
    for part in parts {
        if !names.contains(&part) {
            names.push(part);
        }
    }
    names
}

/// "Jylland" for "Østjylland" or "Midtjylland": the part of the country a
/// compass word and the part name.
fn part_of_the_country(name: &str) -> Option<String> {
    let tail = COMPASS_PREFIXES
        .iter()
        .find_map(|compass| name.strip_prefix(compass))?;
    PARTS_OF_THE_COUNTRY
        .iter()
        .find(|part| part.to_lowercase() == tail)
        .map(|part| part.to_string())
}

/// A lower-case word that ends a name rather than joining two.
fn is_tail(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && !JOINING_WORDS.contains(&word)
}

/// "Vest-" before "og Sydsjælland" is "Vestsjælland": the prefix takes the
/// second name's part after its own compass word.
fn suspended_compound(prefix: &str, rest: &[&str]) -> Option<String> {
    let [joining, second, ..] = rest else {
        return None;
    };
    if *joining != "og" {
        return None;
    }
    COMPASS_PREFIXES
        .iter()
        .find_map(|compass| second.strip_prefix(compass))
        .filter(|tail| !tail.is_empty())
        .map(|tail| format!("{prefix}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_today_and_regions_without_the_kinds_of_place() {
        let names = place_names_today([
            "Region Syddanmark",
            "amt til 2007, nu Region Syddanmark",
            "kommune i Vejle Amt til 2007, nu Vejle Kommune, delvis Kolding Kommune",
            "Aarhus Kommune, Region Midtjylland",
            "landsdel i Region Nordjylland og Region Midtjylland",
            "Københavns omegn, Region Hovedstaden",
            "kommune i Storstrøms Amt til 2007, nu Vordingborg Kommune i Vest- og Sydsjælland",
        ]);
        assert_eq!(
            names,
            [
                "Syddanmark",
                "Vejle",
                "Kolding",
                "Aarhus",
                "Midtjylland",
                "Nordjylland",
                "omegn",
                "Hovedstaden",
                "Storstrøms",
                "Vordingborg",
                "Vestsjælland",
                "Vest-",
                "Sydsjælland",
                "Jylland",
                "Sjælland"
            ]
        );
    }
}
