use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, snippet};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds tasks spawned by a tonic streaming method (`tokio::spawn`, `std::thread::spawn`)
    /// that have no way to learn that the client went away: the channel's send errors are
    /// ignored and no `CancellationToken`, `tx.closed()` or abort-on-drop guard stops them.
    ///
    /// ## Why is this bad?
    /// tonic drops the response stream when the client cancels, but a spawned task lives on:
    /// it keeps polling backends and burning CPU for nobody, and reconnecting clients pile
    /// these tasks up.
    ///
    /// ## Example
    /// ```rs
    /// tokio::spawn(async move {
    ///     loop {
    ///         let _ = tx.send(Ok(poll_backend().await)).await;
    ///         tokio::time::sleep(Duration::from_secs(1)).await;
    ///     }
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// tokio::spawn(async move {
    ///     loop {
    ///         tokio::select! {
    ///             _ = tx.closed() => break, // the client cancelled
    ///             update = poll_backend() => if tx.send(Ok(update)).await.is_err() { break },
    ///         }
    ///     }
    /// });
    /// ```
    pub(crate) struct Cancellation;
}

const CANCEL_PATHS: &[&str] = &[
    "is_closed()",
    ".closed()",
    "is_err()",
    "Err(_",
    ".await?",
    "cancel",
    "abort",
    "CancellationToken",
    "DropGuard",
    "drop_guard",
    "is_active",
    "streamguard",
    "select!",
    ".await.unwrap()",
    ".await.expect(",
    "if let Err",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    // The handler ties its work to a token or an abort handle itself. (A session helper that
    // keeps a token for its own guard does not stop the tasks the handler spawns without it:
    // each task is judged below by its own code.)
    let own = ctx.own_text();
    if own.contains("CancellationToken")
        || own.contains("abort_handle")
        || own.contains("AbortOnDrop")
    {
        return true;
    }
    // The inbound stream ends when the client cancels: a task reading it stops with it.
    let inbound: Vec<&str> = ctx
        .file
        .bindings
        .iter()
        .filter(|b| ctx.func.span.contains(&b.value.start))
        .filter(|b| {
            ctx.file.src(&b.value).contains("into_inner()")
                && ctx.file.src(&b.value).contains(&ctx.handler.stream)
        })
        .map(|b| b.name.as_str())
        .collect();
    let own_loops: Vec<_> = ctx.file.loops_in(&ctx.func.span).collect();
    for c in ctx.own_calls() {
        let spawn = c.name == "spawn" || c.name == "spawn_blocking";
        if !spawn {
            continue;
        }
        // The task's code: the async block, or the function it runs (`spawn(Self::client_loop(…))`).
        let mut body = ctx.file.src(&c.args).to_string();
        if let Some(inner) = ctx.file.calls_in(&c.args).first() {
            for (hf, span) in ctx.helpers_of(ctx.body_file(), inner) {
                body.push('\n');
                body.push_str(ctx.project.files[hf].src(&span));
            }
        }
        if STOPPED_BY_CANCEL.iter().any(|p| body.contains(p)) {
            continue;
        }
        // Downstream work the task awaits (`http.post(&url)….send().await`, a tonic client, a
        // helper that makes such a call) runs to its end after the client leaves, whatever the
        // task does with its send errors afterwards.
        if let Some(d) = ctx
            .file
            .calls_in(&c.args)
            .iter()
            .find(|d| super::downstream_call(ctx, ctx.body_file(), d))
        {
            let message = format!(
                "task started with `{}` makes downstream calls (`{}`) that go on after the client cancels: nothing (`tx.closed()` in a `select!`, a CancellationToken, an abort guard) stops them",
                c.callee,
                snippet(d)
            );
            out.push(ctx.finding(
                FindingId::F4,
                ctx.file,
                c.span.start,
                Confidence::High,
                message,
            ));
            continue;
        }
        // How the task's loop ends is read in the task's own code when it is an async block:
        // a helper it awaits (`tiles.latest(…).await`) returning early with `?` does not end
        // the task. A task that runs a function (`spawn(Self::pump(…))`) is that function.
        let own = ctx.file.src(&c.args);
        let body = if own.contains("async move") || own.contains("async {") {
            own.to_string()
        } else {
            body
        };
        let reads_inbound = inbound.iter().any(|v| {
            body.contains(&format!("{v}.message().await"))
                || body.contains(&format!("{v}.next().await"))
        });
        // A task that loops until something stops it (one over a fixed collection ends), or a
        // task spawned per message that awaits downstream work nothing aborts.
        let loops = body.contains("loop") || body.contains("while ");
        let per_item =
            own_loops.iter().any(|l| l.body.contains(&c.span.start)) && body.contains(".await");
        if !(loops || per_item) || reads_inbound || CANCEL_PATHS.iter().any(|p| body.contains(p)) {
            continue;
        }
        let message = format!(
            "task started with `{}` keeps running after the client cancels: its send errors are ignored and nothing (`tx.closed()`, a CancellationToken, an abort guard) stops it",
            c.callee
        );
        out.push(ctx.finding(
            FindingId::F4,
            ctx.file,
            c.span.start,
            Confidence::High,
            message,
        ));
    }
    true
}

/// What stops a task's in-flight work when the client leaves (not merely its next iteration).
const STOPPED_BY_CANCEL: &[&str] = &[
    ".closed()",
    "cancelled()",
    "CancellationToken",
    "abort",
    "drop_guard",
    "DropGuard",
    "AbortOnDrop",
    "is_active",
    "streamguard",
];
