//! The real `streamguard serve` process over TLS configured by a file with relative paths: a
//! certificate replaced on disk is served to new connections only after SIGHUP (file watching
//! off), a live stream goes on through it, and a broken replacement is refused on SIGHUP while
//! the certificate in force stays.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::StreamExt;
use streamguard_proto::mcp::v1::{
    ResourceUpdate, WatchResourceRequest, mcp_streaming_client::McpStreamingClient,
};
use streamguard_testkit::{TestPki, TlsClient};
use tonic::transport::{Certificate, Channel, ClientTlsConfig};

const SECRET: &str = "tls-reload-test-secret-0123456789abcdef";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `streamguard serve --dev --config DIR/serve.toml` with `[tls]` naming files relative to DIR.
struct Serve {
    child: Child,
    grpc: std::net::SocketAddr,
    token: String,
}

impl Serve {
    fn start(pki: &TestPki) -> Serve {
        let grpc: std::net::SocketAddr = ([127, 0, 0, 1], free_port()).into();
        let admin = format!("127.0.0.1:{}", free_port());
        let config = pki.dir().join("serve.toml");
        std::fs::write(
            &config,
            "[tls]\ncert_file = \"server.pem\"\nkey_file = \"server.key\"\nwatch_interval = \"off\"\n",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_streamguard"))
            .args(["serve", "--dev", "--config"])
            .arg(&config)
            .args(["--listen", &grpc.to_string(), "--admin-listen", &admin])
            // Relative paths resolve against the config file, not the working directory.
            .current_dir(std::env::temp_dir())
            .env("STREAMGUARD_DEV_SECRET", SECRET)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let started = Instant::now();
        let mut saw_tls = false;
        let token = loop {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "serve did not start"
            );
            match lines.next() {
                Some(Ok(line)) => {
                    saw_tls |= line.starts_with("gRPC: ") && line.ends_with("(TLS)");
                    if let Some(t) = line.strip_prefix("client token: ") {
                        break t.to_string();
                    }
                }
                _ => panic!("serve exited before printing a client token"),
            }
        };
        assert!(saw_tls, "serve printed no TLS gRPC address");
        std::thread::spawn(move || for _ in lines {});
        Serve { child, grpc, token }
    }

    fn hangup(&self) {
        let ok = Command::new("kill")
            .args(["-HUP", &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -HUP");
    }

    async fn watch(&self, pki: &TestPki) -> tonic::Streaming<ResourceUpdate> {
        let tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(
                std::fs::read(pki.ca_pem_path()).unwrap(),
            ))
            .domain_name("localhost");
        let channel = Channel::from_shared(format!("https://localhost:{}", self.grpc.port()))
            .unwrap()
            .tls_config(tls)
            .unwrap()
            .connect()
            .await
            .unwrap();
        let mut request = tonic::Request::new(WatchResourceRequest {
            uri: "mcp://users/dev/notes".into(),
            interval_ms: 50,
        });
        request.metadata_mut().insert(
            "authorization",
            format!("Bearer {}", self.token).parse().unwrap(),
        );
        let mut updates = McpStreamingClient::new(channel)
            .watch_resource(request)
            .await
            .unwrap()
            .into_inner();
        next_update(&mut updates).await;
        updates
    }

    fn still_running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn next_update(updates: &mut tonic::Streaming<ResourceUpdate>) {
    match tokio::time::timeout(Duration::from_secs(2), updates.next()).await {
        Ok(Some(Ok(_))) => {}
        other => panic!("expected an update: {other:?}"),
    }
}

/// Polls until new connections are served `want`, within `within`.
async fn served_within(
    probe: &TlsClient,
    addr: std::net::SocketAddr,
    want: &rustls::pki_types::CertificateDer<'static>,
    within: Duration,
) -> Option<Duration> {
    let started = Instant::now();
    while started.elapsed() < within {
        if probe.served_certificate(addr).await.unwrap() == *want {
            return Some(started.elapsed());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

#[tokio::test]
async fn sighup_serves_a_replaced_certificate_to_new_connections_and_keeps_live_streams() {
    let pki = TestPki::new();
    let mut serve = Serve::start(&pki);
    let probe = TlsClient::trusting(pki.ca_cert_der());
    let old = pki.server_cert_der();
    assert_eq!(probe.served_certificate(serve.grpc).await.unwrap(), old);
    let mut live = serve.watch(&pki).await;

    let renewed = pki.reissue_server_cert();
    // File watching is off: without a signal the old certificate stays.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(probe.served_certificate(serve.grpc).await.unwrap(), old);

    serve.hangup();
    let after = served_within(&probe, serve.grpc, &renewed, Duration::from_secs(5))
        .await
        .expect("new connections get the new certificate after SIGHUP");
    eprintln!(
        "served the new certificate {} ms after SIGHUP",
        after.as_millis()
    );
    for _ in 0..10 {
        next_update(&mut live).await;
    }
    let mut fresh = serve.watch(&pki).await;
    next_update(&mut fresh).await;

    // A broken replacement: SIGHUP logs it and the certificate in force stays.
    std::fs::write(pki.server_cert_path(), "not a certificate").unwrap();
    serve.hangup();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        serve.still_running(),
        "a bad certificate on SIGHUP must not stop serve"
    );
    assert_eq!(probe.served_certificate(serve.grpc).await.unwrap(), renewed);
    next_update(&mut live).await;
    next_update(&mut fresh).await;
}
