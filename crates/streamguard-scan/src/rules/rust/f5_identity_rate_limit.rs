use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{local_counter, rule};

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
    if ctx.signals.streamguard {
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
    }) {
        let message = format!(
            "rate limiter `{}` is created per stream: reconnecting resets it; share one keyed by identity",
            c.callee
        );
        out.push(ctx.finding(
            FindingId::F5,
            ctx.file,
            c.span.start,
            Confidence::Medium,
            message,
        ));
        return true;
    }
    let own = ctx.own_text();
    if !mentions(own, &["resource_exhausted", "rate"]) {
        return true;
    }
    let loops: Vec<&str> = ctx
        .file
        .loops_in(&ctx.func.span)
        .map(|l| ctx.file.src(&l.span))
        .collect();
    if let Some((at, name)) = local_counter(own, &loops) {
        let _ = facts;
        let message = format!(
            "message counter `{name}` lives in the stream handler: the limit resets on every reconnect; count per identity instead"
        );
        out.push(ctx.finding(
            FindingId::F5,
            ctx.file,
            ctx.func.span.start + at,
            Confidence::Medium,
            message,
        ));
    }
    true
}
