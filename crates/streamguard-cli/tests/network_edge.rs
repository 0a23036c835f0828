//! The real `streamguard serve` process at its network edge: signals with a live stream, and
//! running out of file descriptors.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use futures::StreamExt;
use streamguard_proto::mcp::v1::{WatchResourceRequest, mcp_streaming_client::McpStreamingClient};
use tonic::Code;

const SECRET: &str = "edge-test-secret-0123456789abcdef0123";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `streamguard serve --dev` child process and its client token.
struct Serve {
    child: Child,
    grpc: String,
    admin: String,
    token: String,
}

impl Serve {
    /// Starts `serve --dev` with `extra` arguments; `fd_limit` runs it under `ulimit -n`.
    fn start(extra: &[&str], fd_limit: Option<u32>) -> Serve {
        let grpc = format!("127.0.0.1:{}", free_port());
        let admin = format!("127.0.0.1:{}", free_port());
        let bin = env!("CARGO_BIN_EXE_streamguard");
        let mut args = vec![
            "serve",
            "--dev",
            "--listen",
            &grpc,
            "--admin-listen",
            &admin,
        ];
        args.extend_from_slice(extra);
        let mut command = match fd_limit {
            Some(n) => {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                    .arg(bin)
                    .args(&args);
                c
            }
            None => {
                let mut c = Command::new(bin);
                c.args(&args);
                c
            }
        };
        let mut child = command
            .env("STREAMGUARD_DEV_SECRET", SECRET)
            .env("RUST_LOG", "info")
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
        // Keep draining stdout so the child never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Serve {
            child,
            grpc,
            admin,
            token,
        }
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{name}");
    }

    fn exited_within(&mut self, within: Duration) -> Option<ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < within {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    async fn watch(&self) -> tonic::Streaming<streamguard_proto::mcp::v1::ResourceUpdate> {
        let mut client = McpStreamingClient::connect(format!("http://{}", self.grpc))
            .await
            .unwrap();
        let mut request = tonic::Request::new(WatchResourceRequest {
            uri: "mcp://users/dev/notes".into(),
            interval_ms: 100,
        });
        request.metadata_mut().insert(
            "authorization",
            format!("Bearer {}", self.token).parse().unwrap(),
        );
        let mut updates = client.watch_resource(request).await.unwrap().into_inner();
        updates.next().await.unwrap().unwrap();
        updates
    }

    /// CPU time (user + system) the process has used, in clock ticks.
    fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        // utime and stime are fields 14 and 15 of /proc/PID/stat; the state (field 3) is first here.
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn sigterm_drains_live_streams_ends_them_with_shutting_down_and_exits_0() {
    let mut serve = Serve::start(&["--drain-period", "1500ms"], None);
    let mut updates = serve.watch().await;
    let signalled = Instant::now();
    serve.signal("TERM");
    let mut while_draining = 0;
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(8), updates.next())
            .await
            .expect("the live stream must end after the drain period")
        {
            Some(Ok(_)) => while_draining += 1,
            Some(Err(status)) => break status,
            None => panic!("ended without a status"),
        }
    };
    let at = signalled.elapsed();
    assert_eq!(
        (ended.code(), ended.message()),
        (Code::Unavailable, "shutting_down")
    );
    assert!(
        at >= Duration::from_millis(1300) && at < Duration::from_secs(4),
        "ended {at:?} after SIGTERM; drain period 1.5 s"
    );
    assert!(
        while_draining >= 5,
        "{while_draining} updates while draining"
    );
    let status = serve
        .exited_within(Duration::from_secs(5))
        .expect("serve exits once its streams are ended");
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn a_second_signal_exits_at_once_with_a_non_zero_code() {
    let mut serve = Serve::start(&["--drain-period", "60s"], None);
    let _updates = serve.watch().await;
    serve.signal("TERM");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        serve.exited_within(Duration::ZERO).is_none(),
        "still draining"
    );
    serve.signal("INT");
    let status = serve
        .exited_within(Duration::from_secs(2))
        .expect("a second signal exits at once");
    assert!(!status.success(), "{status:?}");
}

#[tokio::test]
async fn out_of_file_descriptors_the_accept_loop_backs_off_instead_of_spinning() {
    let dir = std::env::temp_dir().join(format!("sg-edge-fd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("serve.toml");
    std::fs::write(&config, "[server]\nhandshake_timeout = \"4s\"\n").unwrap();
    let serve = Serve::start(&["--config", config.to_str().unwrap()], Some(48));
    // Far more connections than descriptors: the rest wait in the backlog, and every accept
    // fails with EMFILE until a descriptor is freed.
    let mut held = Vec::new();
    for _ in 0..120 {
        held.push(tokio::net::TcpStream::connect(&serve.grpc).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let ticks_per_second = 100; // USER_HZ on Linux
    let before = serve.cpu_ticks();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let used = serve.cpu_ticks() - before;
    eprintln!("out of descriptors: {used} ticks of CPU in 1 s");
    assert!(
        used * 4 < ticks_per_second,
        "the server used {used} ticks of CPU in 1 s while out of descriptors"
    );
    drop(held);
    // Descriptors come back as the handshake timeout closes the idle connections.
    let started = Instant::now();
    loop {
        let attempt = tokio::time::timeout(Duration::from_secs(2), serve.watch_ok()).await;
        if matches!(attempt, Ok(true)) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the server serves again once descriptors are free"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = std::fs::remove_dir_all(dir);
    let metrics = serve.admin_get("/metrics").await;
    let errors = metrics
        .lines()
        .find_map(|l| l.strip_prefix("streamguard_edge_accept_errors_total "))
        .and_then(|v| v.trim().parse::<u64>().ok());
    assert!(
        errors.is_some_and(|n| n > 0),
        "accept errors counted: {errors:?}"
    );
}

impl Serve {
    async fn admin_get(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut tcp = tokio::net::TcpStream::connect(&self.admin).await.unwrap();
        tcp.write_all(format!("GET {path} HTTP/1.0\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut text = String::new();
        tcp.read_to_string(&mut text).await.unwrap();
        text
    }

    async fn watch_ok(&self) -> bool {
        let Ok(mut client) = McpStreamingClient::connect(format!("http://{}", self.grpc)).await
        else {
            return false;
        };
        let mut request = tonic::Request::new(WatchResourceRequest {
            uri: "mcp://users/dev/notes".into(),
            interval_ms: 100,
        });
        request.metadata_mut().insert(
            "authorization",
            format!("Bearer {}", self.token).parse().unwrap(),
        );
        match client.watch_resource(request).await {
            Ok(r) => matches!(r.into_inner().next().await, Some(Ok(_))),
            Err(_) => false,
        }
    }
}
