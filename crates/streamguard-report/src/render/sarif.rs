//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! One rule per finding (`SG-F1` … `SG-F6`) with `properties.security-severity` and the
//! explanation as help; one result per failed finding and location. An inconclusive finding is a
//! result of `kind: "review"` (level `none`) carrying its reason: a human must look, it did not
//! pass. A scanner fingerprint in `evidence.data["fingerprint"]` becomes `partialFingerprints`.
//! For `audit scan`, locations are relative to `%SRCROOT%` (given in `originalUriBaseIds`) and
//! findings silenced in the source are results carrying `suppressions`.

use serde_json::{Value, json};

use super::RenderOptions;
use crate::{Check, Evidence, FindingId, FindingResult, Report, Severity, Status, explain};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const FINGERPRINT_KEY: &str = "streamguardFingerprint/v1";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
    }
}

/// GitHub maps > 9.0 to critical, 7.0–8.9 to high, 4.0–6.9 to medium.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "7.5",
        Severity::Medium => "5.0",
    }
}

fn rule(id: FindingId) -> Value {
    json!({
        "id": id.rule_id(),
        "name": id.title().replace(|c: char| !c.is_ascii_alphanumeric(), ""),
        "shortDescription": { "text": id.title() },
        "fullDescription": { "text": explain::summary(id) },
        "help": { "text": explain::explain(id), "markdown": explain::explain(id) },
        "defaultConfiguration": { "level": level(id.severity()) },
        "properties": {
            "security-severity": security_severity(id.severity()),
            "problem.severity": if id.severity() == Severity::Medium { "warning" } else { "error" },
            "precision": "high",
            "tags": ["security", "grpc", "streaming", id.severity().as_str()],
            "penalty": id.penalty(),
        }
    })
}

fn location(ev: &Evidence, relative_to_root: bool) -> Option<Value> {
    let l = ev.location.as_ref()?;
    let mut artifact = json!({ "uri": uri_path(&l.path) });
    if relative_to_root {
        artifact["uriBaseId"] = json!(SRCROOT);
    }
    Some(json!({
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": { "startLine": l.line.max(1), "startColumn": l.column.max(1) }
        }
    }))
}

const SRCROOT: &str = "%SRCROOT%";

/// A path as a URI reference: `/`-separated, with the characters a URI cannot hold escaped.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:@!$&'()*+,;=".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(
    report: &Report,
    f: &FindingResult,
    message: String,
    ev: Option<&Evidence>,
    opts: &RenderOptions,
) -> Value {
    let located = ev.and_then(|e| location(e, opts.scan.is_some()));
    let mut r = json!({
        "ruleId": f.id.rule_id(),
        "ruleIndex": FindingId::ALL.iter().position(|x| *x == f.id).unwrap_or(0),
        "level": level(f.id.severity()),
        "message": { "text": message },
        "locations": located.map(|l| vec![l]).unwrap_or_default(),
        "properties": { "target": report.target, "findingId": f.id.as_str() },
    });
    if let Some(fp) = ev
        .and_then(|e| e.data.get("fingerprint"))
        .and_then(Value::as_str)
    {
        r["partialFingerprints"] = json!({ FINGERPRINT_KEY: fp });
    }
    if let Some(data) = ev.map(|e| &e.data).filter(|d| !d.is_null()) {
        r["properties"]["evidence"] = data.clone();
    }
    r
}

/// The checks that decided a finding's status (those with that status), if it has checks.
fn deciding_checks(f: &FindingResult) -> impl Iterator<Item = &Check> {
    f.checks.iter().filter(move |c| c.status == f.status)
}

/// One result for the whole finding: its evidence and that of the checks that decided it.
fn summary_result(report: &Report, f: &FindingResult, opts: &RenderOptions) -> Value {
    let mut parts = vec![f.id.title().to_string()];
    if f.status == Status::Inconclusive {
        parts.push("inconclusive".into());
    }
    parts.extend(f.evidence.iter().map(|e| e.message.clone()));
    for c in deciding_checks(f) {
        let msgs: Vec<&str> = c.evidence.iter().map(|e| e.message.as_str()).collect();
        parts.push(format!(
            "{} ({}): {}",
            c.label,
            c.status.as_str(),
            msgs.join("; ")
        ));
    }
    let located = f
        .evidence
        .iter()
        .chain(deciding_checks(f).flat_map(|c| &c.evidence))
        .find(|e| e.location.is_some())
        .or_else(|| f.evidence.first());
    result(report, f, parts.join(" — "), located, opts)
}

