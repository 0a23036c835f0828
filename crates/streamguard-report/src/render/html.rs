//! `--format html`: one self-contained page (no external assets) with the score, the findings
//! and, for each probe that recorded one, an SVG timeline of messages against the moments of
//! expiry, revocation, cancel and deadline.

use std::fmt::Write as _;

use super::RenderOptions;
use crate::{Evidence, Grading, MarkKind, Report, Status, Timeline, explain};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn mark_colour(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Expiry => "#d97706",
        MarkKind::Revocation => "#7c3aed",
        MarkKind::Cancel => "#db2777",
        MarkKind::Deadline => "#0891b2",
        MarkKind::Tolerance => "#dc2626",
        MarkKind::Downstream => "#059669",
        MarkKind::Other => "#6b7280",
    }
}

const W: f64 = 760.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;

/// The timeline as an inline SVG: sent messages on the upper lane, received on the lower,
/// labelled vertical lines for marks, a bar where the stream ended.
pub(crate) fn timeline_svg(t: &Timeline) -> String {
    let span = t
        .span_ms
        .max(
            t.received_ms
                .iter()
                .chain(&t.sent_ms)
                .copied()
                .max()
                .unwrap_or(0),
        )
        .max(t.marks.iter().map(|m| m.at_ms).max().unwrap_or(0))
        .max(t.end.as_ref().map(|e| e.at_ms).unwrap_or(0))
        .max(1) as f64;
    let x = |ms: u64| LEFT + (ms as f64 / span) * (W - LEFT - RIGHT);
    let label_rows = t.marks.len().min(4) as f64;
    let top = 14.0 * label_rows + 6.0;
    let (sent_y, recv_y) = (top + 14.0, top + 40.0);
    let axis_y = top + 58.0;
    let h = axis_y + 20.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {h}" width="100%" role="img" class="timeline">"#
    );
    let _ = write!(
        s,
        r##"<text x="4" y="{}" class="lane">sent</text><text x="4" y="{}" class="lane">received</text>"##,
        sent_y + 4.0,
        recv_y + 4.0
    );
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" y1="{axis_y}" x2="{}" y2="{axis_y}" stroke="#9ca3af"/>"##,
        W - RIGHT
    );
    let step = nice_step(span);
    let decimals = if step < 100.0 {
        2
    } else if step < 1000.0 {
        1
    } else {
        0
    };
    let mut tick = 0.0;
    while tick <= span {
        let tx = x(tick as u64);
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="{axis_y}" x2="{tx:.1}" y2="{}" stroke="#9ca3af"/><text x="{tx:.1}" y="{}" class="tick">{:.decimals$} s</text>"##,
            axis_y + 4.0,
            axis_y + 15.0,
            tick / 1000.0
        );
        tick += step;
    }
    if let Some(end) = &t.end {
        let ex = x(end.at_ms);
        let _ = write!(
            s,
            r##"<rect x="{ex:.1}" y="{}" width="{:.1}" height="{}" fill="#f3f4f6"/><line x1="{ex:.1}" y1="{}" x2="{ex:.1}" y2="{axis_y}" stroke="#111827" stroke-width="3"><title>stream ended at {:.3} s: {}</title></line><text x="{:.1}" y="{}" class="end">ended: {}</text>"##,
            top,
            (W - RIGHT - ex).max(0.0),
            axis_y - top,
            top,
            end.at_ms as f64 / 1000.0,
            esc(&end.status),
            (ex + 4.0).min(W - 160.0),
            axis_y - 4.0,
            esc(&end.status)
        );
    }
    for &ms in &t.sent_ms {
        let _ = write!(
            s,
            r##"<line x1="{0:.1}" y1="{1}" x2="{0:.1}" y2="{2}" stroke="#6b7280" stroke-width="2"/>"##,
            x(ms),
            sent_y - 7.0,
            sent_y + 7.0
        );
    }
    for &ms in &t.received_ms {
        let _ = write!(
            s,
            r##"<line x1="{0:.1}" y1="{1}" x2="{0:.1}" y2="{2}" stroke="#2563eb" stroke-width="2"><title>{3:.3} s</title></line>"##,
            x(ms),
            recv_y - 8.0,
            recv_y + 8.0,
            ms as f64 / 1000.0
        );
    }
    for (i, m) in t.marks.iter().enumerate() {
        let mx = x(m.at_ms);
        let ly = 12.0 + 14.0 * (i % 4) as f64;
        let colour = mark_colour(m.kind);
        // Labels on the right half are anchored at their end so they stay inside the picture.
        let (tx, anchor) = if mx > W / 2.0 {
            (mx - 3.0, "end")
        } else {
            (mx + 3.0, "start")
        };
        let _ = write!(
            s,
            r##"<line x1="{mx:.1}" y1="{ly}" x2="{mx:.1}" y2="{axis_y}" stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{tx:.1}" y="{ly}" fill="{colour}" text-anchor="{anchor}" class="mark">{} ({:.2} s)</text>"##,
            esc(&m.label),
            m.at_ms as f64 / 1000.0
        );
    }
    s.push_str("</svg>");
    s
}

