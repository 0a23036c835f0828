//! What the edge did to connections and streams, rendered in the Prometheus text format.

use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering::Relaxed};

/// An event the edge counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    ConnectionAccepted,
    /// Closed at once because `max_connections` were open.
    ConnectionRefused,
    /// `accept` failed (e.g. out of file descriptors); the loop backed off.
    AcceptError,
    /// Closed because the handshake did not finish within `handshake_timeout`.
    HandshakeTimeout,
    /// Closed (GOAWAY) after `connection_idle_timeout` without an open stream.
    IdleConnectionClosed,
    /// Ended by a protocol or I/O error, e.g. GOAWAY `ENHANCE_YOUR_CALM` after a reset flood.
    ConnectionError,
    /// Answered `415 Unsupported Media Type`.
    UnsupportedMediaType,
    /// A public-path stream refused over its cap.
    PublicStreamRefused,
    /// A public-path stream ended at its maximum lifetime.
    PublicStreamLifetimeEnded,
    /// A stream that finished by itself during the drain period.
    StreamDrained,
    /// A stream still live at the end of the drain period, ended with `shutting_down`.
    StreamEndedAtShutdown,
}

impl Event {
    const ALL: [Event; 11] = [
        Event::ConnectionAccepted,
        Event::ConnectionRefused,
        Event::AcceptError,
        Event::HandshakeTimeout,
        Event::IdleConnectionClosed,
        Event::ConnectionError,
        Event::UnsupportedMediaType,
        Event::PublicStreamRefused,
        Event::PublicStreamLifetimeEnded,
        Event::StreamDrained,
        Event::StreamEndedAtShutdown,
    ];

    fn name_and_help(self) -> (&'static str, &'static str) {
        match self {
            Event::ConnectionAccepted => (
                "streamguard_edge_connections_accepted_total",
                "Connections accepted and served.",
            ),
            Event::ConnectionRefused => (
                "streamguard_edge_connections_refused_total",
                "Connections closed at once because max_connections were open.",
            ),
            Event::AcceptError => (
                "streamguard_edge_accept_errors_total",
                "Failed accepts (e.g. out of file descriptors); the accept loop backed off.",
            ),
            Event::HandshakeTimeout => (
                "streamguard_edge_handshake_timeouts_total",
                "Connections closed because their handshake did not finish in time.",
            ),
            Event::IdleConnectionClosed => (
                "streamguard_edge_idle_connections_closed_total",
                "Connections closed after connection_idle_timeout without an open stream.",
            ),
            Event::ConnectionError => (
                "streamguard_edge_connection_errors_total",
                "Connections ended by a protocol or I/O error (e.g. GOAWAY ENHANCE_YOUR_CALM after a reset flood).",
            ),
            Event::UnsupportedMediaType => (
                "streamguard_edge_unsupported_media_type_total",
                "Requests answered 415 because they were not gRPC.",
            ),
            Event::PublicStreamRefused => (
                "streamguard_edge_public_streams_refused_total",
                "Streams on unauthenticated paths refused over their cap.",
            ),
            Event::PublicStreamLifetimeEnded => (
                "streamguard_edge_public_streams_lifetime_ended_total",
                "Streams on unauthenticated paths ended at their maximum lifetime.",
            ),
            Event::StreamDrained => (
                "streamguard_edge_streams_drained_total",
                "Streams that finished by themselves during the shutdown drain period.",
            ),
            Event::StreamEndedAtShutdown => (
                "streamguard_edge_streams_ended_at_shutdown_total",
                "Streams still live after the drain period, ended with UNAVAILABLE shutting_down.",
            ),
        }
    }

    fn index(self) -> usize {
        Event::ALL.iter().position(|e| *e == self).unwrap_or(0)
    }
}

/// Counters and gauges of one edge; every field is lock-free.
#[derive(Debug)]
pub struct EdgeMetrics {
    events: [AtomicU64; Event::ALL.len()],
    connections_open: AtomicI64,
    streams_open: AtomicI64,
    public_streams_open: AtomicI64,
}

impl Default for EdgeMetrics {
    fn default() -> Self {
        EdgeMetrics {
            events: std::array::from_fn(|_| AtomicU64::new(0)),
            connections_open: AtomicI64::new(0),
            streams_open: AtomicI64::new(0),
            public_streams_open: AtomicI64::new(0),
        }
    }
}

/// A point-in-time copy of the gauges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    pub connections: i64,
    pub streams: i64,
    pub public_streams: i64,
}

impl EdgeMetrics {
    pub(crate) fn count(&self, event: Event) {
        self.events[event.index()].fetch_add(1, Relaxed);
    }

    pub fn get(&self, event: Event) -> u64 {
        self.events[event.index()].load(Relaxed)
    }

    pub(crate) fn connections(&self, delta: i64) {
        self.connections_open.fetch_add(delta, Relaxed);
    }

    pub(crate) fn streams(&self, delta: i64) {
        self.streams_open.fetch_add(delta, Relaxed);
    }

    pub(crate) fn public_streams(&self, delta: i64) {
        self.public_streams_open.fetch_add(delta, Relaxed);
    }

    pub fn open(&self) -> Open {
        Open {
            connections: self.connections_open.load(Relaxed),
            streams: self.streams_open.load(Relaxed),
            public_streams: self.public_streams_open.load(Relaxed),
        }
    }

    /// The Prometheus text exposition of every counter and gauge.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(2048);
        let open = self.open();
        for (name, help, v) in [
            (
                "streamguard_edge_connections_open",
                "Connections open now.",
                open.connections,
            ),
            (
                "streamguard_edge_streams_open",
                "Streams (requests) in progress now.",
                open.streams,
            ),
            (
                "streamguard_edge_public_streams_open",
                "Streams on unauthenticated paths in progress now.",
                open.public_streams,
            ),
        ] {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}");
        }
        for e in Event::ALL {
            let (name, help) = e.name_and_help();
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                self.get(e)
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_counter_is_rendered_once() {
        let m = EdgeMetrics::default();
        m.count(Event::ConnectionRefused);
        m.count(Event::ConnectionRefused);
        let text = m.render();
        assert!(
            text.contains("\nstreamguard_edge_connections_refused_total 2\n"),
            "{text}"
        );
        for e in Event::ALL {
            let (name, _) = e.name_and_help();
            assert_eq!(
                text.matches(&format!("# TYPE {name} ")).count(),
                1,
                "{name}"
            );
        }
    }
}
