//! The gateway's client side on the network edge, with real clients: TLS and mutual TLS on the
//! client and admin listeners, the RFC 9728 metadata document and `415` on the gRPC port,
//! `www-authenticate` on refusals through the proxy, and a graceful drain at shutdown.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard::OnDeny;
use streamguard::protected_resource::ProtectedResource;
use streamguard_edge::TlsFiles;
use streamguard_gateway::config::GatewayConfig;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_proto::mcp::v1::{ResourceUpdate, WatchResourceRequest};
use streamguard_server::listeners::TlsConfig;
use streamguard_testkit::{HttpsClient, TestPki, TlsClient};
use tonic::Code;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

fn with_tls(mut c: GatewayConfig, pki: &TestPki, mutual: bool) -> GatewayConfig {
    let mut files = TlsFiles::new(pki.server_cert_path(), pki.server_key_path());
    if mutual {
        files = files.with_client_ca(pki.ca_pem_path());
    }
    c.tls = Some(TlsConfig::new(files));
    c
}

async fn tls_channel(
    addr: SocketAddr,
    pki: &TestPki,
    client_cert: bool,
) -> Result<Channel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(
            std::fs::read(pki.ca_pem_path()).unwrap(),
        ))
        .domain_name("localhost");
    if client_cert {
        tls = tls.identity(Identity::from_pem(
            std::fs::read(pki.client_cert_path()).unwrap(),
            std::fs::read(pki.client_key_path()).unwrap(),
        ));
    }
    Channel::from_shared(format!("https://localhost:{}", addr.port()))
        .unwrap()
        .tls_config(tls)?
        .connect()
        .await
}

