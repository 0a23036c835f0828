//! Verification keys: where they come from and which algorithm each one is pinned to.

use std::path::PathBuf;
use std::time::Duration;

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse};
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
    /// A JWKS document at an `https://` (or `http://`) URL, cached for `ttl` and refetched
    /// (rate-limited) when a token names an unknown `kid`. An https fetch trusts the system's
    /// certificate authorities plus `ca_file` (else [`super::AuthConfig::ca_file`]).
    JwksUrl {
        url: String,
        ttl: Duration,
        ca_file: Option<PathBuf>,
    },
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
    #[error("{key} = {url:?}: {detail}; write an https:// URL of the identity provider")]
    BadUrl {
        key: &'static str,
        url: String,
        detail: String,
    },
    #[error("ca_file {path}: {detail}")]
    CaFile { path: PathBuf, detail: String },
    #[error("TLS settings for the identity provider: {0}")]
    Tls(String),
    #[error("{0}")]
    Config(String),
    #[error(transparent)]
    Discovery(#[from] super::discovery::DiscoveryError),
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
    #[error("JWKS {origin}: {detail}")]
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
            parse_jwks(
                &text,
                Pin::Configured(cfg.algorithm),
                &path.display().to_string(),
            )
        }
        KeySource::JwksUrl { .. } => Ok(Vec::new()),
        _ => Err(KeyError::WrongSourceForAlgorithm(cfg.algorithm)),
    }
}

/// Which algorithm each key of a JWKS verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pin {
    /// The one configured for the key source: a JWK whose own `alg` names another is left out.
    Configured(Algorithm),
    /// Each JWK's own `alg` (RS256, ES256 or EdDSA), else the one its key type allows (see
    /// [`algorithm_of`]); a JWK fitting none is left out. For a discovered JWKS without
    /// `[[auth.keys]]`.
    FromJwk,
}

/// Keys of a JWKS document, each pinned to one algorithm as `pin` says. A JWK that cannot be
/// read, is meant for encryption, or has no usable algorithm is left out (and logged): one odd
/// key in a provider's set must not take the others down.
pub(crate) fn parse_jwks(text: &str, pin: Pin, origin: &str) -> Result<Vec<LoadedKey>, KeyError> {
    #[derive(serde::Deserialize)]
    struct Set {
        keys: Vec<serde_json::Value>,
    }
    let set: Set = serde_json::from_str(text).map_err(|e| KeyError::Jwks {
        origin: origin.to_string(),
        detail: format!("not a JWK set: {e}"),
    })?;
    let mut keys = Vec::new();
    for (i, value) in set.keys.into_iter().enumerate() {
        let jwk: Jwk = match serde_json::from_value(value) {
            Ok(jwk) => jwk,
            Err(e) => {
                tracing::info!(origin, key = i, error = %e, "JWK left out: not readable");
                continue;
            }
        };
        let kid = jwk.common.key_id.clone();
        let algorithm = match pin {
            Pin::Configured(algorithm) => match jwk.common.key_algorithm {
                Some(alg) if alg.to_string() != format!("{algorithm:?}") => continue,
                _ => algorithm,
            },
            Pin::FromJwk => match algorithm_of(&jwk) {
                Ok(algorithm) => algorithm,
                Err(why) => {
                    tracing::info!(origin, kid = ?kid, why, "JWK left out");
                    continue;
                }
            },
        };
        match DecodingKey::from_jwk(&jwk) {
            Ok(key) => keys.push(LoadedKey {
                algorithm,
                kid,
                key,
            }),
            Err(e) => {
                tracing::info!(origin, kid = ?kid, error = %e, "JWK left out: not a usable key")
            }
        }
    }
    if keys.is_empty() {
        let detail = match pin {
            Pin::Configured(algorithm) => format!("no key in it is usable with {algorithm:?}"),
            Pin::FromJwk => "no key in it is usable with RS256, ES256 or EdDSA".to_string(),
        };
        return Err(KeyError::Jwks {
            origin: origin.to_string(),
            detail,
        });
    }
    Ok(keys)
}

