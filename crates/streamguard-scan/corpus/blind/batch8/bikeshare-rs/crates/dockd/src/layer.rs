//! Tower layer: verifies the bearer token on every request and puts the
//! `Identity` into the request extensions, where tonic hands it to handlers.
use std::task::{Context, Poll};

use http::{Request, Response};
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

use crate::identity::Verifier;

#[derive(Clone)]
pub struct AuthLayer {
    pub verifier: Verifier,
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;
    fn layer(&self, inner: S) -> Self::Service {
        Auth { inner, verifier: self.verifier.clone() }
    }
}

#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    verifier: Verifier,
}

impl<S, B> Service<Request<B>> for Auth<S>
where
    S: Service<Request<B>, Response = Response<BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        let token = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        let verified = token.as_deref().map(|t| self.verifier.verify(t));
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match verified {
                Some(Ok(id)) => {
                    req.extensions_mut().insert(id);
                    inner.call(req).await
                }
                Some(Err(e)) => Ok(Status::unauthenticated(format!("token rejected: {e}")).into_http()),
                None => Ok(Status::unauthenticated("missing bearer token").into_http()),
            }
        })
    }
}
