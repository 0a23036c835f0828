//! A non-Rust upstream: a small @grpc/grpc-js server (`tests/upstreams/node`, its own proto, no
//! auth of its own) protected by the gateway, configured from TOML as a user would. Needs
//! `npm ci` in that folder (`.ci/run` does it); fails loudly without it.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{SECRET, authed, token};
use futures::StreamExt;
use http::uri::PathAndQuery;
use serde_json::Value;
use streamguard_gateway::{GatewayConfig, RunningGateway};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Code, Status, Streaming};

const UPSTREAM_KEY: &str = "node-upstream-signing-key-0123456789abcdef";

#[derive(Clone, PartialEq, prost::Message)]
struct Command {
    #[prost(string, tag = "1")]
    id: String,
    #[prost(string, tag = "2")]
    tool: String,
    #[prost(string, tag = "3")]
    target: String,
}

#[derive(Clone, PartialEq, prost::Message)]
struct Event {
    #[prost(string, tag = "1")]
    id: String,
    #[prost(string, tag = "2")]
    outcome: String,
    #[prost(string, tag = "3")]
    tool: String,
    #[prost(string, tag = "4")]
    sub: String,
    #[prost(bool, tag = "5")]
    verified: bool,
}

#[derive(Clone, PartialEq, prost::Message)]
struct TailRequest {
    #[prost(string, tag = "1")]
    topic: String,
    #[prost(uint32, tag = "2")]
    period_ms: u32,
}

#[derive(Clone, PartialEq, prost::Message)]
struct Line {
    #[prost(uint64, tag = "1")]
    seq: u64,
    #[prost(string, tag = "2")]
    topic: String,
}

#[derive(Clone, PartialEq, prost::Message)]
struct InspectRequest {}

#[derive(Clone, PartialEq, prost::Message)]
struct InspectReply {
    #[prost(string, tag = "1")]
    json: String,
}

fn node_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/upstreams/node")
}

/// The Node server as a child process; killed when dropped.
struct Node {
    child: tokio::process::Child,
    port: u16,
}

impl Node {
    async fn start(port: u16) -> Node {
        let dir = node_dir();
        assert!(
            dir.join("node_modules/@grpc/grpc-js").is_dir(),
            "the Node test upstream is not installed: run `npm ci` in {} (.ci/run does)",
            dir.display()
        );
        let mut child = tokio::process::Command::new("node")
            .arg("server.js")
            .arg(port.to_string())
            .current_dir(&dir)
            .env("UPSTREAM_KEY", UPSTREAM_KEY)
            .stdout(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("node (v20) is installed");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let line = tokio::time::timeout(Duration::from_secs(10), lines.next_line())
            .await
            .expect("node server starts within 10 s")
            .unwrap()
            .expect("node server prints its port");
        let port = line
            .trim_start_matches("listening ")
            .parse()
            .expect("a port");
        Node { child, port }
    }

    async fn channel(&self) -> tonic::transport::Channel {
        common::connect(([127, 0, 0, 1], self.port).into()).await
    }

    /// What reached the server, asked of it directly (not through the gateway).
    async fn inspect(&self) -> Value {
        let mut grpc = tonic::client::Grpc::new(self.channel().await);
        grpc.ready().await.unwrap();
        let reply: InspectReply = grpc
            .unary(
                tonic::Request::new(InspectRequest {}),
                PathAndQuery::from_static("/toolbox.v1.Toolbox/Inspect"),
                tonic_prost::ProstCodec::default(),
            )
            .await
            .unwrap()
            .into_inner();
        serde_json::from_str(&reply.json).unwrap()
    }
}

/// The README's grpc-js config, with test ports and secrets.
fn gateway_toml(node_port: u16, lifetime: &str) -> String {
    format!(
        r#"
listen = "127.0.0.1:0"
admin_listen = "127.0.0.1:0"
admin_token = "test-admin-token-0123456789abcdef"
upstream = "http://127.0.0.1:{node_port}"
upstream_keepalive = "1s"

[upstream_identity]
signing_key = "{UPSTREAM_KEY}"

[auth]
issuer = "streamguard-dev"
audience = "streamguard"
[[auth.keys]]
algorithm = "HS256"
secret = "{SECRET}"

[limits]
messages_per_minute = 30
burst = 5
max_stream_lifetime = "{lifetime}"

[policy]
on_deny = "reply"

[descriptors]
source = "proto"
proto_files = ["toolbox.proto"]

[[methods]]
method = "toolbox.v1.Toolbox/Session"
tool = "tool"
resource = "target"
resource_owner = "res-{{sub}}-*"
request_id = "id"
deny_reply = '{{"id": "{{request_id}}", "outcome": "DENIED", "tool": "{{reason}}"}}'
[methods.scopes]
ping = "tools:ping"
wipe = "admin"
"#
    )
}

struct Setup {
    node: Node,
    gateway: RunningGateway,
    channel: tonic::transport::Channel,
}

async fn setup(lifetime: &str) -> Setup {
    let node = Node::start(0).await;
    let config = GatewayConfig::from_toml(&gateway_toml(node.port, lifetime), &node_dir()).unwrap();
    let gateway = streamguard_gateway::start(config)
        .await
        .expect("gateway starts");
    let channel = common::connect(gateway.grpc_addr).await;
    Setup {
        node,
        gateway,
        channel,
    }
}

async fn tail(
    channel: &tonic::transport::Channel,
    tok: &str,
    topic: &str,
    timeout: Option<Duration>,
) -> Result<Streaming<Line>, Status> {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready()
        .await
        .map_err(|e| Status::unknown(e.to_string()))?;
    let mut req = authed(
        TailRequest {
            topic: topic.into(),
            period_ms: 20,
        },
        tok,
    );
    if let Some(t) = timeout {
        req.set_timeout(t);
    }
    grpc.server_streaming(
        req,
        PathAndQuery::from_static("/toolbox.v1.Toolbox/Tail"),
        tonic_prost::ProstCodec::default(),
    )
    .await
    .map(|r| r.into_inner())
}

async fn until_end(mut s: Streaming<Line>) -> (Status, Instant, usize) {
    let mut n = 0;
    loop {
        match s.next().await {
            Some(Ok(_)) => n += 1,
            Some(Err(e)) => return (e, Instant::now(), n),
            None => return (Status::ok(""), Instant::now(), n),
        }
    }
}

struct Session {
    tx: mpsc::Sender<Command>,
    rx: Streaming<Event>,
}

impl Session {
    /// Opens a session with its first command queued: grpc-js sends response headers only
    /// with the first response.
    async fn open(
        channel: &tonic::transport::Channel,
        tok: &str,
        first: (&str, &str, &str),
    ) -> Result<(Session, Result<Event, Status>), Status> {
        let (tx, rx) = mpsc::channel(64);
        let (id, tool, target) = first;
        tx.send(Command {
            id: id.into(),
            tool: tool.into(),
            target: target.into(),
        })
        .await
        .unwrap();
        let mut grpc = tonic::client::Grpc::new(channel.clone());
        grpc.ready()
            .await
            .map_err(|e| Status::unknown(e.to_string()))?;
        let rx = grpc
            .streaming(
                authed(ReceiverStream::new(rx), tok),
                PathAndQuery::from_static("/toolbox.v1.Toolbox/Session"),
                tonic_prost::ProstCodec::default(),
            )
            .await?
            .into_inner();
        let mut session = Session { tx, rx };
        let answer = session.answer().await;
        Ok((session, answer))
    }

