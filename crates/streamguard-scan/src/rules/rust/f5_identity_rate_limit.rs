use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::rate_limits::{check_local_counter, is_limiter_type, limiter_per_stream};
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds rate limits kept per tonic stream: a limiter built inside the method
    /// (`RateLimiter::direct(…)`) or a message counter local to it.
    ///
    /// ## Why is this bad?
    /// Each new stream starts a fresh budget, so a client that hits the limit reconnects
    /// and carries on. The limit must follow the identity, across streams and instances.
    ///
    /// ## Example
    /// ```rs
    /// let mut count = 0;
    /// while let Some(msg) = inbound.message().await? {
    ///     count += 1;
    ///     if count > 100 { return Err(Status::resource_exhausted("rate_limited")); }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// // one keyed limiter shared by all streams (or streamguard's identity limiter, Redis-backed)
    /// if self.limiter.check_key(&claims.sub).is_err() {
    ///     return Err(Status::resource_exhausted("rate_limited"));
    /// }
    /// ```
    pub(crate) struct IdentityRateLimit;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if ctx.program.facts.streamguard {
        return true;
    }
    if let Some(c) = ctx.own_calls().iter().find(|c| {
        [
            "RateLimiter::direct",
            "RateLimiter::new",
            "TokenBucket::new",
            "Limiter::new",
            "RateLimiter::direct_with_clock",
        ]
        .iter()
        .any(|p| c.callee.ends_with(p))
            || (["new", "direct", "with_capacity"].contains(&c.name.as_str())
                && is_limiter_type(crate::lang::type_name(c.receiver())))
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
