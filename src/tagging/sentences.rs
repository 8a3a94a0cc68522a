//! A document as sentences, each analyzed once, and the test whether a
//! sentence mentions a vocabulary entry.

use praksis_search::analyze;

use super::negation::negated_at;
use super::roles::{role, Role};
use super::words::words;
use crate::cases::{case_field, CaseField};
use crate::ingest::{BlockKind, Document, DocumentKind};

pub struct Sentence {
    pub text: String,
    /// Analyzed terms (stemmed, folded): the continuum's features count
    /// mentions as search does.
    pub terms: Vec<String>,
    /// Lower-cased words, for vocabulary terms matched as words.
    pub words: Vec<String>,
    /// Each word's clause number (clauses end at , ; : ( ) and dashes; a
    /// short item of a list continues the clause that began the list).
    pub clauses: Vec<usize>,
    /// For each word, the word a negation or an example before it is
    /// measured from: itself, or for an item of a list the list's first
    /// item ("ikke er misbrug af medicin, stoffer eller alkohol").
    pub list_heads: Vec<usize>,
    /// Lower-cased text, for literal patterns.
    pub lower: String,
    pub is_title: bool,
    /// One of the catalogue's "Nøgleord": a verbless summary of the text,
    /// whose role its words cannot tell ("Mentorordning: et perspektiv …").
    pub is_keyword: bool,
    pub role: Role,
}

impl Sentence {
    /// A sentence of running text, or the title (which describes the effort).
    pub(super) fn new(text: &str, is_title: bool) -> Sentence {
        Sentence::in_section(text, is_title, false, "")
    }

    /// What a quote of it is: the title, a keyword or a sentence.
    pub(super) fn quoted(&self) -> super::Quoted {
        if self.is_title {
            super::Quoted::Title
        } else if self.is_keyword {
            super::Quoted::Keyword
        } else {
            super::Quoted::Sentence
        }
    }

    /// A keyword: it counts for what the text itself says (see `is_keyword`).
    pub(super) fn keyword(text: &str) -> Sentence {
        Sentence {
            is_keyword: true,
            ..Sentence::new(text, false)
        }
    }

    /// A sentence in the section under `heading`; `is_heading` for the
    /// heading's own text.
    pub(super) fn in_section(
        text: &str,
        is_title: bool,
        is_heading: bool,
        heading: &str,
    ) -> Sentence {
        let Clauses {
            words,
            clauses,
            list_heads,
        } = clauses(text);
        let role = if is_title {
            Role::Describes
        } else {
            role(&words, is_heading, heading)
        };
        Sentence {
            text: text.to_string(),
            terms: analyze(text),
            words,
            clauses,
            list_heads,
            lower: text.to_lowercase(),
            is_title,
            is_keyword: false,
            role,
        }
    }
}

/// What ends a clause.
const CLAUSE_ENDS: [char; 7] = [',', ';', ':', '(', ')', '–', '—'];
/// The most words a list item after a comma has ("stoffer eller alkohol").
const MAX_LIST_ITEM: usize = 5;
/// Words that begin a new clause rather than an item of a list.
const CLAUSE_OPENERS: [&str; 14] = [
    "men", "som", "der", "hvor", "når", "hvis", "da", "fordi", "at", "så", "idet", "mens", "og",
    "eller",
];

/// A text's words, each word's clause and list head (see [`Sentence`]).
pub struct Clauses {
    pub words: Vec<String>,
    pub clauses: Vec<usize>,
    pub list_heads: Vec<usize>,
}

