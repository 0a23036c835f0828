//! The findings streamguard looks for, and the report both auditors (`audit probe`, `audit scan`)
//! produce: score = 100 − penalties of the findings present.
//!
//! - [`FindingId`]: the catalog F1–F6; [`explain()`] says what each is and how to fix it.
//! - [`Report`]: verdicts with evidence, [`Report::score`], and [`Report::grading`]: a grade
//!   only when every finding passed or failed, otherwise "at most X, not graded".
//! - [`render()`]: text, JSON, SARIF 2.1.0, HTML; [`OutputArgs`] and [`exit`] for the CLI.

pub mod explain;
mod finding;
mod output;
mod render;
mod report;
mod timeline;

pub use explain::explain;
pub use finding::{FindingId, Severity};
pub use output::{OutputArgs, OutputError, exit};
pub use render::{Format, RenderOptions, ScanContext, SuppressedResult, render};
pub use report::{Check, Evidence, FindingResult, Grading, Location, Report, ReportKind, Status};
pub use timeline::{MarkKind, Timeline, TimelineEnd, TimelineMark};