fn nice_step(span_ms: f64) -> f64 {
    [
        100.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0, 30_000.0, 60_000.0,
    ]
    .into_iter()
    .find(|s| span_ms / s <= 12.0)
    .unwrap_or(120_000.0)
}

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:60rem;color:#111827;padding:0 1rem}
h1{font-size:1.4rem;margin-bottom:.2rem}.meta{color:#6b7280}
.score{font-size:3rem;font-weight:700;margin:.5rem 0}.grade{font-size:1.2rem;margin-left:.6rem;color:#374151}
.finding{border:1px solid #e5e7eb;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.finding h2{font-size:1.05rem;margin:0 0 .4rem}
.check{border-left:3px solid #e5e7eb;padding-left:.8rem;margin:.6rem 0}.check h3{font-size:.95rem;margin:.2rem 0}
.note{background:#fffbeb;border:1px solid #fde68a;border-radius:6px;padding:.4rem .7rem}
.badge{display:inline-block;border-radius:4px;padding:0 .45rem;font-size:.8rem;font-weight:700;margin-right:.5rem;color:#fff}
.pass{background:#16a34a}.fail{background:#dc2626}.not_tested{background:#9ca3af}.inconclusive{background:#d97706}
.sev{color:#6b7280;font-size:.85rem}.ev{margin:.3rem 0}.loc{color:#6b7280;font-family:monospace}
details pre{white-space:pre-wrap;background:#f9fafb;padding:.6rem;border-radius:6px;font-size:.85rem}
svg.timeline{margin:.4rem 0 .8rem;border:1px solid #f3f4f6}
svg .lane,svg .tick{font-size:10px;fill:#6b7280}svg .tick{text-anchor:middle}svg .mark{font-size:10px}svg .end{font-size:10px;fill:#111827}
"#;

fn badge(status: Status) -> (&'static str, &'static str) {
    match status {
        Status::Pass => ("pass", "PASS"),
        Status::Fail => ("fail", "FAIL"),
        Status::NotTested => ("not_tested", "NOT TESTED"),
        Status::Inconclusive => ("inconclusive", "INCONCLUSIVE"),
    }
}

/// Each observation, with its location and, when it recorded one, its timeline.
fn evidence(b: &mut String, evidence: &[Evidence]) {
    for ev in evidence {
        let loc = ev
            .location
            .as_ref()
            .map(|l| {
                format!(
                    " <span class=\"loc\">{}:{}:{}</span>",
                    esc(&l.path),
                    l.line,
                    l.column
                )
            })
            .unwrap_or_default();
        let _ = write!(b, "<p class=\"ev\">{}{loc}</p>", esc(&ev.message));
        if let Some(t) = Timeline::from_data(&ev.data) {
            b.push_str(&timeline_svg(&t));
        }
    }
}

pub(super) fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut b = String::new();
    let _ = write!(
        b,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>streamguard audit · {}</title><style>{STYLE}</style></head><body>",
        esc(&report.target)
    );
    let _ = write!(b, "<h1>streamguard audit · {}</h1>", esc(&report.target));
    let mut meta = format!(
        "streamguard {} · {} of {} findings tested",
        esc(&opts.tool_version),
        report.tested(),
        report.findings.len()
    );
    if let Some(d) = opts.duration {
        let _ = write!(meta, " · {:.1} s", d.as_secs_f64());
    }
    let _ = write!(b, "<div class=\"meta\">{meta}</div>");
    match report.grading() {
        Grading::Graded { score, grade } => {
            let _ = write!(
                b,
                "<div class=\"score\">{score}/100<span class=\"grade\">grade {grade}</span></div>"
            );
        }
        Grading::NotGraded {
            at_most,
            inconclusive,
            untested,
        } => {
            let _ = write!(
                b,
                "<div class=\"score\"><span class=\"grade\">at most</span> {at_most}/100<span class=\"grade\">not graded ({} findings inconclusive or untested)</span></div>",
                inconclusive + untested
            );
        }
    }
    for note in &report.notes {
        let _ = write!(b, "<p class=\"note\">{}</p>", esc(note));
    }
    for f in &report.findings {
        let (class, label) = badge(f.status);
        let _ = write!(
            b,
            "<section class=\"finding\" id=\"{id}\"><h2><span class=\"badge {class}\">{label}</span>{id} · {} <span class=\"sev\">{} · −{}</span></h2>",
            esc(f.id.title()),
            f.id.severity().as_str(),
            f.id.penalty(),
            id = f.id.as_str(),
        );
        if let Some(d) = opts.finding_durations.get(&f.id) {
            let _ = write!(
                b,
                "<div class=\"sev\">probe took {:.1} s</div>",
                d.as_secs_f64()
            );
        }
        evidence(&mut b, &f.evidence);
        for c in &f.checks {
            let (class, label) = badge(c.status);
            let _ = write!(
                b,
                "<div class=\"check\"><h3><span class=\"badge {class}\">{label}</span>{}</h3>",
                esc(&c.label)
            );
            evidence(&mut b, &c.evidence);
            b.push_str("</div>");
        }
        let _ = write!(
            b,
            "<details><summary>What it is and how to fix it</summary><pre>{}</pre></details></section>",
            esc(explain::explain(f.id))
        );
    }
    b.push_str("</body></html>\n");
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::mixed_report;

    #[test]
    fn html_is_self_contained_escaped_and_draws_the_recorded_timeline() {
        let out = render(&mixed_report(), &RenderOptions::default());
        assert!(out.starts_with("<!doctype html>"));
        assert!(
            out.contains("at most</span> 74/100"),
            "not graded: an upper bound"
        );
        assert!(out.contains("not graded (2 findings inconclusive or untested)"));
        assert!(!out.contains("grade C"));
        assert!(
            out.contains("127.0.0.1:50051 &lt;&amp;&gt;"),
            "target is escaped"
        );
        assert!(!out.contains("<&>"));
        assert!(!out.contains("src=\"http"), "no external assets");
        assert!(!out.contains("<link"), "no external stylesheets");
        assert_eq!(out.matches("<svg").count(), 1, "one timeline recorded");
        assert!(out.contains("exp + tolerance (2.80 s)"));
        assert!(out.contains("ended: OK"));
        assert_eq!(
            out.matches("stroke=\"#2563eb\"").count(),
            50,
            "one tick per message"
        );
    }

    #[test]
    fn html_shows_the_grade_notes_and_each_check_with_its_verdict() {
        let out = render(
            &crate::render::fixtures::graded_report(),
            &RenderOptions::default(),
        );
        assert!(
            out.contains("80/100<span class=\"grade\">grade B</span>"),
            "{out}"
        );
        assert!(out.contains("<p class=\"note\">a note</p>"));
        assert!(out.contains(
            "<h3><span class=\"badge fail\">FAIL</span>revocation mid-stream</h3><p class=\"ev\">the stream was still open 3.00 s after revoking jti x</p>"
        ));
        assert!(out.contains("<span class=\"badge pass\">PASS</span>expiry mid-stream"));
    }
}
