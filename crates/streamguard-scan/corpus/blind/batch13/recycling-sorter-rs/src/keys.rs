//! API keys for line devices and the yard office, loaded from a key file.
//! Revoking a key (ops console) sends its id on the revocation channel.
use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use sha2::{Digest, Sha256};
use tokio::sync::watch;
use tower::{Layer, Service};

#[derive(Clone, Debug)]
pub struct ApiKey {
    pub id: String,
    pub role: String,
    pub balers: Vec<String>,
    pub revoked: watch::Receiver<bool>,
}

#[derive(Clone, Default)]
pub struct KeyStore {
    by_hash: Arc<HashMap<String, ApiKey>>,
}

impl KeyStore {
    pub fn new(keys: HashMap<String, ApiKey>) -> Self {
        Self { by_hash: Arc::new(keys) }
    }
    pub fn lookup(&self, presented: &str) -> Option<ApiKey> {
        let h = hex::encode(Sha256::digest(presented.as_bytes()));
        self.by_hash.get(&h).filter(|k| !*k.revoked.borrow()).cloned()
    }
}

#[derive(Clone)]
pub struct ApiKeyLayer {
    pub store: KeyStore,
}

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKeyService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKeyService { inner, store: self.store.clone() }
    }
}

#[derive(Clone)]
pub struct ApiKeyService<S> {
    inner: S,
    store: KeyStore,
}

impl<S, B> Service<http::Request<B>> for ApiKeyService<S>
where
    S: Service<http::Request<B>, Response = http::Response<tonic::body::BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let key = req
            .headers()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| self.store.lookup(v));
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match key {
                Some(k) => {
                    req.extensions_mut().insert(k);
                    inner.call(req).await
                }
                None => Ok(tonic::Status::unauthenticated("unknown or revoked api key").to_http()),
            }
        })
    }
}
