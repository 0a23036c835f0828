//! `--format json`: the stable schema documented in the parent module.

use serde_json::json;

use super::{RenderOptions, timings};
use crate::{Report, Status};

pub(super) fn render(report: &Report, opts: &RenderOptions) -> String {
    let findings: Vec<_> = report
        .findings
        .iter()
        .map(|f| {
            let mut v = json!({
                "id": f.id.as_str(),
                "rule_id": f.id.rule_id(),
                "title": f.id.title(),
                "severity": f.id.severity().as_str(),
                "penalty": f.id.penalty(),
                "status": f.status,
                "counted_penalty": if f.status == Status::Fail { f.id.penalty() } else { 0 },
                "evidence": f.evidence,
                "timings": timings(f, opts),
            });
            if !f.checks.is_empty() {
                v["checks"] = json!(f.checks);
            }
            v
        })
        .collect();
    let mut doc = json!({
        "schema": "streamguard.report/v1",
        "tool": { "name": "streamguard", "version": opts.tool_version },
        "kind": report.kind,
        "target": report.target,
        "graded": report.grade().is_some(),
        "score": report.score(),
        "grade": report.grade().map(String::from),
        "tested": report.tested(),
        "inconclusive": report.inconclusive(),
        "untested": report.untested(),
        "total": report.findings.len(),
        "findings": findings,
    });
    if !report.notes.is_empty() {
        doc["notes"] = json!(report.notes);
    }
    if let Some(d) = opts.duration {
        doc["duration_ms"] = json!(d.as_millis() as u64);
    }
    if let Some(scan) = &opts.scan {
        doc["scan"] = scan.summary.clone();
        doc["suppressed"] = scan
            .suppressed
            .iter()
            .map(|s| json!({ "id": s.id.as_str(), "justification": s.justification, "evidence": s.evidence }))
            .collect();
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{
        FindingId,
        render::fixtures::{graded_report, mixed_report},
    };

    #[test]
    fn json_carries_score_grade_tested_and_per_finding_fields() {
        let mut opts = RenderOptions {
            duration: Some(Duration::from_millis(14_210)),
            ..Default::default()
        };
        opts.finding_durations
            .insert(FindingId::F1, Duration::from_millis(5012));
        let v: serde_json::Value = serde_json::from_str(&render(&mixed_report(), &opts)).unwrap();
        assert_eq!(v["schema"], "streamguard.report/v1");
        assert_eq!(v["tool"]["name"], "streamguard");
        assert_eq!(v["score"], 100 - 20 - 6);
        assert_eq!(v["graded"], false);
        assert_eq!(
            v["grade"],
            serde_json::Value::Null,
            "no grade without every verdict"
        );
        assert_eq!(v["tested"], 4);
        assert_eq!(v["inconclusive"], 1);
        assert_eq!(v["untested"], 1);
        assert_eq!(v["findings"][3]["status"], "inconclusive");
        assert_eq!(v["findings"][3]["evidence"][0]["message"], "F4 evidence");
        assert_eq!(v["duration_ms"], 14_210);
        let f1 = &v["findings"][0];
        assert_eq!(f1["id"], "F1");
        assert_eq!(f1["rule_id"], "SG-F1");
        assert_eq!(f1["severity"], "critical");
        assert_eq!(f1["status"], "fail");
        assert_eq!(f1["counted_penalty"], 20);
        assert_eq!(f1["timings"]["probe_ms"], 5012);
        assert_eq!(f1["timings"]["drift_ms"], 3200);
        assert_eq!(f1["evidence"][0]["location"]["line"], 12);
        assert_eq!(v["findings"][2]["status"], "not_tested");
        assert_eq!(v["findings"][2]["counted_penalty"], 0);
        assert!(v.get("notes").is_none());
    }

    #[test]
    fn a_graded_report_carries_its_grade_notes_and_checks() {
        let v: serde_json::Value =
            serde_json::from_str(&render(&graded_report(), &RenderOptions::default())).unwrap();
        assert_eq!(v["graded"], true);
        assert_eq!(v["grade"], "B");
        assert_eq!(v["tested"], 6);
        assert_eq!(v["notes"][0], "a note");
        let checks = &v["findings"][0]["checks"];
        assert_eq!(checks[2]["id"], "revocation");
        assert_eq!(checks[2]["status"], "fail");
        assert!(v["findings"][1].get("checks").is_none());
    }
}