pub fn clauses(text: &str) -> Clauses {
    let mut out = Clauses {
        words: Vec::new(),
        clauses: Vec::new(),
        list_heads: Vec::new(),
    };
    let mut clause = 0;
    let mut after_comma = false;
    // The first item of the list the next comma may continue.
    let mut head: Option<usize> = None;
    for part in text.split_inclusive(CLAUSE_ENDS) {
        let part_words = words(part.trim_end_matches(CLAUSE_ENDS));
        let is_item = after_comma
            && head.is_some()
            && (1..=MAX_LIST_ITEM).contains(&part_words.len())
            && !CLAUSE_OPENERS.contains(&part_words[0].as_str());
        if !is_item {
            clause += 1;
            head = None;
        }
        for word in part_words {
            let at = out.words.len();
            out.words.push(word);
            out.clauses.push(clause);
            out.list_heads.push(head.unwrap_or(at));
        }
        if head.is_none() {
            // A list begins with this clause's last word.
            head = out.words.len().checked_sub(1);
        }
        after_comma = part.ends_with(',');
    }
    out
}

/// Abbreviations that end in a full stop but never end a sentence ("ca. 12
/// mdr.", "§ 21, stk. 2", "bl.a. SOF").
const ABBREVIATIONS: [&str; 12] = [
    "ca.", "nr.", "stk.", "pkt.", "kl.", "jf.", "p.t.", "bl.a.", "f.eks.", "fx.", "evt.", "dvs.",
];

/// Splits at ". ", "? ", "! " (one space or more) followed by a capital or digit: good enough for
/// evidence, and never inside "bl.a. at", "ca. 80" or "p.t. En".
pub fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let abbreviated = |end_at: usize| {
        let word = text[..=end_at]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .expect("a split yields at least one piece")
            .to_lowercase();
        ABBREVIATIONS.contains(&word.as_str())
    };
    for (i, &(end_at, end)) in chars.iter().enumerate() {
        // Sources sometimes put two spaces between sentences.
        let spaces = chars[i + 1..].iter().take_while(|(_, c)| *c == ' ').count();
        let Some(&(next_at, next)) = chars.get(i + 1 + spaces) else {
            continue;
        };
        if matches!(end, '.' | '?' | '!')
            && spaces > 0
            && (next.is_uppercase() || next.is_ascii_digit())
            && !(end == '.' && abbreviated(end_at))
        {
            sentences.push(text[start..next_at].trim());
            start = next_at;
        }
    }
    sentences.push(text[start..].trim());
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// Words that open a sentence by pointing back to the one before it ("Dette
/// blev ikke aktuelt", "Han fremhæver …").
const POINTING_BACK: [&str; 5] = ["Dette", "Denne", "Disse", "Han", "Hun"];

/// Whether `sentence` opens with one of [`POINTING_BACK`]: it says what it
/// says only with the sentence before it.
pub fn points_back(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|first| POINTING_BACK.contains(&first))
}

pub fn sentences(document: &Document) -> Vec<Sentence> {
    if document.kind == DocumentKind::Case {
        return course_sentences(document);
    }
    let mut out = vec![Sentence::new(&document.title, true)];
    out.extend(document.keywords.iter().map(|k| Sentence::keyword(k)));
    let mut heading = "";
    // The role of a sentence that introduces a bulleted list ("Tilbudet …
    // omfatter:"), which its items take when their own words say no more.
    let mut lead_in: Option<Role> = None;
    for block in &document.blocks {
        let is_heading = matches!(block.kind, BlockKind::Heading(_));
        if is_heading {
            heading = &block.text;
        }
        let start = out.len();
        out.extend(
            split_sentences(&block.text)
                .into_iter()
                .map(|s| Sentence::in_section(s, false, is_heading, heading)),
        );
        if block.kind == BlockKind::ListItem {
            if let Some(role) = lead_in {
                for item in &mut out[start..] {
                    item.role = item_role(item.role, role);
                }
            }
            continue;
        }
        lead_in = out[start..]
            .last()
            .filter(|s| !is_heading && s.text.trim_end().ends_with(':'))
            .map(|s| s.role)
            .filter(|role| *role != Role::Figure);
    }
    out
}

