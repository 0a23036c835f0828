//! API keys for yard systems and switching crews' handhelds, checked by a tower layer when a call
//! arrives. Keys are loaded from the key file at startup.
use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use serde::Deserialize;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct KeyInfo {
    pub id: String,
    pub owner: String,
    /// tracks this key may watch or switch (prefixes allowed: "CL-*")
    pub tracks: Vec<String>,
}

impl KeyInfo {
    pub fn may_use_track(&self, track: &str) -> bool {
        self.tracks.iter().any(|t| t == track || (t.ends_with('*') && track.starts_with(&t[..t.len() - 1])))
    }
}

#[derive(Clone, Default)]
pub struct KeyStore(Arc<HashMap<String, KeyInfo>>);

impl KeyStore {
    pub fn from_json(raw: &str) -> serde_json::Result<Self> {
        Ok(Self(Arc::new(serde_json::from_str(raw)?)))
    }
    pub fn lookup(&self, key: &str) -> Option<KeyInfo> {
        self.0.get(key).cloned()
    }
}

#[derive(Clone)]
pub struct ApiKeyLayer {
    keys: KeyStore,
}

impl ApiKeyLayer {
    pub fn new(keys: KeyStore) -> Self {
        Self { keys }
    }
}

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKey<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKey { inner, keys: self.keys.clone() }
    }
}

#[derive(Clone)]
pub struct ApiKey<S> {
    inner: S,
    keys: KeyStore,
}

fn unauthenticated<B: Default>() -> http::Response<B> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/grpc")
        .header("grpc-status", "16")
        .header("grpc-message", "invalid api key")
        .body(B::default())
        .unwrap()
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for ApiKey<S>
where
    S: Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Default,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures::future::Either<S::Future, futures::future::Ready<Result<S::Response, S::Error>>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<ReqBody>) -> Self::Future {
        let info = req
            .headers()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .and_then(|k| self.keys.lookup(k));
        match info {
            Some(info) => {
                req.extensions_mut().insert(info);
                futures::future::Either::Left(self.inner.call(req))
            }
            None => futures::future::Either::Right(futures::future::ready(Ok(unauthenticated()))),
        }
    }
}
