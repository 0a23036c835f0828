use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::lifetime::check_stream_lifetime;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpcio streams that never end on their own (`while True:` yielding from a feed,
    /// a queue or a subscription) in a program whose server sets no
    /// `grpc.max_connection_age_ms` option and nothing in the method ends them. Request/response
    /// bidi streams, uploads and relays of a job's progress are not reported;
    /// `grpc.max_connection_idle_ms` does not bound a stream that keeps sending.
    ///
    /// ## Why is this bad?
    /// Streams accumulate, each holding a worker thread (sync grpcio has a fixed pool) and an
    /// authorization decision taken once.
    ///
    /// ## Example
    /// ```python
    /// server = grpc.server(futures.ThreadPoolExecutor(max_workers=10))
    /// ```
    ///
    /// ## Use instead
    /// ```python
    /// server = grpc.server(
    ///     futures.ThreadPoolExecutor(max_workers=10),
    ///     options=[("grpc.max_connection_age_ms", 30 * 60_000), ("grpc.max_connection_age_grace_ms", 10_000)],
    /// )
    /// ```
    pub(crate) struct StreamLifetime;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_stream_lifetime(ctx, facts, out);
    true
}