/// The one algorithm a JWK verifies, when nothing was configured: its `alg` when that is one of
/// RS256, ES256 or EdDSA; without `alg`, the only supported algorithm of its key type — RSA
/// keys RS256, P-256 keys ES256, Ed25519 keys EdDSA. Never HS256: a JWKS is public, and a
/// symmetric key from it would let anyone sign.
pub(crate) fn algorithm_of(jwk: &Jwk) -> Result<Algorithm, &'static str> {
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return Err("use is enc");
    }
    let inferred = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => Some(Algorithm::RS256),
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
            Some(Algorithm::ES256)
        }
        AlgorithmParameters::OctetKeyPair(okp) if okp.curve == EllipticCurve::Ed25519 => {
            Some(Algorithm::EdDSA)
        }
        _ => None,
    };
    let named = match jwk.common.key_algorithm {
        None => return inferred.ok_or("no alg, and its key type is not RSA, P-256 or Ed25519"),
        Some(KeyAlgorithm::RS256) => Algorithm::RS256,
        Some(KeyAlgorithm::ES256) => Algorithm::ES256,
        Some(KeyAlgorithm::EdDSA) => Algorithm::EdDSA,
        Some(_) => return Err("its alg is not RS256, ES256 or EdDSA"),
    };
    // An `alg` that contradicts the key type would never verify anything; say so.
    if inferred != Some(named) {
        return Err("its alg does not fit its key type");
    }
    Ok(named)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::EncodingKey;
    use serde_json::{Value, json};

    fn fixture(name: &str) -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    /// A JWK of a fixture key, without `alg` (and with `kid`).
    fn jwk(pem: &str, algorithm: Algorithm, kid: &str) -> Value {
        let pem = std::fs::read(fixture(pem)).unwrap();
        let key = match algorithm {
            Algorithm::ES256 => EncodingKey::from_ec_pem(&pem),
            Algorithm::EdDSA => EncodingKey::from_ed_pem(&pem),
            _ => EncodingKey::from_rsa_pem(&pem),
        }
        .unwrap();
        let mut v = serde_json::to_value(Jwk::from_encoding_key(&key, algorithm).unwrap()).unwrap();
        let o = v.as_object_mut().unwrap();
        o.remove("alg");
        o.insert("kid".into(), json!(kid));
        v
    }

    fn with(mut v: Value, key: &str, value: Value) -> Value {
        v.as_object_mut().unwrap().insert(key.into(), value);
        v
    }

    fn discovered(keys: Vec<Value>) -> Result<Vec<(Option<String>, Algorithm)>, KeyError> {
        let text = json!({ "keys": keys }).to_string();
        parse_jwks(&text, Pin::FromJwk, "test")
            .map(|keys| keys.into_iter().map(|k| (k.kid, k.algorithm)).collect())
    }

    #[test]
    fn discovered_keys_take_their_alg_or_the_one_algorithm_their_key_type_allows() {
        let rsa = jwk("keys/rsa.key.pem", Algorithm::RS256, "rsa");
        let ec = jwk("keys/ec.key.pem", Algorithm::ES256, "ec");
        let ed = jwk("keys/ed25519.key.pem", Algorithm::EdDSA, "ed");
        let named = with(rsa.clone(), "alg", json!("RS256"));
        let keys = discovered(vec![rsa, ec, ed, with(named, "kid", json!("named"))]).unwrap();
        assert_eq!(
            keys,
            [
                (Some("rsa".into()), Algorithm::RS256),
                (Some("ec".into()), Algorithm::ES256),
                (Some("ed".into()), Algorithm::EdDSA),
                (Some("named".into()), Algorithm::RS256),
            ]
        );
    }

    #[test]
    fn discovered_keys_never_verify_hmac_and_odd_keys_are_left_out_alone() {
        let rsa = jwk("keys/rsa.key.pem", Algorithm::RS256, "good");
        let odd = vec![
            // A symmetric key in a public document would let anyone sign.
            json!({"kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", "alg": "HS256", "kid": "oct"}),
            json!({"kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA", "kid": "oct-no-alg"}),
            with(
                with(rsa.clone(), "alg", json!("RS384")),
                "kid",
                json!("rs384"),
            ),
            with(
                with(rsa.clone(), "alg", json!("ES256")),
                "kid",
                json!("mismatch"),
            ),
            with(with(rsa.clone(), "use", json!("enc")), "kid", json!("enc")),
            json!({"kty": "EC", "crv": "P-384", "x": "AA", "y": "AA", "kid": "p384"}),
            json!({"kty": "EC", "crv": "secp256k1", "x": "AA", "y": "AA", "kid": "unreadable"}),
            json!({"kty": "RSA", "n": 5, "kid": "broken"}),
        ];
        let mut all = odd.clone();
        all.push(rsa);
        assert_eq!(
            discovered(all).unwrap(),
            [(Some("good".into()), Algorithm::RS256)]
        );
        let e = discovered(odd).unwrap_err().to_string();
        assert!(e.contains("no key in it is usable"), "{e}");
    }

    #[test]
    fn a_configured_algorithm_leaves_out_keys_that_name_another() {
        let rsa = jwk("keys/rsa.key.pem", Algorithm::RS256, "plain");
        let other = with(
            with(rsa.clone(), "alg", json!("RS512")),
            "kid",
            json!("rs512"),
        );
        let text = json!({ "keys": [rsa, other] }).to_string();
        let keys = parse_jwks(&text, Pin::Configured(Algorithm::RS256), "test").unwrap();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].kid.as_deref(), Some("plain"));
    }
}
