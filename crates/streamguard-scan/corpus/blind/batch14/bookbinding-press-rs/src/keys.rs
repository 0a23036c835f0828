//! API keys for presses and for the MIS, read from a key file at start. A
//! tower layer checks the `x-api-key` header of every call and puts the key's
//! identity in the request extensions.
use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use tower::{Layer, Service};

#[derive(Clone, Debug, Deserialize)]
pub struct KeyIdentity {
    pub key_id: String,
    pub kind: String, // "press" | "mis"
    pub bindery: String,
    #[serde(default)]
    pub press_id: Option<String>,
}

#[derive(Deserialize)]
struct KeyFile {
    keys: Vec<(String, KeyIdentity)>, // (sha256 hex, identity)
}

#[derive(Clone)]
pub struct KeyStore(Arc<HashMap<String, KeyIdentity>>);

impl KeyStore {
    pub fn load(path: &str) -> std::io::Result<Self> {
        let raw = std::fs::read_to_string(path)?;
        let file: KeyFile = serde_json::from_str(&raw).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        Ok(Self(Arc::new(file.keys.into_iter().collect())))
    }

    pub fn lookup(&self, presented: &str) -> Option<KeyIdentity> {
        let digest = hex::encode(Sha256::digest(presented.as_bytes()));
        self.0.get(&digest).cloned()
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
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let ident = req
            .headers()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .and_then(|k| self.store.lookup(k));
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match ident {
                Some(id) => {
                    req.extensions_mut().insert(id);
                    inner.call(req).await
                }
                None => Ok(tonic::Status::unauthenticated("unknown api key").to_http()),
            }
        })
    }
}
