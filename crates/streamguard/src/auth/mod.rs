//! Authentication of the `authorization: Bearer <token>` metadata at stream open.
//!
//! A JWT is verified against the configured keys: algorithms are pinned per key, `exp` and
//! `iat` are required, `nbf`, `iss` and `aud` are checked, the leeway is explicit (default 0 s,
//! not jsonwebtoken's 60 s), a token's lifetime (`exp - iat`) is bounded by
//! [`AuthConfig::max_token_lifetime`], and a header with `crit` is refused (no extension is
//! understood). Every rejection maps to a machine-readable [`Reason`]; no input makes it panic.
//!
//! Keys can come from the identity provider itself: a JWKS URL (https with the system's roots
//! plus [`AuthConfig::ca_file`]), or the `jwks_uri` of the issuer's OpenID discovery document
//! ([`AuthConfig::discovery`]). An opaque token (not a JWS) is verified by RFC 7662
//! introspection when [`AuthConfig::introspection`] is set, its answer checked by the same claim
//! rules; see [`introspection`].

mod claims;
mod discovery;
mod fetch;
pub mod introspection;
mod jwks;
mod keys;
mod trust;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::Validation;
use jsonwebtoken::errors::ErrorKind;
use serde_json::{Map, Value};

pub use claims::Claims;
pub(crate) use claims::{Introspected, TokenKey};
pub use discovery::DiscoveryError;
pub use introspection::{ClientSecret, IntrospectionConfig};
pub use jsonwebtoken::Algorithm;
pub use keys::{KeyConfig, KeyError, KeySource, SUPPORTED};

use crate::termination::Reason;
use discovery::Discovery;
use fetch::Fetcher;
use introspection::Introspector;
use jwks::{Location, RemoteJwks};
use keys::{LoadedKey, Pin};

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
    /// Read the issuer's discovery document (`<issuer>/.well-known/openid-configuration`, else
    /// RFC 8414's `oauth-authorization-server`) for its `jwks_uri` and `introspection_endpoint`.
    /// Without [`Self::keys`], the discovered JWKS is the trusted key set, each key pinned to
    /// its own `alg` (RS256, ES256 or EdDSA). Needs [`Self::issuer`].
    pub discovery: bool,
    /// A PEM file of certificate authorities trusted, beside the system's, for every https fetch
    /// from the identity provider (discovery, JWKS, introspection) — unless a key has its own.
    pub ca_file: Option<PathBuf>,
    /// Opaque tokens: verified at the issuer's introspection endpoint (RFC 7662).
    pub introspection: Option<IntrospectionConfig>,
}

/// How long a discovered JWKS is cached before it is refreshed in the background.
pub const DISCOVERED_JWKS_TTL: Duration = Duration::from_secs(300);

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
            discovery: false,
            ca_file: None,
            introspection: None,
        }
    }
}

impl AuthConfig {
    /// Whether any token could be accepted: keys, a discovered JWKS or introspection.
    pub fn has_verifier(&self) -> bool {
        !self.keys.is_empty() || self.discovery || self.introspection.is_some()
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
    pub(crate) fn new(reason: Reason, detail: impl Into<String>) -> Self {
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
    discovery: Option<Arc<Discovery>>,
    introspector: Option<Introspector>,
}

impl std::fmt::Debug for Authenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authenticator")
            .field("keys", &self.static_keys.len())
            .field("remote_jwks", &self.remote.len())
            .field("discovery", &self.discovery.as_ref().map(|d| d.issuer()))
            .field("introspection", &self.introspector.is_some())
            .finish()
    }
}

