use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use jsonwebtoken::{decode, decode_header, jwk::JwkSet, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::broadcast;
use tonic::{Request, Status};

#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split_whitespace().any(|x| x == s)
    }

    pub fn expires_in(&self) -> Duration {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        Duration::from_secs(self.exp.saturating_sub(now)) + Duration::from_secs(1)
    }
}

pub struct KeySet {
    keys: HashMap<String, (DecodingKey, Algorithm)>,
    audience: String,
}

impl KeySet {
    pub fn load(path: &str) -> anyhow::Result<Self> {
        let set: JwkSet = serde_json::from_slice(&std::fs::read(path)?)?;
        let mut keys = HashMap::new();
        for jwk in set.keys {
            let kid = jwk.common.key_id.clone().unwrap_or_default();
            let alg = match jwk.common.key_algorithm {
                Some(jsonwebtoken::jwk::KeyAlgorithm::ES256) => Algorithm::ES256,
                _ => Algorithm::RS256,
            };
            keys.insert(kid, (DecodingKey::from_jwk(&jwk)?, alg));
        }
        Ok(Self { keys, audience: std::env::var("MCP_AUDIENCE").unwrap_or_else(|_| "mcp".into()) })
    }
}

pub fn authenticate(ks: &KeySet, mut req: Request<()>) -> Result<Request<()>, Status> {
    let token = req
        .metadata()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
    let kid = decode_header(token).ok().and_then(|h| h.kid).unwrap_or_default();
    let (key, alg) = ks.keys.get(&kid).ok_or_else(|| Status::unauthenticated("unknown key"))?;
    let mut v = Validation::new(*alg);
    v.set_audience(&[&ks.audience]);
    v.leeway = 1;
    let claims = decode::<Claims>(token, key, &v).map_err(|_| Status::unauthenticated("invalid token"))?.claims;
    req.extensions_mut().insert(claims);
    Ok(req)
}

#[derive(Clone)]
pub struct RevocationBus {
    tx: Arc<broadcast::Sender<String>>,
}

impl RevocationBus {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(256);
        Self { tx: Arc::new(tx) }
    }
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.tx.subscribe()
    }
    pub fn matches(claims: &Claims, key: &str) -> bool {
        key == format!("jti:{}", claims.jti) || key == format!("sub:{}", claims.sub)
    }
}

pub fn claims_of<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

pub fn caller_deadline<T>(req: &Request<T>) -> Option<tokio::time::Instant> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(tokio::time::Instant::now() + d)
}