pub(super) fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut results = Vec::new();
    for f in &report.findings {
        match f.status {
            Status::Fail => {
                let located: Vec<&Evidence> =
                    f.evidence.iter().filter(|e| e.location.is_some()).collect();
                if located.is_empty() || !f.checks.is_empty() {
                    // No file to point at, or sub-probes: one result carrying every observation.
                    results.push(summary_result(report, f, opts));
                } else {
                    for ev in located {
                        let msg = format!("{}: {}", f.id.title(), ev.message);
                        results.push(result(report, f, msg, Some(ev), opts));
                    }
                }
            }
            Status::Inconclusive => {
                let mut r = summary_result(report, f, opts);
                r["kind"] = json!("review");
                r["level"] = json!("none");
                results.push(r);
            }
            Status::Pass | Status::NotTested => {}
        }
    }
    if let Some(scan) = &opts.scan {
        for s in &scan.suppressed {
            let f = FindingResult {
                id: s.id,
                status: Status::Fail,
                evidence: Vec::new(),
                checks: Vec::new(),
            };
            let msg = format!("{}: {}", s.id.title(), s.evidence.message);
            let mut r = result(report, &f, msg, Some(&s.evidence), opts);
            r["suppressions"] = json!([{ "kind": "inSource", "justification": s.justification }]);
            results.push(r);
        }
    }
    let mut doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "streamguard",
                "semanticVersion": opts.tool_version,
                "version": opts.tool_version,
                "rules": FindingId::ALL.into_iter().map(rule).collect::<Vec<_>>(),
            }},
            "automationDetails": { "id": format!("streamguard/{}/", match report.kind {
                crate::ReportKind::Probe => "probe",
                crate::ReportKind::Scan => "scan",
            }) },
            "columnKind": "unicodeCodePoints",
            "invocations": [{ "executionSuccessful": true }],
            "results": results,
            "properties": {
                "target": report.target,
                "graded": report.grade().is_some(),
                "score": report.score(),
                "grade": report.grade().map(String::from),
                "tested": report.tested(),
                "inconclusive": report.inconclusive(),
                "untested": report.untested(),
                "notes": report.notes,
            }
        }]
    });
    if let Some(scan) = &opts.scan {
        doc["runs"][0]["originalUriBaseIds"] = json!({ SRCROOT: { "uri": root_uri(&scan.root) } });
    }
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// `/home/me/repo` → `file:///home/me/repo/` (a base URI must end with `/`).
fn root_uri(root: &str) -> String {
    let p = uri_path(root);
    let p = if p.starts_with('/') {
        p
    } else {
        format!("/{p}")
    };
    if p.ends_with('/') {
        format!("file://{p}")
    } else {
        format!("file://{p}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::mixed_report;

    fn sarif() -> Value {
        serde_json::from_str(&render(&mixed_report(), &RenderOptions::default())).unwrap()
    }

    /// The fields SARIF 2.1.0 requires (sarif-schema-2.1.0.json `required` lists) and those
    /// GitHub code scanning needs to ingest a result.
    #[test]
    fn sarif_has_every_field_required_by_the_2_1_0_schema_and_github() {
        let v = sarif();
        assert_eq!(v["version"], "2.1.0");
        assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        let run = &v["runs"][0];
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "streamguard");
        let rules = driver["rules"].as_array().unwrap();
        let ids: Vec<_> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["SG-F1", "SG-F2", "SG-F3", "SG-F4", "SG-F5", "SG-F6"]);
        for r in rules {
            let sev: f64 = r["properties"]["security-severity"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((0.0..=10.0).contains(&sev));
            assert!(
                r["help"]["text"]
                    .as_str()
                    .unwrap()
                    .contains("How to fix it")
            );
            assert!(r["shortDescription"]["text"].is_string());
            assert!(r["fullDescription"]["text"].is_string());
            let level = r["defaultConfiguration"]["level"].as_str().unwrap();
            assert!(["none", "note", "warning", "error"].contains(&level));
        }
        for res in run["results"].as_array().unwrap() {
            assert!(
                res["message"]["text"].is_string(),
                "result.message is required"
            );
            let rule_id = res["ruleId"].as_str().unwrap();
            let idx = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[idx]["id"], rule_id, "ruleIndex points at its rule");
            for loc in res["locations"].as_array().unwrap() {
                let phys = &loc["physicalLocation"];
                assert!(phys["artifactLocation"]["uri"].is_string());
                assert!(phys["region"]["startLine"].as_u64().unwrap() >= 1);
            }
        }
    }

    #[test]
    fn failed_findings_are_results_and_inconclusive_ones_are_for_review_never_pass() {
        let v = sarif();
        let results = v["runs"][0]["results"].as_array().unwrap();
        let ids: Vec<_> = results
            .iter()
            .map(|r| r["ruleId"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["SG-F1", "SG-F4", "SG-F5"]);
        let f4 = &results[1];
        assert_eq!(f4["kind"], "review");
        assert_eq!(
            f4["level"], "none",
            "SARIF: a kind other than fail has level none"
        );
        assert!(
            f4["message"]["text"]
                .as_str()
                .unwrap()
                .contains("inconclusive — F4 evidence"),
            "{f4}"
        );
        assert!(results.iter().all(|r| r["kind"] != "pass"));
        let props = &v["runs"][0]["properties"];
        assert_eq!(props["graded"], false);
        assert_eq!(props["grade"], Value::Null);
        assert_eq!(props["tested"], 4);
        let f1 = &results[0];
        assert_eq!(f1["level"], "error");
        assert_eq!(f1["partialFingerprints"][FINGERPRINT_KEY], "abc123");
        assert_eq!(
            f1["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "audit.toml"
        );
        assert_eq!(
            f1["locations"][0]["physicalLocation"]["region"]["startLine"],
            12
        );
        assert_eq!(results[2]["level"], "warning");
        assert_eq!(v["runs"][0]["properties"]["score"], 74);
    }

    #[test]
    fn a_finding_with_checks_is_one_result_naming_the_check_that_decided_it() {
        let v: Value = serde_json::from_str(&render(
            &crate::render::fixtures::graded_report(),
            &RenderOptions::default(),
        ))
        .unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 1);
        let text = results[0]["message"]["text"].as_str().unwrap();
        assert!(
            text.contains("revocation mid-stream (fail): the stream was still open"),
            "{text}"
        );
        assert!(
            !text.contains("expiry mid-stream"),
            "a passing check does not explain a failure: {text}"
        );
        assert_eq!(v["runs"][0]["properties"]["grade"], "B");
    }
}
