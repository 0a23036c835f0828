//! Renderings of a [`Report`]: human text, JSON, SARIF 2.1.0 and a self-contained HTML page.
//!
//! # JSON schema (`--format json`, stable)
//!
//! ```text
//! {
//!   "schema": "streamguard.report/v1",
//!   "tool": { "name": "streamguard", "version": "0.1.0" },
//!   "kind": "probe" | "scan",
//!   "target": "http://127.0.0.1:50051",
//!   "graded": true,          // every finding has a verdict (pass or fail)
//!   "score": 58,             // 100 − penalties of failed findings; an upper bound when not graded
//!   "grade": "F" | null,     // null when not graded
//!   "tested": 6,             // findings with a pass or fail verdict
//!   "inconclusive": 0, "untested": 0, "total": 6,
//!   "notes": ["…"],          // present when the audit has something to say about itself
//!   "duration_ms": 14210,                       // present when known
//!   "findings": [{
//!     "id": "F1", "rule_id": "SG-F1", "title": "…",
//!     "severity": "critical" | "high" | "medium", "penalty": 20,
//!     "status": "pass" | "fail" | "not_tested" | "inconclusive",
//!     "counted_penalty": 20,                     // penalty if status is fail, else 0
//!     "evidence": [{ "message": "…", "location": { "path", "line", "column" }?, "data": {…}? }],
//!     "checks": [{ "id": "expiry", "label": "…", "status": "…", "evidence": […] }],  // when the finding has sub-probes
//!     "timings": { "probe_ms": 5012, "<measurement>_ms": … }
//!   }],
//!   "scan": { "files": 12, "lines": 3400, "programs": […], "handlers": […],
//!             "skipped": {…} },                // `audit scan` only
//!   "suppressed": [{ "id": "F3", "justification": "…", "evidence": {…} }]   // `audit scan` only
//! }
//! ```
//!
//! `timings` gathers the probe's wall time and every numeric top-level `*_ms` field of the
//! evidence data, checks included (first occurrence wins). Fields are only ever added to this
//! schema; `grade` became nullable when reports that are not graded were introduced.

mod html;
mod json;
mod sarif;
mod text;

use std::{collections::BTreeMap, time::Duration};

use crate::{Evidence, FindingId, Report};

/// An output format of the auditors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text (coloured on a terminal).
    Text,
    /// The stable JSON schema documented in `streamguard_report::render`.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// One self-contained HTML page with per-probe timelines.
    Html,
}

/// What a rendering needs beyond the report itself.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Use ANSI colours (text only). The caller decides, e.g. stdout is a TTY and `NO_COLOR` unset.
    pub color: bool,
    /// The streamguard version printed in JSON, SARIF and HTML.
    pub tool_version: String,
    /// Wall time of the whole audit.
    pub duration: Option<Duration>,
    /// Wall time of each finding's probe.
    pub finding_durations: BTreeMap<FindingId, Duration>,
    /// What a source scan adds (`audit scan` only).
    pub scan: Option<ScanContext>,
}

/// What `audit scan` adds to its report: where paths are relative to, what was scanned and
/// skipped, and the findings silenced in the source.
#[derive(Debug, Clone, Default)]
pub struct ScanContext {
    /// The absolute directory evidence paths are relative to (SARIF `%SRCROOT%`).
    pub root: String,
    /// Files, lines, programs, handlers and what was skipped: the JSON `scan` object. The text
    /// report prints its `"line"` string as the summary line.
    pub summary: serde_json::Value,
    /// Findings silenced by a `streamguard-ignore` comment with a reason.
    pub suppressed: Vec<SuppressedResult>,
}

/// A finding silenced in the source, with the reason given there.
#[derive(Debug, Clone)]
pub struct SuppressedResult {
    pub id: FindingId,
    pub evidence: Evidence,
    pub justification: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            color: false,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            duration: None,
            finding_durations: BTreeMap::new(),
            scan: None,
        }
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, opts),
        Format::Json => json::render(report, opts),
        Format::Sarif => sarif::render(report, opts),
        Format::Html => html::render(report, opts),
    }
}