/// A case's sentences: each field's text without its label, in the role the
/// field gives it. A label ("Virksomhedspraktik/småjob m.m.:") names what the
/// field is about, not what the course did ("Der blev ikke etableret
/// virksomhedspraktik eller småjob"), and the title states the outcome.
fn course_sentences(document: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut field = None;
    for block in document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
    {
        // An unlabelled paragraph continues the field before it.
        let text = match case_field(&block.text) {
            Some((this, value)) => {
                field = Some(this);
                value
            }
            None => block.text.as_str(),
        };
        let Some(field) = field else { continue };
        for text in split_sentences(text) {
            let mut sentence = Sentence::new(text, false);
            match field {
                // Age and dates say nothing a tag could rest on.
                CaseField::Age | CaseField::Period => continue,
                CaseField::Purpose => sentence.role = Role::Goal,
                CaseField::Housing => sentence.role = Role::Background,
                CaseField::Result => sentence.role = Role::Result,
                // What the course did, read as running text: a wish or the
                // person's past stays one. But the field tells its steps in
                // the past tense ("K5 blev tilknyttet jobklub"), and a purpose
                // clause ("et fastholdelsesmentorforløb, hvor formålet har
                // været …") explains a step taken: neither is a result or goal.
                CaseField::InternalActivities
                | CaseField::SocialIntervention
                | CaseField::WorkPlacement => {
                    if matches!(sentence.role, Role::Goal | Role::Result) {
                        sentence.role = Role::Describes;
                    }
                }
            }
            out.push(sentence);
        }
    }
    out
}

/// A list item's role under a lead-in of role `lead_in`: a few words
/// ("Ambulant behandling") or a plain statement take the lead-in's role; an
/// item whose own words say more (a wish, a result) keeps its own.
fn item_role(own: Role, lead_in: Role) -> Role {
    match own {
        Role::Figure | Role::Describes => lead_in,
        other => other,
    }
}

/// A phrase as the analyzed terms that must follow each other.
#[derive(Clone, Debug)]
pub struct Phrase {
    terms: Vec<String>,
}

impl Phrase {
    pub fn new(text: &str) -> Phrase {
        Phrase {
            terms: analyze(text),
        }
    }

    pub fn occurs_in(&self, sentence: &Sentence) -> bool {
        !self.terms.is_empty()
            && sentence
                .terms
                .windows(self.terms.len())
                .any(|window| window == self.terms.as_slice())
    }

