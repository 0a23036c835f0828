//! `serve` over TLS with real clients: a tonic client trusting the test CA streams, mutual TLS
//! refuses a client without a certificate, the admin API speaks TLS too, and a replaced
//! certificate reaches new connections while a live stream goes on.

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard_edge::TlsFiles;
use streamguard_proto::mcp::v1::WatchResourceRequest;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_server::listeners::TlsConfig;
use streamguard_server::{RunningServer, ServeConfig};
use streamguard_testkit::{HttpsClient, TestPki, TlsClient};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

async fn tls_server(pki: &TestPki, mutual: bool) -> RunningServer {
    let mut files = TlsFiles::new(pki.server_cert_path(), pki.server_key_path());
    if mutual {
        files = files.with_client_ca(pki.ca_pem_path());
    }
    let config = ServeConfig {
        tls: Some(TlsConfig::new(files)),
        ..ServeConfig::dev()
    };
    streamguard_server::start(config)
        .await
        .expect("serve starts with TLS")
}

/// A tonic channel to `addr` over TLS trusting the test CA, with the client certificate when
/// `client_cert`.
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

fn token(server: &RunningServer, sub: &str) -> String {
    let spec =
        streamguard_server::tokens::TokenSpec::new(sub, "files:read", Duration::from_secs(120));
    streamguard_server::tokens::mint_hs256(&server.dev_secret, &spec).unwrap()
}

/// Opens WatchResource over `channel` and reads its first update.
async fn watch(
    channel: Channel,
    token: &str,
) -> Result<tonic::Streaming<streamguard_proto::mcp::v1::ResourceUpdate>, tonic::Status> {
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

/// Reads `n` more updates, each within 2 s.
async fn updates(
    stream: &mut tonic::Streaming<streamguard_proto::mcp::v1::ResourceUpdate>,
    n: usize,
) {
    for i in 0..n {
        match tokio::time::timeout(Duration::from_secs(2), stream.next()).await {
            Ok(Some(Ok(_))) => {}
            other => panic!("update {i} of {n}: {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tonic_client_trusting_the_test_ca_streams_over_tls_and_the_admin_api_speaks_tls() {
    let pki = TestPki::new();
    let server = tls_server(&pki, false).await;
    let channel = tls_channel(server.grpc_addr, &pki, false).await.unwrap();
    let mut stream = watch(channel, &token(&server, "alice")).await.unwrap();
    updates(&mut stream, 5).await;

    let client = HttpsClient::trusting(pki.ca_cert_der());
    let health = client
        .get(&format!(
            "https://localhost:{}/healthz",
            server.admin_addr.port()
        ))
        .await
        .unwrap();
    assert_eq!(health.status, 200);
    assert_eq!(health.text(), "ok\n");

    // The handshake offers h2 and http/1.1; a client asking for h2 gets it.
    let tls = TlsClient::trusting(pki.ca_cert_der())
        .connect(server.grpc_addr)
        .await
        .unwrap();
    assert_eq!(tls.get_ref().1.alpn_protocol(), Some(&b"h2"[..]));

    // A cleartext client gets no gRPC out of a TLS port.
    let plain = Channel::from_shared(format!("http://{}", server.grpc_addr))
        .unwrap()
        .connect()
        .await;
    if let Ok(plain) = plain {
        assert!(watch(plain, &token(&server, "alice")).await.is_err());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutual_tls_refuses_a_client_without_a_certificate_and_serves_one_with() {
    let pki = TestPki::new();
    let server = tls_server(&pki, true).await;
    let tok = token(&server, "alice");

    if let Ok(channel) = tls_channel(server.grpc_addr, &pki, false).await {
        let refused = watch(channel, &tok).await;
        assert!(
            refused.is_err(),
            "a client without a certificate got a stream"
        );
    }
    // Why: with TLS 1.3 the client's side of the handshake ends first, then the server's
    // alert arrives in place of the first bytes.
    let mut tls = TlsClient::trusting(pki.ca_cert_der())
        .connect(server.grpc_addr)
        .await
        .unwrap();
    let mut byte = [0u8; 1];
    let read = tokio::io::AsyncReadExt::read(&mut tls, &mut byte).await;
    let e = read.expect_err("the server must end the handshake");
    assert!(e.to_string().contains("CertificateRequired"), "{e}");
    // The admin API asks for the certificate too.
    let admin = HttpsClient::trusting(pki.ca_cert_der())
        .get(&format!(
            "https://localhost:{}/healthz",
            server.admin_addr.port()
        ))
        .await;
    assert!(
        admin.is_err(),
        "admin API without a client certificate: {admin:?}"
    );

    let channel = tls_channel(server.grpc_addr, &pki, true).await.unwrap();
    let mut stream = watch(channel, &tok).await.unwrap();
    updates(&mut stream, 3).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replaced_certificate_reaches_new_connections_while_a_live_stream_goes_on() {
    let pki = TestPki::new();
    let server = tls_server(&pki, false).await;
    let tok = token(&server, "alice");
    let probe = TlsClient::trusting(pki.ca_cert_der());
    let old = pki.server_cert_der();
    assert_eq!(
        probe.served_certificate(server.grpc_addr).await.unwrap(),
        old
    );

    let mut live = watch(
        tls_channel(server.grpc_addr, &pki, false).await.unwrap(),
        &tok,
    )
    .await
    .unwrap();
    updates(&mut live, 3).await;

    let renewed = pki.reissue_server_cert();
    assert_ne!(renewed, old);
    let started = Instant::now();
    loop {
        let served = probe.served_certificate(server.grpc_addr).await.unwrap();
        if served == renewed {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "new connections still get the old certificate 10 s after the files changed"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    eprintln!(
        "the new certificate was served {} ms after the files changed",
        started.elapsed().as_millis()
    );
    // The admin listener reloads with it.
    assert_eq!(
        probe.served_certificate(server.admin_addr).await.unwrap(),
        renewed
    );

    // The stream opened under the old certificate goes on, and new connections stream too.
    updates(&mut live, 10).await;
    let mut fresh = watch(
        tls_channel(server.grpc_addr, &pki, false).await.unwrap(),
        &tok,
    )
    .await
    .unwrap();
    updates(&mut fresh, 3).await;
    updates(&mut live, 3).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_replacement_is_refused_and_the_certificate_in_force_stays() {
    let pki = TestPki::new();
    let server = tls_server(&pki, false).await;
    let probe = TlsClient::trusting(pki.ca_cert_der());
    let old = pki.server_cert_der();
    std::fs::write(
        pki.server_cert_path(),
        "-----BEGIN CERTIFICATE-----\ntruncated",
    )
    .unwrap();
    // Past at least two checks of the files.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        probe.served_certificate(server.grpc_addr).await.unwrap(),
        old
    );
    let channel = tls_channel(server.grpc_addr, &pki, false).await.unwrap();
    watch(channel, &token(&server, "alice")).await.unwrap();
}

#[tokio::test]
async fn a_bad_tls_file_stops_start_up_naming_the_file_and_the_problem() {
    let pki = TestPki::new();
    let config = ServeConfig {
        tls: Some(TlsConfig::new(TlsFiles::new(
            pki.server_key_path(),
            pki.server_key_path(),
        ))),
        ..ServeConfig::dev()
    };
    let e = streamguard_server::start(config).await.err().unwrap();
    let text = format!("{e:#}");
    assert!(text.contains("tls.cert_file"), "{text}");
    assert!(text.contains("server.key"), "{text}");
    assert!(
        text.contains("holds a private key, not a certificate"),
        "{text}"
    );
}
