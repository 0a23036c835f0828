use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding};
use crate::rules::rate_limits::{
    check_local_counter, counting_state_before, is_limiter_type, is_window_limiter,
    limiter_per_stream,
};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds rate limits kept per grpcio stream: state keyed by the `context` object, a
    /// limiter built inside the method, or a message counter local to it.
    ///
    /// ## Why is this bad?
    /// A reconnect is a new context and a fresh budget. Limits must follow the identity across
    /// streams and server processes.
    ///
    /// ## Example
    /// ```python
    /// count = 0
    /// for call in request_iterator:
    ///     count += 1
    ///     if count > 100:
    ///         context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limited")
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// for call in request_iterator:
    ///     if not self.limiter.allow(claims["sub"]):  # shared, e.g. Redis-backed
    ///         context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "rate_limited")
    /// ```
    pub(crate) struct IdentityRateLimit;
}

const LIMITERS: &[&str] = &[
    "RateLimiter",
    "TokenBucket",
    "Limiter",
    "Throttle",
    "LeakyBucket",
];

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    let own = ctx.own_text();
    if let Some(context) = ctx.func.params.get(2).map(|p| p.name.as_str()) {
        for key in [
            format!("[{context}]"),
            format!("[id({context})]"),
            format!("get({context}"),
            format!("get(id({context})"),
        ] {
            // A registry of streams keyed by the context (`self._subs[context] = q`) is not a
            // rate limit; counting state is.
            let found = own
                .match_indices(key.as_str())
                .map(|(i, _)| i)
                .find(|&i| counting_state_before(own, i));
            if let Some(i) = found {
                let message = format!(
                    "rate-limit state is keyed by the call `{context}`: reconnecting starts a fresh budget; key it by identity"
                );
                out.push(ctx.finding(
                    FindingId::F5,
                    ctx.file,
                    ctx.func.span.start + i,
                    Confidence::High,
                    message,
                ));
                return true;
            }
        }
    }
    if let Some(c) = ctx.own_calls().iter().find(|c| {
        LIMITERS.contains(&c.name.as_str())
            || is_limiter_type(&c.name)
            || is_window_limiter(&c.name, own)
    }) {
        out.push(limiter_per_stream(ctx, c, "share one keyed by identity"));
        return true;
    }
    check_local_counter(
        ctx,
        facts,
        &[
            "resource_exhausted",
            "rate",
            "limit",
            "budget",
            "quota",
            "window",
        ],
        out,
    );
    true
}
