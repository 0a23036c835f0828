//! `cargo bench -p streamguard-gateway --bench gateway_overhead`: bidi echo through the gateway
//! vs. the same upstream direct, same client, interleaved rounds; and memory per idle proxied
//! stream. The gateway runs in a child process (this binary re-executed) so its CPU time and
//! RSS are its own, read from /proc. Prints a Markdown table.
//!
//! `SG_BENCH_ROUNDS` (5), `SG_BENCH_MESSAGES` (200000 per throughput run), `SG_BENCH_STREAMS` (8),
//! `SG_BENCH_INFLIGHT` (32 messages in flight per stream), `SG_BENCH_IDLE` (10000).

use std::net::SocketAddr;
use std::pin::Pin;
use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};
use streamguard_gateway::config::{GatewayConfig, MethodConfig, UpstreamConfig};
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_proto::mcp::v1::mcp_streaming_server::{McpStreaming, McpStreamingServer};
use streamguard_proto::mcp::v1::{
    CallToolRequest, CallToolResponse, ResourceUpdate, ToolCall, ToolCallEvent, ToolInputChunk,
    WatchResourceRequest,
};
use streamguard_server::tokens::{TokenSpec, mint_hs256};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tonic::{Request, Response, Status, Streaming};

const SECRET: &str = "gateway-bench-secret-0123456789abcdef-0123";
type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[derive(Clone)]
struct Echo;

#[tonic::async_trait]
impl McpStreaming for Echo {
    type CallToolWithProgressStream = Out<ToolCallEvent>;
    type StreamToolCallsStream = Out<ToolCallEvent>;
    type WatchResourceStream = Out<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        _: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        Err(Status::unimplemented("bench"))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let out = request.into_inner().map(|m| {
            m.map(|call| ToolCallEvent {
                request_id: call.request_id,
                event: None,
            })
        });
        Ok(Response::new(Box::pin(out)))
    }

    async fn upload_tool_input(
        &self,
        _: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        Err(Status::unimplemented("bench"))
    }

    /// One update, then silence until the call ends: an idle stream.
    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let first = ResourceUpdate {
            seq: 1,
            uri: request.into_inner().uri,
            unix_ms: 0,
            text: String::new(),
        };
        let out = futures::stream::once(async { Ok(first) }).chain(futures::stream::pending());
        Ok(Response::new(Box::pin(out)))
    }
}

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The child process: the gateway in front of the upstream named in `SG_BENCH_UPSTREAM`.
async fn gateway_child(upstream: String) {
    let mut c = GatewayConfig {
        listen: ([127, 0, 0, 1], 0).into(),
        admin_listen: ([127, 0, 0, 1], 0).into(),
        dev: true,
        dev_secret: Some(SECRET.into()),
        upstream: UpstreamConfig::new(upstream),
        ..GatewayConfig::default()
    };
    c.guard.max_streams_per_identity = 0;
    c.guard.messages_per_minute = 0;
    c.descriptors.encoded = Some(streamguard_proto::FILE_DESCRIPTOR_SET.to_vec());
    c.methods = vec![MethodConfig {
        method: "mcp.v1.McpStreaming/StreamToolCalls".into(),
        tool: Some("name".into()),
        request_id: Some("request_id".into()),
        deny_reply: Some(r#"{"request_id": "{request_id}"}"#.into()),
        scopes: [("echo".to_string(), "tools:echo".to_string())].into(),
        ..MethodConfig::default()
    }];
    let gw = streamguard_gateway::start(c).await.expect("gateway starts");
    println!("ready {}", gw.grpc_addr);
    // Until the parent closes stdin.
    let _ = tokio::task::spawn_blocking(|| std::io::stdin().read_line(&mut String::new())).await;
}

struct Child {
    proc: tokio::process::Child,
    addr: SocketAddr,
}

impl Child {
    fn proc_stat(&self) -> (Duration, u64) {
        let pid = self.proc.id().expect("child pid");
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let rss_kib = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        (Duration::from_millis(ticks * 10), rss_kib)
    }
}

async fn spawn_gateway(upstream: SocketAddr) -> Child {
    let mut proc = tokio::process::Command::new(std::env::current_exe().unwrap())
        .env("SG_BENCH_UPSTREAM", format!("http://{upstream}"))
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(proc.stdout.take().unwrap()).lines();
    let line = lines
        .next_line()
        .await
        .unwrap()
        .expect("gateway child ready");
    let addr = line.trim_start_matches("ready ").parse().unwrap();
    Child { proc, addr }
}

async fn channel(addr: SocketAddr) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap()
}

