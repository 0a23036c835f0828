//! Real `streamguard serve` processes sharing one real `redis-server`: the stream slots of an
//! instance that is killed (SIGKILL: no chance to give them back) free within the lease time.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::StreamExt;
use streamguard_proto::mcp::v1::{
    ResourceUpdate, WatchResourceRequest, mcp_streaming_client::McpStreamingClient,
};
use streamguard_testkit::RedisServer;
use tonic::Code;

const SECRET: &str = "shared-state-test-secret-0123456789abcdef";
const LEASE: Duration = Duration::from_secs(2);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `streamguard serve --dev --config FILE --redis URL` process and its client token.
struct Serve {
    child: Child,
    grpc: String,
    token: String,
}

impl Serve {
    fn start(config: &std::path::Path, redis: &RedisServer) -> Serve {
        let grpc = format!("127.0.0.1:{}", free_port());
        let admin = format!("127.0.0.1:{}", free_port());
        let mut child = Command::new(env!("CARGO_BIN_EXE_streamguard"))
            .args([
                "serve",
                "--dev",
                "--listen",
                &grpc,
                "--admin-listen",
                &admin,
            ])
            .arg("--config")
            .arg(config)
            .args(["--redis", &redis.url()])
            .env("STREAMGUARD_DEV_SECRET", SECRET)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let started = Instant::now();
        let token = loop {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "serve did not start"
            );
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(t) = line.strip_prefix("client token: ") {
                        break t.to_string();
                    }
                }
                _ => panic!("serve exited before printing a client token"),
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Serve { child, grpc, token }
    }

    async fn watch(&self, token: &str) -> Result<tonic::Streaming<ResourceUpdate>, tonic::Status> {
        let mut client = McpStreamingClient::connect(format!("http://{}", self.grpc))
            .await
            .unwrap();
        let mut request = tonic::Request::new(WatchResourceRequest {
            uri: "mcp://users/dev/notes".into(),
            interval_ms: 100,
        });
        request
            .metadata_mut()
            .insert("authorization", format!("Bearer {token}").parse().unwrap());
        let mut updates = client.watch_resource(request).await?.into_inner();
        updates.next().await.unwrap()?;
        Ok(updates)
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn the_stream_slots_of_a_killed_instance_free_within_the_lease_time() {
    let redis = RedisServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("serve.toml");
    std::fs::write(
        &config,
        format!(
            "[limits]\nmax_streams_per_identity = 1\n[state]\nstream_lease = \"{}s\"\n",
            LEASE.as_secs()
        ),
    )
    .unwrap();
    let mut a = Serve::start(&config, &redis);
    let b = Serve::start(&config, &redis);
    let token = a.token.clone();

    let _on_a = a
        .watch(&token)
        .await
        .expect("the identity's one stream, on A");
    let refused = b
        .watch(&token)
        .await
        .expect_err("the cap counts A's stream");
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "too_many_streams")
    );

    a.child.kill().unwrap();
    a.child.wait().unwrap();
    let killed = Instant::now();
    let first = b.watch(&token).await.err().map(|s| s.message().to_string());
    assert_eq!(
        first.as_deref(),
        Some("too_many_streams"),
        "a killed instance gives nothing back: its slot frees by its lease"
    );
    loop {
        match b.watch(&token).await {
            Ok(_) => break,
            Err(s) => assert_eq!(s.message(), "too_many_streams"),
        }
        assert!(
            killed.elapsed() < LEASE + Duration::from_millis(1500),
            "the slot is still held {:?} after the kill (lease {LEASE:?})",
            killed.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(killed.elapsed() <= LEASE + Duration::from_millis(1500));
}
