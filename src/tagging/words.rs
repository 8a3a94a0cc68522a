//! Vocabulary terms matched as Danish words: the word itself, its regular
//! inflections (a noun's or adjective's endings, with the doubled final
//! consonant of "rum" → "rummet"), and compounds whose last part is the
//! word ("fastholdelsesmentor" is a mentor); a prefix term also its first or
//! an inner part ("praktikperiode", "fastholdelsesmentorforløb"). Nothing shorter or merely
//! similar: "rumme" is not "rum", "led" is not "ledige", as the search
//! stemmer would have it.

/// The endings of Danish nouns and adjectives: plural, definite, genitive.
const ENDINGS: [&str; 22] = [
    "", "s", "e", "es", "r", "rs", "n", "ns", "t", "ts", "er", "ers", "en", "ens", "et", "ets",
    "ne", "nes", "ene", "enes", "erne", "ernes",
];
/// The shortest first part a compound may have ("gruppe|terapi").
const MIN_MODIFIER: usize = 3;

/// A sentence's words, lower-cased, in order ("*" stays a word: in a term
/// it stands for any one word).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '§' || c == '*'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A vocabulary term as the words that must follow each other.
#[derive(Clone, Debug)]
pub struct WordPattern {
    words: Vec<String>,
    /// May the last word be the last part of a compound?
    compounds: bool,
    /// May the last word be the first or an inner part of a compound?
    prefix: bool,
}

impl WordPattern {
    pub fn new(term: &str, compounds: bool) -> WordPattern {
        WordPattern {
            words: words(term),
            compounds,
            prefix: false,
        }
    }

    /// A term that also counts as a compound's first or inner part
    /// ("praktik|periode", "fastholdelses|mentor|forløb").
    pub fn prefix(term: &str) -> WordPattern {
        WordPattern {
            words: words(term),
            compounds: true,
            prefix: true,
        }
    }

    /// Token positions where the term starts in `tokens`, skipping any match
    /// whose matched words are in `exclude`.
    pub fn positions(&self, tokens: &[String], exclude: &[String]) -> Vec<usize> {
        let n = self.words.len();
        if n == 0 || tokens.len() < n {
            return Vec::new();
        }
        (0..=tokens.len() - n)
            .filter(|&start| {
                let window = &tokens[start..start + n];
                let last = n - 1;
                let matched =
                    window
                        .iter()
                        .zip(&self.words)
                        .enumerate()
                        .all(|(i, (token, word))| {
                            word == "*"
                                || is_form_of(token, word)
                                || (i == last && self.compounds && ends_compound(token, word))
                                || (i == last && self.prefix && inside_compound(token, word))
                        });
                matched && !window.iter().any(|t| exclude.contains(t))
            })
            .collect()
    }
}

/// Is `token` the word `base` or one of its regular inflections?
pub fn is_form_of(token: &str, base: &str) -> bool {
    token
        .strip_prefix(base)
        .is_some_and(|ending| ENDINGS.contains(&ending))
        || doubled_form(token, base)
}

/// "rum" → "rummet", "rummene": a short vowel's final consonant doubles
/// before an ending.
fn doubled_form(token: &str, base: &str) -> bool {
    let Some(last) = base.chars().last().filter(|c| !"aeiouyæøå".contains(*c)) else {
        return false;
    };
    token
        .strip_prefix(&format!("{base}{last}"))
        .is_some_and(|ending| !ending.is_empty() && ENDINGS.contains(&ending))
}

/// Is `token` a compound whose last part is a form of `base`?
fn ends_compound(token: &str, base: &str) -> bool {
    token
        .char_indices()
        .skip(MIN_MODIFIER)
        .any(|(at, _)| is_form_of(&token[at..], base))
}

/// Is `token` a compound whose first part is `base` (with a linking "s" or
/// "e", or none) followed by a word of at least three letters?
fn starts_compound(token: &str, base: &str) -> bool {
    let Some(rest) = token.strip_prefix(base) else {
        return false;
    };
    let rest = rest
        .strip_prefix(['s', 'e'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(rest);
    rest.chars().count() >= 3 && !ENDINGS.contains(&rest)
}

/// Is `token` a compound with `base` as its first part, or as an inner part
/// after a modifier of at least three letters?
fn inside_compound(token: &str, base: &str) -> bool {
    starts_compound(token, base)
        || token
            .char_indices()
            .skip(MIN_MODIFIER)
            .any(|(at, _)| starts_compound(&token[at..], base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(term: &str, text: &str) -> bool {
        !WordPattern::new(term, true)
            .positions(&words(text), &[])
            .is_empty()
    }

    #[test]
    fn inflections_and_compound_heads_match() {
        assert!(matches("mentorordning", "Mentorordningerne hjælper."));
        assert!(matches("mentor", "en fastholdelsesmentor"));
        assert!(matches("misbruger", "de tidligere misbrugere"));
        assert!(matches("værksted", "i værkstederne"));
        assert!(matches("rum", "i rummet"));
        assert!(matches("psykisk syge", "for psykisk syges pårørende"));
        assert!(matches("§ 94", "en § 94 boform"));
    }

    #[test]
    fn look_alikes_do_not() {
        assert!(!matches("rummelighed", "vil rumme forskellige værksteder"));
        assert!(!matches("rummelighed", "der skal være tid og rum"));
        assert!(!matches("ledige", "lederens råd og som et led i"));
        assert!(
            !matches("mentor", "mentorordning"),
            "a compound's first part is not its head"
        );
        assert!(!matches("fond", "fondsmidler"));
        assert!(!matches("unge", "ungdom"));
    }

    #[test]
    fn prefixes_match_a_compounds_first_part() {
        let pattern = WordPattern::prefix("praktik");
        assert_eq!(
            pattern.positions(&words("en fire ugers praktikperiode"), &[]),
            [3]
        );
        assert_eq!(
            pattern.positions(&words("praktikker i virksomheder"), &[]),
            [0]
        );
        assert!(pattern.positions(&words("praktisk hjælp"), &[]).is_empty());
        let mentor = WordPattern::prefix("mentor");
        assert_eq!(
            mentor.positions(&words("et fastholdelsesmentorforløb"), &[]),
            [1]
        );
        assert!(mentor.positions(&words("dokumentation"), &[]).is_empty());
    }

    #[test]
    fn a_star_stands_for_any_one_word() {
        assert!(matches("drevet af * amt", "men drevet af Århus Amt."));
        assert!(!matches("drevet af * amt", "drevet af kommunen"));
    }

    #[test]
    fn exclusions_stop_a_match() {
        let pattern = WordPattern::new("behandling", true);
        let exclude = vec!["sagsbehandling".to_string()];
        assert!(pattern
            .positions(&words("hurtig sagsbehandling"), &exclude)
            .is_empty());
        assert_eq!(
            pattern.positions(&words("en misbrugsbehandling"), &exclude),
            [1]
        );
    }
}
