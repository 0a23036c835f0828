//! An https:// upstream: the gateway verifies it against `upstream_ca_file` under
//! `upstream_server_name` (rustls + ring), and refuses one it cannot verify.

mod common;

use std::time::Duration;

use common::*;
use futures::StreamExt;
use streamguard_proto::mcp::v1::WatchResourceRequest;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_proto::mcp::v1::mcp_streaming_server::McpStreamingServer;
use tonic::transport::{Identity, ServerTlsConfig};

/// A TLS upstream with a self-signed certificate for `tools.internal`; returns its address
/// and the certificate's PEM.
async fn tls_upstream(rec: &Recorder) -> (std::net::SocketAddr, String) {
    let cert = rcgen::generate_simple_self_signed(vec!["tools.internal".to_string()]).unwrap();
    let (cert_pem, key_pem) = (cert.cert.pem(), cert.signing_key.serialize_pem());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let svc = McpStreamingServer::new(rec.clone());
    let tls = ServerTlsConfig::new().identity(Identity::from_pem(&cert_pem, &key_pem));
    tokio::spawn(async move {
        tonic::transport::Server::builder()
            .tls_config(tls)
            .unwrap()
            .add_service(svc)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener))
            .await
            .unwrap();
    });
    (addr, cert_pem)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tls_upstream_is_verified_with_the_ca_file_and_server_name() {
    let rec = Recorder::default();
    let (addr, pem) = tls_upstream(&rec).await;
    let ca = std::env::temp_dir().join(format!("sg-gw-ca-{}.pem", addr.port()));
    std::fs::write(&ca, pem).unwrap();
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let watch = |lab: &Lab| {
        let mut c = McpStreamingClient::new(lab.channel.clone());
        let req = authed(
            WatchResourceRequest {
                uri: "u".into(),
                interval_ms: 10,
            },
            &tok,
        );
        async move { c.watch_resource(req).await }
    };

    let mut c = config(addr);
    c.upstream.url = format!("https://{addr}");
    c.upstream.ca_file = Some(ca.clone());
    c.upstream.server_name = Some("tools.internal".into());
    let ok = lab(c).await;
    let mut s = watch(&ok).await.unwrap().into_inner();
    assert!(s.next().await.unwrap().is_ok(), "proxied over TLS");

    // The same upstream under a name its certificate does not have is refused.
    let mut c = config(addr);
    c.upstream.url = format!("https://{addr}");
    c.upstream.ca_file = Some(ca.clone());
    c.upstream.server_name = Some("elsewhere.internal".into());
    let wrong = lab(c).await;
    let e = watch(&wrong).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::Unavailable, "{e:?}");
    assert!(e.message().contains("TLS"), "{}", e.message());
    let _ = std::fs::remove_file(ca);
}
