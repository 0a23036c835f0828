//! Runs the rules over every handler and turns raw findings into the shared [`Report`].

use std::collections::HashSet;

use serde_json::json;
use streamguard_report::{
    Evidence, FindingId, FindingResult, Location, Report, ReportKind, Status,
};

use crate::analysis::{HandlerCtx, Project, RawFinding};
use crate::lang::FamilySignals;
use crate::suppress::{self, Verdict};
use crate::{HandlerInfo, SuppressedFinding};

pub(crate) struct Judged {
    pub report: Report,
    pub handlers: Vec<HandlerInfo>,
    pub suppressed: Vec<SuppressedFinding>,
}

pub(crate) fn judge(project: &Project, target: String) -> Judged {
    let handlers = project.handlers();
    let empty = FamilySignals::default();
    let mut raw = Vec::new();
    let mut checked = [0usize; 6];
    let mut infos = Vec::new();
    for h in &handlers {
        let file = &project.files[h.file];
        let signals = project
            .signals
            .get(&file.language.family())
            .unwrap_or(&empty);
        let ctx = HandlerCtx::new(project, h, signals);
        let looked = crate::rules::run(&ctx, &mut raw);
        for (n, l) in checked.iter_mut().zip(looked) {
            *n += usize::from(l);
        }
        infos.push(HandlerInfo {
            name: h.name.clone(),
            path: file.rel.clone(),
            line: file.position(file.funcs[h.func].name_at).0,
            kind: h.kind,
            language: file.language,
        });
    }

    let mut evidence: Vec<Vec<(String, u32, Evidence)>> = vec![Vec::new(); 6];
    let mut suppressed = Vec::new();
    let mut seen = HashSet::new();
    for f in raw {
        let file = &project.files[f.file];
        let (line, column) = file.position(f.byte);
        if !seen.insert((f.id, f.file, line, column)) {
            continue;
        }
        let location = Location {
            path: file.rel.clone(),
            line,
            column,
        };
        let mut message = f.message.clone();
        match suppress::verdict(file, f.id, line, f.handler_line) {
            Verdict::Suppressed(reason) => {
                suppressed.push(SuppressedFinding {
                    id: f.id,
                    location,
                    message,
                    reason,
                });
                continue;
            }
            Verdict::MissingReason => {
                message.push_str(" (a `streamguard-ignore` here names this finding but gives no reason, so it is not honoured)");
            }
            Verdict::Keep => {}
        }
        let data = json!({
            "handler": f.handler,
            "confidence": f.confidence.as_str(),
            "language": file.language.as_str(),
            "fingerprint": fingerprint(&f, file.fingerprint_path(), file.line_text(line)),
        });
        evidence[index(f.id)].push((
            file.rel.clone(),
            line,
            Evidence {
                message,
                location: Some(location),
                data,
            },
        ));
    }

    let findings = FindingId::ALL
        .into_iter()
        .map(|id| {
            let mut ev = std::mem::take(&mut evidence[index(id)]);
            ev.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
            let ev: Vec<Evidence> = ev.into_iter().map(|(_, _, e)| e).collect();
            let (status, evidence) = if !ev.is_empty() {
                (Status::Fail, ev)
            } else if checked[index(id)] > 0 {
                (Status::Pass, ev)
            } else {
                let why = if handlers.is_empty() {
                    "no gRPC streaming handler found in the scanned files"
                } else {
                    "no client-streaming or bidirectional handler found"
                };
                (
                    Status::NotTested,
                    vec![Evidence {
                        message: why.to_string(),
                        location: None,
                        data: serde_json::Value::Null,
                    }],
                )
            };
            FindingResult {
                id,
                status,
                evidence,
                checks: Vec::new(),
            }
        })
        .collect();
    Judged {
        report: Report {
            kind: ReportKind::Scan,
            target,
            findings,
            notes: Vec::new(),
        },
        handlers: infos,
        suppressed,
    }
}

fn index(id: FindingId) -> usize {
    FindingId::ALL.iter().position(|&f| f == id).unwrap_or(0)
}

/// Stable across line moves: rule, path under the scan root, handler and the line's text.
fn fingerprint(f: &RawFinding, path: &str, line: &str) -> String {
    let normalized: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [f.id.rule_id(), path, &f.handler, &normalized] {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}
