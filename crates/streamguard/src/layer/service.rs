//! The guard's `Service`: authenticates at open, then hands the stream to the guarded bodies.

use std::task::{Context, Poll};

use futures::future::BoxFuture;
use http::{Request, Response};
use tonic::Status;
use tonic::body::Body;

use super::body::{GuardedRequestBody, GuardedResponseBody};
use crate::auth::Authenticator;
use crate::config::Control;
use crate::deadline::Deadline;
use crate::guard::Guard;
use crate::session::StreamSession;
use crate::termination::{Reason, Termination};

/// Wraps a gRPC service (usually tonic's `Routes`) with the stream guard.
#[derive(Clone, Debug)]
pub struct StreamGuard<S> {
    inner: S,
    guard: Guard,
}

impl<S> StreamGuard<S> {
    pub fn new(inner: S, guard: Guard) -> Self {
        StreamGuard { inner, guard }
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S, ResBody> tower::Service<Request<Body>> for StreamGuard<S>
where
    S: tower::Service<Request<Body>, Response = Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    ResBody: http_body::Body<Data = bytes::Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
{
    type Response = Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Response<Body>, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        // The clone that was driven to readiness serves this call (tower's usual swap).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let guard = self.guard.clone();
        Box::pin(async move {
            if guard.config().is_public(request.uri().path()) {
                return inner.call(request).await.map(|r| r.map(Body::new));
            }
            let (parts, body) = request.into_parts();
            let session = match open_session(&guard, &parts).await {
                Ok(session) => session,
                Err(status) => {
                    let mut refusal = status.into_http();
                    guard.challenge().annotate(refusal.headers_mut(), None);
                    return Ok(refusal);
                }
            };
            let mut request = Request::from_parts(
                parts,
                Body::new(GuardedRequestBody::new(body, session.clone())),
            );
            request.extensions_mut().insert(session.clone());

            // Until the response body takes over, this future stands for the stream: dropping
            // it (the client left before headers) ends the session.
            let ended = session.ended_token().clone();
            let on_drop = ended.clone().drop_guard();
            let call = inner.call(request);
            tokio::pin!(call);
            let mut response = tokio::select! {
                biased;
                _ = ended.cancelled() => session.end_status().into_http(),
                response = &mut call => {
                    let response = response?;
                    response.map(|b| Body::new(GuardedResponseBody::new(b, session.clone(), on_drop)))
                }
            };
            // A trailers-only response (a refusal before any message) carries its status here.
            session.challenge(response.headers_mut());
            Ok(response)
        })
    }
}

async fn open_session(
    guard: &Guard,
    request: &http::request::Parts,
) -> Result<StreamSession, Status> {
    let method = request.uri.path();
    let refuse = |t: Termination, detail: &str| {
        guard.metrics().refused(t.reason);
        tracing::info!(method, reason = %t.reason, detail, "stream refused");
        t.to_status()
    };
    let token = Authenticator::bearer(request.headers.get(http::header::AUTHORIZATION))
        .map_err(|e| refuse(e.reason.into(), &e.detail))?;
    let claims = guard
        .authenticator()
        .verify(token)
        .await
        .map_err(|e| refuse(e.reason.into(), &e.detail))?;
    let deadline = if guard.config().enforces(Control::Deadline) {
        Deadline::from_headers(&request.headers, guard.config().max_deadline).map_err(|e| {
            refuse(Reason::InvalidTimeout.into(), &e.to_string());
            Status::from(e)
        })?
    } else {
        None
    };
    StreamSession::open(guard, claims, method, deadline)
        .await
        .map_err(|t| refuse(t, "at open"))
}
