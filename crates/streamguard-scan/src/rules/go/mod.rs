//! Rules for grpc-go handlers.

mod f1_auth_drift;
mod f2_per_message_authz;
mod f3_deadline_propagation;
mod f4_cancellation;
mod f5_identity_rate_limit;
mod f6_stream_lifetime;

use super::common::{
    Facts, auth_at_open, family_rules, in_message_loop, message_loops, stream_escapes,
};
use crate::analysis::{HandlerCtx, Role, mentions};
use crate::syntax::{Call, Loop, ParsedFile, Span};

family_rules!(facts);

/// The message loops are the innermost `for { msg, err := stream.Recv() … }` loops.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let recv = format!("{}.Recv", ctx.handler.stream);
    let mut loops = message_loops(ctx, |file, role, l| {
        file.calls_in(&l.body)
            .iter()
            .any(|c| c.callee == recv || (role != Role::Own && c.name == "Recv"))
    });
    // Only the innermost loop that receives is the message loop.
    let spans: Vec<Span> = loops.iter().map(|l| l.region.clone()).collect();
    loops.retain(|l| {
        !spans
            .iter()
            .any(|s| s != &l.region && l.region.start <= s.start && s.end <= l.region.end)
    });
    let auth_open = auth_at_open(ctx, |f, b| in_message_loop(&loops, f, b), is_auth);
    let reads_long = !loops.is_empty() || stream_escapes(ctx.own_text(), &ctx.handler.stream);
    let long_lived = (ctx.handler.kind.reads() && reads_long)
        || ctx
            .file
            .loops_in(&ctx.func.span)
            .any(|l| unbounded(ctx.file, l, &ctx.handler.stream))
        || ctx
            .own_calls()
            .iter()
            .any(|c| ["NewTicker", "Tick", "Subscribe", "Watch"].contains(&c.name.as_str()));
    Facts {
        loops,
        auth_open,
        long_lived,
    }
}

/// A loop that runs until something stops it: `for {`, `for !done {`, `for range ticker.C`,
/// `for u := range updates` over a channel. `for i := 0; i < n; i++` and a range over a slice
/// or map are finite.
pub(crate) fn unbounded(file: &ParsedFile, l: &Loop, stream: &str) -> bool {
    let header = file.src(&l.header).trim();
    let h = header.strip_prefix("for").unwrap_or(header).trim();
    if h.is_empty() {
        // `for { n, err := r.Read(buf); if err == io.EOF { break } … }` drains a finite source
        // (a loop that receives from the caller's own stream is not one).
        let body = file.src(&l.body);
        return !body.contains("io.EOF") || body.contains(&format!("{stream}.Recv("));
    }
    if let Some(i) = h.find("range") {
        let operand = h[i + "range".len()..].trim();
        return channel_like(file, operand, l.span.start);
    }
    if h.contains(';') {
        // `for init; cond; post`: finite unless the condition is empty.
        return h.split(';').nth(1).is_some_and(|c| c.trim().is_empty());
    }
    // `for sent < total` counts towards an end; `for !done`, `for ctx.Err() == nil` wait.
    !(h.contains('<') || h.contains('>'))
}

/// A range operand that is a channel: a ticker's `.C`, a receive, a subscription, or a
/// variable made with `make(chan …)` / returned by a subscribe/watch call.
fn channel_like(file: &ParsedFile, operand: &str, before: usize) -> bool {
    const FEEDS: &[&str] = &[
        "subscribe",
        "watch",
        "updates",
        "events",
        "notify",
        "feed",
        "listen",
        "chan",
    ];
    if operand.ends_with(".C") || operand.starts_with("<-") || mentions(operand, FEEDS) {
        return true;
    }
    operand.chars().all(crate::syntax::is_ident_char)
        && file.binding(operand, before).is_some_and(|b| {
            mentions(
                file.src(&b.value),
                &["make(chan", "subscribe(", "watch(", "listen("],
            )
        })
}

/// A check of the caller's token: `jwt.Parse(…)`, `verifyToken(…)`, `md.Get("authorization")`,
/// or the `authorization` value handed to a function.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    super::common::is_token_check(file, c) || mentions(file.src(&c.args), &["\"authorization\""])
}

/// `context.Background()` / `context.TODO()`: a context without the caller's deadline.
pub(crate) fn is_root_context(arg: &str) -> bool {
    matches!(arg.trim(), "context.Background()" | "context.TODO()")
}
