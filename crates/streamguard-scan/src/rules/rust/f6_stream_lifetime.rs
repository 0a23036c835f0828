use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::lifetime::check_stream_lifetime;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds tonic streams that never end on their own (a spawned loop feeding the response
    /// channel, an interval, a broadcast or watch subscription) in a program whose server sets
    /// no `Server::builder().max_connection_age(…)` and does not use streamguard's layer.
    /// Request/response bidi streams, uploads and relays of a job's progress are not reported.
    ///
    /// ## Why is this bad?
    /// Nothing ever closes these streams: they accumulate, each holding a task, memory and an
    /// authorization decision taken once at open.
    ///
    /// ## Example
    /// ```rs
    /// tokio::spawn(async move {
    ///     let mut tick = tokio::time::interval(Duration::from_secs(1));
    ///     loop { tick.tick().await; if tx.send(Ok(update())).await.is_err() { break } }
    /// });
    /// ```
    ///
    /// ## Use instead
    /// ```rs
    /// let lifetime = tokio::time::sleep(MAX_STREAM_LIFETIME);
    /// tokio::pin!(lifetime);
    /// loop {
    ///     tokio::select! {
    ///         _ = &mut lifetime => { let _ = tx.send(Err(Status::deadline_exceeded("max_stream_lifetime"))).await; break }
    ///         _ = tick.tick() => if tx.send(Ok(update())).await.is_err() { break },
    ///     }
    /// }
    /// ```
    /// or `Server::builder().layer(streamguard::StreamGuardLayer::new(config))`.
    pub(crate) struct StreamLifetime;
}

pub(super) fn check(ctx: &HandlerCtx<'_>, facts: &Facts<'_>, out: &mut Vec<RawFinding>) -> bool {
    check_stream_lifetime(ctx, facts, out);
    true
}
