use streamguard_report::FindingId;

use super::f3_deadline_propagation::{is_client_call, propagation};
use super::{Facts, listener};
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
    let stream = ctx.handler.stream.as_str();
    // What the handler does when the client goes away: its `cancelled`/`close` listeners.
    let on_cancel: Vec<&str> = ctx
        .calls()
        .filter(|(f, c)| {
            c.name == "on" && matches!(event_name(f.src(&c.args)), Some("cancelled" | "close"))
        })
        .map(|(f, c)| listener(ctx, f, c))
        .collect();
    // In-flight work is aborted: an AbortController (or a signal tied to the call, not
    // `AbortSignal.timeout(…)`), a listener that aborts or cancels, a `cancelled` flag read.
    let aborts = on_cancel
        .iter()
        .any(|t| t.contains(".abort(") || t.contains(".cancel("))
        || ctx.any_text(|t| {
            t.contains("AbortController")
                || t.contains(".cancelled")
                || t.match_indices("signal:").any(|(i, _)| {
                    !t[i + "signal:".len()..]
                        .trim_start()
                        .starts_with("AbortSignal.timeout")
                })
        });
    // Timers and subscriptions are stopped: any cancel listener that clears or unsubscribes.
    let stops = aborts || !on_cancel.is_empty();
    let work = ctx
        .own_calls()
        .iter()
        .find(|c| is_async_work(ctx.file, c, stream));
    // A poller a helper starts for the call (`const poller = startPoller(…)`, a `setInterval`
    // inside) and that only the `end`/`finish` listener stops.
    if work.is_none()
        && let Some(c) = ctx.own_calls().iter().find(|c| {
            ctx.helpers_of(ctx.body_file(), c)
                .iter()
                .any(|(hf, span)| ctx.project.files[*hf].src(span).contains("setInterval("))
                && cleared_only_at_end(ctx, c)
        })
    {
        let message = format!(
            "a poller (`{}`) is stopped only when the stream ends normally: a client that cancels never ends it, so it keeps polling; stop it on `cancelled` too",
            snippet(c)
        );
        out.push(ctx.finding(
            FindingId::F4,
            ctx.file,
            c.span.start,
            Confidence::Medium,
            message,
        ));
        return true;
    }
    if let Some(c) = work {
        let timer = ["setInterval", "setTimeout"].contains(&c.name.as_str());
        let cleared_only_at_end = timer && cleared_only_at_end(ctx, c);
        if (timer && stops && !cleared_only_at_end) || (!timer && aborts) {
            return true;
        }
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
    } else if !aborts
        && let Some((file, byte)) = awaited_per_message(ctx, facts, stream, !on_cancel.is_empty())
    {
        let message = if on_cancel.is_empty() {
            format!(
                "work awaited for each message goes on after the client cancels: nothing aborts it (no `{stream}.on('cancelled')` listener or AbortSignal); abort in-flight work on `cancelled`"
            )
        } else {
            format!(
                "work awaited for each message goes on after the client cancels: the `cancelled`/`close` listener cleans up but aborts nothing in flight; pass an AbortSignal (or `{{ parent: {stream} }}`) and abort it on `cancelled`"
            )
        };
        out.push(ctx.finding(FindingId::F4, file, byte, Confidence::Medium, message));
    }
    true
}

/// A timer bound to a name (`const flusher = setInterval(flush, 5_000)`, or a poller a helper
/// starts) that only the `end`/`finish` listener clears or stops: a client that cancels never
/// sends its end, so the timer runs on.
fn cleared_only_at_end(ctx: &HandlerCtx<'_>, timer: &Call) -> bool {
    let file = ctx.file;
    let line = file.line_text(file.position(timer.span.start).0);
    let Some((left, _)) = line.split_once('=') else {
        return false;
    };
    let name = crate::syntax::last_ident(left.trim());
    if name.is_empty() {
        return false;
    }
    let stops = [
        format!("clearInterval({name})"),
        format!("clearTimeout({name})"),
        format!("{name}.stop("),
        format!("{name}.close("),
        format!("{name}.cancel("),
        format!("{name}.dispose("),
    ];
    let clears = |t: &str| {
        stops
            .iter()
            .map(|k| t.matches(k.as_str()).count())
            .sum::<usize>()
    };
    // Clears made by the listeners of each event (a named listener such as `stop` counts once
    // per event it is given to).
    let on = |events: &[&str]| {
        ctx.calls()
            .filter(|(f, c)| {
                c.name == "on" && event_name(f.src(&c.args)).is_some_and(|e| events.contains(&e))
            })
            .map(|(f, c)| clears(listener(ctx, f, c)))
            .sum::<usize>()
    };
    if on(&["cancelled", "close", "error"]) > 0 {
        return false;
    }
    let everywhere: usize = ctx
        .pieces
        .iter()
        .map(|p| clears(ctx.file_of(p).src(&p.span)))
        .sum();
    everywhere > 0 && everywhere <= on(&["end", "finish"])
}

