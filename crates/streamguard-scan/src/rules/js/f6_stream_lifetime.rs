use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::lifetime::check_stream_lifetime;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds grpc-js streams that never end on their own (a server stream fed by an interval,
    /// an event emitter or a subscription; an endless loop or relay of a feed) in a program
    /// whose server sets no `grpc.max_connection_age_ms` and no timer in the handler ends them.
    /// Request/response bidi streams, uploads and relays of a job's progress are not reported;
    /// `grpc.max_connection_idle_ms` does not bound a stream that keeps sending.
    ///
    /// ## Why is this bad?
    /// Streams accumulate forever: each one holds memory, a subscription and an authorization
    /// decision that is never taken again.
    ///
    /// ## Example
    /// ```js
    /// const server = new grpc.Server();
    /// function watchResource(call) {
    ///   const t = setInterval(() => call.write(snapshot()), 1000);
    ///   call.on('cancelled', () => clearInterval(t));
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```js
    /// const server = new grpc.Server({ 'grpc.max_connection_age_ms': 15 * 60_000 });
    /// // or per stream:
    /// const lifetime = setTimeout(() => call.end(), MAX_STREAM_LIFETIME_MS);
    /// ```
    pub(crate) struct StreamLifetime;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_stream_lifetime(ctx, facts, out);
    true
}
