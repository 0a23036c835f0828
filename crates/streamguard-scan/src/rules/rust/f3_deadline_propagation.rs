use streamguard_report::FindingId;

use super::{Facts, first_arg, fixed_duration};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::common::confidence_of;
use crate::rules::{LIFETIME_WORDS, rule};
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds downstream calls made for a tonic stream with a fixed timeout:
    /// `request.set_timeout(Duration::from_secs(5))`, `tokio::time::timeout(Duration::from_secs(5), client.call(…))`,
    /// or an HTTP client's `.timeout(Duration::from_secs(5))`.
    ///
    /// ## Why is this bad?
    /// The caller's `grpc-timeout` is an absolute deadline. A fixed timeout downstream lets
    /// the work outlive the call it serves, or cuts it short when more time was left.
    ///
    /// ## Example
    /// ```rs
    /// let mut req = tonic::Request::new(query);
    /// req.set_timeout(Duration::from_secs(5));
    /// backend.fetch(req).await?;
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// let remaining = deadline.saturating_duration_since(Instant::now());
    /// let mut req = tonic::Request::new(query);
    /// req.set_timeout(remaining);
    /// backend.fetch(req).await?;
    /// ```
    /// With streamguard, take the remaining time from the stream's session.
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let timed = ctx.any_text(|t| t.contains("set_timeout(") || t.contains("timeout("));
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let scope = file.src(&piece.span);
        let confidence = confidence_of(piece.role);
        for c in file.calls_in(&piece.span) {
            if !timed && c.receiver().contains('.') && is_tonic_client(ctx, c) {
                let message = format!(
                    "downstream gRPC call `{}` carries no deadline: the caller's `grpc-timeout` is dropped; set `request.set_timeout(remaining)` from it",
                    c.callee
                );
                out.push(ctx.finding(
                    FindingId::F3,
                    file,
                    c.span.start,
                    Confidence::Medium,
                    message,
                ));
                continue;
            }
            let args = file.src(&c.args);
            let arg = first_arg(args);
            let relevant = match c.name.as_str() {
                "set_timeout" => true,
                "timeout" => {
                    let free = c.callee == "timeout" || c.callee.ends_with("time::timeout");
                    !free || mentions(args, &["client", "stub", ".send(", "request", "call("])
                }
                _ => false,
            };
            if !relevant || mentions(arg, LIFETIME_WORDS) {
                continue;
            }
            if let Some(fixed) = fixed_duration(file, scope, arg) {
                let message = format!(
                    "downstream call is bounded by a fixed timeout (`{fixed}` in `{}`) instead of the caller's remaining deadline",
                    c.callee
                );
                out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
            }
        }
    }
    true
}

/// A call on a tonic client: its receiver (`self.upstream.clone()`, `client`) is declared in the
/// program as a generated client (`upstream: AgentClient<Channel>`,
/// `let client = ClassifierClient::connect(…)`).
fn is_tonic_client(ctx: &HandlerCtx<'_>, c: &Call) -> bool {
    if [
        "clone",
        "into_inner",
        "await",
        "map_err",
        "ok_or",
        "send",
        "recv",
    ]
    .contains(&c.name.as_str())
    {
        return false;
    }
    let recv = c.receiver().trim_end_matches(".clone()");
    let base = recv.rsplit('.').next().unwrap_or(recv);
    if base.len() < 2 || !base.chars().all(crate::syntax::is_ident_char) {
        return false;
    }
    let field = format!("{base}: ");
    let binding = format!("let {base} = ");
    let mutable = format!("let mut {base} = ");
    ctx.program.files.iter().any(|&fi| {
        let text = &ctx.project.files[fi].text;
        text.lines().any(|l| {
            let t = l.trim_start();
            let declared = t.starts_with(&field)
                || t.starts_with(&format!("pub {field}"))
                || t.starts_with(&binding)
                || t.starts_with(&mutable);
            declared
                && (t.contains("Client<")
                    || t.contains("Client::connect")
                    || t.contains("Client::new"))
        })
    })
}
