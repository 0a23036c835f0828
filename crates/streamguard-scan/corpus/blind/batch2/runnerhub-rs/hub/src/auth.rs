use std::{
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::broadcast;
use tonic::{Request, Status};

#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub pools: Vec<String>,
    #[serde(default)]
    pub kind: String,
}

impl Claims {
    pub fn time_left(&self) -> Duration {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        Duration::from_secs(self.exp.saturating_sub(now))
    }
}

pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn from_env() -> anyhow::Result<Self> {
        let secret = std::env::var("HUB_JWT_SECRET")?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_required_spec_claims(&["exp", "sub", "jti"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_secret(secret.as_bytes()), validation })
    }
}

pub fn intercept(v: &Verifier, mut req: Request<()>) -> Result<Request<()>, Status> {
    let header = req
        .metadata()
        .get("authorization")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .ok_or_else(|| Status::unauthenticated("missing token"))?;
    let claims = decode::<Claims>(header, &v.key, &v.validation)
        .map_err(|_| Status::unauthenticated("invalid token"))?
        .claims;
    req.extensions_mut().insert(claims);
    Ok(req)
}

/// Revocation fan-out: the admin endpoint publishes `jti:<id>` or `sub:<id>`.
#[derive(Clone)]
pub struct Revocations {
    tx: Arc<broadcast::Sender<String>>,
}

impl Revocations {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self { tx: Arc::new(tx) }
    }

    pub fn revoke(&self, key: String) {
        let _ = self.tx.send(key);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.tx.subscribe()
    }
}
