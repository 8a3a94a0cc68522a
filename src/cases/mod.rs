//! The candidate cases of local reports (K1, K2 …), in one place: finding them
//! in a report's text (`split.rs`), their structured record and outcome
//! categories (`record.rs`, what case pages carry in `[extra.case]`), and the
//! figures drawn from the records (`charts.rs`, with `bar_chart.rs` drawing
//! the SVG), what a course contains (`elements.rs`) and what the records add
//! up to (`overview.rs`), read as a sequence of steps (`stages.rs`) and as
//! what is typical of them (`typical.rs`), with the counted courses their
//! reports say otherwise of elsewhere (`caveats.rs`) and the courses that
//! ran past the end their report states (`date_claims.rs`).

mod bar_chart;
mod caveats;
mod charts;
mod date_claims;
mod elements;
mod overview;
mod record;
mod split;
mod stages;
mod typical;

pub use caveats::Caveat;
pub use charts::{chart_files, chart_markdown, charts_of, CHART_DIR};
pub use date_claims::{date_conflicts, DateConflict};
pub use elements::{elements_of, ELEMENTS};
pub use overview::{
    overview, CaseOverview, CasePage, ElementCount, SUPPORTED_WORK, WORK_OR_EDUCATION,
};
pub use record::{outcome_of, CaseRecord, OTHER_OUTCOME, OUTCOMES};
pub use split::{labelled as case_field, split_cases, CaseField};
pub use stages::{CourseStep, EFFORT_STEPS, PURPOSE_AIMS};
pub use typical::Typical;