impl Authenticator {
    /// Loads every key now, so a bad key file, URL or CA file fails at start-up, not at the
    /// first request. Nothing is fetched here: see [`Self::prepare`].
    pub fn new(config: AuthConfig) -> Result<Self, KeyError> {
        // One https client for every fetch under the [auth]-wide CA file, built only if needed.
        let mut shared: Option<Arc<Fetcher>> = None;
        let mut shared_fetcher = || -> Result<Arc<Fetcher>, KeyError> {
            if let Some(f) = &shared {
                return Ok(f.clone());
            }
            let f = Arc::new(Fetcher::new(config.ca_file.as_deref())?);
            shared = Some(f.clone());
            Ok(f)
        };
        let mut static_keys = Vec::new();
        let mut remote = Vec::new();
        for k in &config.keys {
            if let KeySource::JwksUrl { url, ttl, ca_file } = &k.source {
                if !SUPPORTED.contains(&k.algorithm) {
                    return Err(KeyError::Unsupported(k.algorithm));
                }
                let uri = fetch::parse_url("auth.keys.jwks_url", url)?;
                warn_if_clear_text("auth.keys.jwks_url", &uri);
                let fetcher = match ca_file {
                    Some(own) => Arc::new(Fetcher::new(Some(own))?),
                    None => shared_fetcher()?,
                };
                remote.push(Arc::new(RemoteJwks::new(
                    Location::Url(uri),
                    fetcher,
                    Pin::Configured(k.algorithm),
                    *ttl,
                )));
            } else {
                static_keys.extend(keys::load_static(k)?);
            }
        }
        let discovery = match (config.discovery, &config.issuer) {
            (false, _) => None,
            (true, None) => {
                return Err(KeyError::Config(
                    "[auth] discovery = true needs [auth] issuer: the discovery document is read from the issuer".into(),
                ));
            }
            (true, Some(issuer)) => {
                let d = Arc::new(Discovery::new(issuer, shared_fetcher()?)?);
                warn_if_clear_text("auth.issuer", &fetch::parse_url("auth.issuer", issuer)?);
                Some(d)
            }
        };
        if let Some(d) = &discovery
            && config.keys.is_empty()
        {
            remote.push(Arc::new(RemoteJwks::new(
                Location::Discovered(d.clone()),
                shared_fetcher()?,
                Pin::FromJwk,
                DISCOVERED_JWKS_TTL,
            )));
        }
        let introspector = match &config.introspection {
            Some(i) => Some(Introspector::new(i, discovery.as_ref(), shared_fetcher()?)?),
            None => None,
        };
        Ok(Authenticator {
            config,
            static_keys,
            remote,
            discovery,
            introspector,
        })
    }

