//! A tower layer that authenticates every gRPC request before it reaches a service.

use std::sync::Arc;
use std::task::{Context, Poll};

use http::{Request, Response};
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

#[derive(Debug, Clone, Deserialize)]
pub struct Caller {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub namespaces: Vec<String>,
}

impl Caller {
    pub fn can_read(&self, ns: &str) -> bool {
        self.namespaces.iter().any(|n| n == ns || n == "*")
    }
}

#[derive(Clone)]
pub struct Verifier {
    key: Arc<DecodingKey>,
    validation: Arc<Validation>,
}

impl Verifier {
    pub fn new(secret: &[u8]) -> Self {
        let mut v = Validation::new(Algorithm::HS256);
        v.set_audience(&["feature-flags"]);
        Self { key: Arc::new(DecodingKey::from_secret(secret)), validation: Arc::new(v) }
    }

    fn verify(&self, header: Option<&http::HeaderValue>) -> Result<Caller, Status> {
        let token = header
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        decode::<Caller>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|_| Status::unauthenticated("invalid token"))
    }
}

#[derive(Clone)]
pub struct AuthLayer {
    verifier: Verifier,
}

impl AuthLayer {
    pub fn new(verifier: Verifier) -> Self {
        Self { verifier }
    }
}

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService { inner, verifier: self.verifier.clone() }
    }
}

#[derive(Clone)]
pub struct AuthService<S> {
    inner: S,
    verifier: Verifier,
}

impl<S, B> Service<Request<B>> for AuthService<S>
where
    S: Service<Request<B>, Response = Response<BoxBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    B: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = futures_util::future::BoxFuture<'static, Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut req: Request<B>) -> Self::Future {
        if req.uri().path().starts_with("/grpc.health.v1.Health/") {
            return Box::pin(self.inner.call(req));
        }
        match self.verifier.verify(req.headers().get(http::header::AUTHORIZATION)) {
            Ok(caller) => {
                req.extensions_mut().insert(caller);
                let clone = self.inner.clone();
                let mut inner = std::mem::replace(&mut self.inner, clone);
                Box::pin(async move { inner.call(req).await })
            }
            Err(status) => Box::pin(async move { Ok(status.into_http()) }),
        }
    }
}
