//! The gateway's `[auth]` (read exactly as `serve` reads it) against a real OpenID provider: a JWT
//! found through discovery and an introspected opaque token stream through to the upstream, and
//! an opaque token revoked at the provider ends its proxied stream within `recheck`.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard_gateway::config::GatewayConfig;
use streamguard_proto::mcp::v1::{
    ResourceUpdate, WatchResourceRequest, mcp_streaming_client::McpStreamingClient,
};
use streamguard_testkit::oidc::{JWT_CLIENT_ID, OPAQUE_CLIENT_ID, OPAQUE_RESOURCE};
use streamguard_testkit::{OidcProvider, TokenRequest};
use tonic::{Code, Streaming};

async fn gateway(idp: &OidcProvider) -> (Lab, Recorder) {
    let recorder = Recorder::default();
    let upstream = recorder.serve().await;
    let text = format!(
        r#"
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
admin_token = "test-admin-token-0123456789abcdef"
upstream = "http://{upstream}"

[auth]
issuer = "{issuer}"
audience = "{OPAQUE_RESOURCE}"
discovery = true
ca_file = "ca.pem"

[auth.introspection]
client_id = "{client_id}"
client_secret = "{client_secret}"
recheck = "1s"
"#,
        issuer = idp.issuer(),
        client_id = idp.introspection_client().id,
        client_secret = idp.introspection_client().secret,
    );
    // `ca_file` is relative to the config file: the provider's PKI directory holds `ca.pem`.
    let mut config = GatewayConfig::from_toml(&text, idp.pki().dir()).expect("the config parses");
    config.descriptors.encoded = Some(streamguard_proto::FILE_DESCRIPTOR_SET.to_vec());
    (lab(config).await, recorder)
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
    McpStreamingClient::new(lab.channel.clone())
        .watch_resource(authed(req, token))
        .await
        .map(|r| r.into_inner())
}

async fn updates(stream: &mut Streaming<ResourceUpdate>, n: usize) {
    for i in 0..n {
        match tokio::time::timeout(Duration::from_secs(5), stream.next()).await {
            Ok(Some(Ok(_))) => {}
            other => panic!("update {i}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn provider_tokens_stream_through_the_gateway_and_a_revocation_at_the_provider_ends_them() {
    let idp = OidcProvider::start().await;
    let (lab, recorder) = gateway(&idp).await;

    let jwt = idp
        .token(TokenRequest::jwt("files:read", OPAQUE_RESOURCE))
        .await;
    let mut stream = watch(&lab, jwt.as_str(), JWT_CLIENT_ID)
        .await
        .expect("a discovered-JWKS JWT opens a stream");
    updates(&mut stream, 2).await;

    let opaque = idp.client_credentials_opaque("files:read").await;
    let mut stream = watch(&lab, opaque.as_str(), OPAQUE_CLIENT_ID)
        .await
        .expect("an introspected opaque token opens a stream");
    updates(&mut stream, 2).await;
    assert!(
        recorder
            .seen()
            .resources
            .contains(&format!("mcp://users/{OPAQUE_CLIENT_ID}/notes"))
    );

    idp.revoke(opaque.as_str()).await;
    let revoked_at = Instant::now();
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => break status,
            other => panic!("the stream did not end with a status: {other:?}"),
        }
    };
    let after = revoked_at.elapsed();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    assert_eq!(status.message(), "token_revoked");
    eprintln!("stream ended {after:?} after the revocation at the provider (recheck 1 s)");
    assert!(
        after < Duration::from_secs(3),
        "ended {after:?} after the revocation"
    );
}
