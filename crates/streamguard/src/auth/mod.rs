//! Authentication of the `authorization: Bearer <JWT>` metadata at stream open.
//!
//! Algorithms are pinned per key, `exp` and `iat` are required, `nbf`, `iss` and `aud` are
//! checked, the leeway is explicit (default 0 s, not jsonwebtoken's 60 s), a token's lifetime
//! (`exp - iat`) is bounded by [`AuthConfig::max_token_lifetime`], and a header with `crit`
//! is refused (no extension is understood). Every rejection maps to a machine-readable
//! [`Reason`]; no input makes it panic.

mod claims;
mod fetch;
mod jwks;
mod keys;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::Validation;
use jsonwebtoken::errors::ErrorKind;
use serde_json::{Map, Value};

pub use claims::Claims;
pub use jsonwebtoken::Algorithm;
pub use keys::{KeyConfig, KeyError, KeySource, SUPPORTED};

use crate::termination::Reason;
use jwks::RemoteJwks;
use keys::LoadedKey;

/// Bearer tokens longer than this are refused before any parsing.
pub const MAX_TOKEN_BYTES: usize = 8 * 1024;

/// How tokens are verified.
#[derive(Debug, Clone)]
pub struct AuthConfig {
    pub keys: Vec<KeyConfig>,
    /// Required `iss`, when set.
    pub issuer: Option<String>,
    /// Required `aud` (RFC 8707 audience of this server), when set.
    pub audience: Option<String>,
    /// Clock skew allowed on `exp` and `nbf`. The check at open works in whole seconds (as JWT
    /// times do); the expiry timer honours the full duration.
    pub leeway: Duration,
    /// String claims to keep beyond `sub`, `jti`, `exp`, `iat` and the scopes (e.g. `tenant`).
    pub keep_claims: Vec<String>,
    /// Tokens whose `exp - iat` is longer are refused (`token_lifetime_too_long`). It bounds how
    /// long any accepted token can stay valid, and so how long a revocation must be kept.
    pub max_token_lifetime: Duration,
}

/// The default [`AuthConfig::max_token_lifetime`].
pub const DEFAULT_MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            keys: Vec::new(),
            issuer: None,
            audience: None,
            leeway: Duration::ZERO,
            keep_claims: Vec::new(),
            max_token_lifetime: DEFAULT_MAX_TOKEN_LIFETIME,
        }
    }
}

/// A token was refused: the reason goes to the client, the detail to the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}: {detail}")]
pub struct AuthError {
    pub reason: Reason,
    pub detail: String,
}

impl AuthError {
    fn new(reason: Reason, detail: impl Into<String>) -> Self {
        AuthError {
            reason,
            detail: detail.into(),
        }
    }
}

/// Verifies bearer tokens against the configured keys.
pub struct Authenticator {
    config: AuthConfig,
    static_keys: Vec<LoadedKey>,
    remote: Vec<Arc<RemoteJwks>>,
}

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authenticator")
            .field("keys", &self.static_keys.len())
            .field("remote_jwks", &self.remote.len())
            .finish()
    }
}

impl Authenticator {
    /// Loads every key now, so a bad key file fails at start-up, not at the first request.
    pub fn new(config: AuthConfig) -> Result<Self, KeyError> {
        let mut static_keys = Vec::new();
        let mut remote = Vec::new();
        for k in &config.keys {
            if let KeySource::JwksUrl { url, ttl } = &k.source {
                if !SUPPORTED.contains(&k.algorithm) {
                    return Err(KeyError::Unsupported(k.algorithm));
                }
                remote.push(Arc::new(RemoteJwks::new(url, k.algorithm, *ttl)?));
            } else {
                static_keys.extend(keys::load_static(k)?);
            }
        }
        Ok(Authenticator {
            config,
            static_keys,
            remote,
        })
    }

    pub fn config(&self) -> &AuthConfig {
        &self.config
    }

    /// Keeps one more string claim in the verified [`Claims`].
    pub(crate) fn keep_claim(&mut self, name: &str) {
        if !self.config.keep_claims.iter().any(|k| k == name) {
            self.config.keep_claims.push(name.to_string());
        }
    }

