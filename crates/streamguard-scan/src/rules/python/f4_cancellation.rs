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
    /// Make downstream calls as gRPC futures and cancel them when the client goes (a thread
    /// pool's `Future.cancel()` cannot stop work that has started); in `grpc.aio`, cancel the
    /// tasks you start in a `finally`.
    /// ```python
    /// def StreamToolCalls(self, request_iterator, context):
    ///     for call in request_iterator:
    ///         future = self._tools.Run.future(call, timeout=context.time_remaining())
    ///         context.add_callback(future.cancel)
    ///         yield future.result()
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
    if let Some((f, c)) = helper_task_left_running(ctx) {
        let message = format!(
            "a task or thread started for the stream (`{}`) is never stopped: it keeps running after the client cancels; keep it and stop it in a `finally` (or from `context.add_callback(…)`) (at {})",
            snippet(c),
            ctx.place(f, c.span.start)
        );
        out.push(ctx.at_handler(FindingId::F4, Confidence::Medium, message));
        return true;
    }
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

/// An asyncio task a helper of the handler starts for the stream
/// (`self._heartbeat_task = asyncio.create_task(self._heartbeat())`) that no code of the handler
/// cancels by its name (`self._heartbeat_task.cancel()`, a watchdog's `dog.cancel()` in a
/// `finally`), nor the handler from `context.add_callback`. grpc.aio cancels the handler's own
/// task on a client cancel, not the tasks it started.
fn helper_task_left_running<'p>(
    ctx: &HandlerCtx<'p>,
) -> Option<(&'p crate::syntax::ParsedFile, &'p crate::syntax::Call)> {
    let all_text: Vec<&str> = ctx
        .pieces
        .iter()
        .map(|p| ctx.file_of(p).src(&p.span))
        .collect();
    if all_text.iter().any(|t| t.contains("add_callback")) {
        return None;
    }
    ctx.pieces.iter().find_map(|p| {
        let f = ctx.file_of(p);
        f.calls_in(&p.span).iter().find_map(|c| {
            // A helper that starts a thread polling for ever (`threading.Thread(target=run)`
            // with `while True:` in `run`) and has nothing to stop it.
            if c.name == "Thread" && p.role == Role::Helper {
                let body = f.src(&p.span);
                let endless = body.contains("while True");
                let stoppable = ["is_set()", "is_active()", "stop", "cancel", "closed"]
                    .iter()
                    .any(|w| body.contains(w));
                return (endless && !stoppable).then_some((f, c));
            }
            if !["create_task", "ensure_future"].contains(&c.name.as_str()) {
                return None;
            }
            let line = f.line_text(f.position(c.span.start).0);
            // `asyncio.create_task(self._letters.send(…))` as a statement: fire and forget,
            // nothing can cancel it.
            // (The whole statement: `asyncio.create_task(…): (…)` is a key of a dict literal.)
            let rest_of_line = f.text[c.span.end.min(f.text.len())..]
                .split('\n')
                .next()
                .unwrap_or("")
                .trim();
            if line
                .trim_start()
                .starts_with(f.src(&c.span).split('(').next().unwrap_or("-"))
                && (rest_of_line.is_empty() || rest_of_line.starts_with('#'))
            {
                return Some((f, c));
            }
            if p.role != Role::Helper {
                return None;
            }
            let (left, _) = line.split_once('=')?;
            let name = left.trim().trim_end_matches(':').trim();
            // An expression statement is fire-and-forget; awaiting it is not (nor being
            // handed to `wait`/`gather`, which keep it within the handler's task).
            let bound = !name.is_empty()
                && name
                    .chars()
                    .all(|ch| crate::syntax::is_ident_char(ch) || ch == '.');
            if !bound {
                return None;
            }
            let cancelled = all_text
                .iter()
                .any(|t| t.contains(&format!("{name}.cancel(")));
            // Awaited where it is made (`await asyncio.wait({expiry, revoked}, …)`,
            // `await gather(t)`, `await t`): it runs within the helper's own flow.
            let body = f.src(&p.span);
            let awaited = body.contains(&format!("await {name}"))
                || body.lines().any(|l| {
                    (l.contains("wait(") || l.contains("gather(") || l.contains("wait_for("))
                        && crate::syntax::has_word(l, name)
                });
            (!cancelled && !awaited).then_some((f, c))
        })
    })
}
