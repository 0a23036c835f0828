//! Tower layer authenticating locker banks and partner apps by API key (`x-api-key`).
//! Keys are stored hashed in Postgres; the layer resolves the key to its owner once per call and
//! puts a `KeyOwner` in the request extensions.
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::Future;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

#[derive(Debug, Clone)]
pub struct KeyOwner {
    pub key_id: String,
    pub kind: String,          // "bank" | "courier-app" | "retailer"
    pub bank_id: Option<String>,
    pub banks: Vec<String>,    // banks a courier/retailer key may see
}

#[derive(Clone)]
pub struct ApiKeyLayer {
    db: Arc<PgPool>,
}

impl ApiKeyLayer {
    pub fn new(db: PgPool) -> Self {
        Self { db: Arc::new(db) }
    }
}

impl<S> Layer<S> for ApiKeyLayer {
    type Service = ApiKeyService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        ApiKeyService { inner, db: self.db.clone() }
    }
}

#[derive(Clone)]
pub struct ApiKeyService<S> {
    inner: S,
    db: Arc<PgPool>,
}

pub fn hash_key(raw: &str) -> String {
    hex::encode(Sha256::digest(raw.as_bytes()))
}

async fn lookup(db: &PgPool, raw: &str) -> Option<KeyOwner> {
    let row: Option<(String, String, Option<String>, Vec<String>)> = sqlx::query_as(
        "select id, kind, bank_id, banks from api_keys where key_hash = $1 and revoked_at is null",
    )
    .bind(hash_key(raw))
    .fetch_optional(db)
    .await
    .ok()?;
    row.map(|(key_id, kind, bank_id, banks)| KeyOwner { key_id, kind, bank_id, banks })
}

impl<S, B> Service<http::Request<B>> for ApiKeyService<S>
where
    S: Service<http::Request<B>, Response = http::Response<BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let db = self.db.clone();
        Box::pin(async move {
            let raw = req.headers().get("x-api-key").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let owner = match raw {
                Some(raw) => lookup(&db, &raw).await,
                None => None,
            };
            match owner {
                Some(owner) => {
                    req.extensions_mut().insert(owner);
                    inner.call(req).await
                }
                None => Ok(Status::unauthenticated("invalid api key").to_http()),
            }
        })
    }
}
