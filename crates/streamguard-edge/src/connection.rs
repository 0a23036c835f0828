//! One connection: the transport handshake and the HTTP/2 preface under the handshake timeout,
//! hyper serving it with the edge's HTTP/2 limits, reaping when it has been idle, and GOAWAY
//! when the edge drains.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use bytes::Bytes;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::net::TcpStream;
use tokio::time::{Instant, sleep_until};

use crate::config::EdgeConfig;
use crate::handshake::HandshakeWatch;
use crate::metrics::{EdgeMetrics, Event};
use crate::stream::{BoxError, ConnectionService, EdgeShared};
use crate::transport::Transport;

/// What a connection's streams and its task share.
#[derive(Debug)]
pub(crate) struct ConnectionState {
    opened: Instant,
    handshake_done: AtomicBool,
    open_streams: AtomicU32,
    pub(crate) public_streams: AtomicU32,
    /// When the last stream ended, in milliseconds since `opened`.
    idle_since_ms: AtomicU64,
}

impl ConnectionState {
    fn new() -> Self {
        ConnectionState {
            opened: Instant::now(),
            handshake_done: AtomicBool::new(false),
            open_streams: AtomicU32::new(0),
            public_streams: AtomicU32::new(0),
            idle_since_ms: AtomicU64::new(0),
        }
    }

    pub fn handshake_done(&self) {
        self.handshake_done.store(true, Relaxed);
    }

    pub fn stream_opened(&self) {
        self.open_streams.fetch_add(1, Relaxed);
    }

    pub fn stream_closed(&self) {
        if self.open_streams.fetch_sub(1, Relaxed) == 1 {
            let ms = self.opened.elapsed().as_millis();
            self.idle_since_ms
                .store(u64::try_from(ms).unwrap_or(u64::MAX), Relaxed);
        }
    }

    /// When the connection will have been idle for `limit`, if no stream is open.
    fn idle_deadline(&self, limit: Duration) -> Option<Instant> {
        (self.open_streams.load(Relaxed) == 0)
            .then(|| self.opened + Duration::from_millis(self.idle_since_ms.load(Relaxed)) + limit)
    }
}

/// hyper's connection builder with the edge's limits.
pub(crate) fn builder(config: &EdgeConfig) -> auto::Builder<TokioExecutor> {
    let mut b = auto::Builder::new(TokioExecutor::new());
    b.http1()
        .timer(TokioTimer::new())
        .header_read_timeout(config.handshake_timeout)
        .max_buf_size(64 << 10);
    b.http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(config.max_concurrent_streams)
        .keep_alive_interval(config.keepalive_interval)
        .keep_alive_timeout(config.keepalive_timeout)
        .max_pending_accept_reset_streams(config.max_pending_accept_reset_streams)
        .max_local_error_reset_streams(config.max_local_error_reset_streams)
        .max_header_list_size(config.max_header_list_size)
        .initial_stream_window_size(config.stream_window)
        .initial_connection_window_size(config.connection_window)
        .adaptive_window(false)
        .max_send_buf_size(config.max_send_buffer);
    b
}

/// Keeps the open-connections gauge honest however the connection ends.
pub(crate) struct OpenConnection(Arc<EdgeMetrics>);

impl OpenConnection {
    pub fn new(metrics: &Arc<EdgeMetrics>) -> Self {
        metrics.connections(1);
        OpenConnection(metrics.clone())
    }
}

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.connections(-1);
    }
}

/// Serves one accepted connection until it closes.
pub(crate) async fn serve<T, S, H, B, P>(
    tcp: TcpStream,
    peer: SocketAddr,
    edge: Arc<EdgeShared>,
    transport: T,
    grpc: S,
    plain: H,
    _open: OpenConnection,
) where
    T: Transport,
    S: tower::Service<http::Request<Incoming>, Response = http::Response<B>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
    H: tower::Service<http::Request<Incoming>, Response = http::Response<P>>
        + Clone
        + Send
        + 'static,
    H::Future: Send + 'static,
    H::Error: Into<BoxError>,
    P: http_body::Body<Data = Bytes> + Send + 'static,
    P::Error: Into<BoxError>,
{
    let config = &edge.config;
    let handshake_deadline = Instant::now() + config.handshake_timeout;
    let io = match tokio::time::timeout_at(handshake_deadline, transport.establish(tcp, peer)).await
    {
        Ok(Ok(io)) => io,
        Ok(Err(e)) => {
            tracing::debug!(%peer, error = %e, "transport handshake failed");
            return;
        }
        Err(_) => {
            edge.metrics.count(Event::HandshakeTimeout);
            tracing::debug!(%peer, "transport handshake timed out");
            return;
        }
    };
    let state = Arc::new(ConnectionState::new());
    let io = TokioIo::new(HandshakeWatch::new(io, state.clone()));
    let service = ConnectionService::new(edge.clone(), state.clone(), grpc, plain);
    let conn = edge.builder.serve_connection(io, service);
    tokio::pin!(conn);
    // The first check comes at the handshake deadline, or earlier when the idle timeout is
    // shorter; each check re-arms it for the next thing that can expire.
    let timer =
        sleep_until(handshake_deadline.min(Instant::now() + config.connection_idle_timeout));
    tokio::pin!(timer);
    // Set once GOAWAY went out (idle, or the edge drains); from then on the timer only cuts off
    // a peer that keeps a connection without streams open after it.
    let mut closing = false;
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    edge.metrics.count(Event::ConnectionError);
                    tracing::debug!(%peer, error = %e, "connection ended with an error");
                }
                return;
            }
            _ = edge.draining.cancelled(), if !closing => {
                conn.as_mut().graceful_shutdown();
                closing = true;
                timer.as_mut().reset(Instant::now() + config.handshake_timeout);
            }
            _ = &mut timer => {
                let now = Instant::now();
                if !state.handshake_done.load(Relaxed) {
                    if now < handshake_deadline {
                        timer.as_mut().reset(handshake_deadline);
                        continue;
                    }
                    edge.metrics.count(Event::HandshakeTimeout);
                    tracing::debug!(%peer, "HTTP handshake timed out");
                    return;
                }
                match state.idle_deadline(config.connection_idle_timeout) {
                    // Closing, and the peer still holds the connection with nothing open.
                    Some(_) if closing => return,
                    Some(at) if at <= now => {
                        edge.metrics.count(Event::IdleConnectionClosed);
                        tracing::debug!(%peer, "closing idle connection");
                        conn.as_mut().graceful_shutdown();
                        closing = true;
                        timer.as_mut().reset(now + config.handshake_timeout);
                    }
                    Some(at) => timer.as_mut().reset(at),
                    None if closing => timer.as_mut().reset(now + config.handshake_timeout),
                    None => timer.as_mut().reset(now + config.connection_idle_timeout),
                }
            }
        }
    }
}
