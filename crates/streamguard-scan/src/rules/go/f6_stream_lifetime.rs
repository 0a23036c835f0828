use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::lifetime::check_stream_lifetime;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-go streams that never end on their own (a loop sending from a ticker,
    /// channel or subscription; `Watch`/`Subscribe` feeds) in a program whose server sets no
    /// `keepalive.ServerParameters{MaxConnectionAge: …}` and no timer in the handler ends them.
    /// Request/response bidi streams, uploads and relays of a job's progress end with their
    /// work and are not reported; `MaxConnectionIdle` does not bound a stream that keeps sending.
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
    /// }))
    /// ```
    pub(crate) struct StreamLifetime;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_stream_lifetime(ctx, facts, out);
    true
}
