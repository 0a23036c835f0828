//! Analyst JWTs for siem-hunt (tower layer), with the revocation feed pushed over NATS.

use std::collections::HashSet;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::StreamExt;
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use parking_lot::RwLock;
use serde::Deserialize;
use tokio::sync::broadcast;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct AnalystClaims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub tenants: Vec<String>,
}

impl AnalystClaims {
    pub fn may_read(&self, index: &str) -> bool {
        // indices are named "<tenant>-<dataset>"
        index.split_once('-').map(|(t, _)| self.tenants.iter().any(|x| x == t)).unwrap_or(false)
    }
}

#[derive(Clone)]
pub struct Revocations {
    revoked: Arc<RwLock<HashSet<String>>>,
    tx: broadcast::Sender<String>,
}

impl Revocations {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(512);
        Self { revoked: Arc::default(), tx }
    }

    pub fn is_revoked(&self, c: &AnalystClaims) -> bool {
        let r = self.revoked.read();
        r.contains(&format!("jti:{}", c.jti)) || r.contains(&format!("sub:{}", c.sub))
    }

    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.tx.subscribe()
    }

    pub async fn follow(self, client: async_nats::Client) -> anyhow::Result<()> {
        let mut sub = client.subscribe("siem.auth.revoked").await?;
        while let Some(msg) = sub.next().await {
            let key = String::from_utf8_lossy(&msg.payload).into_owned();
            self.revoked.write().insert(key.clone());
            let _ = self.tx.send(key);
        }
        Ok(())
    }
}

#[derive(Clone)]
pub struct JwtLayer {
    key: Arc<DecodingKey>,
    validation: Arc<Validation>,
    revocations: Revocations,
}

impl JwtLayer {
    pub fn new(pem: &[u8], audience: &str, revocations: Revocations) -> anyhow::Result<Self> {
        let mut v = Validation::new(Algorithm::RS256);
        v.set_audience(&[audience]);
        v.leeway = 1;
        Ok(Self { key: Arc::new(DecodingKey::from_rsa_pem(pem)?), validation: Arc::new(v), revocations })
    }
}

impl<S> Layer<S> for JwtLayer {
    type Service = JwtAuth<S>;
    fn layer(&self, inner: S) -> Self::Service {
        JwtAuth { inner, layer: self.clone() }
    }
}

#[derive(Clone)]
pub struct JwtAuth<S> {
    inner: S,
    layer: JwtLayer,
}

impl<S, ReqBody, ResBody> Service<http::Request<ReqBody>> for JwtAuth<S>
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
        let claims = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .and_then(|t| decode::<AnalystClaims>(t, &self.layer.key, &self.layer.validation).ok())
            .filter(|c| !self.layer.revocations.is_revoked(c));
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            match claims {
                Some(c) => {
                    req.extensions_mut().insert(c);
                    inner.call(req).await
                }
                None => Ok(http::Response::builder()
                    .header("content-type", "application/grpc")
                    .header("grpc-status", "16")
                    .header("grpc-message", "invalid or revoked token")
                    .body(ResBody::default())
                    .expect("static response")),
            }
        })
    }
}
