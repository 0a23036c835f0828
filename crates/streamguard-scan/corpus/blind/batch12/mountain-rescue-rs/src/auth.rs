//! Tower layer: verifies the bearer token (team members) or the beacon key
//! and stores the identity in the request extensions.
use std::collections::HashMap;
use std::sync::Arc;
use std::task::{Context, Poll};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct Member {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub teams: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Beacon {
    pub owner: String,
    pub beacon_ids: Vec<String>,
}

#[derive(Clone)]
pub struct AuthLayer {
    pub key: Arc<DecodingKey>,
    pub beacon_keys: Arc<HashMap<String, Beacon>>,
}

#[derive(Clone)]
pub struct AuthService<S> {
    inner: S,
    cfg: AuthLayer,
}

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;
    fn layer(&self, inner: S) -> Self::Service {
        AuthService { inner, cfg: self.clone() }
    }
}

fn unauthenticated<B: Default>() -> http::Response<B> {
    let mut r = http::Response::new(B::default());
    r.headers_mut().insert("content-type", "application/grpc".parse().unwrap());
    r.headers_mut().insert("grpc-status", "16".parse().unwrap());
    r
}

impl<S, B, RB> Service<http::Request<B>> for AuthService<S>
where
    S: Service<http::Request<B>, Response = http::Response<RB>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    RB: Default,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: http::Request<B>) -> Self::Future {
        let mut inner = self.inner.clone();
        let headers = req.headers();
        if let Some(key) = headers.get("x-beacon-key").and_then(|v| v.to_str().ok()) {
            match self.cfg.beacon_keys.get(key) {
                Some(b) => {
                    let b = b.clone();
                    req.extensions_mut().insert(b);
                }
                None => return Box::pin(async { Ok(unauthenticated()) }),
            }
        } else {
            let mut v = Validation::new(Algorithm::ES256);
            v.set_audience(&["rescue-hub"]);
            v.leeway = 1;
            let token = headers
                .get("authorization")
                .and_then(|h| h.to_str().ok())
                .and_then(|h| h.strip_prefix("Bearer "));
            match token.and_then(|t| decode::<Member>(t, &self.cfg.key, &v).ok()) {
                Some(data) => {
                    req.extensions_mut().insert(data.claims);
                }
                None => return Box::pin(async { Ok(unauthenticated()) }),
            }
        }
        Box::pin(async move { inner.call(req).await })
    }
}
