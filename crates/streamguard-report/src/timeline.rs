//! The timeline a probe records for the HTML report: messages against the moments that matter.

use serde::{Deserialize, Serialize};

/// What a probe saw over time, in milliseconds from the start of its observation.
///
/// A probe stores it in `Evidence::data["timeline"]`; the HTML report draws it as an SVG.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Length of the observation window.
    pub span_ms: u64,
    /// When each message from the target arrived.
    #[serde(default)]
    pub received_ms: Vec<u64>,
    /// When each message to the target was sent.
    #[serde(default)]
    pub sent_ms: Vec<u64>,
    /// Moments of interest: expiry, revocation, cancel, deadline, tolerance limits.
    #[serde(default)]
    pub marks: Vec<TimelineMark>,
    /// When the stream ended, and how (e.g. `UNAUTHENTICATED token_expired`); `None` = still open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<TimelineEnd>,
}

/// A labelled moment on a [`Timeline`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineMark {
    pub at_ms: u64,
    pub label: String,
    pub kind: MarkKind,
}

/// The end of the observed stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEnd {
    pub at_ms: u64,
    pub status: String,
}

/// What a [`TimelineMark`] stands for; fixes its colour in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Expiry,
    Revocation,
    Cancel,
    Deadline,
    /// The last moment at which the behaviour is still acceptable.
    Tolerance,
    /// A downstream (canary) observation.
    Downstream,
    Other,
}

impl Timeline {
    /// Adds a mark; returns `self` for chaining.
    pub fn mark(mut self, at_ms: u64, label: impl Into<String>, kind: MarkKind) -> Self {
        self.marks.push(TimelineMark {
            at_ms,
            label: label.into(),
            kind,
        });
        self
    }

    /// Reads a timeline back from evidence data, if it holds one.
    pub fn from_data(data: &serde_json::Value) -> Option<Self> {
        serde_json::from_value(data.get("timeline")?.clone()).ok()
    }
}
