//! The names of what a page's places are today: the municipality a former
//! one became and the region it lies in ("Aabenraa" → Region Syddanmark;
//! Sønderjyllands Amt → Region Syddanmark), as the page's place notes show
//! them. A reader asks by today's names ("region syddanmark", "Aarhus")
//! where a 2004 text names the town or the county.

/// Capitalised words of a place note that are not names of a place.
const NOT_NAMES: &[&str] = &["Kommune", "Region", "Amt"];

/// The place names in a page's place notes (what each place is today),
/// each once, in order.
pub(super) fn place_names_today<'a>(notes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for today in notes {
        let words = today
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
            .filter(|word| !NOT_NAMES.contains(word));
        for word in words {
            if !names.iter().any(|known| known == word) {
                names.push(word.to_string());
            }
        }
    }
    names
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
        ]);
        assert_eq!(
            names,
            [
                "Syddanmark",
                "Vejle",
                "Kolding",
                "Aarhus",
                "Midtjylland",
                "Nordjylland"
            ]
        );
    }
}
