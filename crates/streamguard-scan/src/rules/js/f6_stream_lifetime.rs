use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::check_stream_lifetime;
use crate::rules::{mentions_expiry_or_revocation, rule};

rule! {
    /// ## What it does
    /// Finds long-lived grpc-js streams (bidirectional, client streaming, or server streams
    /// fed by an interval or subscription) that nothing bounds: no timer ends them and the
    /// server sets no `grpc.max_connection_age_ms` / `grpc.max_connection_idle_ms`.
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
    let ending_timer = ctx.calls().any(|(f, c)| {
        let a = f.src(&c.args);
        c.name == "setTimeout"
            && (a.contains(".end(") || a.contains(".destroy(") || a.contains(".cancel("))
            && !mentions_expiry_or_revocation(a)
    });
    if !ending_timer {
        check_stream_lifetime(ctx, facts.endless, out);
    }
    true
}
