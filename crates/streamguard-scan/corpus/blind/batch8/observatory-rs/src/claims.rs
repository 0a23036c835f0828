use std::collections::HashSet;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    /// Telescopes this observer has time on tonight.
    #[serde(default)]
    pub telescopes: HashSet<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split(' ').any(|x| x == s)
    }

    pub fn may_use(&self, telescope: &str) -> bool {
        self.telescopes.contains(telescope)
    }
}

/// Interceptor: verifies the observer's JWT and stores the claims.
#[derive(Clone)]
pub struct JwtInterceptor {
    key: DecodingKey,
    validation: Validation,
}

impl JwtInterceptor {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&["observatory"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_secret(secret), validation }
    }
}

impl tonic::service::Interceptor for JwtInterceptor {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("token rejected: {e}")))?
            .claims;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}

pub fn claims_of<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}
