//! Every request on a connection: routed (gRPC, or the plain-HTTP route), counted for idle
//! reaping, capped and time-limited on public paths, and ended with `UNAVAILABLE` /
//! `shutting_down` when the drain period is over.

use std::future::{Future, poll_fn};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use http::{Request, Response, StatusCode};
use http_body::{Body, Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::TokioExecutor;
use hyper_util::server::conn::auto;
use pin_project_lite::pin_project;
use streamguard::{Reason, Termination};
use tokio::time::Sleep;
use tokio_util::sync::{CancellationToken, WaitForCancellationFutureOwned};
use tower::ServiceExt;

use crate::config::EdgeConfig;
use crate::connection::ConnectionState;
use crate::content_type::is_grpc;
use crate::metrics::{EdgeMetrics, Event};

pub(crate) type BoxError = Box<dyn std::error::Error + Send + Sync>;
type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// What every connection of one edge shares.
pub(crate) struct EdgeShared {
    pub config: EdgeConfig,
    pub metrics: Arc<EdgeMetrics>,
    pub builder: auto::Builder<TokioExecutor>,
    /// Cancelled when the edge starts draining: connections send GOAWAY.
    pub draining: CancellationToken,
    /// Cancelled at the end of the drain period: live streams end with `shutting_down`.
    pub ending: CancellationToken,
    /// Public-path streams open across all connections.
    pub public_open: AtomicUsize,
}

/// The per-connection hyper service in front of the gRPC service and the plain-HTTP route.
pub(crate) struct ConnectionService<S, H> {
    edge: Arc<EdgeShared>,
    conn: Arc<ConnectionState>,
    grpc: S,
    plain: H,
}

impl<S, H> ConnectionService<S, H> {
    pub fn new(edge: Arc<EdgeShared>, conn: Arc<ConnectionState>, grpc: S, plain: H) -> Self {
        ConnectionService {
            edge,
            conn,
            grpc,
            plain,
        }
    }
}

impl<S, H, B, P> hyper::service::Service<Request<Incoming>> for ConnectionService<S, H>
where
    S: tower::Service<Request<Incoming>, Response = Response<B>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<BoxError>,
    B: Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
    H: tower::Service<Request<Incoming>, Response = Response<P>> + Clone + Send + 'static,
    H::Future: Send + 'static,
    H::Error: Into<BoxError>,
    P: Body<Data = Bytes> + Send + 'static,
    P::Error: Into<BoxError>,
{
    type Response = Response<EdgeBody<B, P>>;
    type Error = BoxError;
    type Future = BoxFuture<Result<Self::Response, BoxError>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        // A request (HTTP/1.1 has no preface) means the handshake is over.
        self.conn.handshake_done();
        let mut slot = StreamSlot::open(&self.edge, &self.conn);
        if !is_grpc(&request) {
            let plain = self.plain.clone();
            let metrics = self.edge.metrics.clone();
            return Box::pin(async move {
                let response = plain.oneshot(request).await.map_err(Into::into)?;
                if response.status() == StatusCode::UNSUPPORTED_MEDIA_TYPE {
                    metrics.count(Event::UnsupportedMediaType);
                }
                Ok(response.map(|body| EdgeBody::new(Inner::Plain { body }, slot, None)))
            });
        }
        let public = &self.edge.config.public;
        let mut lifetime = None;
        let mut public_slot = None;
        if public.is_public(request.uri().path()) {
            match PublicSlot::open(&self.edge, &self.conn) {
                Some(s) => public_slot = Some(s),
                None => {
                    self.edge.metrics.count(Event::PublicStreamRefused);
                    let refusal = grpc_end(Reason::TooManyStreams, slot, None);
                    return Box::pin(std::future::ready(Ok(refusal)));
                }
            }
            lifetime = Some(Box::pin(tokio::time::sleep(public.max_lifetime)));
        }
        let grpc = self.grpc.clone();
        let mut end = StreamEnd::new(&self.edge.ending, lifetime);
        Box::pin(async move {
            let call = grpc.oneshot(request);
            tokio::pin!(call);
            let outcome = tokio::select! {
                biased;
                reason = poll_fn(|cx| end.poll_end(cx)) => Err(reason),
                response = &mut call => Ok(response),
            };
            match outcome {
                Err(reason) => {
                    slot.count_end(reason);
                    Ok(grpc_end(reason, slot, public_slot))
                }
                Ok(response) => {
                    let response = response.map_err(Into::into)?;
                    Ok(response.map(|body| EdgeBody {
                        inner: Inner::Grpc { body },
                        end: Some(end),
                        done: false,
                        slot,
                        _public: public_slot,
                    }))
                }
            }
        })
    }
}

/// A trailers-only gRPC response ending the stream for `reason`.
fn grpc_end<B, P>(
    reason: Reason,
    slot: StreamSlot,
    public: Option<PublicSlot>,
) -> Response<EdgeBody<B, P>> {
    Termination::new(reason)
        .to_status()
        .into_http::<()>()
        .map(|()| EdgeBody::new(Inner::Empty, slot, public))
}

/// When the edge ends a live stream: at the end of the drain period, or at the maximum lifetime
/// of a public stream.
struct StreamEnd {
    ending: Pin<Box<WaitForCancellationFutureOwned>>,
    lifetime: Option<Pin<Box<Sleep>>>,
}

