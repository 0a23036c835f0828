//! A minimal HTTP/2 (h2c) accept loop serving the guarded proxy. Connection caps, HTTP/2
//! timeouts, graceful shutdown and TLS belong to the edge crate that replaces this module.

use std::convert::Infallible;

use http::{Request, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tonic::body::Body;
use tower::ServiceExt;

/// Streams one client connection may have open at once.
const MAX_STREAMS_PER_CONNECTION: u32 = 16_384;

/// Serves `service` on `listener` until `stop` is cancelled.
pub async fn serve<S>(listener: TcpListener, service: S, stop: CancellationToken)
where
    S: tower::Service<Request<Body>, Response = Response<Body>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    loop {
        let (tcp, peer) = tokio::select! {
            _ = stop.cancelled() => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = tcp.set_nodelay(true);
        let service = service.clone();
        let stop = stop.clone();
        tokio::spawn(async move {
            let svc = hyper::service::service_fn(move |req: Request<Incoming>| {
                service.clone().oneshot(req.map(Body::new))
            });
            let mut builder = hyper::server::conn::http2::Builder::new(TokioExecutor::new());
            builder
                .timer(TokioTimer::new())
                .initial_stream_window_size(crate::upstream::STREAM_WINDOW)
                .initial_connection_window_size(crate::upstream::CONNECTION_WINDOW)
                .max_concurrent_streams(MAX_STREAMS_PER_CONNECTION);
            let conn = builder.serve_connection(TokioIo::new(tcp), svc);
            tokio::select! {
                result = conn => {
                    if let Err(e) = result {
                        tracing::debug!(%peer, error = %e, "client connection ended");
                    }
                }
                _ = stop.cancelled() => {}
            }
        });
    }
}
