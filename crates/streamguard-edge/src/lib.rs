//! The network edge of streamguard's servers: serves any tower HTTP service (tonic `Routes`
//! under [`streamguard::StreamGuardLayer`], or a gateway's proxy service) over TCP with hyper,
//! with limits on everything a peer can make the server hold.
//!
//! | what a peer could do | what bounds it | module |
//! |---|---|---|
//! | open idle TCP connections until descriptors run out | `max_connections` (excess closed at once, counted); back-off when `accept` fails | `accept`, [`Edge::serve`] |
//! | connect and never finish the handshake (e.g. preface only) | `handshake_timeout` over transport + preface + SETTINGS | `handshake`, `connection` |
//! | hold a connection open with no streams | `connection_idle_timeout` (GOAWAY), keepalive PING with a timeout | `connection` |
//! | open and reset streams in a loop (rapid reset) | `max_concurrent_streams`, `max_pending_accept_reset_streams`, `max_local_error_reset_streams` | `connection` |
//! | huge headers; never read responses | `max_header_list_size`; `stream_window`, `connection_window`, `max_send_buffer` | `connection` |
//! | send non-gRPC requests to a gRPC server | `415 Unsupported Media Type` (or a plain-HTTP route of your own) | [`content_type`] |
//! | flood unauthenticated paths (health, reflection) | [`PublicLimits`]: global and per-connection caps, maximum lifetime | `stream` |
//! | keep a stream open through a shutdown | [`EdgeConfig::drain_period`], then `UNAVAILABLE` / `shutting_down` | `drain` |
//! | read or alter traffic on the wire; connect without a client certificate | TLS (rustls, `ring`), optional mutual TLS, certificates reloaded in place | [`tls`] |
//!
//! # Example
//! ```no_run
//! use streamguard_edge::{Edge, EdgeConfig};
//! # async fn run(grpc: impl tower::Service<http::Request<hyper::body::Incoming>, Response = http::Response<http_body_util::Empty<bytes::Bytes>>, Error = std::convert::Infallible, Future: Send> + Clone + Send + 'static) -> Result<(), Box<dyn std::error::Error>> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:50051").await?;
//! let edge = Edge::new(EdgeConfig::default())?;
//! edge.serve(listener, grpc, async { let _ = tokio::signal::ctrl_c().await; }).await;
//! # Ok(()) }
//! ```
//! The gRPC service gets `http::Request<hyper::body::Incoming>`; for tonic, map the body with
//! `req.map(tonic::body::Body::new)`. Requests that are not gRPC go to the plain-HTTP route
//! ([`Edge::with_plain_http`], `415` by default), and [`Edge::with_transport`] puts e.g. TLS
//! between `accept` and HTTP.

mod accept;
pub mod config;
mod connection;
pub mod content_type;
mod drain;
mod handshake;
pub mod metrics;
mod stream;
pub mod tls;
pub mod transport;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use bytes::Bytes;
use http::{Request, Response};
use hyper::body::Incoming;
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

pub use config::{EdgeConfig, InvalidConfig, PublicLimits};
pub use content_type::UnsupportedMediaType;
pub use metrics::EdgeMetrics;
pub use stream::EdgeBody;
pub use tls::{MaybeTls, TlsError, TlsFiles, TlsTransport};
pub use transport::{PlainTcp, Transport};

use crate::accept::{AcceptBackoff, next_connection};
use crate::connection::OpenConnection;
use crate::metrics::Event;
use crate::stream::{BoxError, EdgeShared};

/// A configured edge, ready to [`serve`](Edge::serve) one listener.
pub struct Edge<T = PlainTcp, H = UnsupportedMediaType> {
    config: EdgeConfig,
    metrics: Arc<EdgeMetrics>,
    transport: T,
    plain: H,
}

