use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{local_counter, rule};

rule! {
    /// ## What it does
    /// Finds rate limits kept per grpc-go stream: a `rate.NewLimiter` built in the handler, a
    /// map indexed by the stream, or a message counter local to the handler.
    ///
    /// ## Why is this bad?
    /// Reconnecting gives a new stream and a fresh budget, so the limit never holds for a
    /// client that simply reconnects. Limits must follow the identity across streams.
    ///
    /// ## Example
    /// ```go
    /// limiter := rate.NewLimiter(rate.Limit(10), 20) // per stream
    /// for {
    ///     msg, err := stream.Recv()
    ///     if !limiter.Allow() { return status.Error(codes.ResourceExhausted, "rate_limited") }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// limiter := s.limiters.For(claims.Subject) // shared by every stream of this identity
    /// ```
    pub(crate) struct IdentityRateLimit;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, _facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if let Some(c) = ctx
        .own_calls()
        .iter()
        .find(|c| c.callee.ends_with("rate.NewLimiter") || c.callee == "NewLimiter")
    {
        let message = format!(
            "rate limiter `{}` is created per stream: reconnecting resets it; keep one per identity",
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
    let keyed = format!("[{}]", ctx.handler.stream);
    if let Some(i) = own.find(&keyed) {
        let message = format!(
            "rate-limit state is indexed by the stream `{keyed}`: reconnecting starts a fresh budget; key it by identity"
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
    if !mentions(own, &["resourceexhausted", "rate"]) {
        return true;
    }
    let loops: Vec<&str> = ctx
        .file
        .loops_in(&ctx.func.span)
        .map(|l| ctx.file.src(&l.span))
        .collect();
    if let Some((at, name)) = local_counter(own, &loops) {
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
