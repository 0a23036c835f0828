use std::collections::HashSet;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::watch;
use tokio::time::Instant;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub apps: Vec<String>,
}

impl Claims {
    pub fn expires_at(&self) -> Instant {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        Instant::now() + Duration::from_secs(self.exp).saturating_sub(now)
    }
}

#[derive(Clone)]
pub struct Auth {
    key: DecodingKey,
    validation: Validation,
    revoked: watch::Receiver<HashSet<String>>,
}

impl Auth {
    pub fn new(secret: &[u8], revoked: watch::Receiver<HashSet<String>>) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub"]);
        validation.leeway = 0;
        Self { key: DecodingKey::from_secret(secret), validation, revoked }
    }

    pub fn revocations(&self) -> watch::Receiver<HashSet<String>> {
        self.revoked.clone()
    }

    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("bearer token required"))?;
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(e.to_string()))?
            .claims;
        if self.revoked.borrow().contains(&claims.jti) {
            return Err(Status::permission_denied("token_revoked"));
        }
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
