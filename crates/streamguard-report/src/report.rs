//! The result of one audit of one target, its score, and whether it earned a grade.

use serde::{Deserialize, Serialize};

use crate::FindingId;

/// The verdict on one finding (or one check of it) for one target.
///
/// Only `Pass` and `Fail` are verdicts: a finding without one is never graded (see
/// [`Report::grading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The weakness was looked for and is absent.
    Pass,
    /// The weakness is present: its penalty counts.
    Fail,
    /// Not looked for (no probe configured or possible, or no handler of that kind found).
    NotTested,
    /// Looked for, but the evidence allows no verdict (says why in the evidence).
    Inconclusive,
}

impl Status {
    /// Pass or fail: the finding was observed.
    pub fn is_verdict(self) -> bool {
        matches!(self, Self::Pass | Self::Fail)
    }

    /// `pass`, `fail`, `not tested`, `inconclusive`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::NotTested => "not tested",
            Self::Inconclusive => "inconclusive",
        }
    }
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

impl Evidence {
    /// Evidence that is only a sentence.
    pub fn note(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            location: None,
            data: serde_json::Value::Null,
        }
    }
}

/// One sub-probe of a finding (F1: authentication at open, expiry, revocation), with its own
/// verdict and evidence; the finding's status is derived from its checks.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    /// Stable key: `authentication`, `expiry`, `revocation`.
    pub id: String,
    /// What a human reads: "authentication at open".
    pub label: String,
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

/// The verdict on one finding with its evidence.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FindingResult {
    pub id: FindingId,
    pub status: Status,
    pub evidence: Vec<Evidence>,
    /// The sub-probes that decided `status`, when the finding has several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
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
    /// Facts about the whole audit a reader must see next to the score (one line each), e.g.
    /// "no credentials were given: only authentication at open was probed".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The score a report earned: a grade only when every finding has a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grading {
    /// Every finding passed or failed: the score is exact.
    Graded { score: u32, grade: char },
    /// Some findings were inconclusive or not tested: the score is an upper bound.
    NotGraded {
        at_most: u32,
        inconclusive: usize,
        untested: usize,
    },
}

impl Grading {
    /// "score 74/100 (grade C)" or "score at most 100/100 · not graded (4 findings inconclusive
    /// or untested)".
    pub fn headline(&self) -> String {
        match *self {
            Self::Graded { score, grade } => format!("score {score}/100 (grade {grade})"),
            Self::NotGraded {
                at_most,
                inconclusive,
                untested,
            } => {
                let k = inconclusive + untested;
                let findings = if k == 1 { "finding" } else { "findings" };
                format!(
                    "score at most {at_most}/100 · not graded ({k} {findings} inconclusive or untested)"
                )
            }
        }
    }

    pub fn grade(&self) -> Option<char> {
        match *self {
            Self::Graded { grade, .. } => Some(grade),
            Self::NotGraded { .. } => None,
        }
    }
}

impl Report {
    /// 100 minus the penalty of every finding that failed; a finding counts once. When the
    /// report is not graded this is an upper bound ("at most").
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

    /// How many findings were observed: a pass or fail verdict.
    pub fn tested(&self) -> usize {
        self.count(Status::Pass) + self.count(Status::Fail)
    }

    /// How many findings were looked for without a verdict.
    pub fn inconclusive(&self) -> usize {
        self.count(Status::Inconclusive)
    }

    /// How many findings were not looked for.
    pub fn untested(&self) -> usize {
        self.count(Status::NotTested)
    }

    fn count(&self, status: Status) -> usize {
        self.findings.iter().filter(|f| f.status == status).count()
    }

    /// The grade when every finding has a verdict; otherwise the score is only an upper bound.
    pub fn grading(&self) -> Grading {
        let score = self.score();
        if self.findings.iter().all(|f| f.status.is_verdict()) {
            Grading::Graded {
                score,
                grade: letter(score),
            }
        } else {
            Grading::NotGraded {
                at_most: score,
                inconclusive: self.inconclusive(),
                untested: self.untested(),
            }
        }
    }

    /// Letter grade (A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F), only when the report is graded.
    pub fn grade(&self) -> Option<char> {
        self.grading().grade()
    }

    /// `--require-all`: every finding without a verdict (inconclusive or not tested) counts as
    /// failed, with a line saying so. Returns how many there were.
    pub fn require_all(&mut self) -> usize {
        let mut n = 0;
        for f in &mut self.findings {
            if !f.status.is_verdict() {
                f.evidence.push(Evidence::note(format!(
                    "{}, and --require-all counts a finding without a verdict as failed",
                    f.status.as_str()
                )));
                f.status = Status::Fail;
                n += 1;
            }
        }
        n
    }
}

fn letter(score: u32) -> char {
    match score {
        90.. => 'A',
        80..=89 => 'B',
        70..=79 => 'C',
        60..=69 => 'D',
        _ => 'F',
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
                    checks: vec![],
                })
                .collect(),
            notes: vec![],
        }
    }

    #[test]
    fn all_findings_failing_scores_42_and_grade_f() {
        let r = report([Status::Fail; 6]);
        assert_eq!(r.score(), 42);
        assert_eq!(r.grade(), Some('F'));
        assert_eq!(r.grading().headline(), "score 42/100 (grade F)");
    }

    #[test]
    fn only_failures_cost_points_and_only_verdicts_count_as_tested() {
        use Status::*;
        let r = report([Pass, Fail, NotTested, Inconclusive, Pass, Fail]);
        assert_eq!(r.score(), 100 - 12 - 4);
        assert_eq!(r.tested(), 4, "inconclusive is not tested");
        assert_eq!((r.inconclusive(), r.untested()), (1, 1));
    }

    #[test]
    fn a_report_with_any_finding_unobserved_gets_no_grade_only_an_upper_bound() {
        use Status::*;
        let r = report([Pass, Pass, Pass, Pass, Pass, Inconclusive]);
        assert_eq!(r.grade(), None);
        assert_eq!(
            r.grading(),
            Grading::NotGraded {
                at_most: 100,
                inconclusive: 1,
                untested: 0
            }
        );
        assert_eq!(
            r.grading().headline(),
            "score at most 100/100 · not graded (1 finding inconclusive or untested)"
        );
        let r = report([NotTested; 6]);
        assert_eq!(r.grade(), None, "nothing observed, nothing graded");
        assert!(r.grading().headline().contains("(6 findings"));
    }

    #[test]
    fn require_all_fails_inconclusive_and_untested_findings_and_then_grades() {
        use Status::*;
        let mut r = report([Pass, Inconclusive, NotTested, Pass, Pass, Pass]);
        assert_eq!(r.require_all(), 2);
        assert_eq!(r.findings[1].status, Fail);
        assert!(r.findings[1].evidence[0].message.contains("--require-all"));
        assert_eq!(r.score(), 100 - 12 - 8);
        assert_eq!(r.grade(), Some('B'));
    }
}
