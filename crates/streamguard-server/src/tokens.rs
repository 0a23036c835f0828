//! Minting HS256 tokens for the dev server and for `streamguard token mint`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Map, Value, json};

/// What a minted token says.
#[derive(Debug, Clone)]
pub struct TokenSpec {
    pub sub: String,
    pub scopes: Vec<String>,
    pub ttl: Duration,
    pub jti: Option<String>,
    pub iss: Option<String>,
    pub aud: Option<String>,
}

impl TokenSpec {
    pub fn new(sub: &str, scopes: &str, ttl: Duration) -> Self {
        TokenSpec {
            sub: sub.to_string(),
            scopes: scopes.split_whitespace().map(str::to_string).collect(),
            ttl,
            jti: None,
            iss: Some(crate::config::DEV_ISSUER.to_string()),
            aud: Some(crate::config::DEV_AUDIENCE.to_string()),
        }
    }
}

/// The longest time to live a minted token may have.
pub const MAX_TTL: Duration = Duration::from_secs(365 * 24 * 3600);

/// Signs `spec` with an HS256 `secret`; a random `jti` is added when none is given.
pub fn mint_hs256(secret: &str, spec: &TokenSpec) -> anyhow::Result<String> {
    if spec.ttl > MAX_TTL {
        anyhow::bail!(
            "--ttl {} is out of range: at most {} (and servers refuse tokens living longer than their max_token_lifetime, 24h by default)",
            humantime::format_duration(spec.ttl),
            humantime::format_duration(MAX_TTL)
        );
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let mut claims = Map::new();
    claims.insert("sub".into(), json!(spec.sub));
    claims.insert("iat".into(), json!(now));
    claims.insert("nbf".into(), json!(now.saturating_sub(1)));
    claims.insert(
        "exp".into(),
        json!(now.saturating_add(spec.ttl.as_secs().max(1))),
    );
    claims.insert(
        "jti".into(),
        json!(
            spec.jti
                .clone()
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string())
        ),
    );
    claims.insert("scope".into(), json!(spec.scopes.join(" ")));
    if let Some(iss) = &spec.iss {
        claims.insert("iss".into(), json!(iss));
    }
    if let Some(aud) = &spec.aud {
        claims.insert("aud".into(), json!(aud));
    }
    Ok(jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &Value::Object(claims),
        &EncodingKey::from_secret(secret.as_bytes()),
    )?)
}
