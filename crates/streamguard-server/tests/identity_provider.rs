//! `serve` against a real OpenID provider (node `oidc-provider` over https with a test CA, from
//! `streamguard-testkit`), configured as the README's "Connect your identity provider" section
//! says: JWTs from the client credentials grant with a resource indicator stream; opaque tokens
//! are introspected, and a token revoked at the provider ends its live stream within `recheck`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard_proto::mcp::v1::{ResourceUpdate, WatchResourceRequest};
use streamguard_server::ServeConfig;
use streamguard_testkit::oidc::{JWT_CLIENT_ID, OPAQUE_CLIENT_ID, OPAQUE_RESOURCE};
use streamguard_testkit::{OidcProvider, TokenRequest};
use tonic::{Code, Streaming};

/// The resource (RFC 8707) tokens are issued for, and this server's audience in the README.
const AUDIENCE: &str = OPAQUE_RESOURCE;

/// The README's example configuration, as the README shows it.
fn readme_example() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md"))
            .unwrap();
    let section = readme
        .split("## Connect your identity provider")
        .nth(1)
        .expect("the README has a 'Connect your identity provider' section");
    let block = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the section has a toml block");
    block.to_string()
}

/// Replaces `from` in `text`, which must contain it (so a README edit cannot silently skip it).
fn swap(text: String, from: &str, to: &str) -> String {
    assert!(
        text.contains(from),
        "the README example no longer has {from:?}"
    );
    text.replace(from, to)
}

/// Starts `serve` with the README's configuration pointed at `idp`, with `recheck`.
async fn serve_readme_config(idp: &OidcProvider, recheck: &str) -> Lab {
    let unique = format!("{}_{}", std::process::id(), rand_suffix());
    let (admin_var, secret_var) = (format!("SG_ADMIN_{unique}"), format!("SG_INTRO_{unique}"));
    // SAFETY: these variables are named for this test alone.
    unsafe {
        std::env::set_var(&admin_var, "test-admin-token-0123456789abcdef");
        std::env::set_var(&secret_var, &idp.introspection_client().secret);
    }
    let mut text = readme_example();
    text = swap(text, "127.0.0.1:50051", "127.0.0.1:0");
    text = swap(text, "127.0.0.1:9090", "127.0.0.1:0");
    text = swap(text, "STREAMGUARD_ADMIN_TOKEN", &admin_var);
    text = swap(text, "https://127.0.0.1:8443", idp.issuer());
    text = swap(
        text,
        "/tmp/idp/ca.pem",
        &idp.ca_pem_path().display().to_string(),
    );
    text = swap(text, "INTROSPECTION_SECRET", &secret_var);
    text = swap(
        text,
        "recheck = \"30s\"",
        &format!("recheck = \"{recheck}\""),
    );
    assert!(text.contains(&format!("audience = \"{AUDIENCE}\"")));
    assert!(text.contains(&format!(
        "client_id = \"{}\"",
        idp.introspection_client().id
    )));
    let path = idp.pki().dir().join(format!("serve-{unique}.toml"));
    std::fs::write(&path, text).unwrap();
    start(ServeConfig::from_file(&path).expect("the README example parses")).await
}

fn rand_suffix() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

async fn watch(
    lab: &Lab,
    token: &str,
    sub: &str,
) -> Result<Streaming<ResourceUpdate>, tonic::Status> {
    let req = WatchResourceRequest {
        uri: format!("mcp://users/{sub}/notes"),
        interval_ms: 50,
    };
    lab.streaming()
        .watch_resource(authed(req, token))
        .await
        .map(|r| r.into_inner())
}

/// Reads `n` updates, each within 5 s.
async fn updates(stream: &mut Streaming<ResourceUpdate>, n: usize) {
    for i in 0..n {
        match tokio::time::timeout(Duration::from_secs(5), stream.next()).await {
            Ok(Some(Ok(_))) => {}
            other => panic!("update {i}: {other:?}"),
        }
    }
}

/// Reads until the stream ends; its final status and when it came.
async fn end_of(
    stream: &mut Streaming<ResourceUpdate>,
    within: Duration,
) -> (tonic::Status, Instant) {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => return (status, Instant::now()),
            Ok(None) => panic!("the stream ended without a status"),
            Err(_) => panic!("the stream did not end within {within:?}"),
        }
    }
}

#[tokio::test]
async fn the_readme_example_serves_jwts_and_opaque_tokens_from_the_provider() {
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "30s").await;

    let jwt = idp.token(TokenRequest::jwt("files:read", AUDIENCE)).await;
    let mut stream = watch(&lab, jwt.as_str(), JWT_CLIENT_ID)
        .await
        .expect("a JWT for this resource opens a stream");
    updates(&mut stream, 3).await;

    let opaque = idp.client_credentials_opaque("files:read").await;
    let mut stream = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .expect("an active opaque token opens a stream");
    updates(&mut stream, 3).await;

    // A JWT for another resource: the audience is checked.
    let elsewhere = idp
        .token(TokenRequest::jwt("files:read", "https://other.example"))
        .await;
    let refused = watch(&lab, elsewhere.as_str(), JWT_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::Unauthenticated);
    assert_eq!(refused.message(), "wrong_audience");
}

