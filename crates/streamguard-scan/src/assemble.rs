//! Runs the rules over every handler and turns raw findings into the shared [`Report`].

use std::collections::HashSet;

use serde_json::json;
use streamguard_report::{
    Evidence, FindingId, FindingResult, Location, Report, ReportKind, Status,
};

use crate::analysis::{HandlerCtx, Project, RawFinding};
use crate::suppress::{self, Verdict};
use crate::{HandlerInfo, ProgramInfo, ScanFinding, SuppressedFinding};

pub(crate) struct Judged {
    pub report: Report,
    pub programs: Vec<ProgramInfo>,
    pub handlers: Vec<HandlerInfo>,
    pub findings: Vec<ScanFinding>,
    pub suppressed: Vec<SuppressedFinding>,
}

pub(crate) fn judge(project: &Project, target: String) -> Judged {
    let handlers = &project.handlers;
    let mut raw = Vec::new();
    let mut checked = [0usize; 6];
    let mut infos = Vec::new();
    for (hi, h) in handlers.iter().enumerate() {
        let file = &project.files[h.file];
        let func = &file.funcs[h.func];
        infos.push(HandlerInfo {
            name: h.name.clone(),
            service: h.service.clone(),
            program: project.programs[h.program].name.clone(),
            path: file.key.clone(),
            line: file.position(func.name_at).0,
            end_line: file.position(func.span.end.saturating_sub(1)).0,
            kind: h.kind,
            language: file.language,
            unimplemented: h.unimplemented,
        });
        if h.unimplemented {
            continue;
        }
        let ctx = HandlerCtx::new(project, hi);
        let looked = crate::rules::run(&ctx, &mut raw);
        for (n, l) in checked.iter_mut().zip(looked) {
            *n += usize::from(l);
        }
    }
    let programs = project
        .programs
        .iter()
        .map(|p| ProgramInfo {
            name: p.name.clone(),
            family: p.family,
            files: p.files.len(),
            registered: p.registered,
            server: p.facts.server_at.clone(),
            lifetime_limit: p.facts.lifetime_limit.clone(),
            auth_interceptor: p.facts.auth_interceptor.as_ref().map(|i| i.what.clone()),
        })
        .collect();
    let mut findings = Vec::new();

    let mut evidence: Vec<Vec<(String, u32, Evidence)>> = vec![Vec::new(); 6];
    let mut suppressed = Vec::new();
    let mut seen = HashSet::new();
    for f in raw {
        let file = &project.files[f.file];
        let (line, column) = file.position(f.byte);
        // One finding per place and handler: a shared helper's fixed timeout is reported for
        // every handler that calls it (each is affected, and each is fixed by the one change).
        if !seen.insert((f.id, f.handler_idx, f.file, line, column)) {
            continue;
        }
        let location = Location {
            path: file.key.clone(),
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
        let h = &handlers[f.handler_idx];
        let program = &project.programs[h.program].name;
        let hinfo = &infos[f.handler_idx];
        let data = json!({
            "handler": f.handler,
            "handler_at": format!("{}:{}", hinfo.path, hinfo.line),
            "program": program,
            "confidence": f.confidence.as_str(),
            "language": file.language.as_str(),
            "fingerprint": fingerprint(&f, &file.key, file.line_text(line)),
        });
        findings.push(ScanFinding {
            id: f.id,
            location: location.clone(),
            message: message.clone(),
            confidence: f.confidence.as_str().to_string(),
            handler: f.handler.clone(),
            handler_path: hinfo.path.clone(),
            handler_line: hinfo.line,
            handler_end_line: hinfo.end_line,
            program: program.clone(),
        });
        evidence[index(f.id)].push((
            file.key.clone(),
            line,
            Evidence {
                message,
                location: Some(location),
                data,
            },
        ));
    }

    let results = FindingId::ALL
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
            findings: results,
            notes: Vec::new(),
        },
        programs,
        handlers: infos,
        findings,
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
