//! The findings streamguard looks for, and the report both auditors (`audit probe`, `audit scan`)
//! produce: score = 100 − penalties of the findings present.

mod finding;
mod report;

pub use finding::{FindingId, Severity};
pub use report::{Evidence, FindingResult, Location, Report, ReportKind, Status};
