//! `audit probe` through the gateway in front of `streamguard serve` with every control
//! switched off: the gateway fixes what a proxy can (F1, F2, F5, F6) and the probe still reports
//! what only the upstream's own code can fix (F3, F4: its downstream calls).

mod common;

use std::time::Duration;

use streamguard::Control;
use streamguard_gateway::config::{IdentityConfig, MethodConfig, MintConfig, OneOrMany};
use streamguard_probe::{audit, reference_server_config};
use streamguard_report::{FindingId, Status};
use streamguard_server::ServeConfig;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_fixes_f1_f2_f5_f6_of_a_server_with_every_control_off() {
    let canary = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let server = streamguard_server::start(ServeConfig {
        disabled: Control::ALL.to_vec(),
        backend: Some(format!("http://{canary}")),
        dev_secret: Some(common::SECRET.into()),
        ..ServeConfig::dev()
    })
    .await
    .expect("reference server starts");

    let mut c = common::config(server.grpc_addr);
    c.descriptors.encoded = None; // reflection on the upstream
    // The upstream verifies tokens at open: the gateway mints one for it per stream.
    c.identity = IdentityConfig {
        signing_key: Some(common::SECRET.into()),
        token: Some(MintConfig {
            audience: "streamguard".into(),
            issuer: "streamguard-dev".into(),
            ttl: Duration::from_secs(60),
        }),
    };
    c.guard.messages_per_minute = 60;
    c.guard.burst = 10;
    c.guard.max_stream_lifetime = Duration::from_secs(10);
    c.methods = vec![MethodConfig {
        method: "mcp.v1.McpStreaming/StreamToolCalls".into(),
        tool: Some("name".into()),
        resource: OneOrMany::One("resource_uri".into()),
        resource_owner: Some("mcp://users/{sub}/*".into()),
        request_id: Some("request_id".into()),
        deny_reply: Some(
            r#"{"request_id": "{request_id}", "error": {"code": 7, "status": "PERMISSION_DENIED", "message": "{reason}"}}"#.into(),
        ),
        scopes: [
            ("echo", "tools:echo"),
            ("slow_echo", "tools:echo"),
            ("read_file", "files:read"),
            ("write_file", "files:write"),
            ("delete_repo", "admin"),
        ]
        .into_iter()
        .map(|(t, s)| (t.to_string(), s.to_string()))
        .collect(),
        ..MethodConfig::default()
    }];
    let gateway = streamguard_gateway::start(c).await.expect("gateway starts");

    let config = reference_server_config(
        gateway.grpc_addr,
        gateway.admin_addr,
        &gateway.admin_token,
        common::SECRET,
        canary,
    );
    let outcome = audit(&config, &|_| {}).await.expect("audit runs");
    let summary: Vec<String> = outcome
        .report
        .findings
        .iter()
        .map(|f| {
            let ev: Vec<_> = f.evidence.iter().map(|e| e.message.as_str()).collect();
            format!("{}={:?} [{}]", f.id, f.status, ev.join(" | "))
        })
        .collect();
    let status = |id: FindingId| {
        outcome
            .report
            .findings
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.status)
    };
    for id in [FindingId::F1, FindingId::F2, FindingId::F5, FindingId::F6] {
        assert_eq!(
            status(id),
            Some(Status::Pass),
            "{id} through the gateway:\n{}",
            summary.join("\n")
        );
    }
    // What the upstream does with its own downstream calls is beyond a proxy.
    for id in [FindingId::F3, FindingId::F4] {
        assert_eq!(
            status(id),
            Some(Status::Fail),
            "{id} is the upstream's:\n{}",
            summary.join("\n")
        );
    }
    gateway.shutdown().await;
    server.shutdown().await;
}
