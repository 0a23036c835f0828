//! Graceful shutdown: GOAWAY to every connection, live streams go on for the drain period, then
//! every stream still live ends with `UNAVAILABLE` / `shutting_down` (the trailers reach the
//! client), and connections that still do not close are cut.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::timeout;

use crate::metrics::Event;
use crate::stream::EdgeShared;

/// Time the trailers of streams ended at the end of the drain period get to reach their
/// clients before the connections are cut.
const TRAILERS_GRACE: Duration = Duration::from_secs(2);

/// Drains `connections` (already no longer accepting) and returns once all are closed.
pub(crate) async fn drain(edge: &EdgeShared, mut connections: JoinSet<()>) {
    let period = edge.config.drain_period;
    tracing::info!(
        connections = connections.len(),
        streams = edge.metrics.open().streams,
        drain_period_ms = period.as_millis() as u64,
        "draining: GOAWAY sent, live streams go on until the drain period ends"
    );
    edge.draining.cancel();
    if timeout(period, join_all(&mut connections)).await.is_err() {
        tracing::info!(
            streams = edge.metrics.open().streams,
            "drain period over: ending live streams with UNAVAILABLE shutting_down"
        );
        edge.ending.cancel();
        if timeout(TRAILERS_GRACE, join_all(&mut connections))
            .await
            .is_err()
        {
            tracing::warn!(
                connections = connections.len(),
                "closing connections whose peers did not finish"
            );
            connections.shutdown().await;
        }
    }
    tracing::info!(
        drained = edge.metrics.get(Event::StreamDrained),
        ended = edge.metrics.get(Event::StreamEndedAtShutdown),
        "shut down"
    );
}

pub(crate) async fn join_all(connections: &mut JoinSet<()>) {
    while let Some(joined) = connections.join_next().await {
        log_join(joined);
    }
}

pub(crate) fn log_join(joined: Result<(), tokio::task::JoinError>) {
    if let Err(e) = joined
        && e.is_panic()
    {
        tracing::error!(error = %e, "a connection task panicked");
    }
}
