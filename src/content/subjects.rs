//! Subject words (emneord) from `curation/subjects.toml`: what a page is about
//! in the reader's words where its text says it otherwise ("bostedsløse" for
//! a page about "hjemløse"), as a library indexer adds subject headings. Each
//! rests on a sentence of the page, quoted verbatim: the build refuses one
//! the page does not hold, so every word a search matches on can be traced.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{line_and_column, Error};

pub const SUBJECTS_FILE: &str = "subjects.toml";
/// Fewer words than this do not show what a subject word rests on.
const MIN_SENTENCE_WORDS: usize = 6;

/// One subject word of a page, as its front matter carries it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// A word or short phrase a reader might type.
    pub words: String,
    /// The page's own words it rests on, verbatim.
    pub sentence: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectsFile {
    #[serde(default)]
    page: Vec<PageEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageEntry {
    /// The page's path under `content/` without ".md".
    path: Spanned<String>,
    subjects: Vec<SubjectEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubjectEntry {
    words: Spanned<String>,
    sentence: Spanned<String>,
}

/// Every page's subject words, with where each stands in the file for errors.
#[derive(Debug, Default)]
pub struct Subjects {
    file: String,
    /// Content path ("eksempler/x.md") → its subjects, each with its line.
    pages: BTreeMap<String, Vec<(Subject, usize)>>,
    /// The line of each page's `path`, to name a page no source gives.
    page_lines: BTreeMap<String, usize>,
}

impl Subjects {
    /// Reads `dir/subjects.toml`; a missing file means no subject words.
    pub fn load(dir: &Path) -> Result<Subjects, Error> {
        let path = dir.join(SUBJECTS_FILE);
        if !path.exists() {
            return Ok(Subjects::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|err| Error::io(&path, err))?;
        Subjects::parse(&path.display().to_string(), &text)
    }

    pub fn parse(file: &str, text: &str) -> Result<Subjects, Error> {
        let parsed: SubjectsFile = toml::from_str(text).map_err(|err| {
            let (line, column) = err
                .span()
                .map_or((1, 1), |span| line_and_column(text, span.start));
            Error::at_column(file, line, column, err.message())
        })?;
        let line_of = |start: usize| line_and_column(text, start).0;
        let mut subjects = Subjects {
            file: file.to_string(),
            ..Subjects::default()
        };
        for entry in parsed.page {
            let line = line_of(entry.path.span().start);
            let content_path = format!("{}.md", entry.path.get_ref().trim_end_matches('/'));
            if subjects
                .page_lines
                .insert(content_path.clone(), line)
                .is_some()
            {
                return Err(Error::at(
                    file,
                    line,
                    format!("page \"{}\" is listed twice", entry.path.get_ref()),
                ));
            }
            let mut list = Vec::new();
            for subject in entry.subjects {
                let line = line_of(subject.words.span().start);
                let words = subject.words.into_inner().trim().to_string();
                let sentence = subject.sentence.into_inner();
                if words.is_empty() {
                    return Err(Error::at(file, line, "a subject word is empty"));
                }
                if sentence.split_whitespace().count() < MIN_SENTENCE_WORDS {
                    return Err(Error::at(
                        file,
                        line,
                        format!(
                            "\"{words}\" rests on fewer than {MIN_SENTENCE_WORDS} words of the page: quote the sentence"
                        ),
                    ));
                }
                list.push((Subject { words, sentence }, line));
            }
            subjects.pages.insert(content_path, list);
        }
        Ok(subjects)
    }

    /// The subject words of the page at `content_path`, each checked against
    /// `page_text` (everything the page says, its front matter's text too).
    pub fn of(&self, content_path: &str, page_text: &str) -> Result<Vec<Subject>, Error> {
        let Some(list) = self.pages.get(content_path) else {
            return Ok(Vec::new());
        };
        let text = collapse_whitespace(page_text);
        list.iter()
            .map(|(subject, line)| {
                if text.contains(&collapse_whitespace(&subject.sentence)) {
                    Ok(subject.clone())
                } else {
                    Err(Error::at(
                        &self.file,
                        *line,
                        format!(
                            "\"{}\" rests on words content/{content_path} does not hold: \"{}\"",
                            subject.words, subject.sentence
                        ),
                    ))
                }
            })
            .collect()
    }

    /// A page the file names that the build did not make: its words would
    /// be silently lost.
    pub fn check_pages_exist(&self, generated: &[String]) -> Result<(), Error> {
        match self
            .page_lines
            .iter()
            .find(|(path, _)| !generated.contains(path))
        {
            Some((path, line)) => Err(Error::at(
                &self.file,
                *line,
                format!("no page content/{path} is built from the sources"),
            )),
            None => Ok(()),
        }
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "curation/subjects.toml";

    fn parse(text: &str) -> Result<Subjects, Error> {
        Subjects::parse(FILE, text)
    }

    #[test]
    fn a_subject_rests_on_the_pages_own_words() {
        let subjects = parse(
            "[[page]]\npath = \"eksempler/basen\"\nsubjects = [\n  { words = \"bostedsløse\", sentence = \"for hjemløse og  andre udsatte borgere i byen\" },\n]\n",
        )
        .unwrap();
        let found = subjects
            .of(
                "eksempler/basen.md",
                "Et tilbud for hjemløse og andre\nudsatte borgere i byen.",
            )
            .unwrap();
        assert_eq!(found[0].words, "bostedsløse");
        assert!(subjects.of("eksempler/andet.md", "").unwrap().is_empty());
    }

    #[test]
    fn words_the_page_does_not_hold_name_the_line() {
        let subjects = parse(
            "[[page]]\npath = \"eksempler/basen\"\nsubjects = [\n  { words = \"a\", sentence = \"en to tre fire fem seks\" },\n  { words = \"bostedsløse\", sentence = \"noget siden slet ikke siger her\" },\n]\n",
        )
        .unwrap();
        let err = subjects
            .of("eksempler/basen.md", "en to tre fire fem seks")
            .unwrap_err()
            .to_string();
        assert!(err.contains("curation/subjects.toml:5"), "{err}");
        assert!(err.contains("bostedsløse"), "{err}");
    }

    #[test]
    fn short_quotes_repeated_pages_and_unknown_pages_are_refused() {
        let short =
            "[[page]]\npath = \"a\"\nsubjects = [{ words = \"x\", sentence = \"to ord\" }]\n";
        assert!(parse(short).unwrap_err().to_string().contains(":3"));
        let twice =
            "[[page]]\npath = \"a\"\nsubjects = []\n[[page]]\npath = \"a\"\nsubjects = []\n";
        assert!(parse(twice).unwrap_err().to_string().contains(":5"));
        let unknown = parse("[[page]]\npath = \"eksempler/x\"\nsubjects = []\n").unwrap();
        assert!(unknown
            .check_pages_exist(&["eksempler/y.md".to_string()])
            .is_err());
        assert!(unknown
            .check_pages_exist(&["eksempler/x.md".to_string()])
            .is_ok());
    }
}