impl Edge {
    /// An edge over plain TCP that answers non-gRPC requests with 415.
    pub fn new(config: EdgeConfig) -> Result<Self, InvalidConfig> {
        config.validate()?;
        Ok(Edge {
            config,
            metrics: Arc::default(),
            transport: PlainTcp,
            plain: UnsupportedMediaType,
        })
    }
}

impl<T, H> Edge<T, H> {
    /// Runs `transport` (e.g. a TLS handshake) on each accepted connection, within the
    /// handshake timeout.
    pub fn with_transport<T2: Transport>(self, transport: T2) -> Edge<T2, H> {
        Edge {
            config: self.config,
            metrics: self.metrics,
            transport,
            plain: self.plain,
        }
    }

    /// Serves requests that are not gRPC (any method other than `POST`, HTTP/1.x, or a content
    /// type other than `application/grpc*`) with `plain`, e.g. a router for
    /// `GET /.well-known/…` that falls back to [`UnsupportedMediaType`].
    pub fn with_plain_http<H2>(self, plain: H2) -> Edge<T, H2> {
        Edge {
            config: self.config,
            metrics: self.metrics,
            transport: self.transport,
            plain,
        }
    }

    pub fn config(&self) -> &EdgeConfig {
        &self.config
    }

    /// The edge's counters (shared: keep a clone to render them after `serve` took the edge).
    pub fn metrics(&self) -> &Arc<EdgeMetrics> {
        &self.metrics
    }

    /// Serves `grpc` on `listener` until `signal` resolves, then drains: stops accepting (the
    /// listener is closed at once), sends GOAWAY, lets live streams go on for the drain period,
    /// ends the rest with `UNAVAILABLE` / `shutting_down`, and returns once every connection
    /// is closed.
    pub async fn serve<S, B, P>(
        self,
        listener: TcpListener,
        grpc: S,
        signal: impl Future<Output = ()>,
    ) where
        T: Transport,
        S: tower::Service<Request<Incoming>, Response = Response<B>> + Clone + Send + 'static,
        S::Future: Send + 'static,
        S::Error: Into<BoxError>,
        B: http_body::Body<Data = Bytes> + Send + 'static,
        B::Error: Into<BoxError>,
        H: tower::Service<Request<Incoming>, Response = Response<P>> + Clone + Send + 'static,
        H::Future: Send + 'static,
        H::Error: Into<BoxError>,
        P: http_body::Body<Data = Bytes> + Send + 'static,
        P::Error: Into<BoxError>,
    {
        let edge = Arc::new(EdgeShared {
            builder: connection::builder(&self.config),
            config: self.config,
            metrics: self.metrics,
            draining: CancellationToken::new(),
            ending: CancellationToken::new(),
            public_open: AtomicUsize::new(0),
        });
        let max_connections = i64::try_from(edge.config.max_connections).unwrap_or(i64::MAX);
        let mut connections = JoinSet::new();
        let mut backoff = AcceptBackoff::default();
        tokio::pin!(signal);
        loop {
            tokio::select! {
                biased;
                _ = &mut signal => break,
                Some(joined) = connections.join_next(), if !connections.is_empty() => {
                    drain::log_join(joined);
                }
                (tcp, peer) = next_connection(&listener, &mut backoff, &edge.metrics) => {
                    if edge.metrics.open().connections >= max_connections {
                        edge.metrics.count(Event::ConnectionRefused);
                        tracing::debug!(%peer, "connection refused: max_connections open");
                        drop(tcp);
                        continue;
                    }
                    edge.metrics.count(Event::ConnectionAccepted);
                    let open = OpenConnection::new(&edge.metrics);
                    connections.spawn(connection::serve(
                        tcp,
                        peer,
                        edge.clone(),
                        self.transport.clone(),
                        grpc.clone(),
                        self.plain.clone(),
                        open,
                    ));
                }
            }
        }
        // New clients get "connection refused" from now on, not a handshake that hangs.
        drop(listener);
        drain::drain(&edge, connections).await;
    }
}
