//! Tower layer: authenticates the `x-api-key` header of every call when it opens and puts
//! the key's identity in the request extensions (tonic hands them to the handler).

use std::task::{Context, Poll};

use tonic::body::BoxBody;
use tower::{Layer, Service};

use super::keys::KeyStore;

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

impl<S, B> Service<http::Request<B>> for ApiKeyService<S>
where
    S: Service<http::Request<B>, Response = http::Response<BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures_util::future::Either<
        S::Future,
        std::future::Ready<Result<Self::Response, Self::Error>>,
    >;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let presented = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
        match presented.and_then(|k| self.keys.lookup(&k)) {
            Some(identity) if !*identity.revoked.borrow() => {
                req.extensions_mut().insert(identity);
                futures_util::future::Either::Left(self.inner.call(req))
            }
            _ => {
                let status = tonic::Status::unauthenticated("invalid api key");
                futures_util::future::Either::Right(std::future::ready(Ok(status.to_http())))
            }
        }
    }
}
