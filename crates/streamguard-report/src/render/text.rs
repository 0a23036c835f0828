//! `--format text`: the human report, with ANSI colours when asked for.

use std::fmt::Write as _;

use super::RenderOptions;
use crate::{Evidence, Grading, Report, ReportKind, Status};

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn status(&self, status: Status) -> String {
        let (code, label) = match status {
            Status::Pass => ("1;32", "PASS        "),
            Status::Fail => ("1;31", "FAIL        "),
            Status::NotTested => ("2", "NOT TESTED  "),
            Status::Inconclusive => ("1;33", "INCONCLUSIVE"),
        };
        self.wrap(code, label)
    }
}

pub(super) fn render(report: &Report, opts: &RenderOptions) -> String {
    let p = Paint { on: opts.color };
    let mut out = String::new();
    let what = match report.kind {
        ReportKind::Probe => "audit probe",
        ReportKind::Scan => "audit scan",
    };
    let _ = writeln!(
        out,
        "{}",
        p.bold(&format!("streamguard {what} · {}", report.target))
    );
    let grading = report.grading();
    let score_code = match grading {
        Grading::Graded { score: 90.., .. } => "1;32",
        Grading::Graded { score: 70..=89, .. } => "1;33",
        Grading::Graded { .. } => "1;31",
        Grading::NotGraded { .. } => "1;33",
    };
    let mut line = format!(
        "{} · {} of {} findings tested",
        p.wrap(score_code, &grading.headline()),
        report.tested(),
        report.findings.len()
    );
    if let Some(d) = opts.duration {
        let _ = write!(line, " · {:.1} s", d.as_secs_f64());
    }
    let _ = writeln!(out, "{line}");
    for note in &report.notes {
        let _ = writeln!(out, "{}", p.wrap("33", &format!("note: {note}")));
    }
    out.push('\n');
    for f in &report.findings {
        let penalty = if f.status == Status::Fail {
            format!("−{}", f.id.penalty())
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}  {}  {:<8} {:>4}  {}",
            p.status(f.status),
            p.bold(f.id.as_str()),
            f.id.severity().as_str(),
            penalty,
            f.id.title()
        );
        // A scan's located evidence is listed below, by program and handler.
        let by_handler =
            |ev: &&Evidence| report.kind == ReportKind::Scan && ev.data.get("handler").is_some();
        let grouped = f.evidence.iter().filter(by_handler).count();
        if grouped > 0 {
            let _ = writeln!(
                out,
                "{:16}· {grouped} place{} (below)",
                "",
                if grouped == 1 { "" } else { "s" }
            );
        }
        evidence_lines(
            &mut out,
            &p,
            16,
            f.evidence.iter().filter(|e| !by_handler(e)),
        );
        for check in &f.checks {
            let _ = writeln!(
                out,
                "{:16}{}: {}",
                "",
                check.label,
                p.status(check.status).trim_end()
            );
            evidence_lines(&mut out, &p, 18, &check.evidence);
        }
        if let Some(d) = opts.finding_durations.get(&f.id) {
            let _ = writeln!(
                out,
                "{:16}{}",
                "",
                p.dim(&format!("probe took {:.1} s", d.as_secs_f64()))
            );
        }
    }
    if report.kind == ReportKind::Scan {
        scan_findings(report, &p, &mut out);
        if let Some(line) = opts
            .scan
            .as_ref()
            .and_then(|s| s.summary.get("line"))
            .and_then(|l| l.as_str())
        {
            let _ = writeln!(out, "\n{}", p.dim(line));
        }
    }
    let _ = writeln!(
        out,
        "\n{}",
        p.dim("`streamguard audit explain F1` says what a finding means and how to fix it.")
    );
    out
}

fn evidence_lines<'e>(
    out: &mut String,
    p: &Paint,
    indent: usize,
    evidence: impl IntoIterator<Item = &'e Evidence>,
) {
    for ev in evidence {
        let at = ev
            .location
            .as_ref()
            .map(|l| format!(" ({}:{}:{})", l.path, l.line, l.column))
            .unwrap_or_default();
        let _ = writeln!(out, "{:indent$}· {}{}", "", ev.message, p.dim(&at));
    }
}

/// A scan's findings grouped by program, then handler: `F1 high  server.go:12:3  message`.
fn scan_findings(report: &Report, p: &Paint, out: &mut String) {
    let field = |ev: &crate::Evidence, k: &str| {
        ev.data
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut rows: Vec<(
        String,
        String,
        String,
        &crate::FindingResult,
        &crate::Evidence,
    )> = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .flat_map(|f| f.evidence.iter().map(move |e| (f, e)))
        .filter(|(_, e)| e.data.get("handler").is_some())
        .map(|(f, e)| {
            (
                field(e, "program"),
                field(e, "handler"),
                field(e, "handler_at"),
                f,
                e,
            )
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| (&a.0, &a.1, a.3.id).cmp(&(&b.0, &b.1, b.3.id)));
    let mut last: (&str, &str) = ("\0", "\0");
    for (program, handler, at, f, e) in &rows {
        if program.as_str() != last.0 {
            let _ = writeln!(out, "\n{}", p.bold(&format!("program {program}")));
            last = (program, "\0");
        }
        if handler.as_str() != last.1 {
            let at = if at.is_empty() {
                String::new()
            } else {
                format!(" ({at})")
            };
            let _ = writeln!(out, "  {}{}", p.bold(handler), p.dim(&at));
            last.1 = handler;
        }
        let loc = e
            .location
            .as_ref()
            .map(|l| format!("{}:{}:{}", l.path, l.line, l.column))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    {} {:<6} {}  {}",
            p.bold(f.id.as_str()),
            field(e, "confidence"),
            p.dim(&loc),
            e.message
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::{graded_report, mixed_report};

    #[test]
    fn plain_text_has_score_statuses_and_evidence_without_escape_codes() {
        let out = render(&mixed_report(), &RenderOptions::default());
        assert!(
            out.contains(
                "score at most 74/100 · not graded (2 findings inconclusive or untested) · 4 of 6 findings tested"
            ),
            "{out}"
        );
        assert!(
            out.contains("F4 evidence"),
            "the reason of an inconclusive finding"
        );
        assert!(out.contains("FAIL"));
        assert!(out.contains("NOT TESTED"));
        assert!(out.contains("INCONCLUSIVE"));
        assert!(out.contains("· data kept flowing 3.2 s after exp (audit.toml:12:1)"));
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn a_fully_observed_report_is_graded_and_checks_show_label_verdict_and_evidence() {
        let out = render(&graded_report(), &RenderOptions::default());
        assert!(
            out.contains("score 80/100 (grade B) · 6 of 6 findings tested"),
            "{out}"
        );
        assert!(out.contains("expiry mid-stream: PASS\n"), "{out}");
        assert!(out.contains("revocation mid-stream: FAIL\n"), "{out}");
        assert!(
            out.contains("· the stream was still open 3.00 s after revoking"),
            "{out}"
        );
        assert!(out.contains("note: a note"), "{out}");
    }

    #[test]
    fn coloured_text_uses_ansi_codes() {
        let opts = RenderOptions {
            color: true,
            ..Default::default()
        };
        let out = render(&mixed_report(), &opts);
        assert!(out.contains("\x1b[1;31mFAIL"));
    }
}
