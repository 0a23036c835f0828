//! MCP authorization conformance seen by real clients: the RFC 9728 metadata document on the
//! gRPC port itself (HTTP/1.1 and HTTP/2, with and without TLS), `www-authenticate` (RFC 6750)
//! on refusals at open (trailers-only) and on streams ended mid-way (trailers), and the
//! resource as the default audience (RFC 8707).

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use common::*;
use futures::StreamExt;
use http_body_util::{BodyExt, Empty};
use streamguard::OnDeny;
use streamguard::auth::{AuthConfig, KeyConfig};
use streamguard::protected_resource::ProtectedResource;
use streamguard_edge::TlsFiles;
use streamguard_proto::mcp::v1::mcp_client::McpClient;
use streamguard_proto::mcp::v1::{CallToolRequest, WatchResourceRequest};
use streamguard_server::ServeConfig;
use streamguard_server::listeners::TlsConfig;
use streamguard_testkit::{HttpsClient, TestPki, TlsClient};
use tonic::Code;

const RESOURCE: &str = "https://mcp.test.example";
const METADATA: &str =
    r#"resource_metadata="https://mcp.test.example/.well-known/oauth-protected-resource""#;

fn resource() -> ProtectedResource {
    ProtectedResource::new(RESOURCE)
        .unwrap()
        .with_authorization_servers(["https://issuer.test.example"])
        .unwrap()
        .with_scopes_supported(["tools:echo", "files:read"])
        .unwrap()
}

fn expected_document() -> serde_json::Value {
    serde_json::json!({
        "resource": RESOURCE,
        "authorization_servers": ["https://issuer.test.example"],
        "scopes_supported": ["tools:echo", "files:read"],
        "bearer_methods_supported": ["header"],
    })
}

fn dev_with_resource() -> ServeConfig {
    ServeConfig {
        oauth: Some(resource()),
        ..ServeConfig::dev()
    }
}

fn www_authenticate(status: &tonic::Status) -> String {
    status
        .metadata()
        .get("www-authenticate")
        .unwrap_or_else(|| panic!("no www-authenticate on {status:?}"))
        .to_str()
        .unwrap()
        .to_string()
}

fn watch_request() -> WatchResourceRequest {
    WatchResourceRequest {
        uri: "mcp://users/alice/notes".into(),
        interval_ms: 50,
    }
}

