use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::common::{in_message_loop, limiter_per_stream};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-js rate limits kept per stream: a map keyed by the call object, a message
    /// counter local to the handler, or a limiter created inside the handler.
    ///
    /// ## Why is this bad?
    /// Reconnecting gives a fresh stream and so a fresh budget: an agent that hits the limit
    /// just opens a new stream. Limits must follow the identity across streams and servers.
    ///
    /// ## Example
    /// ```js
    /// const streamMessageCount = new Map(); // keyed by the stream object
    /// call.on('data', () => {
    ///   const n = (streamMessageCount.get(call) || 0) + 1;
    ///   streamMessageCount.set(call, n);
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// const identityMessageCount = new Map(); // keyed by the token's subject
    /// call.on('data', () => {
    ///   const key = claims.sub + ':' + Math.floor(Date.now() / 60000);
    ///   identityMessageCount.set(key, (identityMessageCount.get(key) || 0) + 1);
    /// });
    /// ```
    pub(crate) struct IdentityRateLimit;
}

const RATE_WORDS: &[&str] = &[
    "count", "rate", "limit", "quota", "bucket", "budget", "throttle", "msg", "message",
];
const LIMITERS: &[&str] = &[
    "RateLimiter",
    "RateLimiterMemory",
    "TokenBucket",
    "Bottleneck",
    "LeakyBucket",
    "Limiter",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let stream = ctx.handler.stream.as_str();
    for (file, c) in ctx.calls() {
        let args = file.src(&c.args).trim_start_matches('(').trim_start();
        let keyed_by_stream = args
            .strip_prefix(stream)
            .is_some_and(|rest| rest.trim_start().starts_with([',', ')']));
        if keyed_by_stream
            && ["get", "set", "has", "consume", "increment"].contains(&c.name.as_str())
            && mentions(c.receiver(), RATE_WORDS)
        {
            let message = format!(
                "rate-limit state `{}` is keyed by the stream object `{stream}`: reconnecting starts a fresh budget; key it by the token's identity",
                c.receiver()
            );
            out.push(ctx.finding(FindingId::F5, file, c.span.start, Confidence::High, message));
            return true;
        }
    }
    if let Some(c) = ctx
        .own_calls()
        .iter()
        .find(|c| LIMITERS.contains(&c.name.as_str()))
    {
        out.push(limiter_per_stream(ctx, c, "share one keyed by identity"));
        return true;
    }
    // `let count = 0` in the handler, `count++` and `count > N` in the message loop.
    let own = ctx.own_text();
    let limited = mentions(own, &["resource_exhausted", "rate"]);
    for (i, _) in own.match_indices("let ") {
        let rest = &own[i + 4..];
        let name: String = rest
            .chars()
            .take_while(|&c| crate::syntax::is_ident_char(c))
            .collect();
        if name.is_empty() || !rest[name.len()..].trim_start().starts_with("= 0") {
            continue;
        }
        let byte = ctx.func.span.start + i;
        if in_message_loop(&facts.loops, ctx.file, byte) {
            continue;
        }
        let counted = facts.loops.iter().any(|l| {
            let t = l.file.src(&l.region);
            (t.contains(&format!("{name}++"))
                || t.contains(&format!("{name} += 1"))
                || t.contains(&format!("++{name}")))
                && (t.contains(&format!("{name} >")) || t.contains(&format!("{name} >=")))
        });
        if counted && limited {
            let message = format!(
                "message counter `{name}` lives in the stream handler: the limit resets on every reconnect; count per identity instead"
            );
            out.push(ctx.finding(FindingId::F5, ctx.file, byte, Confidence::Medium, message));
            return true;
        }
    }
    true
}