    /// Meets the identity provider once, at start-up: reads the discovery document, fetches
    /// every JWKS and resolves the introspection endpoint. Fails only when the provider answered
    /// and the answer does not fit the configuration (another issuer, no `jwks_uri`, no
    /// introspection endpoint). An unreachable provider is logged and start-up goes on: until it
    /// answers, every token that needs it is refused with `UNAVAILABLE` (`key_unavailable`) —
    /// never accepted on less evidence — and fetches are retried with back-off.
    pub async fn prepare(&self) -> Result<(), KeyError> {
        if let Some(d) = &self.discovery {
            match d.metadata().await {
                Ok(_) => {}
                Err(e @ DiscoveryError::Invalid { .. }) => return Err(e.into()),
                Err(e) => {
                    tracing::warn!(error = %e, "the identity provider is unreachable at start-up; tokens are refused (key_unavailable) until it answers")
                }
            }
        }
        for r in &self.remote {
            match r.prime().await {
                Ok(n) => tracing::info!(keys = n, "JWKS fetched"),
                Err(e) => {
                    tracing::warn!(error = %e, "JWKS not fetched at start-up; tokens of its keys are refused (key_unavailable) until it is")
                }
            }
        }
        if let Some(i) = &self.introspector {
            match i.endpoint().await {
                Ok(url) => {
                    tracing::info!(%url, recheck = ?i.recheck(), "opaque tokens are introspected")
                }
                Err(KeyError::Discovery(DiscoveryError::Unreachable { .. })) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// How often live streams of introspected tokens are re-checked at the issuer, when opaque
    /// tokens are introspected at all.
    pub fn recheck_interval(&self) -> Option<Duration> {
        self.introspector.as_ref().map(Introspector::recheck)
    }

    /// A fresh introspection of an opaque token a live stream holds (cache bypassed, then
    /// refreshed): its claims, or why it no longer stands (`key_unavailable`: the issuer could
    /// not be asked).
    pub(crate) async fn reverify(&self, token: &str) -> Result<Claims, AuthError> {
        match &self.introspector {
            Some(i) => i.reverify(token, &|raw| self.check_introspected(raw)).await,
            None => Err(AuthError::new(
                Reason::KeyUnavailable,
                "introspection is not configured",
            )),
        }
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
        if let Some(i) = &self.introspector
            && !looks_like_jws(token)
        {
            return i.verify(token, &|raw| self.check_introspected(raw)).await;
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

    /// The claims of an introspection answer (`active: true`), checked as a JWT's would be:
    /// `exp` required and not passed, `nbf` not ahead, `iss` and `aud` present and matching when
    /// configured, `sub` and `iat` required, the lifetime bounded. A refresh token is refused.
    fn check_introspected(&self, raw: &Map<String, Value>) -> Result<Claims, AuthError> {
        let now = crate::revocation::unix_now();
        let leeway = self.leeway_secs();
        let missing = |claim: &str| {
            AuthError::new(
                Reason::MissingClaim,
                format!("introspection answer: claim {claim} is missing or malformed"),
            )
        };
        let exp = raw
            .get("exp")
            .and_then(Value::as_u64)
            .ok_or_else(|| missing("exp"))?;
        if exp.saturating_add(leeway) < now {
            return Err(AuthError::new(
                Reason::TokenExpired,
                format!("introspection answer: exp {exp} has passed (now {now})"),
            ));
        }
        if let Some(nbf) = raw.get("nbf") {
            let nbf = nbf.as_u64().ok_or_else(|| missing("nbf"))?;
            if nbf > now.saturating_add(leeway) {
                return Err(AuthError::new(
                    Reason::TokenNotYetValid,
                    format!("introspection answer: nbf {nbf} is ahead (now {now})"),
                ));
            }
        }
        if let Some(issuer) = &self.config.issuer {
            match raw.get("iss") {
                None => return Err(missing("iss")),
                Some(Value::String(iss)) if iss == issuer => {}
                Some(other) => {
                    return Err(AuthError::new(
                        Reason::WrongIssuer,
                        format!("introspection answer: iss {other} is not {issuer:?}"),
                    ));
                }
            }
        }
        if let Some(audience) = &self.config.audience {
            let ours = |v: &Value| v.as_str() == Some(audience.as_str());
            let fits = match raw.get("aud") {
                None => return Err(missing("aud")),
                Some(Value::Array(auds)) => auds.iter().any(ours),
                Some(aud) => ours(aud),
            };
            if !fits {
                return Err(AuthError::new(
                    Reason::WrongAudience,
                    format!("introspection answer: aud does not include {audience:?}"),
                ));
            }
        }
        if raw
            .get("token_type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.contains("refresh_token"))
        {
            return Err(AuthError::new(
                Reason::MalformedToken,
                "introspection answer: a refresh token is not an access token",
            ));
        }
        let claims = Claims::from_raw(raw, &self.config.keep_claims).map_err(missing)?;
        self.check_lifetime(&claims, now)?;
        Ok(claims)
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

/// Whether a token has the shape of a JWS (three dot-separated parts).
fn is_jws(token: &str) -> bool {
    token.split('.').count() == 3
}

/// Whether a token is meant as a JWS: three parts and a header that is a JSON object. Anything
/// else is opaque (with introspection on), even an opaque token that happens to hold two dots.
fn looks_like_jws(token: &str) -> bool {
    use base64::Engine;
    is_jws(token)
        && token.split('.').next().is_some_and(|header| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(header)
                .is_ok_and(|bytes| serde_json::from_slice::<Map<String, Value>>(&bytes).is_ok())
        })
}

/// Plain http to a remote identity provider lets anyone on the path swap the keys: allowed
/// (some deployments terminate TLS in a local sidecar), but said loudly.
fn warn_if_clear_text(key: &str, uri: &http::Uri) {
    if uri.scheme_str() == Some("http") && !fetch::is_loopback(uri) {
        tracing::warn!(key, url = %uri, "the identity provider is reached over plain http: anyone on the network path can substitute keys; use https://");
    }
}

fn read_header(token: &str) -> Result<jsonwebtoken::Header, AuthError> {
    if !is_jws(token) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_three_parts_with_a_json_header_are_taken_for_a_jws() {
        // {"alg":"RS256"}
        assert!(looks_like_jws("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        assert!(!looks_like_jws("opaque-token-without-dots"));
        assert!(!looks_like_jws("v2.opaque.b64value"));
        assert!(!looks_like_jws("a.b.c.d.e"));
        assert!(!looks_like_jws(""));
    }
}
