//! API keys of log agents, checked by a tower layer in front of the ingest service.
//!
//! Keys are stored hashed in `keys.json` (written by the tenant console) and reloaded every five
//! minutes. The layer checks the key when a call starts and hands the key's identity to the handler
//! through the request extensions.

use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use parking_lot::RwLock;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct AgentKey {
    pub key_id: String,
    pub tenant: String,
    #[serde(default)]
    pub disabled: bool,
}

#[derive(Clone, Default)]
pub struct KeyStore {
    by_hash: Arc<RwLock<HashMap<String, AgentKey>>>,
}

impl KeyStore {
    pub fn load(&self, path: &str) -> anyhow::Result<usize> {
        let keys: HashMap<String, AgentKey> = serde_json::from_slice(&std::fs::read(path)?)?;
        let n = keys.len();
        *self.by_hash.write() = keys;
        Ok(n)
    }

    pub fn spawn_reload(self, path: String, every: Duration) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if let Err(e) = self.load(&path) {
                    tracing::warn!("key reload failed: {e}");
                }
            }
        });
    }

    pub fn check(&self, presented: &str) -> Option<AgentKey> {
        let digest = hex::encode(Sha256::digest(presented.as_bytes()));
        self.by_hash.read().get(&digest).filter(|k| !k.disabled).cloned()
    }
}

#[derive(Clone)]
pub struct ApiKeyLayer {
    store: KeyStore,
}

impl ApiKeyLayer {
    pub fn new(store: KeyStore) -> Self {
        Self { store }
    }
}

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKey<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKey { inner, store: self.store.clone() }
    }
}

#[derive(Clone)]
pub struct ApiKey<S> {
    inner: S,
    store: KeyStore,
}

fn unauthenticated<B: Default>(msg: &'static str) -> http::Response<B> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/grpc")
        .header("grpc-status", "16")
        .header("grpc-message", msg)
        .body(B::default())
        .expect("static response")
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for ApiKey<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    ReqBody: Send + 'static,
    ResBody: Default,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<ReqBody>) -> Self::Future {
        let key = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).and_then(|k| self.store.check(k));
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            match key {
                Some(agent) => {
                    req.extensions_mut().insert(agent);
                    inner.call(req).await
                }
                None => Ok(unauthenticated("unknown or disabled api key")),
            }
        })
    }
}