    async fn answer(&mut self) -> Result<Event, Status> {
        match tokio::time::timeout(Duration::from_secs(5), self.rx.next()).await {
            Ok(Some(r)) => r,
            Ok(None) => Err(Status::unknown("stream ended")),
            Err(_) => panic!("no answer within 5 s"),
        }
    }

    async fn call(&mut self, id: &str, tool: &str, target: &str) -> Result<Event, Status> {
        let cmd = Command {
            id: id.into(),
            tool: tool.into(),
            target: target.into(),
        };
        if self.tx.send(cmd).await.is_err() {
            return Err(Status::unknown("stream closed"));
        }
        self.answer().await
    }
}

fn cancelled_topics(state: &Value) -> Vec<(String, f64)> {
    state["cancelled"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["at"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn unix_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as f64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_and_revocation_end_the_node_servers_streams_and_its_handlers_see_the_cancel() {
    let s = setup("30m").await;
    let (short, _) = token("erin", "tools:ping", Duration::from_secs(2));
    let (long, jti) = token("fred", "tools:ping", Duration::from_secs(60));
    let expiring = tokio::spawn(until_end(
        tail(&s.channel, &short, "expiry", None).await.unwrap(),
    ));
    let revoked = tokio::spawn(until_end(
        tail(&s.channel, &long, "revocation", None).await.unwrap(),
    ));
    tokio::time::sleep(Duration::from_millis(600)).await;
    let t_revoke = Instant::now();
    assert_eq!(
        common::revoke(&s.gateway, serde_json::json!({"jti": jti})).await,
        200
    );
    let (e, at, n) = revoked.await.unwrap();
    assert_eq!(
        (e.code(), e.message()),
        (Code::PermissionDenied, "token_revoked")
    );
    assert!(at - t_revoke < Duration::from_millis(500) && n > 0);
    let (e, end, _) = expiring.await.unwrap();
    assert_eq!(
        (e.code(), e.message()),
        (Code::Unauthenticated, "token_expired")
    );
    let ended_ms = unix_ms() - end.elapsed().as_millis() as f64;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let state = s.node.inspect().await;
    let cancelled = cancelled_topics(&state);
    let expiry = cancelled
        .iter()
        .find(|(t, _)| t == "expiry")
        .expect("the expiry handler saw its call cancelled");
    assert!(
        expiry.1 - ended_ms < 1000.0,
        "cancelled {} ms after the client saw the end",
        expiry.1 - ended_ms
    );
    assert!(cancelled.iter().any(|(t, _)| t == "revocation"), "{state}");
    assert_eq!(state["active"], 0, "{state}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forbidden_tool_on_the_node_bidi_is_denied_while_later_allowed_ones_go_through() {
    let s = setup("30m").await;
    let (tok, _) = token("carol", "tools:ping", Duration::from_secs(60));
    let (mut session, e1) = Session::open(&s.channel, &tok, ("c1", "ping", "res-carol-1"))
        .await
        .unwrap();
    let e1 = e1.unwrap();
    assert_eq!((e1.id.as_str(), e1.outcome.as_str()), ("c1", "ok"));
    assert_eq!(
        (e1.sub.as_str(), e1.verified),
        ("carol", true),
        "the server verified the gateway's signature"
    );
    let e2 = session.call("c2", "wipe", "res-carol-1").await.unwrap();
    assert_eq!(
        (e2.id.as_str(), e2.outcome.as_str(), e2.tool.as_str()),
        ("c2", "DENIED", "insufficient_scope")
    );
    let e3 = session.call("c3", "ping", "res-dave-1").await.unwrap();
    assert_eq!(
        (e3.id.as_str(), e3.outcome.as_str(), e3.tool.as_str()),
        ("c3", "DENIED", "resource_not_owned")
    );
    let e4 = session.call("c4", "ping", "").await.unwrap();
    assert_eq!((e4.id.as_str(), e4.outcome.as_str()), ("c4", "ok"));
    let state = s.node.inspect().await;
    assert_eq!(
        state["tools"],
        serde_json::json!(["ping", "ping"]),
        "the denied ones never reached it"
    );
    assert!(
        state["metadata"][0].get("authorization").is_none(),
        "no token passthrough: {}",
        state["metadata"][0]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnecting_to_the_node_server_does_not_reset_the_identity_limit() {
    let s = setup("30m").await;
    let (tok, _) = token("dave", "tools:ping", Duration::from_secs(60));
    let (mut first, e) = Session::open(&s.channel, &tok, ("c", "ping", ""))
        .await
        .unwrap();
    e.unwrap();
    let mut ok = 1;
    let end = loop {
        match first.call("c", "ping", "").await {
            Ok(_) => ok += 1,
            Err(e) => break e,
        }
    };
    assert_eq!(end.code(), Code::ResourceExhausted);
    assert!((4..=6).contains(&ok), "{ok} answered before the limit");
    let again = match Session::open(&s.channel, &tok, ("c", "ping", "")).await {
        Ok((_, answer)) => answer.map(|_| ()),
        Err(e) => Err(e),
    };
    assert_eq!(
        again.unwrap_err().code(),
        Code::ResourceExhausted,
        "a new stream does not reset the limit"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lifetime_ends_node_streams_and_the_callers_deadline_reaches_the_node_server() {
    let s = setup("2s").await;
    let (tok, _) = token("erin", "tools:ping", Duration::from_secs(60));
    let t0 = Instant::now();
    let (e, end, _) = until_end(tail(&s.channel, &tok, "lifetime", None).await.unwrap()).await;
    assert_eq!(
        (e.code(), e.message()),
        (Code::Unavailable, "max_stream_lifetime")
    );
    assert!((end - t0) < Duration::from_millis(3000), "{:?}", end - t0);

    let (e, _, _) = until_end(
        tail(&s.channel, &tok, "deadline", Some(Duration::from_secs(1)))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(e.code(), Code::DeadlineExceeded);
    let state = s.node.inspect().await;
    let seen = state["deadlines"][1]
        .as_f64()
        .expect("the node server saw a deadline");
    assert!(
        seen <= 1000.0 && seen > 500.0,
        "the node server saw {seen} ms of a 1 s deadline"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_node_upstream_ends_streams_unavailable_and_a_restarted_one_serves_again() {
    let mut s = setup("30m").await;
    let (tok, _) = token("gina", "tools:ping", Duration::from_secs(60));
    let live = tail(&s.channel, &tok, "doomed", None).await.unwrap();
    let ended = tokio::spawn(until_end(live));
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.node.child.start_kill().unwrap();
    let _ = s.node.child.wait().await;
    let (e, _, n) = tokio::time::timeout(Duration::from_secs(5), ended)
        .await
        .expect("ended")
        .unwrap();
    assert!(n > 0);
    assert_eq!(e.code(), Code::Unavailable, "{e:?}");
    assert!(
        e.message()
            .contains(&format!("upstream http://127.0.0.1:{}", s.node.port)),
        "{}",
        e.message()
    );

    // Same port, new process: the gateway reconnects for the next stream.
    s.node = Node::start(s.node.port).await;
    let mut fresh = tail(&s.channel, &tok, "fresh", None).await.unwrap();
    assert!(fresh.next().await.unwrap().is_ok());
    drop(fresh);
    common::eventually(Duration::from_secs(2), || {
        (s.gateway.guard.metrics().live().streams == 0).then_some(())
    })
    .await
    .expect("no session left");
}
