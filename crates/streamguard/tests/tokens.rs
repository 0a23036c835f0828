//! The verifier against a corpus of bad tokens (each refused with its reason, never a panic) and
//! against tokens signed by an independent implementation (PyJWT; see fixtures/make_fixtures.py).

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use streamguard::Reason;
use streamguard::auth::{AuthConfig, Authenticator, KeyConfig, KeySource};

const SECRET: &str = "corpus-secret-0123456789abcdef0123456789";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn good_claims() -> Value {
    json!({"sub": "alice", "iss": "streamguard-test", "aud": "streamguard", "exp": now() + 600, "iat": now(), "jti": "j1", "scope": "tools:echo"})
}

fn hs256(claims: &Value) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

fn rs256(claims: &Value, key: &str) -> String {
    let pem = std::fs::read(fixture(&format!("keys/{key}.key.pem"))).unwrap();
    jsonwebtoken::encode(
        &Header::new(Algorithm::RS256),
        claims,
        &EncodingKey::from_rsa_pem(&pem).unwrap(),
    )
    .unwrap()
}

/// A token with arbitrary header and payload text and a given signature part.
fn raw(header: &str, payload: &str, signature: &str) -> String {
    format!(
        "{}.{}.{}",
        B64.encode(header),
        B64.encode(payload),
        signature
    )
}

fn authenticator(keys: Vec<KeyConfig>) -> Authenticator {
    Authenticator::new(AuthConfig {
        keys,
        issuer: Some("streamguard-test".into()),
        audience: Some("streamguard".into()),
        leeway: Duration::ZERO,
        ..AuthConfig::default()
    })
    .unwrap()
}

fn hs_and_rs() -> Authenticator {
    authenticator(vec![
        KeyConfig::hs256_secret(SECRET),
        KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::PemFile(fixture("keys/rsa.pub.pem")),
            kid: None,
            allow_weak_secret: false,
        },
    ])
}

#[tokio::test]
async fn a_good_token_is_accepted_with_its_scopes() {
    let claims = hs_and_rs().verify(&hs256(&good_claims())).await.unwrap();
    assert_eq!(claims.sub, "alice");
    assert_eq!(claims.scopes().collect::<Vec<_>>(), ["tools:echo"]);
    let claims = hs_and_rs()
        .verify(&rs256(&good_claims(), "rsa"))
        .await
        .unwrap();
    assert_eq!(claims.jti.as_deref(), Some("j1"));
}

