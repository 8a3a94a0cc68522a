//! The `content/` tree on disk, both ways: writing it without losing what a
//! person wrote (`write.rs`), and loading it as Zola would (`load.rs`) for
//! every stage after content (index, export, site) and the tools describing
//! a build.

mod load;
mod write;

pub use load::{ContentTree, LoadedPage, LoadedSection};
pub use write::{check, plan, update, ContentFile, ContentPlan, Drift, Kept};
