use std::task::{Context, Poll};

use tonic::body::BoxBody;
use tonic::codegen::http::{Request, Response};
use tonic::Status;
use tower::{Layer, Service};

use crate::keys::KeyStore;

/// Tower layer: looks up `x-api-key` once per call and inserts the KeyInfo into the extensions.
#[derive(Clone)]
pub struct ApiKeyLayer(pub KeyStore);

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKeyService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKeyService { inner, keys: self.0.clone() }
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
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        let info = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).and_then(|k| self.keys.lookup(k));
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match info {
                Some(i) => {
                    req.extensions_mut().insert(i);
                    inner.call(req).await
                }
                None => Ok(Status::unauthenticated("unknown or revoked api key").into_http()),
            }
        })
    }
}
