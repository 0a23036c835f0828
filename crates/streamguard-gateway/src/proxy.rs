//! The transparent forwarder the guard layer wraps: a tower `Service` that sends each call to
//! the upstream over the pooled HTTP/2 connection, with the caller's identity instead of their
//! token and what remains of their deadline as `grpc-timeout`.

use std::convert::Infallible;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::future::BoxFuture;
use http::{HeaderMap, HeaderName, HeaderValue, Request, Response, Uri, Version};
use streamguard::StreamSession;
use streamguard::deadline::format_grpc_timeout;
use tonic::Status;
use tonic::body::Body;

use crate::exchange::Exchange;
use crate::identity::{self, UpstreamIdentity};
use crate::inbound::InboundFilter;
use crate::metrics::GatewayMetrics;
use crate::outbound::OutboundFilter;
use crate::rule::MethodRules;
use crate::upstream::Upstream;

const GRPC_TIMEOUT: HeaderName = HeaderName::from_static("grpc-timeout");

/// Forwards calls to the upstream; install under [`streamguard::StreamGuardLayer`].
#[derive(Clone, Debug)]
pub struct Proxy(Arc<ProxyInner>);

#[derive(Debug)]
struct ProxyInner {
    upstream: Upstream,
    url: Arc<str>,
    rules: MethodRules,
    identity: UpstreamIdentity,
    metrics: Arc<GatewayMetrics>,
    max_message_size: usize,
}

impl Proxy {
    pub fn new(
        upstream: Upstream,
        rules: MethodRules,
        identity: UpstreamIdentity,
        metrics: Arc<GatewayMetrics>,
        max_message_size: usize,
    ) -> Self {
        let url = Arc::from(upstream.target().url.as_str());
        Proxy(Arc::new(ProxyInner {
            upstream,
            url,
            rules,
            identity,
            metrics,
            max_message_size,
        }))
    }
}

impl tower::Service<Request<Body>> for Proxy {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<'static, Result<Response<Body>, Infallible>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        let inner = self.0.clone();
        Box::pin(async move { Ok(inner.forward(request).await) })
    }
}

impl ProxyInner {
    async fn forward(self: Arc<Self>, request: Request<Body>) -> Response<Body> {
        let (parts, body) = request.into_parts();
        let session = parts.extensions.get::<StreamSession>().cloned();
        let path = parts.uri.path();
        let stats = self.metrics.method(path);
        let mut headers = parts.headers;
        strip_request_headers(&mut headers, self.identity.forwards_client_token());
        if let Some(session) = &session {
            stats.opened();
            headers.remove(&GRPC_TIMEOUT);
            if let Some(deadline) = session.deadline() {
                match deadline.check() {
                    Ok(left) => {
                        if let Ok(v) = HeaderValue::from_str(&format_grpc_timeout(left)) {
                            headers.insert(GRPC_TIMEOUT, v);
                        }
                    }
                    Err(status) => return status.into_http(),
                }
            }
            self.identity.apply(&mut headers, path, session.claims());
        }
        let target = self.upstream.target();
        let uri = Uri::builder()
            .scheme(target.scheme.clone())
            .authority(target.authority.clone())
            .path_and_query(parts.uri.path_and_query().map_or("/", |p| p.as_str()))
            .build();
        let Ok(uri) = uri else {
            return Status::invalid_argument("request path is not a valid URI path").into_http();
        };
        let ex = Arc::new(Exchange::new(
            session,
            self.rules.get(path).cloned(),
            stats.clone(),
            self.metrics.clone(),
            self.max_message_size,
            self.url.clone(),
        ));
        let mut upstream_request = Request::new(InboundFilter::new(body, ex.clone()));
        *upstream_request.method_mut() = parts.method;
        *upstream_request.uri_mut() = uri;
        *upstream_request.version_mut() = Version::HTTP_2;
        *upstream_request.headers_mut() = headers;
        match self.upstream.send(upstream_request).await {
            Ok(response) => {
                let (mut parts, body) = response.into_parts();
                strip_hop_by_hop(&mut parts.headers);
                Response::from_parts(parts, Body::new(OutboundFilter::new(body, ex)))
            }
            // The call was ended on the gateway's side first (a message too large, a denial,
            // a guard termination): that is the status, not the reset it caused upstream.
            Err(_) if ex.ended_with().is_some() => ex
                .ended_with()
                .cloned()
                .unwrap_or_else(|| Status::cancelled(""))
                .into_http(),
            Err(_)
                if ex
                    .session
                    .as_ref()
                    .is_some_and(|s| s.termination().is_some()) =>
            {
                ex.session
                    .as_ref()
                    .map(StreamSession::end_status)
                    .unwrap_or_else(|| Status::cancelled(""))
                    .into_http()
            }
            Err(e) => {
                stats.upstream_error();
                tracing::warn!(upstream = %self.url, error = %e, "upstream unavailable");
                Status::unavailable(format!("upstream {} unavailable: {e}", self.url)).into_http()
            }
        }
    }
}

/// Connection-level headers that must not cross a proxy (HTTP/2 forbids most anyway).
fn strip_hop_by_hop(headers: &mut HeaderMap) {
    for name in [
        "connection",
        "keep-alive",
        "proxy-connection",
        "transfer-encoding",
        "upgrade",
        "host",
    ] {
        headers.remove(name);
    }
}

/// The client's token stays at the gateway (unless configured otherwise), and only the gateway
/// may speak for the caller in `x-streamguard-*`.
fn strip_request_headers(headers: &mut HeaderMap, forward_client_token: bool) {
    strip_hop_by_hop(headers);
    if !forward_client_token {
        headers.remove(http::header::AUTHORIZATION);
    }
    let spoofed: Vec<HeaderName> = headers
        .keys()
        .filter(|k| k.as_str().starts_with(identity::PREFIX))
        .cloned()
        .collect();
    for name in spoofed {
        headers.remove(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_cannot_speak_for_itself_upstream() {
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer t".parse().unwrap());
        h.insert("x-streamguard-sub", "admin".parse().unwrap());
        h.insert("x-streamguard-signature", "v1=00".parse().unwrap());
        h.insert("x-trace", "1".parse().unwrap());
        strip_request_headers(&mut h, false);
        assert_eq!(h.len(), 1, "{h:?}");
        let mut h = HeaderMap::new();
        h.insert("authorization", "Bearer t".parse().unwrap());
        strip_request_headers(&mut h, true);
        assert!(h.contains_key("authorization"));
    }
}
