//! What the edge allows a peer, with defaults that hold up on the open internet.
//!
//! | setting | default | bounds what |
//! |---|---|---|
//! | `max_connections` | 1024 | connections served at once; one over the cap is closed as soon as it is accepted |
//! | `handshake_timeout` | 10 s | time from accept to the end of the handshake (transport, then the HTTP/2 preface and SETTINGS, or an HTTP/1.1 request head) |
//! | `keepalive_interval` / `keepalive_timeout` | 30 s / 10 s | an HTTP/2 PING after this long without frames; no answer in time closes the connection |
//! | `connection_idle_timeout` | 5 min | time a connection may stay open without any open stream (then GOAWAY) |
//! | `max_concurrent_streams` | 100 | `SETTINGS_MAX_CONCURRENT_STREAMS` |
//! | `max_pending_accept_reset_streams` | 20 | streams the peer may reset before the server accepted them (rapid reset) |
//! | `max_local_error_reset_streams` | 256 | streams the server may reset for the peer's protocol errors |
//! | `max_header_list_size` | 16 KiB | `SETTINGS_MAX_HEADER_LIST_SIZE` |
//! | `stream_window` / `connection_window` | 256 KiB / 1 MiB | bytes a peer may send before the server reads them |
//! | `max_send_buffer` | 64 KiB | bytes queued per stream for a peer that does not read |
//! | `drain_period` | 10 s | time live streams keep going after a shutdown signal |
//! | `public.*` | 64, 4 per connection, 10 min | streams on unauthenticated paths (health, reflection) |

use std::time::Duration;

/// The edge's settings; [`EdgeConfig::default`] is the hardened default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeConfig {
    /// Connections served at once. Connections over the cap are closed at once and counted.
    pub max_connections: usize,
    /// Time from accept to a completed handshake; a peer that has not finished by then is
    /// disconnected.
    pub handshake_timeout: Duration,
    /// Send an HTTP/2 PING after this long without frames from the peer (`None`: never).
    pub keepalive_interval: Option<Duration>,
    /// Close the connection when a PING is not answered within this time.
    pub keepalive_timeout: Duration,
    /// Close (GOAWAY) a connection that has had no open stream for this long.
    pub connection_idle_timeout: Duration,
    /// `SETTINGS_MAX_CONCURRENT_STREAMS` per connection.
    pub max_concurrent_streams: u32,
    /// Streams the peer may reset before the server accepted them, after which the connection
    /// gets GOAWAY (`ENHANCE_YOUR_CALM`): the rapid-reset defence.
    pub max_pending_accept_reset_streams: usize,
    /// Streams the server may reset because of the peer's errors before it ends the connection.
    pub max_local_error_reset_streams: usize,
    /// `SETTINGS_MAX_HEADER_LIST_SIZE`: the largest header block a peer may send.
    pub max_header_list_size: u32,
    /// Initial HTTP/2 flow-control window per stream.
    pub stream_window: u32,
    /// Initial HTTP/2 flow-control window per connection.
    pub connection_window: u32,
    /// Bytes buffered per stream for sending before the server stops producing more.
    pub max_send_buffer: usize,
    /// After a shutdown signal, how long live streams may go on before they are ended with
    /// `UNAVAILABLE` / `shutting_down`. Zero ends them at once.
    pub drain_period: Duration,
    /// Limits on paths served without authentication.
    pub public: PublicLimits,
}

/// Paths served without authentication (health checks, reflection) still cost a stream each:
/// they get a cap of their own and a maximum lifetime.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicLimits {
    /// Path prefixes that are public, e.g. `/grpc.health.v1.Health/`.
    pub path_prefixes: Vec<String>,
    /// Public streams open at once across all connections.
    pub max_streams: usize,
    /// Public streams open at once on one connection.
    pub max_streams_per_connection: u32,
    /// A public stream is ended with `UNAVAILABLE` / `max_stream_lifetime` after this long.
    pub max_lifetime: Duration,
}

impl Default for EdgeConfig {
    fn default() -> Self {
        EdgeConfig {
            max_connections: 1024,
            handshake_timeout: Duration::from_secs(10),
            keepalive_interval: Some(Duration::from_secs(30)),
            keepalive_timeout: Duration::from_secs(10),
            connection_idle_timeout: Duration::from_secs(5 * 60),
            max_concurrent_streams: 100,
            max_pending_accept_reset_streams: 20,
            max_local_error_reset_streams: 256,
            max_header_list_size: 16 << 10,
            stream_window: 256 << 10,
            connection_window: 1 << 20,
            max_send_buffer: 64 << 10,
            drain_period: Duration::from_secs(10),
            public: PublicLimits::default(),
        }
    }
}

