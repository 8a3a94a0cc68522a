//! Text the extraction lost, marked where it was lost. Some PDFs' text
//! layers miss words: the 2020 report's opening paragraph runs
//! "…og Sydhavnscompagniet. indsatserne og dernæst fra JKI. Til", the words
//! between its sentences gone. Nothing in the sources holds them, so they
//! cannot be repaired; `curation/repairs.toml` names each gap (`[[gap]]`:
//! the file, the line, the text it follows and why), and the published text
//! shows it as "[…]", so the words around it are not read as one sentence.
//! A gap whose text is not on its line stops the build, naming the line.

use super::document::Document;
use crate::curation::GapCuration;
use crate::error::Error;

/// What marks lost text in the published page.
pub const GAP_MARK: &str = "[…]";

/// One gap marked in the published text.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    pub file: String,
    pub line: usize,
    /// The text the gap follows.
    pub after: String,
    pub reason: String,
}

/// Marks every curated gap in `documents`: after the only occurrence of its
/// text in the block its line belongs to. Gaps in sources not among them
/// are passed over.
pub fn mark_gaps(documents: &mut [Document], gaps: &[GapCuration]) -> Result<Vec<Gap>, Error> {
    let mut marked = Vec::new();
    for gap in gaps {
        let not_found = |why: &str| {
            Error::at(
                &gap.file,
                gap.line,
                format!(
                    "gap in curation/repairs.toml after \"{}\": {why}",
                    gap.after
                ),
            )
        };
        // A project without that source (a test's, an editor's copy) has no gap to mark.
        if !documents.iter().any(|d| d.source == gap.file) {
            continue;
        }
        let block = documents
            .iter_mut()
            .filter(|d| d.source == gap.file)
            .flat_map(|d| d.blocks.iter_mut())
            .find(|b| (b.first_line..=b.last_line).contains(&gap.line))
            .ok_or_else(|| not_found("no published text on this line"))?;
        let mut found = block.text.match_indices(gap.after.as_str());
        let (at, _) = found
            .next()
            .ok_or_else(|| not_found("the text is not on this line"))?;
        if found.next().is_some() {
            return Err(not_found("the text occurs more than once; give more of it"));
        }
        let end = at + gap.after.len();
        block.text.insert_str(end, &format!(" {GAP_MARK}"));
        marked.push(Gap {
            file: gap.file.clone(),
            line: gap.line,
            after: gap.after.clone(),
            reason: gap.reason.clone(),
        });
    }
    Ok(marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(lines: &[&str]) -> Document {
        Document::test_report("r.txt", lines)
    }

    fn gap(line: usize, after: &str) -> GapCuration {
        GapCuration {
            file: "r.txt".into(),
            line,
            after: after.into(),
            reason: "tabt i udtrækket".into(),
        }
    }

    #[test]
    fn a_gap_is_marked_after_its_text_on_its_line() {
        let mut documents = [document(&[
            "Først.",
            "Hos A og B. indsatserne og dernæst fra C. Til",
        ])];
        let marked = mark_gaps(&mut documents, &[gap(2, "B."), gap(2, "Til")]).expect("marks");
        assert_eq!(marked.len(), 2);
        assert_eq!(
            documents[0].blocks[1].text,
            "Hos A og B. […] indsatserne og dernæst fra C. Til […]"
        );
        assert_eq!(documents[0].blocks[0].text, "Først.");
    }

    #[test]
    fn a_gap_in_a_source_not_ingested_is_passed_over() {
        let mut documents = [document(&["Først."])];
        let mut elsewhere = gap(1, "Først.");
        elsewhere.file = "andet.txt".into();
        assert_eq!(mark_gaps(&mut documents, &[elsewhere]).expect("marks"), []);
        assert_eq!(documents[0].blocks[0].text, "Først.");
    }

    #[test]
    fn a_gap_whose_text_is_missing_or_ambiguous_names_its_line() {
        for (line, after) in [(1, "B."), (2, "X"), (3, "B."), (2, "A")] {
            let mut documents = [document(&["Først.", "Hos A og B. A igen."])];
            let error = mark_gaps(&mut documents, &[gap(line, after)]).expect_err("refused");
            assert_eq!(error.line(), Some(line), "{error}");
        }
    }
}
