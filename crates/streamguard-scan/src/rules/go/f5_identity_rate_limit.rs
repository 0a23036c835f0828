use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding};
use crate::rules::rate_limits::{check_local_counter, counting_state_before, limiter_per_stream};
use crate::rules::rule;

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

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if let Some(c) = ctx
        .own_calls()
        .iter()
        .find(|c| c.callee.ends_with("rate.NewLimiter") || c.callee == "NewLimiter")
    {
        out.push(limiter_per_stream(ctx, c, "keep one per identity"));
        return true;
    }
    let own = ctx.own_text();
    let keyed = format!("[{}]", ctx.handler.stream);
    if let Some(i) = own
        .match_indices(&keyed)
        .map(|(i, _)| i)
        .find(|&i| counting_state_before(own, i))
    {
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
    check_local_counter(
        ctx,
        facts,
        &[
            "resourceexhausted",
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