fn authed<T>(m: T, token: &str) -> Request<T> {
    let mut r = Request::new(m);
    r.metadata_mut()
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    r
}

fn call(i: usize) -> ToolCall {
    ToolCall {
        request_id: i.to_string(),
        name: "echo".into(),
        arguments: None,
        resource_uri: String::new(),
    }
}

/// `streams` bidi streams, each echoing its share of `messages` with up to 32 in flight.
async fn throughput(
    ch: &tonic::transport::Channel,
    token: &str,
    streams: usize,
    messages: usize,
) -> Duration {
    let window = env("SG_BENCH_INFLIGHT", 32);
    let t0 = Instant::now();
    let per = messages / streams;
    let mut tasks = Vec::new();
    for _ in 0..streams {
        let mut client = McpStreamingClient::new(ch.clone());
        let token = token.to_string();
        tasks.push(tokio::spawn(async move {
            let (tx, rx) = mpsc::channel(window);
            let mut inbound = client
                .stream_tool_calls(authed(ReceiverStream::new(rx), &token))
                .await
                .unwrap()
                .into_inner();
            let sender = tokio::spawn(async move {
                for i in 0..per {
                    if tx.send(call(i)).await.is_err() {
                        return;
                    }
                }
            });
            for _ in 0..per {
                inbound.next().await.unwrap().unwrap();
            }
            sender.await.unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    t0.elapsed()
}

/// Sequential round trips on one stream; returns each round trip.
async fn latency(ch: &tonic::transport::Channel, token: &str, n: usize) -> Vec<Duration> {
    let mut client = McpStreamingClient::new(ch.clone());
    let (tx, rx) = mpsc::channel(1);
    tx.send(call(0)).await.unwrap();
    let mut inbound = client
        .stream_tool_calls(authed(ReceiverStream::new(rx), token))
        .await
        .unwrap()
        .into_inner();
    inbound.next().await.unwrap().unwrap();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = Instant::now();
        tx.send(call(i)).await.unwrap();
        inbound.next().await.unwrap().unwrap();
        out.push(t.elapsed());
    }
    out
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e6
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

async fn bench() {
    let rounds = env("SG_BENCH_ROUNDS", 5);
    let messages = env("SG_BENCH_MESSAGES", 200_000);
    let streams = env("SG_BENCH_STREAMS", 8);
    let idle = env("SG_BENCH_IDLE", 10_000);

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let upstream = listener.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(McpStreamingServer::new(Echo))
            .serve_with_incoming(TcpListenerStream::new(listener)),
    );
    let gw = spawn_gateway(upstream).await;
    let mut spec = TokenSpec::new("bench", "tools:echo files:read", Duration::from_secs(3600));
    spec.jti = Some("bench".into());
    let token = mint_hs256(SECRET, &spec).unwrap();
    let (direct, through) = (channel(upstream).await, channel(gw.addr).await);

    // Warm up both paths.
    throughput(&direct, &token, streams, messages / 4).await;
    throughput(&through, &token, streams, messages / 4).await;

    let (mut ratios, mut direct_rate, mut gw_rate, mut cpu_per_msg) =
        (vec![], vec![], vec![], vec![]);
    let (mut lat_direct, mut lat_gw) = (vec![], vec![]);
    for round in 0..rounds {
        // Alternate which path goes first.
        let order = if round % 2 == 0 {
            [false, true]
        } else {
            [true, false]
        };
        let mut rate = [0.0; 2];
        for via_gateway in order {
            let ch = if via_gateway { &through } else { &direct };
            let (cpu0, _) = gw.proc_stat();
            let took = throughput(ch, &token, streams, messages).await;
            let (cpu1, _) = gw.proc_stat();
            rate[via_gateway as usize] = (messages / streams * streams) as f64 / took.as_secs_f64();
            if via_gateway {
                cpu_per_msg.push((cpu1 - cpu0).as_secs_f64() * 1e6 / messages as f64);
            }
        }
        direct_rate.push(rate[0]);
        gw_rate.push(rate[1]);
        ratios.push(rate[1] / rate[0]);
        for via_gateway in order {
            let ch = if via_gateway { &through } else { &direct };
            let l = latency(ch, &token, 2000).await;
            if via_gateway {
                lat_gw.extend(l)
            } else {
                lat_direct.extend(l)
            }
        }
    }
    lat_direct.sort();
    lat_gw.sort();

    // Memory per idle proxied stream.
    let (_, rss_before) = gw.proc_stat();
    let mut open = Vec::with_capacity(idle);
    let chans = [
        channel(gw.addr).await,
        channel(gw.addr).await,
        channel(gw.addr).await,
        channel(gw.addr).await,
    ];
    let mut pending = Vec::new();
    for i in 0..idle {
        let mut client = McpStreamingClient::new(chans[i % chans.len()].clone());
        let req = authed(
            WatchResourceRequest {
                uri: format!("mcp://users/bench/{i}"),
                interval_ms: 3_600_000,
            },
            &token,
        );
        pending.push(tokio::spawn(async move {
            let mut s = client.watch_resource(req).await.unwrap().into_inner();
            s.next().await.unwrap().unwrap();
            s
        }));
        if pending.len() == 500 {
            for p in pending.drain(..) {
                open.push(p.await.unwrap());
            }
        }
    }
    for p in pending {
        open.push(p.await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (_, rss_after) = gw.proc_stat();
    let per_stream_kib = (rss_after.saturating_sub(rss_before)) as f64 / idle as f64;
    drop(open);

    let r = median(ratios.clone());
    println!(
        "\n`cargo bench -p streamguard-gateway --bench gateway_overhead` — {rounds} interleaved rounds; throughput: {streams} bidi streams × {} `StreamToolCalls` echo messages, {} in flight per stream; latency: 2 000 sequential round trips per round on one stream. Gateway in its own process with per-message authorization on (`tool`, `request_id`, scopes), every guard control on.\n",
        messages / streams,
        env("SG_BENCH_INFLIGHT", 32)
    );
    println!("| measurement | direct | through the gateway |");
    println!("|---|---:|---:|");
    println!(
        "| throughput, msg/s (median of rounds) | {:.0} | {:.0} |",
        median(direct_rate),
        median(gw_rate)
    );
    println!(
        "| throughput ratio gateway ÷ direct (median of per-round ratios; goal ≥ 0.6) | | **{r:.2}** ({}) |",
        if r >= 0.6 { "met" } else { "NOT met" }
    );
    println!(
        "| round trip p50, µs | {:.0} | {:.0} (+{:.0}) |",
        pct(&lat_direct, 0.5),
        pct(&lat_gw, 0.5),
        pct(&lat_gw, 0.5) - pct(&lat_direct, 0.5)
    );
    println!(
        "| round trip p99, µs | {:.0} | {:.0} (+{:.0}) |",
        pct(&lat_direct, 0.99),
        pct(&lat_gw, 0.99),
        pct(&lat_gw, 0.99) - pct(&lat_direct, 0.99)
    );
    println!(
        "| gateway CPU per echoed message (request + response), µs (median) | | {:.1} |",
        median(cpu_per_msg)
    );
    println!(
        "| gateway RSS per idle proxied stream at {idle} streams, KiB | | {per_stream_kib:.1} |"
    );
    println!(
        "\nper-round ratios: {:?}",
        ratios.iter().map(|r| format!("{r:.2}")).collect::<Vec<_>>()
    );
    println!("gateway RSS before {rss_before} KiB, with {idle} idle streams {rss_after} KiB");
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    match std::env::var("SG_BENCH_UPSTREAM") {
        Ok(upstream) => rt.block_on(gateway_child(upstream)),
        Err(_) => rt.block_on(bench()),
    }
}
