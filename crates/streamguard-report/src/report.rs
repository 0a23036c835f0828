//! The result of one audit of one target, and its score.

use serde::{Deserialize, Serialize};

use crate::FindingId;

/// The verdict on one finding for one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The weakness was looked for and is absent.
    Pass,
    /// The weakness is present: its penalty counts.
    Fail,
    /// Not looked for (no probe configured, or no handler of that kind found).
    NotTested,
    /// Looked for, but the evidence allows no verdict (says why in the evidence).
    Inconclusive,
}

/// Where in a file a piece of evidence points (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub path: String,
    pub line: u32,
    pub column: u32,
}

/// One observation backing a verdict: a measurement of the probe or a line the scanner flagged.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Evidence {
    /// A short sentence a human reads ("data kept flowing 4.2 s after exp").
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Measured numbers or scanner details (handler, confidence, …), free-form but stable per probe.
    #[serde(skip_serializing_if = "serde_json::Value::is_null", default)]
    pub data: serde_json::Value,
}

/// The verdict on one finding with its evidence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FindingResult {
    pub id: FindingId,
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

/// Which auditor made the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    Probe,
    Scan,
}

/// The audit of one target: an endpoint (probe) or a source tree (scan).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub kind: ReportKind,
    /// The endpoint or directory audited.
    pub target: String,
    /// One entry per finding F1–F6, in order.
    pub findings: Vec<FindingResult>,
}

impl Report {
    /// 100 minus the penalty of every finding that failed; a finding counts once.
    pub fn score(&self) -> u32 {
        let mut failed: Vec<FindingId> = self
            .findings
            .iter()
            .filter(|f| f.status == Status::Fail)
            .map(|f| f.id)
            .collect();
        failed.sort();
        failed.dedup();
        100u32.saturating_sub(failed.iter().map(|f| f.penalty()).sum())
    }

    /// How many findings were actually looked for (pass, fail or inconclusive).
    pub fn tested(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.status != Status::NotTested)
            .count()
    }

    /// Letter grade of the score: A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
    pub fn grade(&self) -> char {
        match self.score() {
            90.. => 'A',
            80..=89 => 'B',
            70..=79 => 'C',
            60..=69 => 'D',
            _ => 'F',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(statuses: [Status; 6]) -> Report {
        Report {
            kind: ReportKind::Probe,
            target: "t".into(),
            findings: FindingId::ALL
                .into_iter()
                .zip(statuses)
                .map(|(id, status)| FindingResult {
                    id,
                    status,
                    evidence: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn all_findings_failing_scores_42_and_grade_f() {
        let r = report([Status::Fail; 6]);
        assert_eq!(r.score(), 42);
        assert_eq!(r.grade(), 'F');
    }

    #[test]
    fn only_failures_cost_points() {
        use Status::*;
        let r = report([Pass, Fail, NotTested, Inconclusive, Pass, Fail]);
        assert_eq!(r.score(), 100 - 12 - 4);
        assert_eq!(r.tested(), 5);
    }
}
