//! Verification keys: where they come from and which algorithm each one is pinned to.

use std::path::PathBuf;
use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey};

/// Where a verification key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// An HMAC secret given inline.
    Secret(String),
    /// An HMAC secret read from an environment variable at start-up.
    SecretEnv(String),
    /// A PEM public key (RSA, EC P-256 or Ed25519) in a file.
    PemFile(PathBuf),
    /// A JWKS document in a file.
    JwksFile(PathBuf),
    /// A JWKS document at an `http://` URL, cached for `ttl` and refetched (rate-limited) when
    /// a token names an unknown `kid`.
    JwksUrl { url: String, ttl: Duration },
}

/// One trusted key and the one algorithm it verifies: a token whose header names another
/// algorithm is refused (`algorithm_not_allowed`), which closes alg-confusion attacks.
#[derive(Debug, Clone)]
pub struct KeyConfig {
    pub algorithm: Algorithm,
    pub source: KeySource,
    /// Only tokens whose header carries this `kid` use the key (JWKS keys bring their own).
    pub kid: Option<String>,
    /// Accept an HMAC secret shorter than [`MIN_HMAC_SECRET_BYTES`] (tests and labs only: a
    /// short secret can be brute-forced from one token).
    pub allow_weak_secret: bool,
}

/// HS256 secrets shorter than this are refused at start-up (RFC 7518 §3.2: a key of at least
/// the hash size, 256 bits).
pub const MIN_HMAC_SECRET_BYTES: usize = 32;

impl KeyConfig {
    pub fn hs256_secret(secret: impl Into<String>) -> Self {
        KeyConfig {
            algorithm: Algorithm::HS256,
            source: KeySource::Secret(secret.into()),
            kid: None,
            allow_weak_secret: false,
        }
    }
}

/// Algorithms the guard accepts at all; `none` is not among them.
pub const SUPPORTED: [Algorithm; 4] = [
    Algorithm::HS256,
    Algorithm::RS256,
    Algorithm::ES256,
    Algorithm::EdDSA,
];

/// A key ready for verification.
#[derive(Clone)]
pub(crate) struct LoadedKey {
    pub algorithm: Algorithm,
    pub kid: Option<String>,
    pub key: DecodingKey,
}

/// A key could not be loaded; names the key and what to do.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("algorithm {0:?} is not supported: use HS256, RS256, ES256 or EdDSA")]
    Unsupported(Algorithm),
    #[error("environment variable {0} holding the HMAC secret is not set")]
    MissingEnv(String),
    #[error("HMAC secret for HS256 is empty; give at least 32 bytes")]
    EmptySecret,
    #[error(
        "HMAC secret for HS256 is {0} bytes; use at least {MIN_HMAC_SECRET_BYTES} random bytes (e.g. `openssl rand -base64 32`), or set allow_weak_secret = true on this key for a throwaway lab"
    )]
    WeakSecret(usize),
    #[error(
        "jwks_url {0:?}: only http:// JWKS URLs are fetched for now; use jwks_file, or a local http:// proxy in front of the issuer"
    )]
    UnsupportedJwksUrl(String),
    #[error("cannot read key file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("key file {path} is not a valid {algorithm:?} PEM public key: {source}")]
    Pem {
        path: PathBuf,
        algorithm: Algorithm,
        source: jsonwebtoken::errors::Error,
    },
    #[error(
        "key source for {0:?} does not fit: HMAC keys need a secret, {0:?} needs a PEM or JWKS"
    )]
    WrongSourceForAlgorithm(Algorithm),
    #[error("JWKS {origin} is invalid: {detail}")]
    Jwks { origin: String, detail: String },
}

pub(crate) fn load_static(cfg: &KeyConfig) -> Result<Vec<LoadedKey>, KeyError> {
    if !SUPPORTED.contains(&cfg.algorithm) {
        return Err(KeyError::Unsupported(cfg.algorithm));
    }
    let hmac = cfg.algorithm == Algorithm::HS256;
    let one = |key| {
        Ok(vec![LoadedKey {
            algorithm: cfg.algorithm,
            kid: cfg.kid.clone(),
            key,
        }])
    };
    let secret = |s: &str| {
        if s.is_empty() {
            return Err(KeyError::EmptySecret);
        }
        if s.len() < MIN_HMAC_SECRET_BYTES && !cfg.allow_weak_secret {
            return Err(KeyError::WeakSecret(s.len()));
        }
        one(DecodingKey::from_secret(s.as_bytes()))
    };
    match &cfg.source {
        KeySource::Secret(s) if hmac => secret(s),
        KeySource::SecretEnv(var) if hmac => {
            secret(&std::env::var(var).map_err(|_| KeyError::MissingEnv(var.clone()))?)
        }
        KeySource::PemFile(path) if !hmac => {
            let pem = std::fs::read(path).map_err(|source| KeyError::Read {
                path: path.clone(),
                source,
            })?;
            let key = match cfg.algorithm {
                Algorithm::RS256 => DecodingKey::from_rsa_pem(&pem),
                Algorithm::ES256 => DecodingKey::from_ec_pem(&pem),
                _ => DecodingKey::from_ed_pem(&pem),
            }
            .map_err(|source| KeyError::Pem {
                path: path.clone(),
                algorithm: cfg.algorithm,
                source,
            })?;
            one(key)
        }
        KeySource::JwksFile(path) => {
            let text = std::fs::read_to_string(path).map_err(|source| KeyError::Read {
                path: path.clone(),
                source,
            })?;
            parse_jwks(&text, cfg.algorithm, &path.display().to_string())
        }
        KeySource::JwksUrl { .. } => Ok(Vec::new()),
        _ => Err(KeyError::WrongSourceForAlgorithm(cfg.algorithm)),
    }
}

/// Keys of a JWKS document usable with `algorithm`: a key whose own `alg` names another
/// algorithm is left out, so the pin holds.
pub(crate) fn parse_jwks(
    text: &str,
    algorithm: Algorithm,
    origin: &str,
) -> Result<Vec<LoadedKey>, KeyError> {
    let set: jsonwebtoken::jwk::JwkSet =
        serde_json::from_str(text).map_err(|e| KeyError::Jwks {
            origin: origin.to_string(),
            detail: e.to_string(),
        })?;
    let mut keys = Vec::new();
    for jwk in &set.keys {
        if let Some(alg) = jwk.common.key_algorithm
            && alg.to_string() != format!("{algorithm:?}")
        {
            continue;
        }
        if let Ok(key) = DecodingKey::from_jwk(jwk) {
            keys.push(LoadedKey {
                algorithm,
                kid: jwk.common.key_id.clone(),
                key,
            });
        }
    }
    if keys.is_empty() && !set.keys.is_empty() {
        return Err(KeyError::Jwks {
            origin: origin.to_string(),
            detail: format!("no key in it is usable with {algorithm:?}"),
        });
    }
    Ok(keys)
}