#[tokio::test]
async fn corpus_of_bad_tokens_is_refused_each_with_its_reason() {
    let auth = hs_and_rs();
    let with = |f: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut c = good_claims();
        f(c.as_object_mut().unwrap());
        c
    };
    let good = hs256(&good_claims());
    let payload = serde_json::to_string(&good_claims()).unwrap();
    let sig_of_good = good.rsplit('.').next().unwrap().to_string();
    let huge = "a".repeat(1 << 20);
    let cases: Vec<(&str, String, Reason)> = vec![
        (
            "alg none",
            raw(r#"{"alg":"none","typ":"JWT"}"#, &payload, ""),
            Reason::AlgorithmNotAllowed,
        ),
        (
            "alg None",
            raw(r#"{"alg":"None"}"#, &payload, ""),
            Reason::AlgorithmNotAllowed,
        ),
        (
            "alg HS512 not pinned",
            {
                jsonwebtoken::encode(
                    &Header::new(Algorithm::HS512),
                    &good_claims(),
                    &EncodingKey::from_secret(SECRET.as_bytes()),
                )
                .unwrap()
            },
            Reason::AlgorithmNotAllowed,
        ),
        (
            "alg PS256 not pinned",
            raw(r#"{"alg":"PS256"}"#, &payload, "c2ln"),
            Reason::AlgorithmNotAllowed,
        ),
        (
            "wrong HMAC key",
            jsonwebtoken::encode(
                &Header::new(Algorithm::HS256),
                &good_claims(),
                &EncodingKey::from_secret(b"another-secret-entirely-0123456789"),
            )
            .unwrap(),
            Reason::BadSignature,
        ),
        (
            "RS256 by another key",
            rs256(&good_claims(), "rsa_other"),
            Reason::BadSignature,
        ),
        (
            "signature of another token",
            {
                let other = hs256(&with(&|c| {
                    c.insert("sub".into(), json!("mallory"));
                }));
                let mut parts: Vec<&str> = other.split('.').collect();
                parts[2] = &sig_of_good;
                parts.join(".")
            },
            Reason::BadSignature,
        ),
        (
            "payload tampered (scope added)",
            {
                let parts: Vec<&str> = good.split('.').collect();
                let tampered = B64.encode(
                    serde_json::to_string(&with(&|c| {
                        c.insert("scope".into(), json!("admin"));
                    }))
                    .unwrap(),
                );
                format!("{}.{}.{}", parts[0], tampered, parts[2])
            },
            Reason::BadSignature,
        ),
        (
            "wrong issuer",
            hs256(&with(&|c| {
                c.insert("iss".into(), json!("evil"));
            })),
            Reason::WrongIssuer,
        ),
        (
            "missing issuer",
            hs256(&with(&|c| {
                c.remove("iss");
            })),
            Reason::MissingClaim,
        ),
        (
            "wrong audience",
            hs256(&with(&|c| {
                c.insert("aud".into(), json!("other-server"));
            })),
            Reason::WrongAudience,
        ),
        (
            "audience list without ours",
            hs256(&with(&|c| {
                c.insert("aud".into(), json!(["a", "b"]));
            })),
            Reason::WrongAudience,
        ),
        (
            "missing audience",
            hs256(&with(&|c| {
                c.remove("aud");
            })),
            Reason::MissingClaim,
        ),
        (
            "missing exp",
            hs256(&with(&|c| {
                c.remove("exp");
            })),
            Reason::MissingClaim,
        ),
        (
            "exp as text",
            hs256(&with(&|c| {
                c.insert("exp".into(), json!("tomorrow"));
            })),
            Reason::MissingClaim,
        ),
        (
            "expired",
            hs256(&with(&|c| {
                c.insert("exp".into(), json!(now() - 5));
            })),
            Reason::TokenExpired,
        ),
        (
            "nbf in the future",
            hs256(&with(&|c| {
                c.insert("nbf".into(), json!(now() + 300));
            })),
            Reason::TokenNotYetValid,
        ),
        (
            "missing sub",
            hs256(&with(&|c| {
                c.remove("sub");
            })),
            Reason::MissingClaim,
        ),
        (
            "empty sub",
            hs256(&with(&|c| {
                c.insert("sub".into(), json!(""));
            })),
            Reason::MissingClaim,
        ),
        (
            "truncated signature",
            // 40 of the 43 signature characters: valid base64 (30 bytes), wrong signature.
            format!(
                "{}.{}",
                good.rsplit_once('.').unwrap().0,
                &sig_of_good[..40]
            ),
            Reason::BadSignature,
        ),
        (
            "truncated mid-character",
            good[..good.len() - 6].to_string(),
            Reason::MalformedToken,
        ),
        (
            "signature removed",
            format!("{}.", good.rsplit_once('.').unwrap().0),
            Reason::BadSignature,
        ),
        (
            "two parts",
            good.rsplit_once('.').unwrap().0.to_string(),
            Reason::MalformedToken,
        ),
        ("four parts", format!("{good}.x"), Reason::MalformedToken),
        ("empty", String::new(), Reason::MalformedToken),
        (
            "non-base64 header",
            format!("!!!.{}.{}", B64.encode(&payload), sig_of_good),
            Reason::MalformedToken,
        ),
        (
            "header not JSON",
            raw("not json", &payload, &sig_of_good),
            Reason::MalformedToken,
        ),
        (
            "claims not JSON",
            {
                let h = B64.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
                let p = B64.encode("hello");
                let sig = sign_hs256(&format!("{h}.{p}"));
                format!("{h}.{p}.{sig}")
            },
            Reason::MalformedToken,
        ),
        (
            "claims a JSON array",
            {
                let h = B64.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
                let p = B64.encode("[1,2,3]");
                let sig = sign_hs256(&format!("{h}.{p}"));
                format!("{h}.{p}.{sig}")
            },
            Reason::MalformedToken,
        ),
        (
            "1 MiB token",
            format!("{huge}.{huge}.{huge}"),
            Reason::TokenTooLarge,
        ),
        (
            "just over 8 KiB",
            format!(
                "{}.{}.x",
                B64.encode(r#"{"alg":"HS256"}"#),
                "A".repeat(8 * 1024)
            ),
            Reason::TokenTooLarge,
        ),
        (
            "control bytes",
            "\u{0}\u{1}.\u{2}.\u{3}".to_string(),
            Reason::MalformedToken,
        ),
        ("unicode", "ééé.ü.ö".to_string(), Reason::MalformedToken),
        (
            "crit naming an extension",
            {
                let h = B64.encode(r#"{"alg":"HS256","crit":["exp-ext"],"exp-ext":1}"#);
                let p = B64.encode(&payload);
                let sig = sign_hs256(&format!("{h}.{p}"));
                format!("{h}.{p}.{sig}")
            },
            Reason::MalformedToken,
        ),
        (
            "crit empty",
            {
                let h = B64.encode(r#"{"alg":"HS256","crit":[]}"#);
                let p = B64.encode(&payload);
                let sig = sign_hs256(&format!("{h}.{p}"));
                format!("{h}.{p}.{sig}")
            },
            Reason::MalformedToken,
        ),
        (
            "missing iat",
            hs256(&with(&|c| {
                c.remove("iat");
            })),
            Reason::MissingClaim,
        ),
        (
            "iat as text",
            hs256(&with(&|c| {
                c.insert("iat".into(), json!("now"));
            })),
            Reason::MissingClaim,
        ),
        (
            "iat in the future",
            hs256(&with(&|c| {
                c.insert("iat".into(), json!(now() + 300));
            })),
            Reason::TokenNotYetValid,
        ),
        (
            "lifetime over the maximum",
            hs256(&with(&|c| {
                c.insert("exp".into(), json!(now() + 25 * 3600));
            })),
            Reason::TokenLifetimeTooLong,
        ),
        (
            "exp 2^64 - 1",
            hs256(&with(&|c| {
                c.insert("exp".into(), json!(u64::MAX));
            })),
            Reason::TokenLifetimeTooLong,
        ),
        (
            "exp 2^63",
            hs256(&with(&|c| {
                c.insert("exp".into(), json!(1u64 << 63));
            })),
            Reason::TokenLifetimeTooLong,
        ),
    ];
    assert!(
        cases.len() >= 33,
        "the corpus must hold at least 25 bad tokens"
    );
    for (name, token, want) in cases {
        let got = auth.verify(&token).await;
        assert_eq!(
            got.as_ref().map_err(|e| e.reason),
            Err(want),
            "case {name:?}: {got:?}"
        );
    }
}

fn sign_hs256(input: &str) -> String {
    use jsonwebtoken::crypto::sign;
    sign(
        input.as_bytes(),
        &EncodingKey::from_secret(SECRET.as_bytes()),
        Algorithm::HS256,
    )
    .unwrap()
}

#[tokio::test]
async fn hs256_signed_with_the_rsa_public_key_is_refused_by_an_rs256_server() {
    // The classic alg-confusion attack: the public key used as an HMAC secret.
    let auth = authenticator(vec![KeyConfig {
        algorithm: Algorithm::RS256,
        source: KeySource::PemFile(fixture("keys/rsa.pub.pem")),
        kid: None,
        allow_weak_secret: false,
    }]);
    let public_pem = std::fs::read(fixture("keys/rsa.pub.pem")).unwrap();
    let forged = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &good_claims(),
        &EncodingKey::from_secret(&public_pem),
    )
    .unwrap();
    assert_eq!(
        auth.verify(&forged).await.unwrap_err().reason,
        Reason::AlgorithmNotAllowed
    );
}

#[tokio::test]
async fn a_kid_no_trusted_key_carries_is_an_unknown_key() {
    let auth = authenticator(vec![KeyConfig {
        kid: Some("k1".into()),
        allow_weak_secret: false,
        ..KeyConfig::hs256_secret(SECRET)
    }]);
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("k2".into());
    let token = jsonwebtoken::encode(
        &header,
        &good_claims(),
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap();
    assert_eq!(
        auth.verify(&token).await.unwrap_err().reason,
        Reason::UnknownKey
    );
    header.kid = Some("k1".into());
    let token = jsonwebtoken::encode(
        &header,
        &good_claims(),
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap();
    assert!(auth.verify(&token).await.is_ok());
}

#[test]
fn bearer_header_must_be_a_bearer_token() {
    let h = |s: &str| http::HeaderValue::from_str(s).unwrap();
    assert_eq!(
        Authenticator::bearer(None).unwrap_err().reason,
        Reason::MissingToken
    );
    assert_eq!(
        Authenticator::bearer(Some(&h("Basic dXNlcjpwdw==")))
            .unwrap_err()
            .reason,
        Reason::MissingToken
    );
    assert_eq!(
        Authenticator::bearer(Some(&h("Bearer ")))
            .unwrap_err()
            .reason,
        Reason::MissingToken
    );
    assert_eq!(
        Authenticator::bearer(Some(&h("bearer abc"))).unwrap(),
        "abc"
    );
    let long = h(&format!("Bearer {}", "a".repeat(9000)));
    assert_eq!(
        Authenticator::bearer(Some(&long)).unwrap_err().reason,
        Reason::TokenTooLarge
    );
    let latin1 = http::HeaderValue::from_bytes(b"Bearer \xe9\xe9").unwrap();
    assert_eq!(
        Authenticator::bearer(Some(&latin1)).unwrap_err().reason,
        Reason::MalformedToken
    );
}

#[tokio::test]
async fn tokens_signed_by_pyjwt_are_accepted_or_refused_as_expected() {
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("pyjwt_tokens.json")).unwrap())
            .unwrap();
    let pem = |alg, name: &str| KeyConfig {
        algorithm: alg,
        source: KeySource::PemFile(fixture(&format!("keys/{name}.pub.pem"))),
        kid: None,
        allow_weak_secret: false,
    };
    let auth = Authenticator::new(AuthConfig {
        keys: vec![
            KeyConfig::hs256_secret(doc["hmac_secret"].as_str().unwrap()),
            pem(Algorithm::RS256, "rsa"),
            pem(Algorithm::ES256, "ec"),
            pem(Algorithm::EdDSA, "ed25519"),
            KeyConfig {
                algorithm: Algorithm::RS256,
                source: KeySource::JwksFile(fixture("jwks.json")),
                kid: None,
                allow_weak_secret: false,
            },
        ],
        issuer: Some(doc["issuer"].as_str().unwrap().into()),
        audience: Some(doc["audience"].as_str().unwrap().into()),
        leeway: Duration::ZERO,
        // The fixtures were issued in 2023 and expire in the far future.
        max_token_lifetime: Duration::from_secs(200 * 365 * 24 * 3600),
        ..AuthConfig::default()
    })
    .unwrap();
    let tokens = doc["tokens"].as_object().unwrap();
    assert!(tokens.len() >= 10);
    for (name, t) in tokens {
        let got = auth.verify(t["token"].as_str().unwrap()).await;
        match t["expect"].as_str().unwrap() {
            "ok" => assert!(got.is_ok(), "{name}: {got:?}"),
            reason => assert_eq!(
                got.map_err(|e| e.reason.as_str()).unwrap_err(),
                reason,
                "{name}"
            ),
        }
    }
}

#[tokio::test]
async fn jwks_only_server_verifies_by_kid() {
    let auth = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::JwksFile(fixture("jwks.json")),
            kid: None,
            allow_weak_secret: false,
        }],
        issuer: None,
        audience: Some("streamguard".into()),
        leeway: Duration::ZERO,
        max_token_lifetime: Duration::from_secs(200 * 365 * 24 * 3600),
        ..AuthConfig::default()
    })
    .unwrap();
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("pyjwt_tokens.json")).unwrap())
            .unwrap();
    let with_kid = doc["tokens"]["rs256_kid_jwks_ok"]["token"]
        .as_str()
        .unwrap();
    assert!(auth.verify(with_kid).await.is_ok());
    // Without a kid, no JWKS key is selected: the token names no key this server trusts.
    let without = doc["tokens"]["rs256_ok"]["token"].as_str().unwrap();
    assert_eq!(
        auth.verify(without).await.unwrap_err().reason,
        Reason::UnknownKey
    );
}

