//! Evaluation against a labelled fixture corpus: snapshots and precision/recall.
//!
//! A case is a directory holding an `EXPECT` file (one `F<n> <handler>` per real weakness);
//! the scanner runs on the directory alone. Used by the fixture tests and the benchmark.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use streamguard_report::{FindingId, Status};

use crate::{ScanError, ScanOptions, ScanOutcome, scan};

/// One labelled case and what the scanner made of it.
#[derive(Debug)]
pub struct CaseResult {
    pub dir: PathBuf,
    pub expected: BTreeSet<(FindingId, String)>,
    pub reported: BTreeSet<(FindingId, String)>,
    pub snapshot: String,
    pub lines: usize,
}

impl CaseResult {
    pub fn true_positives(&self) -> usize {
        self.reported.intersection(&self.expected).count()
    }
    pub fn false_positives(&self) -> usize {
        self.reported.difference(&self.expected).count()
    }
    pub fn false_negatives(&self) -> usize {
        self.expected.difference(&self.reported).count()
    }
}

/// Totals over a corpus.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    pub fn of(cases: &[CaseResult]) -> Self {
        cases.iter().fold(Self::default(), |s, c| Self {
            true_positives: s.true_positives + c.true_positives(),
            false_positives: s.false_positives + c.false_positives(),
            false_negatives: s.false_negatives + c.false_negatives(),
        })
    }
    /// Reported findings that are real; 1.0 when nothing was reported.
    pub fn precision(&self) -> f64 {
        let reported = self.true_positives + self.false_positives;
        if reported == 0 {
            1.0
        } else {
            self.true_positives as f64 / reported as f64
        }
    }
    /// Real findings that were reported; 1.0 when there were none.
    pub fn recall(&self) -> f64 {
        let real = self.true_positives + self.false_negatives;
        if real == 0 {
            1.0
        } else {
            self.true_positives as f64 / real as f64
        }
    }
}

/// Every case directory (holding `EXPECT`) under `root`, sorted.
pub fn cases(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("EXPECT").is_file() {
            out.push(dir);
            continue;
        }
        if let Ok(entries) = std::fs::read_dir(&dir) {
            stack.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
        }
    }
    out.sort();
    out
}

/// Scans one case and compares it with its labels.
pub fn evaluate_case(dir: &Path) -> Result<CaseResult, ScanError> {
    let expected = std::fs::read_to_string(dir.join("EXPECT"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (id, handler) = l.trim().split_once(' ')?;
            Some((FindingId::parse(id)?, handler.trim().to_string()))
        })
        .collect();
    let outcome = scan(&ScanOptions::new([dir]))?;
    let reported = outcome
        .report
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .flat_map(|f| {
            f.evidence.iter().filter_map(move |e| {
                let h = e.data.get("handler")?.as_str()?;
                Some((f.id, h.to_string()))
            })
        })
        .collect();
    Ok(CaseResult {
        dir: dir.to_path_buf(),
        expected,
        reported,
        snapshot: snapshot(&outcome, dir),
        lines: outcome.lines_scanned,
    })
}

/// A stable, readable rendering of an outcome with paths relative to `root`.
pub fn snapshot(outcome: &ScanOutcome, root: &Path) -> String {
    let prefix = format!("{}/", root.display().to_string().replace('\\', "/"));
    let rel = |p: &str| p.strip_prefix(&prefix).unwrap_or(p).to_string();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "score {} · {} handler(s)",
        outcome.report.score(),
        outcome.handlers.len()
    );
    for p in &outcome.programs {
        let mut facts = Vec::new();
        if !p.registered {
            facts.push("unregistered".to_string());
        }
        if let Some(at) = &p.server {
            facts.push(format!("server {at}"));
        }
        if let Some(l) = &p.lifetime_limit {
            facts.push(format!("lifetime {l}"));
        }
        if let Some(i) = &p.auth_interceptor {
            facts.push(format!("auth {i}"));
        }
        let _ = writeln!(s, "program {} [{}]", p.name, facts.join("; "));
        for h in outcome.handlers.iter().filter(|h| h.program == p.name) {
            let unimplemented = if h.unimplemented {
                " unimplemented"
            } else {
                ""
            };
            let _ = writeln!(
                s,
                "  handler {} {} {}:{}{unimplemented}",
                h.name,
                h.kind.as_str(),
                rel(&h.path),
                h.line
            );
        }
    }
    for f in &outcome.report.findings {
        let _ = writeln!(s, "{} {:?}", f.id, f.status);
        for e in f.evidence.iter().filter(|e| e.location.is_some()) {
            let Some(loc) = &e.location else { continue };
            let conf = e
                .data
                .get("confidence")
                .and_then(|v| v.as_str())
                .unwrap_or("");
            let handler = e.data.get("handler").and_then(|v| v.as_str()).unwrap_or("");
            let _ = writeln!(
                s,
                "  {}:{}:{} [{handler}] ({conf}) {}",
                rel(&loc.path),
                loc.line,
                loc.column,
                e.message
            );
        }
    }
    for sup in &outcome.suppressed {
        let l = &sup.location;
        let _ = writeln!(
            s,
            "suppressed {} {}:{}:{} — {}",
            sup.id,
            rel(&l.path),
            l.line,
            l.column,
            sup.reason
        );
    }
    s
}
