//! Tower layer that authenticates every gRPC request by its `x-api-key`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use http::{Request, Response};
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

use super::keys::KeyCache;

#[derive(Clone)]
pub struct ApiKeyLayer {
    keys: KeyCache,
}

impl ApiKeyLayer {
    pub fn new(keys: KeyCache) -> Self {
        Self { keys }
    }
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
    keys: KeyCache,
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
        // take the ready service, leave a clone (tower's usual dance)
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let keys = self.keys.clone();
        Box::pin(async move {
            let raw = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let tenant = match raw {
                Some(raw) => keys.lookup(&raw).await,
                None => None,
            };
            match tenant {
                Some(t) => {
                    req.extensions_mut().insert(t);
                    inner.call(req).await
                }
                None => Ok(Status::unauthenticated("unknown or revoked API key").into_http()),
            }
        })
    }
}