async fn watch(
    channel: Channel,
    token: &str,
) -> Result<tonic::Streaming<ResourceUpdate>, tonic::Status> {
    let request = WatchResourceRequest {
        uri: "mcp://users/alice/notes".into(),
        interval_ms: 20,
    };
    let mut stream = McpStreamingClient::new(channel)
        .watch_resource(authed(request, token))
        .await?
        .into_inner();
    match stream.next().await {
        Some(Ok(_)) => Ok(stream),
        Some(Err(status)) => Err(status),
        None => Err(tonic::Status::unknown("ended before the first update")),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tonic_client_streams_through_the_gateway_over_tls_and_its_admin_api_speaks_tls() {
    let pki = TestPki::new();
    let rec = Recorder::default();
    let gateway = streamguard_gateway::start(with_tls(config(rec.serve().await), &pki, false))
        .await
        .unwrap();
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let channel = tls_channel(gateway.grpc_addr, &pki, false).await.unwrap();
    let mut stream = watch(channel, &tok).await.unwrap();
    for _ in 0..5 {
        stream.next().await.unwrap().unwrap();
    }
    assert_eq!(rec.seen().resources, ["mcp://users/alice/notes"]);
    let health = HttpsClient::trusting(pki.ca_cert_der())
        .get(&format!(
            "https://localhost:{}/healthz",
            gateway.admin_addr.port()
        ))
        .await
        .unwrap();
    assert_eq!(health.text(), "ok\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutual_tls_at_the_gateway_refuses_a_client_without_a_certificate() {
    let pki = TestPki::new();
    let rec = Recorder::default();
    let gateway = streamguard_gateway::start(with_tls(config(rec.serve().await), &pki, true))
        .await
        .unwrap();
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    if let Ok(channel) = tls_channel(gateway.grpc_addr, &pki, false).await {
        assert!(watch(channel, &tok).await.is_err());
    }
    let mut tls = TlsClient::trusting(pki.ca_cert_der())
        .connect(gateway.grpc_addr)
        .await
        .unwrap();
    let e = tokio::io::AsyncReadExt::read(&mut tls, &mut [0u8; 1])
        .await
        .expect_err("the gateway must end the handshake");
    assert!(e.to_string().contains("CertificateRequired"), "{e}");
    assert!(
        rec.seen().resources.is_empty(),
        "nothing reached the upstream"
    );

    let channel = tls_channel(gateway.grpc_addr, &pki, true).await.unwrap();
    watch(channel, &tok).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gateway_serves_the_metadata_document_and_refusals_point_at_it() {
    let rec = Recorder::default();
    let mut c = config(rec.serve().await);
    c.oauth = Some(
        ProtectedResource::new("https://tools.test.example")
            .unwrap()
            .with_authorization_servers(["https://issuer.test.example"])
            .unwrap(),
    );
    c.methods = vec![tool_calls_method()];
    c.guard.on_deny = OnDeny::End;
    let lab = lab(c).await;
    let metadata =
        r#"resource_metadata="https://tools.test.example/.well-known/oauth-protected-resource""#;

    let (status, doc) = http_get(
        lab.gateway.grpc_addr,
        "/.well-known/oauth-protected-resource",
    )
    .await;
    assert_eq!(status, 200);
    let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(doc["resource"], "https://tools.test.example");
    assert_eq!(
        doc["authorization_servers"][0],
        "https://issuer.test.example"
    );
    assert_eq!(doc["bearer_methods_supported"][0], "header");
    assert_eq!(http_get(lab.gateway.grpc_addr, "/").await.0, 415);

    let missing = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(WatchResourceRequest {
            uri: "mcp://users/alice/notes".into(),
            interval_ms: 20,
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::Unauthenticated);
    assert_eq!(
        missing.metadata().get("www-authenticate").unwrap(),
        format!("Bearer {metadata}").as_str()
    );

    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let mut events = McpStreamingClient::new(lab.channel.clone())
        .stream_tool_calls(authed(
            tokio_stream::wrappers::ReceiverStream::new(rx),
            &tok,
        ))
        .await
        .unwrap()
        .into_inner();
    tx.send(tool_call("1", "delete_repo", "")).await.unwrap();
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => break status,
            other => panic!("the stream must end PERMISSION_DENIED: {other:?}"),
        }
    };
    assert_eq!(ended.code(), Code::PermissionDenied);
    assert_eq!(
        ended.metadata().get("www-authenticate").unwrap(),
        format!(r#"Bearer {metadata}, error="insufficient_scope", scope="admin""#).as_str()
    );
    assert!(
        rec.tools().is_empty(),
        "the denied call never reached the upstream"
    );
}

/// A cleartext HTTP/1.1 GET: status and body text.
async fn http_get(addr: SocketAddr, path: &str) -> (u16, String) {
    use http_body_util::{BodyExt, Empty};
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Empty<bytes::Bytes>>();
    let response = client
        .get(format!("http://{addr}{path}").parse().unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_drains_live_streams_then_ends_them_shutting_down() {
    let rec = Recorder::default();
    let mut c = config(rec.serve().await);
    c.server.drain_period = Duration::from_millis(800);
    let lab = lab(c).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let mut stream = watch(lab.channel.clone(), &tok).await.unwrap();
    let addr = lab.gateway.grpc_addr;
    let started = Instant::now();
    let shutdown = tokio::spawn(lab.gateway.shutdown());
    let mut while_draining = 0;
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(8), stream.next())
            .await
            .expect("the live stream must end after the drain period")
        {
            Some(Ok(_)) => while_draining += 1,
            Some(Err(status)) => break status,
            None => panic!("ended without a status"),
        }
    };
    let at = started.elapsed();
    assert_eq!(
        (ended.code(), ended.message()),
        (Code::Unavailable, "shutting_down")
    );
    assert!(
        at >= Duration::from_millis(700) && at < Duration::from_secs(4),
        "ended {at:?} after shutdown began; drain period 0.8 s"
    );
    assert!(
        while_draining >= 5,
        "{while_draining} updates while draining"
    );
    tokio::time::timeout(Duration::from_secs(5), shutdown)
        .await
        .expect("shutdown finishes once the streams are ended")
        .unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the port is closed"
    );
}
