//! The authenticator against a real OpenID provider (node `oidc-provider` over https with a test
//! CA, from `streamguard-testkit`): discovery, JWKS over https trusting the system roots plus a CA
//! file, key rotation, and RFC 7662 introspection of opaque tokens.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use streamguard::Reason;
use streamguard::auth::introspection::DEFAULT_RECHECK;
use streamguard::auth::{
    Algorithm, AuthConfig, Authenticator, ClientSecret, IntrospectionConfig, KeyConfig, KeySource,
};
use streamguard_testkit::oidc::{JWT_CLIENT_ID, OPAQUE_CLIENT_ID, OPAQUE_RESOURCE};
use streamguard_testkit::{OidcProvider, TestPki, TokenRequest};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The resource (RFC 8707) every token in these tests is issued for: the audience.
const AUDIENCE: &str = OPAQUE_RESOURCE;

fn discovered(idp: &OidcProvider) -> AuthConfig {
    AuthConfig {
        issuer: Some(idp.issuer().to_string()),
        audience: Some(AUDIENCE.into()),
        discovery: true,
        ca_file: Some(idp.ca_pem_path()),
        ..AuthConfig::default()
    }
}

fn introspecting(idp: &OidcProvider, url: Option<String>) -> AuthConfig {
    let client = idp.introspection_client();
    AuthConfig {
        introspection: Some(IntrospectionConfig {
            url,
            client_id: client.id.clone(),
            client_secret: ClientSecret::Inline(client.secret.clone()),
            recheck: DEFAULT_RECHECK,
        }),
        ..discovered(idp)
    }
}

fn jwks_url_key(url: &str, ca_file: Option<PathBuf>) -> KeyConfig {
    KeyConfig {
        algorithm: Algorithm::RS256,
        source: KeySource::JwksUrl {
            url: url.to_string(),
            ttl: Duration::from_secs(300),
            ca_file,
        },
        kid: None,
        allow_weak_secret: false,
    }
}

async fn jwt(idp: &OidcProvider, scope: &str) -> String {
    idp.token(TokenRequest::jwt(scope, AUDIENCE))
        .await
        .access_token
}

#[tokio::test]
async fn discovery_finds_the_https_jwks_and_its_keys_verify_the_providers_jwts() {
    let idp = OidcProvider::start().await;
    let auth = Authenticator::new(discovered(&idp)).unwrap();
    auth.prepare()
        .await
        .expect("discovery and the first JWKS fetch succeed");

    let token = jwt(&idp, "tools:echo files:read").await;
    let claims = auth
        .verify(&token)
        .await
        .expect("the provider's JWT verifies");
    assert_eq!(claims.sub, JWT_CLIENT_ID);
    assert_eq!(
        claims.scopes().collect::<Vec<_>>(),
        ["tools:echo", "files:read"]
    );
    assert!(!claims.is_introspected());

    // The audience is checked on discovered keys as on any other.
    let elsewhere = idp
        .token(TokenRequest::jwt("tools:echo", "https://other.example"))
        .await;
    let refused = auth.verify(elsewhere.as_str()).await.unwrap_err();
    assert_eq!(refused.reason, Reason::WrongAudience);
}

#[tokio::test]
async fn a_token_signed_by_a_key_outside_the_discovered_jwks_is_refused() {
    let idp = OidcProvider::start().await;
    let auth = Authenticator::new(discovered(&idp)).unwrap();
    let token = jwt(&idp, "tools:echo").await;
    // Same header and claims, signed by a key the provider never published.
    let forged = {
        let header = jsonwebtoken::decode_header(&token).unwrap();
        let claims: serde_json::Value = jsonwebtoken::dangerous::insecure_decode(&token)
            .unwrap()
            .claims;
        let pem = std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/keys/rsa_other.key.pem"),
        )
        .unwrap();
        jsonwebtoken::encode(
            &header,
            &claims,
            &jsonwebtoken::EncodingKey::from_rsa_pem(&pem).unwrap(),
        )
        .unwrap()
    };
    assert_eq!(
        auth.verify(&forged).await.unwrap_err().reason,
        Reason::BadSignature
    );
    auth.verify(&token).await.expect("the real one verifies");
}