#[tokio::test]
async fn an_opaque_token_revoked_at_the_provider_ends_its_live_stream_within_the_recheck_interval()
{
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "1s").await;
    let opaque = idp.client_credentials_opaque("files:read").await;
    let mut a = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap();
    let mut b = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap();
    updates(&mut a, 2).await;
    updates(&mut b, 2).await;

    idp.revoke(opaque.as_str()).await;
    let revoked_at = Instant::now();
    for stream in [&mut a, &mut b] {
        let (status, at) = end_of(stream, Duration::from_secs(10)).await;
        assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
        assert_eq!(status.message(), "token_revoked");
        let after = at - revoked_at;
        eprintln!("stream ended {after:?} after the revocation at the provider (recheck 1 s)");
        // recheck (1 s) plus one introspection round trip, with room for a loaded machine.
        assert!(
            after < Duration::from_secs(3),
            "ended {after:?} after the revocation"
        );
    }

    let refused = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert_eq!(refused.message(), "token_revoked");
}

#[tokio::test]
async fn an_opaque_token_that_is_not_active_at_open_is_refused() {
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "30s").await;
    let opaque = idp.client_credentials_opaque("files:read").await;
    idp.revoke(opaque.as_str()).await;
    let refused = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert_eq!(refused.message(), "token_revoked");

    let refused = watch(&lab, "never-issued-by-anyone", OPAQUE_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert_eq!(refused.message(), "token_revoked");
}

#[tokio::test]
async fn an_opaque_tokens_stream_ends_at_the_exp_its_introspection_gave() {
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "30s").await;
    let opaque = idp
        .token(TokenRequest::opaque("files:read", AUDIENCE).ttl(Duration::from_secs(2)))
        .await;
    let exp = idp.introspect(opaque.as_str()).await["exp"]
        .as_u64()
        .unwrap();
    let mut stream = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap();
    let (status, _) = end_of(&mut stream, Duration::from_secs(10)).await;
    let ended = unix_now_f64();
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    assert_eq!(status.message(), "token_expired");
    let late = ended - exp as f64;
    assert!((-0.1..1.0).contains(&late), "ended {late:.3} s after exp");
}

#[tokio::test]
async fn while_the_introspection_endpoint_is_down_new_streams_are_refused_and_live_ones_go_on() {
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "1s").await;
    let opaque = idp.client_credentials_opaque("files:read").await;
    let other = idp.client_credentials_opaque("files:read").await;
    let mut live = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap();
    updates(&mut live, 2).await;

    drop(idp);
    // Several recheck intervals pass with the provider gone: the live stream keeps its last
    // answer (it would end only after recheck + 60 s unconfirmed).
    let until = Instant::now() + Duration::from_secs(3);
    while Instant::now() < until {
        updates(&mut live, 1).await;
    }

    let refused = watch(&lab, other.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
    assert_eq!(refused.message(), "key_unavailable");
    // Its own token too, once the cached verdict is older than the recheck interval.
    let refused = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
}

#[tokio::test]
async fn after_a_key_rotation_new_jwts_stream_without_a_restart() {
    let idp = OidcProvider::start().await;
    let lab = serve_readme_config(&idp, "30s").await;
    let before = idp.token(TokenRequest::jwt("files:read", AUDIENCE)).await;
    let mut old = watch(&lab, before.as_str(), JWT_CLIENT_ID).await.unwrap();
    updates(&mut old, 1).await;

    idp.rotate_keys().await;
    let after = idp.token(TokenRequest::jwt("files:read", AUDIENCE)).await;
    let mut new = watch(&lab, after.as_str(), JWT_CLIENT_ID)
        .await
        .expect("the new kid is fetched from the JWKS");
    updates(&mut new, 2).await;
    updates(&mut old, 2).await;
}

#[tokio::test]
async fn serve_stops_at_start_up_when_discovery_names_another_issuer() {
    let idp = OidcProvider::start().await;
    let mut config = ServeConfig {
        admin_token: Some("test-admin-token-0123456789abcdef".into()),
        listen: ([127, 0, 0, 1], 0).into(),
        admin_listen: ([127, 0, 0, 1], 0).into(),
        ..ServeConfig::default()
    };
    config.auth.issuer = Some(format!("{}/", idp.issuer()));
    config.auth.discovery = true;
    config.auth.ca_file = Some(idp.ca_pem_path());
    let e = match streamguard_server::start(config).await {
        Ok(_) => panic!("serve started with a discovery document for another issuer"),
        Err(e) => format!("{e:#}"),
    };
    assert!(e.contains("names issuer"), "{e}");
}
