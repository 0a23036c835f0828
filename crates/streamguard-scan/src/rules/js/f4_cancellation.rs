use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, snippet};
use crate::lang::js::event_name;
use crate::rules::rule;
use crate::syntax::Call;

rule! {
    /// ## What it does
    /// Finds grpc-js streaming handlers that start asynchronous work (downstream calls,
    /// `fetch`, intervals) but never listen for the stream's cancellation.
    ///
    /// ## Why is this bad?
    /// When the client cancels or disconnects, the work goes on: intervals keep firing,
    /// downstream requests keep running, and reconnecting agents pile up leaked work.
    ///
    /// ## Example
    /// ```js
    /// function streamTools(call) {
    ///   call.on('data', async (req) => {
    ///     const res = await fetch(req.url);
    ///     call.write({ result: await res.text() });
    ///   });
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// function streamTools(call) {
    ///   const abort = new AbortController();
    ///   call.on('cancelled', () => abort.abort());
    ///   call.on('data', async (req) => {
    ///     const res = await fetch(req.url, { signal: abort.signal });
    ///     call.write({ result: await res.text() });
    ///   });
    /// }
    /// ```
    pub(crate) struct Cancellation;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let handles_cancel = ctx.calls().any(|(f, c)| {
        c.name == "on" && matches!(event_name(f.src(&c.args)), Some("cancelled" | "close"))
    }) || ctx.any_text(|t| {
        t.contains("AbortController") || t.contains(".cancelled") || t.contains("signal:")
    });
    if handles_cancel {
        return true;
    }
    let stream = ctx.handler.stream.as_str();
    if let Some(c) = ctx.own_calls().iter().find(|c| is_async_work(c, stream)) {
        let message = format!(
            "async work (`{}`) goes on after the client cancels: no `{stream}.on('cancelled')` listener or AbortSignal stops it",
            snippet(c)
        );
        out.push(ctx.finding(
            FindingId::F4,
            ctx.file,
            c.span.start,
            Confidence::High,
            message,
        ));
    } else if let Some(byte) = first_await(ctx, facts) {
        let message = format!(
            "awaited or chained work goes on after the client cancels: no `{stream}.on('cancelled')` listener or AbortSignal stops it"
        );
        out.push(ctx.finding(FindingId::F4, ctx.file, byte, Confidence::Medium, message));
    }
    true
}

fn is_async_work(c: &Call, stream: &str) -> bool {
    let r = c.receiver();
    let last = r.rsplit('.').next().unwrap_or(r).to_ascii_lowercase();
    ["fetch", "setInterval", "axios", "got", "spawn", "exec"].contains(&c.name.as_str())
        || r == "axios"
        || (r != stream
            && (last.ends_with("client") || last.ends_with("stub"))
            && !["close", "on"].contains(&c.name.as_str()))
}

/// The first `await` in a message loop of the handler, else the first in its body.
fn first_await(ctx: &HandlerCtx<'_>, facts: &Facts<'_>) -> Option<usize> {
    let in_loops = facts
        .loops
        .iter()
        .filter(|l| std::ptr::eq(l.file, ctx.file))
        .find_map(|l| awaited(l.file.src(&l.region)).map(|i| l.region.start + i));
    in_loops.or_else(|| awaited(ctx.own_text()).map(|i| ctx.func.span.start + i))
}

/// Offset of the first `await x` that is not a `for await` loop head, or of a `.then(` chain.
fn awaited(text: &str) -> Option<usize> {
    let awaits = text
        .match_indices("await ")
        .map(|(i, _)| i)
        .find(|&i| !text[..i].trim_end().ends_with("for"));
    awaits.or_else(|| text.find(".then("))
}
