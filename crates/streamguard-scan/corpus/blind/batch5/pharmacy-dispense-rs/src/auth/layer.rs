//! Tower layer that verifies the staff JWT on every new request (i.e. at stream open)
//! and puts the `Staff` claims into the request extensions for the handlers.

use std::task::{Context, Poll};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use tonic::body::BoxBody;
use tonic::Status;
use tower::{Layer, Service};

use super::Staff;

#[derive(Clone)]
pub struct StaffAuthLayer {
    key: DecodingKey,
    validation: Validation,
}

impl StaffAuthLayer {
    pub fn new(rsa_pem: &[u8]) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&["dispensary"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_rsa_pem(rsa_pem)?, validation })
    }
}

impl<S> Layer<S> for StaffAuthLayer {
    type Service = StaffAuth<S>;
    fn layer(&self, inner: S) -> Self::Service {
        StaffAuth { inner, key: self.key.clone(), validation: self.validation.clone() }
    }
}

#[derive(Clone)]
pub struct StaffAuth<S> {
    inner: S,
    key: DecodingKey,
    validation: Validation,
}

impl<S, B> Service<http::Request<B>> for StaffAuth<S>
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
        let token = req
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned);
        let verdict = match token {
            None => Err(Status::unauthenticated("missing bearer token")),
            Some(t) => decode::<Staff>(&t, &self.key, &self.validation)
                .map(|d| d.claims)
                .map_err(|e| Status::unauthenticated(format!("invalid token: {e}"))),
        };
        let mut inner = self.inner.clone();
        Box::pin(async move {
            match verdict {
                Ok(staff) => {
                    req.extensions_mut().insert(staff);
                    inner.call(req).await
                }
                Err(status) => Ok(status.into_http()),
            }
        })
    }
}