#[tokio::test]
async fn an_https_jwks_url_is_trusted_through_its_ca_file_and_refused_under_another_ca() {
    let idp = OidcProvider::start().await;
    let token = jwt(&idp, "tools:echo").await;
    let config = |ca_file| AuthConfig {
        keys: vec![jwks_url_key(idp.jwks_uri(), ca_file)],
        audience: Some(AUDIENCE.into()),
        ..AuthConfig::default()
    };

    let trusted = Authenticator::new(config(Some(idp.ca_pem_path()))).unwrap();
    trusted
        .verify(&token)
        .await
        .expect("the test CA is trusted");

    let stranger = TestPki::new();
    let untrusting = Authenticator::new(config(Some(stranger.ca_pem_path()))).unwrap();
    let refused = untrusting.verify(&token).await.unwrap_err();
    assert_eq!(refused.reason, Reason::KeyUnavailable, "{refused}");
    assert!(
        refused.detail.contains("UnknownIssuer"),
        "the TLS reason is kept for the operator: {refused}"
    );

    // Without any CA file only the system's roots are trusted, and they do not know the test CA.
    let system_only = Authenticator::new(config(None)).unwrap();
    let refused = system_only.verify(&token).await.unwrap_err();
    assert_eq!(refused.reason, Reason::KeyUnavailable, "{refused}");
}

#[tokio::test]
async fn the_auth_wide_ca_file_serves_every_https_fetch_unless_a_key_has_its_own() {
    let idp = OidcProvider::start().await;
    let token = jwt(&idp, "tools:echo").await;
    let auth = Authenticator::new(AuthConfig {
        keys: vec![jwks_url_key(idp.jwks_uri(), None)],
        audience: Some(AUDIENCE.into()),
        ca_file: Some(idp.ca_pem_path()),
        ..AuthConfig::default()
    })
    .unwrap();
    auth.verify(&token).await.expect("[auth] ca_file applies");

    let stranger = TestPki::new();
    let overridden = Authenticator::new(AuthConfig {
        keys: vec![jwks_url_key(idp.jwks_uri(), Some(stranger.ca_pem_path()))],
        audience: Some(AUDIENCE.into()),
        ca_file: Some(idp.ca_pem_path()),
        ..AuthConfig::default()
    })
    .unwrap();
    assert_eq!(
        overridden.verify(&token).await.unwrap_err().reason,
        Reason::KeyUnavailable
    );
}

#[tokio::test]
async fn key_rotation_at_the_provider_is_picked_up_without_restart() {
    let idp = OidcProvider::start().await;
    let auth = Authenticator::new(discovered(&idp)).unwrap();
    let before = jwt(&idp, "tools:echo").await;
    auth.verify(&before).await.unwrap();

    let rotated = idp.rotate_keys().await;
    let after = jwt(&idp, "tools:echo").await;
    assert_eq!(
        jsonwebtoken::decode_header(&after).unwrap().kid.as_deref(),
        Some(rotated.signing_kid.as_str())
    );
    auth.verify(&after)
        .await
        .expect("the unknown kid refetches the JWKS and finds the new key");
    auth.verify(&before)
        .await
        .expect("the previous key is still published");
}

#[tokio::test]
async fn discovery_refuses_a_document_for_another_issuer_at_start_up() {
    let idp = OidcProvider::start().await;
    // Issuer identifiers compare exactly: a trailing slash is another issuer.
    let auth = Authenticator::new(AuthConfig {
        issuer: Some(format!("{}/", idp.issuer())),
        ..discovered(&idp)
    })
    .unwrap();
    let e = auth.prepare().await.unwrap_err().to_string();
    assert!(e.contains("names issuer"), "{e}");
}

