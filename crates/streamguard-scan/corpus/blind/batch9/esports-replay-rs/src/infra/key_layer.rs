//! Tower layer: resolves `x-api-key` to a Partner before the request reaches tonic.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use http::{Request, Response};
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

use super::api_keys::KeyStore;

#[derive(Clone)]
pub struct ApiKeyLayer {
    pub keys: KeyStore,
}

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKeyService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKeyService { inner, keys: self.keys.clone() }
    }
}

#[derive(Clone)]
pub struct ApiKeyService<S> {
    inner: S,
    keys: KeyStore,
}

impl<S, B> Service<Request<B>> for ApiKeyService<S>
where
    S: Service<Request<B>, Response = Response<BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let keys = self.keys.clone();
        Box::pin(async move {
            if req.uri().path().starts_with("/grpc.health.v1.Health/") {
                return inner.call(req).await;
            }
            let raw = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let partner = match raw {
                None => return Ok(Status::unauthenticated("missing x-api-key").into_http()),
                Some(raw) => match keys.lookup(&raw).await {
                    Ok(Some(p)) => p,
                    Ok(None) => return Ok(Status::unauthenticated("unknown or revoked API key").into_http()),
                    Err(e) => return Ok(Status::unavailable(format!("key store: {e}")).into_http()),
                },
            };
            req.extensions_mut().insert(partner);
            inner.call(req).await
        })
    }
}
