//! The index built from the committed pages and curation, as `praksis
//! build` writes it.

use praksis::content::ContentTree;
use praksis::curation::Curation;
use praksis::tagging::TaggingCuration;
use praksis_search::IndexFiles;

use super::repo_root;

/// The committed pages, and the index built from them.
pub fn committed_index() -> (ContentTree, IndexFiles) {
    let root = repo_root();
    let tree = ContentTree::load(&root.join("content")).expect("content/ loads");
    let curation = Curation::load(&root.join("curation")).expect("curation/ loads");
    let tagging = TaggingCuration::load(&root.join("curation")).expect("curation/ loads");
    let index =
        praksis::index::build(&tree, &curation, &tagging.vocabularies).expect("index builds");
    (tree, index)
}
