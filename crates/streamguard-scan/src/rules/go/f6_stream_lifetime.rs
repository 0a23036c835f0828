use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::check_stream_lifetime;
use crate::rules::rule;

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
    check_stream_lifetime(ctx, facts.endless, out);
    true
}
