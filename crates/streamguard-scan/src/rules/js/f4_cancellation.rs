use streamguard_report::FindingId;

use super::Facts;
use super::f3_deadline_propagation::{is_client_call, propagation};
use crate::analysis::{Confidence, HandlerCtx, RawFinding, snippet};
use crate::lang::js::event_name;
use crate::rules::rule;
use crate::syntax::{Call, ParsedFile};

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
    let work = ctx
        .own_calls()
        .iter()
        .find(|c| is_async_work(ctx.file, c, stream));
    if let Some(c) = work {
        let message = format!(
            "async work (`{}`) goes on after the client cancels: no `{stream}.on('cancelled')` listener or AbortSignal stops it; stop it on `cancelled` (or pass `{{ parent: {stream} }}` to downstream gRPC calls)",
            snippet(c)
        );
        out.push(ctx.finding(
            FindingId::F4,
            ctx.file,
            c.span.start,
            Confidence::High,
            message,
        ));
    } else if let Some((file, byte)) = awaited_per_message(facts) {
        let message = format!(
            "work awaited for each message goes on after the client cancels: nothing aborts it (no `{stream}.on('cancelled')` listener or AbortSignal); abort in-flight work on `cancelled`"
        );
        out.push(ctx.finding(FindingId::F4, file, byte, Confidence::Medium, message));
    }
    true
}

/// The first `await x(…)` or `.then(` chain in a message loop: work started per message.
fn awaited_per_message<'p>(facts: &Facts<'p>) -> Option<(&'p ParsedFile, usize)> {
    facts.loops.iter().find_map(|l| {
        let text = l.file.src(&l.region);
        let awaits = text.match_indices("await ").map(|(i, _)| i).find(|&i| {
            let rest = &text[i + "await ".len()..];
            !text[..i].trim_end().ends_with("for") && rest.contains('(')
        });
        awaits
            .or_else(|| text.find(".then("))
            .map(|i| (l.file, l.region.start + i))
    })
}

/// Work that outlives the call unless stopped: timers, HTTP requests, child processes, and
/// downstream gRPC calls that do not take the call as `parent` (which cancels them with it).
fn is_async_work(file: &ParsedFile, c: &Call, stream: &str) -> bool {
    let r = c.receiver();
    ["fetch", "setInterval", "axios", "got", "spawn", "exec"].contains(&c.name.as_str())
        || r == "axios"
        || match propagation(file.src(&c.args), stream) {
            // `{ parent: call }` makes it a downstream gRPC call; its flags say whether the
            // client's cancel reaches it.
            Some(p) => !p.cancellation,
            None => is_client_call(file, c, stream),
        }
}
