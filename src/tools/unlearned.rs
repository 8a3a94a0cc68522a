//! The ranking on queries it did not learn from. The index learns which
//! pages the words of the tuned-on judged queries point to (praksis_search's
//! `judged`), so a tuned-on set scored on the published index is scored on
//! queries the index learned from, and a held-out query that a tuned-on set
//! also asks, word for word, is one it learned. Here each set is scored on
//! an index that learned from neither its queries nor any query of the same
//! text: a tuned-on set on one that learned from the other three, the
//! held-out set on one that learned from the tuned-on sets less the queries
//! it asks too. These are the figures that say how the learning carries to
//! queries nobody judged.

use std::collections::BTreeSet;
use std::path::PathBuf;

use praksis_search::Engine;

use crate::content::ContentTree;
use crate::curation::Curation;
use crate::error::Error;
use crate::judged_queries::{same_words, tuning_queries_except};
use crate::pipeline::Project;
use crate::tagging::TaggingCuration;

/// Builds indexes of the project's pages that learn from chosen judged queries.
pub struct Unlearned {
    curation_dir: PathBuf,
    tree: ContentTree,
    curation: Curation,
    tagging: TaggingCuration,
}

impl Unlearned {
    pub fn load(project: &Project) -> Result<Unlearned, Error> {
        Ok(Unlearned {
            curation_dir: project.curation(),
            tree: ContentTree::load(&project.content())?,
            curation: Curation::load(&project.curation())?,
            tagging: TaggingCuration::load(&project.curation())?,
        })
    }

    /// An engine on an index that learned from the tuned-on sets except
    /// `set_file` (if it is one), and from no query whose text is one of
    /// `texts`, case and spacing aside.
    pub fn engine_without(&self, set_file: &str, texts: &[String]) -> Result<Engine, Error> {
        let asked: BTreeSet<String> = texts.iter().map(|text| same_words(text)).collect();
        let mut learned = tuning_queries_except(&self.curation_dir, Some(set_file))?;
        learned.retain(|judged| !asked.contains(&same_words(&judged.text)));
        let mut curation = self.curation.clone();
        curation.judged_queries = learned;
        let index = crate::index::build(&self.tree, &curation, &self.tagging.vocabularies)?;
        let manifest = index.manifest.to_json();
        Engine::from_files(manifest.as_bytes(), index.files)
            .map_err(|err| Error::search("the index built for unlearned queries", err))
    }
}
