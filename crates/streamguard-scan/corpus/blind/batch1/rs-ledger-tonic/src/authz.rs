use std::time::{SystemTime, UNIX_EPOCH};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::metadata::MetadataMap;
use tonic::Status;

#[derive(Debug, Clone, Deserialize)]
pub struct Principal {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    #[serde(default)]
    pub accounts: Vec<String>,
}

impl Principal {
    pub fn owns(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a == account)
    }

    pub fn expired(&self) -> bool {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(u64::MAX);
        now > self.exp
    }
}

#[derive(Clone)]
pub struct Authz {
    key: DecodingKey,
    validation: Validation,
    revoked: std::sync::Arc<tokio::sync::RwLock<std::collections::HashSet<String>>>,
}

impl Authz {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS512);
        validation.set_audience(&["ledger"]);
        Self { key: DecodingKey::from_secret(secret), validation, revoked: Default::default() }
    }

    pub fn verify(&self, md: &MetadataMap) -> Result<Principal, Status> {
        let token = md
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        decode::<Principal>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|_| Status::unauthenticated("invalid token"))
    }

    pub async fn still_valid(&self, p: &Principal) -> Result<(), Status> {
        if p.expired() {
            return Err(Status::unauthenticated("token_expired"));
        }
        if self.revoked.read().await.contains(&p.jti) {
            return Err(Status::permission_denied("token_revoked"));
        }
        Ok(())
    }
}
