//! Keys from a JWKS URL: fetched once and cached; an unknown `kid` triggers a refetch, at most
//! once per refetch interval, so forged `kid`s cannot make the verifier hammer the issuer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;
use streamguard::Reason;
use streamguard::auth::{Algorithm, AuthConfig, Authenticator, KeyConfig, KeySource};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A minimal HTTP/1.1 server answering every request with the JWKS; counts requests.
async fn jwks_server() -> (String, Arc<AtomicUsize>) {
    let body = std::fs::read_to_string(fixture("jwks.json")).unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let counter = hits.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let body = body.clone();
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                counter.fetch_add(1, Ordering::SeqCst);
                let resp = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    (format!("http://{addr}/jwks.json"), hits)
}

fn tokens() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("pyjwt_tokens.json")).unwrap()).unwrap()
}

#[tokio::test]
async fn jwks_url_keys_are_fetched_once_and_unknown_kids_refetch_at_most_once_per_interval() {
    let (url, hits) = jwks_server().await;
    let auth = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::JwksUrl {
                url,
                ttl: Duration::from_secs(300),
                ca_file: None,
            },
            kid: None,
            allow_weak_secret: false,
        }],
        issuer: Some("interop-issuer".into()),
        audience: Some("streamguard".into()),
        leeway: Duration::ZERO,
        // The fixtures were issued in 2023 and expire in the far future.
        max_token_lifetime: Duration::from_secs(200 * 365 * 24 * 3600),
        ..AuthConfig::default()
    })
    .unwrap();
    let doc = tokens();
    let good = doc["tokens"]["rs256_kid_jwks_ok"]["token"]
        .as_str()
        .unwrap();
    for _ in 0..5 {
        auth.verify(good)
            .await
            .expect("a token of the JWKS key verifies");
    }
    assert_eq!(hits.load(Ordering::SeqCst), 1, "the JWKS is cached");

    // A token naming a kid the JWKS lacks: one refetch, then the budget is spent.
    let forged_kid = {
        use jsonwebtoken::{EncodingKey, Header};
        let pem = std::fs::read(fixture("keys/rsa_other.key.pem")).unwrap();
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some("forged".into());
        let claims = serde_json::json!({"sub": "x", "exp": 4102444800u64, "iss": "interop-issuer", "aud": "streamguard"});
        jsonwebtoken::encode(&header, &claims, &EncodingKey::from_rsa_pem(&pem).unwrap()).unwrap()
    };
    for _ in 0..10 {
        assert_eq!(
            auth.verify(&forged_kid).await.unwrap_err().reason,
            Reason::UnknownKey
        );
    }
    assert_eq!(
        hits.load(Ordering::SeqCst),
        2,
        "unknown kids refetch once per interval"
    );
}

#[tokio::test]
async fn an_unreachable_jwks_url_refuses_with_key_unavailable() {
    let auth = Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
            source: KeySource::JwksUrl {
                url: "http://127.0.0.1:9/jwks.json".into(),
                ttl: Duration::from_secs(300),
                ca_file: None,
            },
            kid: None,
            allow_weak_secret: false,
        }],
        ..AuthConfig::default()
    })
    .unwrap();
    let token = tokens()["tokens"]["rs256_kid_jwks_ok"]["token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        auth.verify(&token).await.unwrap_err().reason,
        Reason::KeyUnavailable
    );
}

/// An HTTP server that answers the first `whole` requests with the JWKS, and every later one
/// with headers and half the body, then stalls with the connection open.
async fn stalling_jwks_server(whole: usize) -> String {
    let body = std::fs::read_to_string(fixture("jwks.json")).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let served = Arc::new(AtomicUsize::new(0));
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let body = body.clone();
            let n = served.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                    body.len()
                );
                let _ = sock.write_all(head.as_bytes()).await;
                if n < whole {
                    let _ = sock.write_all(body.as_bytes()).await;
                    return;
                }
                let _ = sock.write_all(&body.as_bytes()[..body.len() / 2]).await;
                tokio::time::sleep(Duration::from_secs(3600)).await;
                drop(sock);
            });
        }
    });
    format!("http://{addr}/jwks.json")
}

fn remote(url: String, ttl: Duration) -> Authenticator {
    Authenticator::new(AuthConfig {
        keys: vec![KeyConfig {
            algorithm: Algorithm::RS256,
            source: KeySource::JwksUrl {
                url,
                ttl,
                ca_file: None,
            },
            kid: None,
            allow_weak_secret: false,
        }],
        audience: Some("streamguard".into()),
        max_token_lifetime: Duration::from_secs(200 * 365 * 24 * 3600),
        ..AuthConfig::default()
    })
    .unwrap()
}

#[tokio::test]
async fn a_stalled_jwks_refresh_does_not_stall_tokens_of_cached_keys() {
    let auth = remote(stalling_jwks_server(1).await, Duration::from_millis(200));
    let doc = tokens();
    let good = doc["tokens"]["rs256_kid_jwks_ok"]["token"]
        .as_str()
        .unwrap();
    auth.verify(good).await.expect("the first fetch succeeds");
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The cache is stale and every refresh now stalls mid-body: the cached key keeps serving.
    for i in 0..5 {
        let verdict = tokio::time::timeout(Duration::from_secs(1), auth.verify(good))
            .await
            .unwrap_or_else(|_| panic!("verification {i} waited for a stalled JWKS fetch"));
        verdict.expect("the cached key verifies");
    }
}

#[tokio::test]
async fn a_jwks_fetch_stalled_mid_body_gives_up_within_the_fetch_bound() {
    let auth = remote(stalling_jwks_server(0).await, Duration::from_secs(300));
    let doc = tokens();
    let good = doc["tokens"]["rs256_kid_jwks_ok"]["token"]
        .as_str()
        .unwrap();
    let started = std::time::Instant::now();
    let verdict = tokio::time::timeout(Duration::from_secs(15), auth.verify(good))
        .await
        .expect("the fetch is bounded in time, body included");
    assert_eq!(verdict.unwrap_err().reason, Reason::KeyUnavailable);
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
}
