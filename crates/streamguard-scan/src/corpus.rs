//! Evaluation against labelled corpora: the fixture corpus (snapshots, `EXPECT`) and blind
//! corpora (`LABELS` per case tree, matched by finding, file and handler).
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
        "score {} · {} handler(s) · skipped {}",
        outcome.report.score(),
        outcome.handlers.len(),
        outcome.skip_summary.describe()
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
            let program = e.data.get("program").and_then(|v| v.as_str()).unwrap_or("");
            let _ = writeln!(
                s,
                "  {}:{}:{} [{handler} @ {program}] ({conf}) {}",
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

/// One label of a blind corpus case: `F<n> <file>:<line> <Handler>  # reason`, where `line`
/// is the line of the handler's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub id: FindingId,
    pub file: String,
    pub line: u32,
    pub handler: String,
    pub reason: String,
}

/// Parses a `LABELS` file; lines that are not labels (blank, comments) are skipped.
pub fn parse_labels(text: &str) -> Vec<Label> {
    text.lines()
        .filter_map(|l| {
            let (main, reason) = l.split_once('#').unwrap_or((l, ""));
            let mut words = main.split_whitespace();
            let id = FindingId::parse(words.next()?)?;
            let (file, line) = words.next()?.rsplit_once(':')?;
            Some(Label {
                id,
                file: file.to_string(),
                line: line.parse().ok()?,
                handler: words.next().unwrap_or("").to_string(),
                reason: reason.trim().to_string(),
            })
        })
        .collect()
}

/// The stack a file belongs to, for per-stack figures.
pub fn stack_of(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "js" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts" | "jsx" => "node",
        "py" => "python",
        "go" => "go",
        "rs" => "rust",
        _ => "other",
    }
}

