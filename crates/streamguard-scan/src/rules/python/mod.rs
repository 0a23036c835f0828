//! Rules for grpcio servicers (sync and `grpc.aio`).

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
use crate::syntax::{Call, Loop, ParsedFile};

family_rules!(facts);

/// The message loops are `for request in request_iterator:` loops (`async for` too) and, for
/// `grpc.aio`, loops that `await context.read()`.
fn facts<'p>(ctx: &HandlerCtx<'p>) -> Facts<'p> {
    let p = ctx.handler.stream.as_str();
    let context = ctx
        .func
        .params
        .get(2)
        .map(|p| p.name.as_str())
        .unwrap_or("context");
    let read = format!("{context}.read");
    let loops = message_loops(ctx, |file, role, l| {
        let h = file.src(&l.header).trim();
        h == p
            || (role != Role::Own && h.contains("iterator"))
            || file.calls_in(&l.body).iter().any(|c| c.callee == read)
    });
    let auth_open = auth_at_open(ctx, |f, b| in_message_loop(&loops, f, b), is_auth);
    let reads_long = !loops.is_empty() || stream_escapes(ctx.own_text(), p);
    let long_lived = (ctx.handler.kind.reads() && reads_long)
        || ctx
            .file
            .loops_in(&ctx.func.span)
            .any(|l| unbounded(ctx.file, l))
        || ctx
            .own_calls()
            .iter()
            .any(|c| ["subscribe", "listen", "watch"].contains(&c.name.as_str()));
    Facts {
        loops,
        auth_open,
        long_lived,
    }
}

/// A loop that runs until something stops it: `while True:`, `while context.is_active():`, or a
/// `for` over a subscription, queue or event feed. `for f in self.features:` and
/// `for i in range(10):` are finite.
fn unbounded(file: &ParsedFile, l: &Loop) -> bool {
    let whole = file.src(&l.span);
    let header = file.src(&l.header).trim();
    if whole.trim_start().starts_with("while") {
        // `while i < n` over a count is finite; anything else waits on the world.
        return !(header.contains('<')
            && (header.contains("len(") || header.chars().any(|c| c.is_ascii_digit())));
    }
    mentions(
        header,
        &[
            "listen",
            "subscribe",
            "watch",
            "queue",
            "events",
            "updates",
            "feed",
            "poll",
            "iter(",
            "tail",
            "follow",
            "stream",
        ],
    )
}

/// A check of the caller's token: `jwt.decode(…)`, `verify_token(…)`,
/// `metadata.get("authorization")`, or the `authorization` value handed to a function.
pub(crate) fn is_auth(file: &ParsedFile, c: &Call) -> bool {
    super::common::is_token_check(file, c)
        || mentions(file.src(&c.args), &["\"authorization\"", "'authorization'"])
}