    /// Extracts the bearer token from an `authorization` header value.
    pub fn bearer(header: Option<&http::HeaderValue>) -> Result<&str, AuthError> {
        let value = header
            .ok_or_else(|| AuthError::new(Reason::MissingToken, "no authorization metadata"))?;
        if value.len() > MAX_TOKEN_BYTES + 7 {
            return Err(AuthError::new(
                Reason::TokenTooLarge,
                format!("{} bytes, limit {MAX_TOKEN_BYTES}", value.len()),
            ));
        }
        let text = value
            .to_str()
            .map_err(|_| AuthError::new(Reason::MalformedToken, "authorization is not ASCII"))?;
        let (scheme, token) = text.split_once(' ').ok_or_else(|| {
            AuthError::new(
                Reason::MissingToken,
                "authorization is not 'Bearer <token>'",
            )
        })?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(AuthError::new(
                Reason::MissingToken,
                format!("scheme {scheme:?} is not Bearer"),
            ));
        }
        let token = token.trim();
        if token.is_empty() {
            return Err(AuthError::new(Reason::MissingToken, "empty bearer token"));
        }
        Ok(token)
    }

    /// Verifies `token` and returns its claims.
    pub async fn verify(&self, token: &str) -> Result<Claims, AuthError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(AuthError::new(
                Reason::TokenTooLarge,
                format!("{} bytes, limit {MAX_TOKEN_BYTES}", token.len()),
            ));
        }
        let header = read_header(token)?;
        let kid = header.kid.as_deref();
        let mut candidates: Vec<LoadedKey> = self
            .static_keys
            .iter()
            .filter(|k| k.kid.is_none() || k.kid.as_deref() == kid)
            .cloned()
            .collect();
        for r in &self.remote {
            match r.keys_for(kid).await {
                Ok(keys) => candidates.extend(keys),
                Err(e) if candidates.is_empty() => {
                    return Err(AuthError::new(Reason::KeyUnavailable, e.to_string()));
                }
                Err(e) => tracing::warn!(error = %e, "JWKS unavailable"),
            }
        }
        if candidates.is_empty() {
            return Err(AuthError::new(
                Reason::UnknownKey,
                format!("no key for kid {kid:?}"),
            ));
        }
        let pinned: Vec<&LoadedKey> = candidates
            .iter()
            .filter(|k| k.algorithm == header.alg)
            .collect();
        if pinned.is_empty() {
            return Err(AuthError::new(
                Reason::AlgorithmNotAllowed,
                format!("{:?} is not the algorithm of any trusted key", header.alg),
            ));
        }
        let mut last = AuthError::new(Reason::BadSignature, "no key verified the signature");
        for key in pinned {
            match jsonwebtoken::decode::<Map<String, Value>>(
                token,
                &key.key,
                &self.validation(key.algorithm),
            ) {
                Ok(data) => {
                    let claims = Claims::from_raw(&data.claims, &self.config.keep_claims).map_err(
                        |claim| {
                            AuthError::new(
                                Reason::MissingClaim,
                                format!("claim {claim} is missing or malformed"),
                            )
                        },
                    )?;
                    self.check_lifetime(&claims, crate::revocation::unix_now())?;
                    return Ok(claims);
                }
                Err(e) => {
                    last = map_error(e.kind());
                    // Only a signature mismatch is worth trying the next key for.
                    if last.reason != Reason::BadSignature {
                        return Err(last);
                    }
                }
            }
        }
        Err(last)
    }

    /// Bounds how long the token can be valid: `iat` not in the future (beyond the leeway), and
    /// `exp - iat` within the maximum lifetime. Together with `exp` this bounds the latest
    /// moment any accepted token can be used, which revocation retention relies on.
    fn check_lifetime(&self, claims: &Claims, now: u64) -> Result<(), AuthError> {
        let leeway = self.leeway_secs();
        if claims.iat > now.saturating_add(leeway) {
            return Err(AuthError::new(
                Reason::TokenNotYetValid,
                format!("iat {} is in the future (now {now})", claims.iat),
            ));
        }
        let Some(lifetime) = claims.exp.checked_sub(claims.iat) else {
            return Err(AuthError::new(
                Reason::MalformedToken,
                format!("exp {} is before iat {}", claims.exp, claims.iat),
            ));
        };
        let max = self.config.max_token_lifetime.as_secs();
        if lifetime > max {
            return Err(AuthError::new(
                Reason::TokenLifetimeTooLong,
                format!("exp - iat = {lifetime} s exceeds the maximum token lifetime of {max} s"),
            ));
        }
        Ok(())
    }

    /// The leeway in whole seconds, rounded up: the check at open must never be stricter than
    /// the expiry timer.
    fn leeway_secs(&self) -> u64 {
        self.config
            .leeway
            .as_secs()
            .saturating_add(u64::from(self.config.leeway.subsec_nanos() > 0))
    }

    fn validation(&self, algorithm: Algorithm) -> Validation {
        let mut v = Validation::new(algorithm);
        v.leeway = self.leeway_secs();
        v.validate_exp = true;
        v.validate_nbf = true;
        v.required_spec_claims = HashSet::from(["exp".to_string()]);
        // A configured issuer or audience must be present, not merely "not wrong".
        match &self.config.audience {
            Some(aud) => {
                v.set_audience(&[aud]);
                v.required_spec_claims.insert("aud".into());
            }
            None => v.validate_aud = false,
        }
        if let Some(iss) = &self.config.issuer {
            v.set_issuer(&[iss]);
            v.required_spec_claims.insert("iss".into());
        }
        v
    }
}

