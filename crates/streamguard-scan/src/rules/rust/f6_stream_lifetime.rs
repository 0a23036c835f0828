use super::Facts;
use crate::analysis::{HandlerCtx, RawFinding};
use crate::rules::common::check_stream_lifetime;
use crate::rules::rule;

rule! {
    /// ## What it does
    /// Finds long-lived tonic streams (client streaming, bidirectional, or server streams fed
    /// by a loop, interval or subscription) with no maximum lifetime or idle timeout, when the
    /// project does not use streamguard's layer either.
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
    check_stream_lifetime(ctx, facts.endless, out);
    true
}