impl Default for PublicLimits {
    fn default() -> Self {
        PublicLimits {
            // The same paths the guard lets through without a token.
            path_prefixes: streamguard::GuardConfig::default().public_path_prefixes,
            max_streams: 64,
            max_streams_per_connection: 4,
            max_lifetime: Duration::from_secs(10 * 60),
        }
    }
}

impl PublicLimits {
    pub fn is_public(&self, path: &str) -> bool {
        self.path_prefixes
            .iter()
            .any(|p| path.starts_with(p.as_str()))
    }
}

/// A setting out of range, named by its key.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{key}: {problem}")]
pub struct InvalidConfig {
    pub key: &'static str,
    pub problem: String,
}

/// Longest duration any setting takes: far enough for any use, near enough that deadlines
/// computed from it never overflow.
pub const MAX_DURATION: Duration = Duration::from_secs(365 * 24 * 3600);

/// Largest flow-control window HTTP/2 allows (RFC 9113 §6.9.1).
const MAX_WINDOW: u32 = (1 << 31) - 1;
/// The window every HTTP/2 peer starts with; smaller windows starve throughput.
const MIN_WINDOW: u32 = 65_535;

impl EdgeConfig {
    /// Checks every setting is usable; the error names the key and the accepted range.
    pub fn validate(&self) -> Result<(), InvalidConfig> {
        let bad = |key, problem: &str| {
            Err(InvalidConfig {
                key,
                problem: problem.to_string(),
            })
        };
        if self.max_connections == 0 {
            return bad("max_connections", "must be at least 1");
        }
        for (key, d) in [
            ("handshake_timeout", Some(self.handshake_timeout)),
            ("keepalive_interval", self.keepalive_interval),
            ("keepalive_timeout", Some(self.keepalive_timeout)),
            (
                "connection_idle_timeout",
                Some(self.connection_idle_timeout),
            ),
            ("drain_period", Some(self.drain_period)),
            ("public_max_lifetime", Some(self.public.max_lifetime)),
        ] {
            if d.is_some_and(|d| d > MAX_DURATION) {
                return bad(key, "must be at most 365 days");
            }
        }
        if self.handshake_timeout.is_zero() {
            return bad("handshake_timeout", "must be more than 0s, e.g. \"10s\"");
        }
        if self.keepalive_interval.is_some_and(|d| d.is_zero()) || self.keepalive_timeout.is_zero()
        {
            return bad(
                "keepalive_interval",
                "keepalive_interval and keepalive_timeout must be more than 0s",
            );
        }
        if self.connection_idle_timeout.is_zero() {
            return bad(
                "connection_idle_timeout",
                "must be more than 0s, e.g. \"5m\"",
            );
        }
        if self.max_concurrent_streams == 0 {
            return bad("max_concurrent_streams", "must be at least 1");
        }
        if self.max_header_list_size < 1024 {
            return bad("max_header_list_size", "must be at least 1024 bytes");
        }
        for (key, window) in [
            ("stream_window", self.stream_window),
            ("connection_window", self.connection_window),
        ] {
            if !(MIN_WINDOW..=MAX_WINDOW).contains(&window) {
                return bad(key, "must be between 65535 and 2147483647 bytes");
            }
        }
        if !(16 << 10..=MAX_WINDOW as usize).contains(&self.max_send_buffer) {
            return bad(
                "max_send_buffer",
                "must be between 16384 and 2147483647 bytes",
            );
        }
        if self.public.max_streams == 0 || self.public.max_streams_per_connection == 0 {
            return bad(
                "public_max_streams",
                "public_max_streams and public_max_streams_per_connection must be at least 1",
            );
        }
        if self.public.max_lifetime.is_zero() {
            return bad("public_max_lifetime", "must be more than 0s, e.g. \"10m\"");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid() {
        assert_eq!(EdgeConfig::default().validate(), Ok(()));
    }

    #[test]
    fn out_of_range_settings_name_their_key() {
        type Spoil = fn(&mut EdgeConfig);
        let cases: [(&str, Spoil); 6] = [
            ("max_connections", |c| c.max_connections = 0),
            ("drain_period", |c| c.drain_period = Duration::MAX),
            ("handshake_timeout", |c| {
                c.handshake_timeout = Duration::ZERO
            }),
            ("stream_window", |c| c.stream_window = u32::MAX),
            ("max_send_buffer", |c| c.max_send_buffer = usize::MAX),
            ("public_max_lifetime", |c| {
                c.public.max_lifetime = Duration::ZERO
            }),
        ];
        for (key, spoil) in cases {
            let mut c = EdgeConfig::default();
            spoil(&mut c);
            assert_eq!(c.validate().map_err(|e| e.key), Err(key));
        }
    }

    #[test]
    fn public_paths_match_by_prefix() {
        let p = PublicLimits::default();
        assert!(p.is_public("/grpc.health.v1.Health/Watch"));
        assert!(p.is_public("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"));
        assert!(!p.is_public("/mcp.v1.McpStreaming/WatchResource"));
    }
}
