//! The config that audits streamguard's own reference server (`streamguard serve`), used by
//! `streamguard demo` and the tests. Its TOML twin is `examples/audit/reference-server.toml`.

use std::{collections::BTreeMap, net::SocketAddr, time::Duration};

use crate::config::*;

fn call(method: &str, request: &str, scopes: &[&str]) -> CallSpec {
    CallSpec {
        method: method.into(),
        request: request.into(),
        scopes: scopes.iter().map(|s| s.to_string()).collect(),
    }
}

const WATCH: &str = "mcp.v1.McpStreaming/WatchResource";
const BIDI: &str = "mcp.v1.McpStreaming/StreamToolCalls";
const PROGRESS: &str = "mcp.v1.McpStreaming/CallToolWithProgress";

/// The probe config for a reference server: its gRPC and admin addresses, admin token and dev
/// secret, and where the canary listens (start the server with `backend = http://<canary_listen>`).
pub fn reference_server_config(
    grpc: SocketAddr,
    admin: SocketAddr,
    admin_token: &str,
    dev_secret: &str,
    canary_listen: SocketAddr,
) -> ProbeConfig {
    let watch = r#"{"uri": "mcp://users/{sub}/notes", "interval_ms": 100}"#;
    let echo = r#"{"request_id": "{nonce}", "name": "echo", "arguments": {"text": "{nonce}"}}"#;
    ProbeConfig {
        endpoint: format!("http://{grpc}"),
        authority: None,
        ca_file: None,
        connect_timeout: Duration::from_secs(5),
        metadata: BTreeMap::new(),
        descriptors: DescriptorsConfig::default(),
        credentials: CredentialsConfig {
            header: "authorization".into(),
            prefix: "Bearer ".into(),
            sub_prefix: "streamguard-audit".into(),
            mint: Some(MintConfig {
                algorithm: "HS256".into(),
                secret: Some(dev_secret.into()),
                secret_env: None,
                secret_file: None,
                key_file: None,
                kid: None,
                iss: Some("streamguard-dev".into()),
                aud: Some("streamguard".into()),
                scope_claim: "scope".into(),
                scope_format: ScopeFormat::String,
                extra_claims: Default::default(),
            }),
            command: None,
        },
        revocation: Some(RevocationConfig {
            by: RevokeBy::Jti,
            http: Some(HttpHook {
                method: "POST".into(),
                url: format!("http://{admin}/v1/revocations"),
                headers: BTreeMap::from([("authorization".to_string(), format!("Bearer {admin_token}"))]),
                body: Some(r#"{"jti": "{jti}"}"#.into()),
                ca_file: None,
            }),
            command: None,
        }),
        canary: Some(CanaryConfig {
            listen: canary_listen,
            method: "backend.v1.ToolBackend/Execute".into(),
            response: Some(r#"{"result_json": "{\"ok\": true}"}"#.into()),
            descriptors: Some(DescriptorsConfig {
                encoded: Some(streamguard_proto::FILE_DESCRIPTOR_SET.to_vec()),
                ..Default::default()
            }),
            max_hold: Duration::from_secs(25),
        }),
        probes: ProbesConfig {
            // On, for every streaming method below.
            authentication: None,
            expiry: Some(ExpiryProbe {
                call: call(WATCH, watch, &["files:read"]),
                token_ttl: Duration::from_secs(2),
                // The reference server allows a 1 s leeway after `exp`.
                tolerance: Duration::from_millis(1500),
                observe: Duration::from_secs(2),
            }),
            revocation: Some(RevocationProbe {
                call: call(WATCH, watch, &["files:read"]),
                revoke_after: Duration::from_millis(500),
                tolerance: Duration::from_secs(1),
                observe: Duration::from_secs(2),
            }),
            per_message: Some(PerMessageProbe {
                method: BIDI.into(),
                scopes: vec!["tools:echo".into()],
                allowed: echo.into(),
                forbidden: r#"{"request_id": "{nonce}", "name": "delete_repo", "arguments": {"repo": "{nonce}"}}"#.into(),
                response_timeout: Duration::from_secs(3),
                denial: None,
                // delete_repo needs `admin`: with it the forbidden message must succeed, or a
                // refusal on the narrow token proves nothing.
                control_scopes: Some(vec!["tools:echo".into(), "admin".into()]),
            }),
            deadline: Some(DeadlineProbe {
                call: call(PROGRESS, r#"{"name": "echo", "arguments": {"text": "{nonce}"}}"#, &["tools:echo"]),
                deadline: Duration::from_secs(3),
                slack: Duration::from_millis(100),
            }),
            cancellation: Some(CancellationProbe {
                call: call(PROGRESS, r#"{"name": "slow_echo", "arguments": {"text": "{nonce}", "ms": 20000}}"#, &["tools:echo"]),
                tolerance: Duration::from_secs(1),
                reach_timeout: Duration::from_secs(3),
            }),
            rate_limit: Some(RateLimitProbe {
                method: BIDI.into(),
                message: echo.into(),
                scopes: vec!["tools:echo".into()],
                max_messages: 200,
                max_duration: Duration::from_secs(10),
                response_timeout: Duration::from_secs(3),
                limited: None,
                control_scopes: None,
            }),
            lifetime: Some(LifetimeProbe {
                call: call(WATCH, r#"{"uri": "mcp://users/{sub}/notes", "interval_ms": 500}"#, &["files:read"]),
                max_acceptable_lifetime: Duration::from_secs(15),
            }),
        },
        source: None,
    }
}