fn read_header(token: &str) -> Result<jsonwebtoken::Header, AuthError> {
    if token.split('.').count() != 3 {
        return Err(AuthError::new(
            Reason::MalformedToken,
            "a JWT has three dot-separated parts",
        ));
    }
    refuse_critical_extensions(token)?;
    // `alg: none` (and any algorithm jsonwebtoken does not know) fails to parse as a header.
    jsonwebtoken::decode_header(token).map_err(|e| match e.kind() {
        ErrorKind::Json(err) if err.to_string().contains("unknown variant") => AuthError::new(
            Reason::AlgorithmNotAllowed,
            "header names an algorithm that is not allowed",
        ),
        ErrorKind::InvalidAlgorithmName | ErrorKind::MissingAlgorithm => AuthError::new(
            Reason::AlgorithmNotAllowed,
            "header names no allowed algorithm",
        ),
        _ => AuthError::new(Reason::MalformedToken, format!("header: {e}")),
    })
}

/// RFC 7515 §4.1.11: a recipient must refuse a JWS whose `crit` names an extension it does not
/// understand. This verifier understands none, so any `crit` is refused. jsonwebtoken ignores
/// unknown header fields, hence the look at the raw header.
fn refuse_critical_extensions(token: &str) -> Result<(), AuthError> {
    use base64::Engine;
    let encoded = token.split('.').next().unwrap_or_default();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded)
        .map_err(|_| AuthError::new(Reason::MalformedToken, "header is not base64url"))?;
    let header: Map<String, Value> = serde_json::from_slice(&bytes)
        .map_err(|_| AuthError::new(Reason::MalformedToken, "header is not a JSON object"))?;
    if header.contains_key("crit") {
        return Err(AuthError::new(
            Reason::MalformedToken,
            "header has crit: no JWS extension is understood here",
        ));
    }
    Ok(())
}

fn map_error(kind: &ErrorKind) -> AuthError {
    let reason = match kind {
        ErrorKind::InvalidSignature => Reason::BadSignature,
        ErrorKind::ExpiredSignature => Reason::TokenExpired,
        ErrorKind::ImmatureSignature => Reason::TokenNotYetValid,
        ErrorKind::InvalidIssuer => Reason::WrongIssuer,
        ErrorKind::InvalidAudience => Reason::WrongAudience,
        ErrorKind::InvalidAlgorithm
        | ErrorKind::InvalidAlgorithmName
        | ErrorKind::MissingAlgorithm => Reason::AlgorithmNotAllowed,
        ErrorKind::MissingRequiredClaim(_) | ErrorKind::InvalidClaimFormat(_) => {
            Reason::MissingClaim
        }
        _ => Reason::MalformedToken,
    };
    AuthError::new(reason, format!("{kind:?}"))
}
