//! API keys of sorter controllers and desk screens, loaded from a key file at start.
use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::Deserialize;
use tonic::body::BoxBody;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct KeyInfo {
    pub key_id: String,
    pub branches: Vec<String>,
    pub role: String,
}

impl KeyInfo {
    pub fn serves_branch(&self, branch: &str) -> bool {
        self.branches.iter().any(|b| b == branch || b == "*")
    }
}

#[derive(Clone, Default)]
pub struct KeyStore(Arc<HashMap<String, KeyInfo>>);

impl KeyStore {
    pub fn load(path: &str) -> std::io::Result<Self> {
        let raw = std::fs::read_to_string(path)?;
        let map: HashMap<String, KeyInfo> = serde_json::from_str(&raw)?;
        Ok(Self(Arc::new(map)))
    }

    pub fn lookup(&self, key: &str) -> Option<&KeyInfo> {
        self.0.get(key)
    }
}

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
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let found = req
            .headers()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .and_then(|k| self.keys.lookup(k))
            .cloned();
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match found {
                Some(info) => {
                    req.extensions_mut().insert(info);
                    inner.call(req).await
                }
                None => Ok(tonic::Status::unauthenticated("unknown api key").to_http()),
            }
        })
    }
}