/// Reads a stream until it ends with an error; the error, and how many updates came first.
async fn end_of<T>(stream: &mut tonic::Streaming<T>) -> (tonic::Status, usize) {
    let mut n = 0;
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.next()).await {
            Ok(Some(Ok(_))) => n += 1,
            Ok(Some(Err(status))) => return (status, n),
            Ok(None) => panic!("the stream ended without an error after {n} updates"),
            Err(_) => panic!("the stream did not end within 10 s"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metadata_document_is_served_on_the_tls_grpc_port_over_http11_and_h2() {
    let pki = TestPki::new();
    let lab = streamguard_server::start(ServeConfig {
        tls: Some(TlsConfig::new(TlsFiles::new(
            pki.server_cert_path(),
            pki.server_key_path(),
        ))),
        ..dev_with_resource()
    })
    .await
    .unwrap();
    let port = lab.grpc_addr.port();
    let path = "/.well-known/oauth-protected-resource";

    // HTTP/1.1 over TLS, as Python's urllib or curl without --http2 asks for it.
    let http11 = HttpsClient::trusting(pki.ca_cert_der())
        .get(&format!("https://localhost:{port}{path}"))
        .await
        .unwrap();
    assert_eq!(http11.status, 200);
    assert_eq!(http11.headers["content-type"], "application/json");
    assert_eq!(
        http11.json::<serde_json::Value>().unwrap(),
        expected_document()
    );

    let h2 = TlsClient::trusting(pki.ca_cert_der())
        .h2_get(lab.grpc_addr, path)
        .await
        .unwrap();
    assert_eq!(h2.status(), 200);
    let doc: serde_json::Value = serde_json::from_slice(h2.body()).unwrap();
    assert_eq!(doc, expected_document());

    // Anything else that is not gRPC is still 415.
    let other = HttpsClient::trusting(pki.ca_cert_der())
        .get(&format!("https://localhost:{port}/"))
        .await
        .unwrap();
    assert_eq!(other.status, 415);
}

async fn plain_get(addr: std::net::SocketAddr, path: &str, h2: bool) -> (u16, Bytes) {
    let mut builder =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new());
    builder.http2_only(h2);
    let client = builder.build_http::<Empty<Bytes>>();
    let response = client
        .get(format!("http://{addr}{path}").parse().unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.into_body().collect().await.unwrap().to_bytes(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metadata_document_is_served_on_a_cleartext_grpc_port_over_http11_and_h2c() {
    let lab = start(dev_with_resource()).await;
    for h2 in [false, true] {
        let (status, body) = plain_get(
            lab.server.grpc_addr,
            "/.well-known/oauth-protected-resource",
            h2,
        )
        .await;
        assert_eq!(status, 200, "h2: {h2}");
        let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(doc, expected_document(), "h2: {h2}");
    }
    // Without [oauth] there is no document: 415 as for any other non-gRPC request.
    let bare = start_dev().await;
    let (status, _) = plain_get(
        bare.server.grpc_addr,
        "/.well-known/oauth-protected-resource",
        false,
    )
    .await;
    assert_eq!(status, 415);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refusal_at_open_tells_the_client_where_to_get_a_token_in_its_headers() {
    let lab = start(dev_with_resource()).await;
    let missing = lab
        .streaming()
        .watch_resource(watch_request())
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::Unauthenticated);
    assert_eq!(missing.message(), "missing_token");
    assert_eq!(www_authenticate(&missing), format!("Bearer {METADATA}"));

    let (good, _) = lab.token("alice", "files:read", Duration::from_secs(60));
    let forged = format!("{}AAAA", &good[..good.len() - 4]);
    let bad = refused_watch(&lab, watch_request(), &forged).await;
    assert_eq!(bad.code(), Code::Unauthenticated);
    assert_eq!(
        www_authenticate(&bad),
        format!(r#"Bearer {METADATA}, error="invalid_token", error_description="bad_signature""#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_mid_stream_tells_the_client_in_the_trailers() {
    let lab = start(dev_with_resource()).await;
    let (tok, _) = lab.token("alice", "files:read", Duration::from_secs(2));
    let mut stream = lab
        .streaming()
        .watch_resource(authed(watch_request(), &tok))
        .await
        .unwrap()
        .into_inner();
    let (status, updates) = end_of(&mut stream).await;
    assert!(
        updates > 0,
        "the stream ended before any update: {status:?}"
    );
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "token_expired");
    assert_eq!(
        www_authenticate(&status),
        format!(r#"Bearer {METADATA}, error="invalid_token", error_description="token_expired""#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_token_ends_its_stream_as_an_invalid_token() {
    let lab = start(dev_with_resource()).await;
    let (tok, spec) = lab.token("alice", "files:read", Duration::from_secs(60));
    let mut stream = lab
        .streaming()
        .watch_resource(authed(watch_request(), &tok))
        .await
        .unwrap()
        .into_inner();
    stream.next().await.unwrap().unwrap();
    let jti = spec.jti.clone().unwrap();
    assert_eq!(
        lab.revoke_as_admin(serde_json::json!({ "jti": jti })).await,
        200
    );
    let (status, _) = end_of(&mut stream).await;
    assert_eq!(status.code(), Code::PermissionDenied);
    assert_eq!(
        www_authenticate(&status),
        format!(r#"Bearer {METADATA}, error="invalid_token", error_description="token_revoked""#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_denied_for_scope_names_the_scope_it_needed() {
    let lab = start(dev_with_resource()).await;
    let (tok, _) = lab.token("alice", "tools:echo", Duration::from_secs(60));
    let denied = McpClient::new(lab.channel.clone())
        .call_tool(authed(
            CallToolRequest {
                name: "delete_repo".into(),
                arguments: None,
                resource_uri: String::new(),
            },
            &tok,
        ))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    assert_eq!(denied.message(), "insufficient_scope");
    assert_eq!(
        www_authenticate(&denied),
        format!(r#"Bearer {METADATA}, error="insufficient_scope", scope="admin""#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stream_ended_for_scope_names_the_scope_in_its_trailers() {
    let lab = start(ServeConfig {
        on_deny: OnDeny::End,
        ..dev_with_resource()
    })
    .await;
    let (tok, _) = lab.token("alice", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &tok).await.unwrap();
    bidi.call(tool_call("1", "echo", serde_json::json!({"text": "hi"})))
        .await
        .unwrap();
    let ended = bidi
        .call(tool_call(
            "2",
            "delete_repo",
            serde_json::json!({"repo": "x"}),
        ))
        .await
        .unwrap_err();
    assert_eq!(ended.code(), Code::PermissionDenied);
    assert_eq!(
        www_authenticate(&ended),
        format!(r#"Bearer {METADATA}, error="insufficient_scope", scope="admin""#)
    );
}

const SECRET: &str = "oauth-test-secret-0123456789abcdef0123";

fn signed(aud: Option<&str>) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut claims = serde_json::json!({
        "sub": "alice", "scope": "files:read", "iat": now, "exp": now + 60,
    });
    if let Some(aud) = aud {
        claims["aud"] = aud.into();
    }
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_must_be_issued_for_the_resource_when_no_audience_is_configured() {
    let lab = start(ServeConfig {
        listen: ([127, 0, 0, 1], 0).into(),
        admin_listen: ([127, 0, 0, 1], 0).into(),
        admin_token: Some("oauth-test-admin-token".into()),
        auth: AuthConfig {
            keys: vec![KeyConfig::hs256_secret(SECRET)],
            ..AuthConfig::default()
        },
        oauth: Some(resource()),
        ..ServeConfig::default()
    })
    .await;
    let mut ok = lab
        .streaming()
        .watch_resource(authed(watch_request(), &signed(Some(RESOURCE))))
        .await
        .unwrap()
        .into_inner();
    ok.next().await.unwrap().unwrap();
    for aud in [Some("https://other.example"), None] {
        let refused = refused_watch(&lab, watch_request(), &signed(aud)).await;
        assert_eq!(refused.code(), Code::Unauthenticated, "aud {aud:?}");
        assert!(
            www_authenticate(&refused).contains(r#"error="invalid_token""#),
            "aud {aud:?}"
        );
    }
}
