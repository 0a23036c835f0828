use streamguard_report::FindingId;

use super::{Facts, is_root_context};
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::confidence_of;
use crate::rules::common::first_arg;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds downstream calls made in a grpc-go streaming handler with a context that does
    /// not descend from the stream's: `context.WithTimeout(context.Background(), 5*time.Second)`
    /// or a plain `context.Background()` / `context.TODO()`.
    ///
    /// ## Why is this bad?
    /// `stream.Context()` carries the caller's deadline and cancellation. A fresh root
    /// context drops both: downstream work runs past the deadline and after the client left.
    ///
    /// ## Example
    /// ```go
    /// ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
    /// defer cancel()
    /// res, err := s.backend.Fetch(ctx, req)
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// ctx, cancel := context.WithTimeout(stream.Context(), 5*time.Second) // never later than the caller's deadline
    /// defer cancel()
    /// res, err := s.backend.Fetch(ctx, req)
    /// ```
    pub(crate) struct DeadlinePropagation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    for piece in &ctx.pieces {
        let file = ctx.file_of(piece);
        let confidence = confidence_of(piece.role);
        for c in file.calls_in(&piece.span) {
            let arg = first_arg(file.src(&c.args));
            if !is_root_context(arg) {
                continue;
            }
            let message = if ["WithTimeout", "WithDeadline"].contains(&c.name.as_str()) {
                format!(
                    "`{}({arg}, …)` gives downstream calls a fixed deadline instead of the caller's: derive it from `{}.Context()`",
                    c.callee, ctx.handler.stream
                )
            } else if c.callee.starts_with("context.") {
                continue;
            } else {
                format!(
                    "downstream call `{}` gets `{arg}`: the caller's deadline and cancellation are dropped; pass `{}.Context()`",
                    c.callee, ctx.handler.stream
                )
            };
            out.push(ctx.finding(FindingId::F3, file, c.span.start, confidence, message));
        }
    }
    true
}