/// `RouteChat`, `routeChat`, `route_chat` → `routechat`.
fn norm(name: &str) -> String {
    name.rsplit('.')
        .next()
        .unwrap_or(name)
        .chars()
        .filter(|c| *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A reported (finding, handler) pair of a blind case and the label it matches, if any.
#[derive(Debug, Clone)]
pub struct Judged {
    pub id: FindingId,
    pub handler: String,
    pub path: String,
    pub line: u32,
    pub message: String,
    /// The scanner's confidence in the finding (`high`, `medium`).
    pub confidence: String,
    pub label: Option<usize>,
}

/// One blind case: its labels and what the scanner reported, matched.
#[derive(Debug)]
pub struct BlindCase {
    pub dir: PathBuf,
    pub labels: Vec<Label>,
    pub reported: Vec<Judged>,
    pub lines: usize,
}

impl BlindCase {
    /// Labels no report matched.
    pub fn missed(&self) -> impl Iterator<Item = &Label> {
        self.labels
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.reported.iter().any(|r| r.label == Some(*i)))
            .map(|(_, l)| l)
    }
}

/// Every case directory (holding `LABELS`) under `root`, sorted.
pub fn blind_cases(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if dir.join("LABELS").is_file() {
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

/// Scans one blind case as a user would (the whole tree, default options) and matches each
/// reported (finding, handler) to a label: same finding, same file, and the label's line within
/// the handler's definition (or, failing that, the same handler name in that file).
pub fn evaluate_blind_case(dir: &Path) -> Result<BlindCase, ScanError> {
    let labels = parse_labels(&std::fs::read_to_string(dir.join("LABELS")).unwrap_or_default());
    let outcome = scan(&ScanOptions::new([dir]))?;
    Ok(BlindCase {
        dir: dir.to_path_buf(),
        reported: match_labels(&outcome.findings, &labels),
        labels,
        lines: outcome.lines_scanned,
    })
}

/// One judged entry per reported (finding, handler), each matched to at most one label and
/// each label to at most one entry.
pub fn match_labels(findings: &[crate::ScanFinding], labels: &[Label]) -> Vec<Judged> {
    let mut seen = BTreeSet::new();
    let mut taken = vec![false; labels.len()];
    let mut out = Vec::new();
    for f in findings {
        if !seen.insert((f.id, f.handler_path.clone(), f.handler_line)) {
            continue;
        }
        let fits = |l: &Label, by_line: bool| {
            l.id == f.id
                && l.file == f.handler_path
                && if by_line {
                    (f.handler_line..=f.handler_end_line.max(f.handler_line)).contains(&l.line)
                } else {
                    norm(&l.handler) == norm(&f.handler)
                }
        };
        let label = [true, false].into_iter().find_map(|by_line| {
            (0..labels.len()).find(|&i| !taken[i] && fits(&labels[i], by_line))
        });
        if let Some(i) = label {
            taken[i] = true;
        }
        out.push(Judged {
            id: f.id,
            handler: f.handler.clone(),
            path: f.handler_path.clone(),
            line: f.handler_line,
            message: f.message.clone(),
            confidence: f.confidence.clone(),
            label,
        });
    }
    out
}

/// True/false positives and misses, by finding and by stack.
#[derive(Debug, Default)]
pub struct BlindScore {
    pub by_finding: std::collections::BTreeMap<FindingId, Score>,
    pub by_stack: std::collections::BTreeMap<&'static str, Score>,
    pub total: Score,
}

impl BlindScore {
    pub fn of(cases: &[BlindCase]) -> Self {
        let mut s = Self::default();
        let mut add = |id: FindingId, stack: &'static str, tp: usize, fp: usize, fnn: usize| {
            for score in [
                s.by_finding.entry(id).or_default(),
                s.by_stack.entry(stack).or_default(),
                &mut s.total,
            ] {
                score.true_positives += tp;
                score.false_positives += fp;
                score.false_negatives += fnn;
            }
        };
        for c in cases {
            for r in &c.reported {
                let tp = usize::from(r.label.is_some());
                add(r.id, stack_of(&r.path), tp, 1 - tp, 0);
            }
            for l in c.missed() {
                add(l.id, stack_of(&l.file), 0, 0, 1);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_with_reasons_and_skip_other_lines() {
        let l = parse_labels(
            "F1 services/chat/server.go:25 Connect    # verified once\n\n# note\nF6 a.js:3 watch\n",
        );
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].id, FindingId::F1);
        assert_eq!(l[0].file, "services/chat/server.go");
        assert_eq!(l[0].line, 25);
        assert_eq!(l[0].handler, "Connect");
        assert_eq!(l[0].reason, "verified once");
        assert_eq!(l[1].handler, "watch");
    }

    fn finding(
        id: FindingId,
        path: &str,
        line: u32,
        end: u32,
        handler: &str,
    ) -> crate::ScanFinding {
        crate::ScanFinding {
            id,
            location: streamguard_report::Location {
                path: path.into(),
                line: line + 1,
                column: 1,
            },
            message: String::new(),
            confidence: "high".into(),
            handler: handler.into(),
            handler_path: path.into(),
            handler_line: line,
            handler_end_line: end,
            program: String::new(),
        }
    }

    #[test]
    fn a_finding_matches_the_label_of_its_handler_once() {
        let labels = parse_labels("F1 s.go:10 Watch\nF6 s.go:10 Watch\nF1 s.go:40 Chat\n");
        let findings = [
            finding(FindingId::F1, "s.go", 10, 30, "srv.Watch"),
            // A second F1 piece of evidence in the same handler counts once.
            finding(FindingId::F1, "s.go", 10, 30, "srv.Watch"),
            // Matched by name when the label's line is elsewhere (a delegating handler).
            finding(FindingId::F1, "s.go", 50, 60, "srv.chat"),
            finding(FindingId::F3, "s.go", 10, 30, "srv.Watch"),
        ];
        let judged = match_labels(&findings, &labels);
        assert_eq!(judged.len(), 3);
        assert_eq!(judged[0].label, Some(0));
        assert_eq!(judged[1].label, Some(2));
        assert_eq!(judged[2].label, None, "F3 is not labelled");
        let case = BlindCase {
            dir: PathBuf::new(),
            labels,
            reported: judged,
            lines: 0,
        };
        let missed: Vec<_> = case.missed().map(|l| l.id).collect();
        assert_eq!(missed, [FindingId::F6]);
        let score = BlindScore::of(&[case]);
        assert_eq!(score.total.true_positives, 2);
        assert_eq!(score.total.false_positives, 1);
        assert_eq!(score.total.false_negatives, 1);
        assert_eq!(score.by_stack["go"].true_positives, 2);
    }
}
