//! Where a source says two things about one course that cannot both hold:
//! the 2022 report's K1 stays away from her placement and asks to have her
//! case closed, yet her status is "ansat i ordinær beskæftigelse". Nothing
//! is changed or guessed: `curation/contradictions.toml` names the course
//! (its source and a line of it), quotes the sentences that disagree and
//! says why, and the course's page and the overviews that count it show the
//! note beside the quotes. A quote that is not in the course's text stops
//! the build, naming the line.

use super::document::Document;
use crate::cases::Disputed;
use crate::curation::ContradictionCuration;
use crate::error::Error;

/// Marks each curated contradiction on its course's record. Contradictions
/// in sources not among `documents` are passed over.
pub fn mark_contradictions(
    documents: &mut [Document],
    curated: &[ContradictionCuration],
) -> Result<(), Error> {
    for entry in curated {
        let fail = |why: String| {
            Error::at(
                &entry.file,
                entry.line,
                format!("contradiction in curation/contradictions.toml: {why}"),
            )
        };
        // A project without that source (a test's, an editor's copy) has none to mark.
        if !documents.iter().any(|d| d.source == entry.file) {
            continue;
        }
        if entry.quotes.len() < 2 {
            return Err(fail("give at least two quotes that disagree".into()));
        }
        // The narrowest document holding the line: the course, not its report.
        let course = documents
            .iter_mut()
            .filter(|d| {
                d.source == entry.file
                    && (d.source_lines.0..=d.source_lines.1).contains(&entry.line)
            })
            .min_by_key(|d| d.source_lines.1 - d.source_lines.0)
            .ok_or_else(|| fail("no published text on this line".into()))?;
        let text = normalize(
            &course
                .blocks
                .iter()
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        if let Some(missing) = entry.quotes.iter().find(|q| !text.contains(&normalize(q))) {
            return Err(fail(format!(
                "\"{missing}\" is not in the text of {}",
                course.title
            )));
        }
        let record = course
            .case
            .as_mut()
            .ok_or_else(|| fail(format!("{} is not a course (a case record)", course.title)))?;
        record.disputed = Some(Disputed {
            quotes: entry.quotes.clone(),
            note: entry.note.clone(),
        });
    }
    Ok(())
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