#[test]
fn a_missing_ca_file_fails_at_start_up_naming_it() {
    let e = Authenticator::new(AuthConfig {
        issuer: Some("https://idp.example".into()),
        discovery: true,
        ca_file: Some("/nonexistent/streamguard/idp-ca.pem".into()),
        ..AuthConfig::default()
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("/nonexistent/streamguard/idp-ca.pem"), "{e}");
}

#[tokio::test]
async fn an_unreachable_provider_does_not_stop_start_up_and_its_tokens_wait_for_it() {
    let idp = OidcProvider::start().await;
    let token = jwt(&idp, "tools:echo").await;
    let issuer = idp.issuer().to_string();
    drop(idp);
    // Any CA will do: nothing listens on the issuer's port any more.
    let ca = TestPki::new();
    let auth = Authenticator::new(AuthConfig {
        issuer: Some(issuer),
        audience: Some(AUDIENCE.into()),
        discovery: true,
        ca_file: Some(ca.ca_pem_path()),
        ..AuthConfig::default()
    })
    .unwrap();
    auth.prepare()
        .await
        .expect("an unreachable provider is not a configuration error");
    // Refused as unavailable — never accepted on less evidence — until the provider answers.
    let refused = auth.verify(&token).await.unwrap_err();
    assert_eq!(refused.reason, Reason::KeyUnavailable, "{refused}");
    assert_eq!(refused.reason.code(), tonic::Code::Unavailable);
}

/// A plain-http issuer on loopback with no OpenID document, only RFC 8414 metadata and a JWKS
/// (the provider's, copied); counts requests per path.
async fn rfc8414_issuer(jwks: String) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let metadata =
        serde_json::json!({"issuer": issuer, "jwks_uri": format!("{issuer}/keys")}).to_string();
    let openid_asked = Arc::new(AtomicUsize::new(0));
    let asked = openid_asked.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let (metadata, jwks, asked) = (metadata.clone(), jwks.clone(), asked.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 4096];
                let n = sock.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                let path = head.split(' ').nth(1).unwrap_or("").to_string();
                let (status, body) = match path.as_str() {
                    "/.well-known/openid-configuration" => {
                        asked.fetch_add(1, Ordering::SeqCst);
                        ("404 Not Found", String::new())
                    }
                    "/.well-known/oauth-authorization-server" => ("200 OK", metadata),
                    "/keys" => ("200 OK", jwks),
                    _ => ("404 Not Found", String::new()),
                };
                let response = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(response.as_bytes()).await;
            });
        }
    });
    (issuer, openid_asked)
}

#[tokio::test]
async fn without_an_openid_document_discovery_reads_rfc_8414_metadata() {
    let idp = OidcProvider::start().await;
    let jwks = idp.https().get(idp.jwks_uri()).await.unwrap().text();
    let (issuer, openid_asked) = rfc8414_issuer(jwks).await;
    // A token of the provider's key, re-issued under the loopback issuer's name.
    let token = jwt(&idp, "tools:echo").await;
    let auth = Authenticator::new(AuthConfig {
        issuer: Some(issuer),
        audience: Some(AUDIENCE.into()),
        discovery: true,
        ..AuthConfig::default()
    })
    .unwrap();
    auth.prepare().await.expect("RFC 8414 metadata is found");
    assert_eq!(openid_asked.load(Ordering::SeqCst), 1);
    // The key came from the metadata's jwks_uri: the signature verifies, and only the issuer
    // claim (the provider's, not the loopback one) is wrong.
    assert_eq!(
        auth.verify(&token).await.unwrap_err().reason,
        Reason::WrongIssuer
    );
}

