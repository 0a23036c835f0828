use std::sync::Arc;
use std::task::{Context, Poll};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::body::BoxBody;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone)]
pub struct AuthLayer {
    inner: Arc<(DecodingKey, Validation)>,
}

impl AuthLayer {
    pub fn rs256(pem: &[u8], audience: &str) -> anyhow::Result<Self> {
        let mut v = Validation::new(Algorithm::RS256);
        v.set_audience(&[audience]);
        Ok(Self { inner: Arc::new((DecodingKey::from_rsa_pem(pem)?, v)) })
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = Auth<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Auth { inner, keys: self.inner.clone() }
    }
}

#[derive(Clone)]
pub struct Auth<S> {
    inner: S,
    keys: Arc<(DecodingKey, Validation)>,
}

fn unauthenticated(msg: &str) -> http::Response<BoxBody> {
    tonic::Status::unauthenticated(msg.to_string()).into_http()
}

impl<S, B> Service<http::Request<B>> for Auth<S>
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
        if req.uri().path().starts_with("/grpc.health.v1.") {
            let fut = self.inner.call(req);
            return Box::pin(fut);
        }
        let token = req
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        let Some(token) = token else {
            return Box::pin(async { Ok(unauthenticated("missing bearer token")) });
        };
        match decode::<Claims>(&token, &self.keys.0, &self.keys.1) {
            Ok(data) => {
                req.extensions_mut().insert(data.claims);
                let clone = self.inner.clone();
                let mut inner = std::mem::replace(&mut self.inner, clone);
                Box::pin(async move { inner.call(req).await })
            }
            Err(e) => {
                let msg = e.to_string();
                Box::pin(async move { Ok(unauthenticated(&msg)) })
            }
        }
    }
}
