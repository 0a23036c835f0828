use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::metadata::MetadataMap;
use tonic::Status;

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    #[serde(default)]
    pub rooms: Vec<String>,
}

impl Claims {
    pub fn may_post(&self, room: &str) -> bool {
        self.rooms.iter().any(|r| r == room)
    }

    /// Time left until `exp` (+ leeway), measured on the tokio clock.
    pub fn expires_in(&self, leeway: Duration) -> Duration {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        Duration::from_secs(self.exp).saturating_sub(now) + leeway
    }
}

#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn from_secret(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&["chat"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_secret(secret), validation }
    }

    pub fn verify(&self, md: &MetadataMap) -> Result<Claims, Status> {
        let token = md
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        decode::<Claims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|_| Status::unauthenticated("invalid token"))
    }
}