impl StreamEnd {
    fn new(ending: &CancellationToken, lifetime: Option<Pin<Box<Sleep>>>) -> Self {
        StreamEnd {
            ending: Box::pin(ending.clone().cancelled_owned()),
            lifetime,
        }
    }

    fn poll_end(&mut self, cx: &mut Context<'_>) -> Poll<Reason> {
        if self.ending.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Reason::ShuttingDown);
        }
        match &mut self.lifetime {
            Some(sleep) => sleep.as_mut().poll(cx).map(|()| Reason::MaxStreamLifetime),
            None => Poll::Pending,
        }
    }
}

/// A request in progress: counted on its connection (idle reaping) and in the gauges.
pub(crate) struct StreamSlot {
    edge: Arc<EdgeShared>,
    conn: Arc<ConnectionState>,
    /// The edge ended it (shutdown, lifetime) rather than the stream finishing by itself.
    ended_by_edge: bool,
}

impl StreamSlot {
    fn open(edge: &Arc<EdgeShared>, conn: &Arc<ConnectionState>) -> Self {
        conn.stream_opened();
        edge.metrics.streams(1);
        StreamSlot {
            edge: edge.clone(),
            conn: conn.clone(),
            ended_by_edge: false,
        }
    }

    fn count_end(&mut self, reason: Reason) {
        self.ended_by_edge = true;
        let event = match reason {
            Reason::ShuttingDown => Event::StreamEndedAtShutdown,
            _ => Event::PublicStreamLifetimeEnded,
        };
        self.edge.metrics.count(event);
        tracing::debug!(%reason, "stream ended by the edge");
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.conn.stream_closed();
        self.edge.metrics.streams(-1);
        if self.edge.draining.is_cancelled() && !self.ended_by_edge {
            self.edge.metrics.count(Event::StreamDrained);
        }
    }
}

/// A stream on a public path, holding its place under the global and per-connection caps.
pub(crate) struct PublicSlot {
    edge: Arc<EdgeShared>,
    conn: Arc<ConnectionState>,
}

impl PublicSlot {
    fn open(edge: &Arc<EdgeShared>, conn: &Arc<ConnectionState>) -> Option<Self> {
        let limits = &edge.config.public;
        let per_conn = limits.max_streams_per_connection;
        conn.public_streams
            .fetch_update(Relaxed, Relaxed, |n| (n < per_conn).then_some(n + 1))
            .ok()?;
        let max = limits.max_streams;
        if edge
            .public_open
            .fetch_update(Relaxed, Relaxed, |n| (n < max).then_some(n + 1))
            .is_err()
        {
            conn.public_streams.fetch_sub(1, Relaxed);
            return None;
        }
        edge.metrics.public_streams(1);
        Some(PublicSlot {
            edge: edge.clone(),
            conn: conn.clone(),
        })
    }
}

impl Drop for PublicSlot {
    fn drop(&mut self) {
        self.conn.public_streams.fetch_sub(1, Relaxed);
        self.edge.public_open.fetch_sub(1, Relaxed);
        self.edge.metrics.public_streams(-1);
    }
}

pin_project! {
    #[project = InnerProj]
    enum Inner<B, P> {
        Grpc { #[pin] body: B },
        Plain { #[pin] body: P },
        Empty,
    }
}

pin_project! {
    /// The response body of every request the edge serves.
    pub struct EdgeBody<B, P> {
        #[pin]
        inner: Inner<B, P>,
        // Watched on gRPC bodies only: a plain-HTTP answer is short and has no trailers.
        end: Option<StreamEnd>,
        done: bool,
        slot: StreamSlot,
        _public: Option<PublicSlot>,
    }
}

impl<B, P> EdgeBody<B, P> {
    fn new(inner: Inner<B, P>, slot: StreamSlot, public: Option<PublicSlot>) -> Self {
        EdgeBody {
            inner,
            end: None,
            done: false,
            slot,
            _public: public,
        }
    }
}

impl<B, P> Body for EdgeBody<B, P>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
    P: Body<Data = Bytes>,
    P::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let this = self.project();
        if *this.done {
            return Poll::Ready(None);
        }
        if let Some(end) = this.end
            && let Poll::Ready(reason) = end.poll_end(cx)
        {
            *this.done = true;
            this.slot.count_end(reason);
            return Poll::Ready(Some(Ok(Frame::trailers(
                Termination::new(reason).to_trailers(),
            ))));
        }
        let frame = match this.inner.project() {
            InnerProj::Grpc { body } => ready!(body.poll_frame(cx)).map(|f| f.map_err(Into::into)),
            InnerProj::Plain { body } => ready!(body.poll_frame(cx)).map(|f| f.map_err(Into::into)),
            InnerProj::Empty => None,
        };
        match &frame {
            Some(Ok(f)) if f.is_trailers() => *this.done = true,
            None => *this.done = true,
            _ => {}
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.done
            || match &self.inner {
                Inner::Grpc { body } => body.is_end_stream(),
                Inner::Plain { body } => body.is_end_stream(),
                Inner::Empty => true,
            }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.inner {
            Inner::Grpc { body } => body.size_hint(),
            Inner::Plain { body } => body.size_hint(),
            Inner::Empty => SizeHint::with_exact(0),
        }
    }
}
