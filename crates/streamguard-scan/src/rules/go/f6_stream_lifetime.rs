use streamguard_report::FindingId;

use super::Facts;
use crate::analysis::{Confidence, HandlerCtx, RawFinding, mentions};
use crate::rules::{LIFETIME_WORDS, rule};

rule! {
    /// ## What it does
    /// Finds long-lived grpc-go streams with no maximum lifetime or idle timeout: no timer in
    /// the handler ends them and the server sets no `keepalive.ServerParameters{MaxConnectionAge, MaxConnectionIdle}`.
    ///
    /// ## Why is this bad?
    /// Streams accumulate without bound, each holding a goroutine, memory and an authorization
    /// decision taken once.
    ///
    /// ## Example
    /// ```go
    /// s := grpc.NewServer(grpc.StreamInterceptor(auth))
    /// ```
    ///
    /// ## Use instead
    /// ```go
    /// s := grpc.NewServer(grpc.KeepaliveParams(keepalive.ServerParameters{
    ///     MaxConnectionAge:      30 * time.Minute,
    ///     MaxConnectionAgeGrace: 10 * time.Second,
    ///     MaxConnectionIdle:     5 * time.Minute,
    /// }))
    /// ```
    pub(crate) struct StreamLifetime;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    if ctx.signals.lifetime_limit
        || !facts.long_lived
        || ctx.any_text(|t| mentions(t, LIFETIME_WORDS))
    {
        return true;
    }
    let message = format!(
        "{} has no maximum lifetime or idle timeout: no timer ends it and no `keepalive.ServerParameters{{MaxConnectionAge}}` bounds it",
        ctx.handler.kind.describe()
    );
    out.push(ctx.at_handler(FindingId::F6, Confidence::Medium, message));
    true
}