    /// Does the phrase occur, and not only after a negation in its clause
    /// ("ingen uddannelse"), by the rule tags follow (`negation::negated_at`)?
    /// Its first term is looked for among the sentence's words; a phrase
    /// whose word cannot be found that way counts as it occurs.
    pub fn occurs_unnegated_in(&self, s: &Sentence) -> bool {
        if !self.occurs_in(s) {
            return false;
        }
        let first = &self.terms[0];
        let mut found = s
            .words
            .iter()
            .enumerate()
            .filter(|(_, word)| analyze(word).contains(first))
            .map(|(at, _)| at)
            .peekable();
        found.peek().is_none()
            || found.any(|at| {
                !negated_at(&s.words, &s.clauses, at)
                    && !negated_at(&s.words, &s.clauses, s.list_heads[at])
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            split_sentences("Der er bl.a. et værksted. Det virker! 80 % bliver."),
            ["Der er bl.a. et værksted.", "Det virker!", "80 % bliver."]
        );
        // An abbreviation before a number or a name ends no sentence.
        assert_eq!(
            split_sentences("Der er p.t. ca. 12 mdr.s ventetid, jf. § 21, stk. 2. Det forhaler."),
            [
                "Der er p.t. ca. 12 mdr.s ventetid, jf. § 21, stk. 2.",
                "Det forhaler."
            ]
        );
        // Two spaces between sentences, as some sources have.
        assert_eq!(
            split_sentences("Lederne var under pres.  Flere ressourcer vil kunne hjælpe."),
            [
                "Lederne var under pres.",
                "Flere ressourcer vil kunne hjælpe."
            ]
        );
    }

    #[test]
    fn a_short_list_item_continues_the_clause_that_began_the_list() {
        let c = clauses(
            "Medlemskab forudsætter, at der ikke er misbrug af medicin, stoffer eller alkohol",
        );
        let at = |w: &str| c.words.iter().position(|x| x == w).expect("word");
        assert_eq!(c.clauses[at("alkohol")], c.clauses[at("medicin")]);
        assert_eq!(c.list_heads[at("alkohol")], at("medicin"));
        assert_eq!(c.list_heads[at("ikke")], at("ikke"));
        // A clause that opens with "men", "som" … is no item.
        let c = clauses("De har ikke fast bolig, men får en mentor");
        assert_ne!(c.clauses[0], c.clauses[c.words.len() - 1]);
        let c = clauses("tidligere misbrugere, der kan indgå som rollemodel");
        assert_ne!(c.clauses[0], c.clauses[c.words.len() - 1]);
    }

    #[test]
    fn bulleted_items_take_the_role_of_their_lead_in() {
        use crate::ingest::{Block, DocumentKind};
        let block = |kind: BlockKind, text: &str| Block {
            kind,
            text: text.to_string(),
            first_line: 1,
            last_line: 1,
        };
        let document = Document {
            kind: DocumentKind::Example,
            title: "Møllegruppen".to_string(),
            slug: "moellegruppen".to_string(),
            weight: 1,
            section_number: None,
            source: String::new(),
            source_lines: (1, 1),
            pages: None,
            alternative_sources: Vec::new(),
            keywords: Vec::new(),
            blocks: vec![
                block(BlockKind::Paragraph, "Tilbudet i Møllegruppen omfatter:"),
                block(BlockKind::ListItem, "Ambulant behandling"),
                block(BlockKind::Paragraph, "Af væsentlige delmål kan nævnes:"),
                block(
                    BlockKind::ListItem,
                    "At deltagerne (gen)integreres i gamle og nye netværk",
                ),
                block(
                    BlockKind::Paragraph,
                    "Hovedparten arbejder i haveordningen.",
                ),
                block(BlockKind::ListItem, "Skovarbejde"),
            ],
            footnotes: Vec::new(),
            case: None,
            published: None,
        };
        let roles: Vec<(String, Role)> = sentences(&document)
            .into_iter()
            .map(|s| (s.text, s.role))
            .collect();
        let role_of = |text: &str| {
            roles
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, role)| *role)
                .expect("sentence")
        };
        assert_eq!(role_of("Ambulant behandling"), Role::Describes);
        assert_eq!(
            role_of("At deltagerne (gen)integreres i gamle og nye netværk"),
            Role::Goal
        );
        // No lead-in (no colon): a few words stay a figure's text.
        assert_eq!(role_of("Skovarbejde"), Role::Figure);
    }

    #[test]
    fn a_phrase_after_a_negation_in_its_clause_does_not_count() {
        let education = Phrase::new("uddannelse");
        let none = Sentence::new(
            "Der er tale om personer med ringe skolekundskaber og ingen uddannelse.",
            false,
        );
        assert!(education.occurs_in(&none));
        assert!(!education.occurs_unnegated_in(&none));
        let some = Sentence::new("De har ingen bolig, men de får en uddannelse.", false);
        assert!(education.occurs_unnegated_in(&some));
    }

    #[test]
    fn phrases_match_inflected_forms_in_order() {
        let sentence = Sentence::new("Mentorordningerne hjælper flygtningene.", false);
        assert!(Phrase::new("mentorordning").occurs_in(&sentence));
        assert!(Phrase::new("flygtning").occurs_in(&sentence));
        assert!(!Phrase::new("hjælper mentorordning").occurs_in(&sentence));
    }
}