/// Numeric `*_ms` fields of the evidence data, plus the probe's wall time as `probe_ms`.
pub(crate) fn timings(
    finding: &crate::FindingResult,
    opts: &RenderOptions,
) -> serde_json::Map<String, serde_json::Value> {
    let mut out = serde_json::Map::new();
    if let Some(d) = opts.finding_durations.get(&finding.id) {
        out.insert("probe_ms".into(), (d.as_millis() as u64).into());
    }
    let checks = finding.checks.iter().flat_map(|c| &c.evidence);
    for ev in finding.evidence.iter().chain(checks) {
        let Some(obj) = ev.data.as_object() else {
            continue;
        };
        for (k, v) in obj {
            if k.ends_with("_ms") && v.is_number() && !out.contains_key(k) {
                out.insert(k.clone(), v.clone());
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod fixtures {
    use crate::{
        Check, Evidence, FindingId, FindingResult, Location, MarkKind, Report, ReportKind, Status,
        Timeline, TimelineEnd,
    };

    /// A probe report with one finding of each status, a timeline and a fingerprint.
    pub fn mixed_report() -> Report {
        let timeline = Timeline {
            span_ms: 6000,
            received_ms: (0..50).map(|i| i * 100).collect(),
            sent_ms: vec![0],
            marks: vec![],
            end: Some(TimelineEnd {
                at_ms: 5000,
                status: "OK".into(),
            }),
        }
        .mark(1800, "exp", MarkKind::Expiry)
        .mark(2800, "exp + tolerance", MarkKind::Tolerance);
        let statuses = [
            Status::Fail,
            Status::Pass,
            Status::NotTested,
            Status::Inconclusive,
            Status::Fail,
            Status::Pass,
        ];
        Report {
            kind: ReportKind::Probe,
            target: "http://127.0.0.1:50051 <&>".into(),
            findings: FindingId::ALL
                .into_iter()
                .zip(statuses)
                .map(|(id, status)| FindingResult {
                    id,
                    status,
                    evidence: match id {
                        FindingId::F1 => vec![Evidence {
                            message: "data kept flowing 3.2 s after exp".into(),
                            location: Some(Location {
                                path: "audit.toml".into(),
                                line: 12,
                                column: 1,
                            }),
                            data: serde_json::json!({
                                "drift_ms": 3200,
                                "messages_after_tolerance": 22,
                                "timeline": timeline,
                                "fingerprint": "abc123",
                            }),
                        }],
                        FindingId::F5 => vec![Evidence {
                            message: "a new stream got a fresh allowance of 20 messages".into(),
                            location: None,
                            data: serde_json::json!({"fresh_allowance": 20}),
                        }],
                        _ => vec![Evidence {
                            message: format!("{id} evidence"),
                            location: None,
                            data: serde_json::Value::Null,
                        }],
                    },
                    checks: vec![],
                })
                .collect(),
            notes: vec![],
        }
    }

    /// Every finding observed: F1 failed through its revocation check, the rest passed.
    pub fn graded_report() -> Report {
        let check = |id: &str, label: &str, status: Status, message: &str| Check {
            id: id.into(),
            label: label.into(),
            status,
            evidence: vec![Evidence::note(message)],
        };
        Report {
            kind: ReportKind::Probe,
            target: "http://127.0.0.1:50051".into(),
            findings: FindingId::ALL
                .into_iter()
                .map(|id| match id {
                    FindingId::F1 => FindingResult {
                        id,
                        status: Status::Fail,
                        evidence: vec![Evidence::note("revocation mid-stream failed")],
                        checks: vec![
                            check(
                                "authentication",
                                "authentication at open",
                                Status::Pass,
                                "refused every bad token",
                            ),
                            check(
                                "expiry",
                                "expiry mid-stream",
                                Status::Pass,
                                "the stream ended 120 ms after exp",
                            ),
                            check(
                                "revocation",
                                "revocation mid-stream",
                                Status::Fail,
                                "the stream was still open 3.00 s after revoking jti x",
                            ),
                        ],
                    },
                    _ => FindingResult {
                        id,
                        status: Status::Pass,
                        evidence: vec![Evidence::note(format!("{id} passed"))],
                        checks: vec![],
                    },
                })
                .collect(),
            notes: vec!["a note".into()],
        }
    }
}