#[tokio::test]
async fn a_missing_key_file_fails_at_start_up_naming_the_file() {
    let err = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::PemFile("/nonexistent/k.pem".into()),
            kid: None,
            allow_weak_secret: false,
        }],
        ..AuthConfig::default()
    })
    .unwrap_err();
    assert!(err.to_string().contains("/nonexistent/k.pem"), "{err}");
}

#[test]
fn a_short_hmac_secret_fails_at_start_up_unless_explicitly_allowed() {
    for weak in ["some-long-dev-secret", "x", &"k".repeat(31)] {
        let err = Authenticator::new(AuthConfig {
            keys: vec![KeyConfig::hs256_secret(weak)],
            ..AuthConfig::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("at least 32"), "{err}");
    }
    let lab = KeyConfig {
        allow_weak_secret: true,
        ..KeyConfig::hs256_secret("short")
    };
    assert!(
        Authenticator::new(AuthConfig {
            keys: vec![lab],
            ..AuthConfig::default()
        })
        .is_ok()
    );
}

#[test]
fn a_jwks_url_that_is_not_http_or_https_fails_at_start_up_with_what_to_do() {
    let err = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::JwksUrl {
                url: "ftp://issuer.example/jwks.json".into(),
                ttl: Duration::from_secs(300),
                ca_file: None,
            },
            kid: None,
            allow_weak_secret: false,
        }],
        ..AuthConfig::default()
    })
    .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("ftp://issuer.example/jwks.json"), "{text}");
    assert!(text.contains("auth.keys.jwks_url"), "{text}");
    assert!(text.contains("https://"), "{text}");
}