/// The first `await x(…)` or `.then(` chain in a message loop: work started per message. With
/// `downstream_only`, only work that reaches another service (an HTTP request or a client call,
/// itself or in the helper it calls) counts. Work handed the call itself
/// (`await this.pricing.price(call, …)`) can take it as the `parent` of its downstream calls,
/// which the client's cancel then reaches.
fn awaited_per_message<'p>(
    ctx: &HandlerCtx<'p>,
    facts: &Facts<'p>,
    stream: &str,
    downstream_only: bool,
) -> Option<(&'p ParsedFile, usize)> {
    facts.loops.iter().find_map(|l| {
        let text = l.file.src(&l.region);
        let downstream = |at: usize| {
            l.file
                .calls_in(&(at..l.region.end))
                .first()
                .is_some_and(|c| {
                    is_async_work(l.file, c, stream)
                        || ctx.helpers_of(l.fi, c).iter().any(|(hf, span)| {
                            let h = &ctx.project.files[*hf];
                            h.calls_in(span).iter().any(|k| is_async_work(h, k, stream))
                        })
                })
        };
        let awaits = text.match_indices("await ").map(|(i, _)| i).find(|&i| {
            let rest = &text[i + "await ".len()..];
            let line = rest.split('\n').next().unwrap_or("");
            // A limiter, a cache or a lock consulted in process is not work left behind.
            let callee = line.split('(').next().unwrap_or("");
            let in_process = crate::analysis::mentions(
                callee,
                &[
                    "limit",
                    "quota",
                    "rate",
                    "throttl",
                    "allow",
                    "cache",
                    "lock",
                    "mutex",
                    "semaphore",
                    "acquire",
                    "consume",
                ],
            );
            // The call itself handed to the work, on any line of its arguments
            // (`await archive.updateStory({ … },\n call)`).
            let handed_the_call = l
                .file
                .calls_in(&(l.region.start + i..l.region.end))
                .first()
                .is_some_and(|c| crate::syntax::has_word(l.file.src(&c.args), stream));
            !text[..i].trim_end().ends_with("for")
                && rest.contains('(')
                && !in_process
                && !crate::syntax::has_word(line, stream)
                && !handed_the_call
                && (!downstream_only || downstream(l.region.start + i + "await ".len()))
        });
        let then = || text.find(".then(").filter(|_| !downstream_only);
        awaits.or_else(then).map(|i| (l.file, l.region.start + i))
    })
}

/// A `setTimeout` that does work later, for the caller, on its own (`setTimeout(() =>
/// unary(incidents, 'openIncident', …), 30_000)`): it fires after a cancel unless cleared. A
/// timer that acts on the call itself (`setTimeout(() => call.end(), MAX_MS)`, a lifetime) or
/// only logs is not such work.
fn delayed_side_effect(file: &ParsedFile, c: &Call, stream: &str) -> bool {
    if c.name != "setTimeout" || !c.receiver().is_empty() {
        return false;
    }
    let args = file.src(&c.args);
    if crate::syntax::has_word(args, stream) && !args.contains(&format!("{stream}.getDeadline")) {
        return false;
    }
    // The delay: at least a second (a literal or a named value).
    let delay = crate::rules::common::nth_arg(args, 1).replace('_', "");
    let long = delay
        .parse::<f64>()
        .map_or(!delay.is_empty(), |ms| ms >= 1000.0);
    long && file.calls_in(&c.args).iter().any(|k| {
        !std::ptr::eq(k, c)
            && ![
                "log",
                "info",
                "warn",
                "error",
                "debug",
                "clearTimeout",
                "clearInterval",
            ]
            .contains(&k.name.as_str())
            && k.receiver() != "console"
            && k.span.start > c.args.start
    })
}

/// Work that outlives the call unless stopped: timers, HTTP requests, child processes, and
/// downstream gRPC calls that do not take the call as `parent` (which cancels them with it).
fn is_async_work(file: &ParsedFile, c: &Call, stream: &str) -> bool {
    let r = c.receiver();
    ["fetch", "setInterval", "axios", "got", "spawn", "exec"].contains(&c.name.as_str())
        || delayed_side_effect(file, c, stream)
        || r == "axios"
        || match propagation(file.src(&c.args), stream) {
            // `{ parent: call }` makes it a downstream gRPC call; its flags say whether the
            // client's cancel reaches it.
            Some(p) => !p.cancellation,
            None => is_client_call(file, c, stream),
        }
}
