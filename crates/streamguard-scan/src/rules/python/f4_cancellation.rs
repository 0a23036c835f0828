use streamguard_report::FindingId;

use super::Facts;
use super::f3_deadline_propagation::{is_http_call, is_stub_call};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, Role, snippet};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpcio streaming methods that hand work to threads, executors or asyncio tasks
    /// without any cancellation path: no `context.add_callback(…)`, no `context.is_active()`
    /// check, no `CancelledError` handling.
    ///
    /// ## Why is this bad?
    /// When the client cancels, grpcio stops the handler, but a thread or task it started
    /// keeps going: downstream calls and CPU for nobody, multiplied by reconnects.
    ///
    /// ## Example
    /// ```python
    /// def StreamToolCalls(self, request_iterator, context):
    ///     for call in request_iterator:
    ///         future = self.pool.submit(self.run_tool, call)
    ///         yield future.result()
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// def StreamToolCalls(self, request_iterator, context):
    ///     futures = []
    ///     context.add_callback(lambda: [f.cancel() for f in futures])
    ///     for call in request_iterator:
    ///         futures.append(self.pool.submit(self.run_tool, call))
    ///         yield futures[-1].result()
    /// ```
    pub(crate) struct Cancellation;
}

const CANCEL_PATHS: &[&str] = &[
    "is_active()",
    "add_callback",
    "cancelled()",
    "CancelledError",
    ".cancel(",
    "done()",
];
const SPAWNS: &[&str] = &[
    "Thread",
    "submit",
    "create_task",
    "ensure_future",
    "run_in_executor",
    "start_new_thread",
    "apply_async",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if ctx.any_text(|t| CANCEL_PATHS.iter().any(|p| t.contains(p))) {
        return true;
    }
    if let Some(c) = ctx
        .own_calls()
        .iter()
        .find(|c| SPAWNS.contains(&c.name.as_str()))
    {
        let message = format!(
            "work handed to `{}` keeps running after the client cancels: no `context.add_callback` or `context.is_active()` stops it",
            snippet(c)
        );
        out.push(ctx.finding(
            FindingId::F4,
            ctx.file,
            c.span.start,
            Confidence::High,
            message,
        ));
        return true;
    }
    // grpc.aio cancels the handler's task, and the call it awaits with it; a sync handler's
    // thread sits in a blocking call until that call returns.
    if ctx.own_text().trim_start().starts_with("async") {
        return true;
    }
    let blocking = ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.calls_in(&p.span)
            .iter()
            .find(|c| is_stub_call(f, c) || is_http_call(f, c))
            .map(|c| (f, c, p.role))
    });
    if let Some((f, c, role)) = blocking {
        let message = format!(
            "blocking downstream call `{}` goes on after the client cancels: nothing stops it; make it a future and cancel it from `context.add_callback(…)`",
            snippet(c)
        );
        let finding = if role == Role::Own {
            ctx.finding(FindingId::F4, f, c.span.start, Confidence::High, message)
        } else {
            let message = format!("{message} (at {})", ctx.place(f, c.span.start));
            ctx.at_handler(FindingId::F4, Confidence::Medium, message)
        };
        out.push(finding);
    }
    true
}