#[tokio::test]
async fn an_opaque_token_is_introspected_and_its_claims_checked_like_a_jwts() {
    let idp = OidcProvider::start().await;
    let auth = Authenticator::new(introspecting(&idp, None)).unwrap();
    auth.prepare()
        .await
        .expect("the introspection endpoint comes from discovery");

    let opaque = idp.client_credentials_opaque("tools:echo files:read").await;
    let claims = auth.verify(opaque.as_str()).await.expect("active");
    assert!(claims.is_introspected());
    assert_eq!(claims.sub, OPAQUE_CLIENT_ID);
    assert!(claims.has_scope("files:read"));
    assert!(claims.exp > claims.iat);

    // The audience of an introspected token is checked.
    let elsewhere = idp
        .token(TokenRequest::opaque("tools:echo", "https://other.example"))
        .await;
    assert_eq!(
        auth.verify(elsewhere.as_str()).await.unwrap_err().reason,
        Reason::WrongAudience
    );

    // Revoked at the provider: refused (the cached verdict is younger than the recheck
    // interval, so a fresh authenticator shows the provider's answer).
    idp.revoke(opaque.as_str()).await;
    let fresh = Authenticator::new(introspecting(&idp, None)).unwrap();
    let refused = fresh.verify(opaque.as_str()).await.unwrap_err();
    assert_eq!(refused.reason, Reason::TokenRevoked, "{refused}");

    // A made-up opaque token is not active either.
    let refused = fresh.verify("made-up-opaque-token").await.unwrap_err();
    assert_eq!(refused.reason, Reason::TokenRevoked, "{refused}");
}

#[tokio::test]
async fn a_verdict_is_cached_for_at_most_the_recheck_interval() {
    let idp = OidcProvider::start().await;
    let mut config = introspecting(&idp, Some(idp.introspection_endpoint().to_string()));
    if let Some(i) = &mut config.introspection {
        i.recheck = Duration::from_secs(1);
    }
    let auth = Authenticator::new(config).unwrap();
    let opaque = idp.client_credentials_opaque("tools:echo").await;
    auth.verify(opaque.as_str()).await.expect("active");
    idp.revoke(opaque.as_str()).await;
    auth.verify(opaque.as_str())
        .await
        .expect("within the interval the cached verdict stands");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(
        auth.verify(opaque.as_str()).await.unwrap_err().reason,
        Reason::TokenRevoked,
        "after the interval the provider is asked again"
    );
}

#[tokio::test]
async fn introspection_with_wrong_client_credentials_or_no_endpoint_is_unavailable_not_accepted() {
    let idp = OidcProvider::start().await;
    let opaque = idp.client_credentials_opaque("tools:echo").await;
    let mut config = introspecting(&idp, None);
    if let Some(i) = &mut config.introspection {
        i.client_secret = ClientSecret::Inline("not-the-secret".into());
    }
    let auth = Authenticator::new(config).unwrap();
    let refused = auth.verify(opaque.as_str()).await.unwrap_err();
    assert_eq!(refused.reason, Reason::KeyUnavailable, "{refused}");
    assert!(refused.detail.contains("401"), "{refused}");

    let down = Authenticator::new(introspecting(
        &idp,
        Some("https://127.0.0.1:9/introspect".into()),
    ))
    .unwrap();
    let refused = down.verify(opaque.as_str()).await.unwrap_err();
    assert_eq!(refused.reason, Reason::KeyUnavailable, "{refused}");
}

#[tokio::test]
async fn the_client_secret_can_come_from_the_environment() {
    let idp = OidcProvider::start().await;
    let var = format!("SG_TEST_INTROSPECTION_SECRET_{}", std::process::id());
    // SAFETY: this test alone reads or writes this variable.
    unsafe { std::env::set_var(&var, &idp.introspection_client().secret) };
    let mut config = introspecting(&idp, None);
    if let Some(i) = &mut config.introspection {
        i.client_secret = ClientSecret::Env(var.clone());
    }
    let auth = Authenticator::new(config).unwrap();
    let opaque = idp.client_credentials_opaque("tools:echo").await;
    auth.verify(opaque.as_str()).await.expect("active");

    let mut config = introspecting(&idp, None);
    if let Some(i) = &mut config.introspection {
        i.client_secret = ClientSecret::Env(format!("{var}_UNSET"));
    }
    let e = Authenticator::new(config).unwrap_err().to_string();
    assert!(e.contains("_UNSET") && e.contains("not set"), "{e}");
}
