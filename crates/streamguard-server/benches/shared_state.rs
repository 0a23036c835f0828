//! Shared state through Redis (issue 11), against a real `redis-server` on loopback:
//!
//! 1. **Cross-instance revocation**: instance B holds `SG_BENCH_STREAMS` (default 250) live
//!    `WatchResource` streams, each with its own `jti`; one at a time, each is revoked on
//!    instance A (`RevocationFeed::revoke`, what `POST /v1/revocations` calls) and the time until
//!    its stream on B ends `token_revoked` is taken at the client. p50/p99/max.
//! 2. **Per-message cost of the shared limiter**: bidi `StreamToolCalls` echo round trips, one
//!    message in flight per stream, 16 streams (one identity each) over 4 connections, behind a
//!    guard whose limiter is in memory, or in Redis with leases (`rate_lease` 10 and 100), or in
//!    Redis without (`rate_lease = 0`: a round trip per message). Interleaved rounds; the
//!    throughput ratio to in-memory is the median of per-round ratios.
//! 3. The limiter alone: `StreamAllowance::admit` in a loop on one stream (awaiting when a lease
//!    must be taken), to show what the leases cost without gRPC around them.
//!
//! `cargo bench -p streamguard-server --bench shared_state` (about 40 s). `SG_BENCH_ROUNDS`
//! (default 5), `SG_BENCH_MS` (per variant per round, default 1000). Prints a Markdown section
//! for BENCHMARKS.md. Talks only to 127.0.0.1.

mod common;

use std::time::{Duration, Instant};

use common::{authenticator, bearer, percentile, sorted, token};
use futures::StreamExt;
use prost_types::{Struct, Value, value::Kind};
use streamguard::limiter::Admission;
use streamguard::revocation::Revocation;
use streamguard::{Guard, GuardConfig};
use streamguard_proto::mcp::v1::{
    ToolCall, WatchResourceRequest, mcp_streaming_client::McpStreamingClient,
};
use streamguard_server::state::{StateConfig, build_guard};
use streamguard_testkit::RedisServer;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

const SECRET: &str = common::SECRET;
/// Limits no variant reaches (so GCRA runs on every message and never refuses); in Redis the
/// interval rounds up to 1 µs, still above what a loop on this machine admits.
const MESSAGES_PER_MINUTE: u32 = u32::MAX;
const BURST: u32 = u32::MAX;
const CONNECTIONS: usize = 4;
const STREAMS: usize = 16;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn guard_on(redis: Option<&RedisServer>, rate_lease: u32, max_streams: u32) -> Guard {
    let config = GuardConfig {
        messages_per_minute: MESSAGES_PER_MINUTE,
        burst: BURST,
        max_streams_per_identity: max_streams,
        ..GuardConfig::default()
    };
    let mut state = StateConfig::default();
    if let Some(r) = redis {
        state.use_redis(&r.url());
        if let Some(c) = &mut state.redis {
            c.rate_lease = rate_lease;
        }
    }
    build_guard(config, authenticator(), Default::default(), &state)
        .await
        .expect("guard")
}

async fn revocation_latency(redis: &RedisServer, streams: usize) -> Vec<f64> {
    let a = guard_on(Some(redis), 10, 0).await;
    let b = guard_on(Some(redis), 10, 0).await;
    let b_addr = common::serve_bench(Some(b.clone())).await;
    let channel = common::channel(b_addr).await;
    let mut live = Vec::with_capacity(streams);
    for i in 0..streams {
        let jti = format!("bench-jti-{i}-{}", uuid::Uuid::new_v4());
        let sub = format!("w{i}");
        let tok = token(
            SECRET,
            &sub,
            "files:read",
            Duration::from_secs(3600),
            Some(jti.clone()),
        );
        let mut client = McpStreamingClient::new(channel.clone());
        let req = WatchResourceRequest {
            uri: format!("mcp://users/{sub}/notes"),
            interval_ms: 5_000,
        };
        let mut s = client
            .watch_resource(bearer(req, &tok))
            .await
            .expect("watch opens")
            .into_inner();
        // The first update proves the stream is open on B.
        s.next().await.expect("update").expect("update");
        live.push((jti, s));
    }
    let mut lags = Vec::with_capacity(streams);
    for (jti, mut s) in live {
        let ended = tokio::spawn(async move {
            loop {
                match s.next().await {
                    Some(Ok(_)) => continue,
                    Some(Err(status)) => return (status, Instant::now()),
                    None => panic!("ended without a status"),
                }
            }
        });
        let posted = Instant::now();
        a.revocations().revoke(Revocation::Jti(jti)).await;
        let (status, at) = tokio::time::timeout(Duration::from_secs(5), ended)
            .await
            .expect("the stream on B ends")
            .expect("reader");
        assert_eq!(status.message(), "token_revoked");
        lags.push((at - posted).as_secs_f64() * 1000.0);
    }
    lags
}

fn call(i: u64) -> ToolCall {
    let mut args = Struct::default();
    args.fields.insert(
        "text".into(),
        Value {
            kind: Some(Kind::StringValue("x".into())),
        },
    );
    ToolCall {
        request_id: i.to_string(),
        name: "echo".into(),
        arguments: Some(args),
        resource_uri: String::new(),
    }
}

/// Echo round trips per second over [`STREAMS`] streams for `measure`.
async fn round_trips(addr: std::net::SocketAddr, measure: Duration) -> f64 {
    let mut channels = Vec::new();
    for _ in 0..CONNECTIONS {
        channels.push(common::channel(addr).await);
    }
    let start = Instant::now() + Duration::from_millis(200);
    let end = start + measure;
    let mut tasks = Vec::new();
    for i in 0..STREAMS {
        let channel = channels[i % CONNECTIONS].clone();
        let tok = token(
            SECRET,
            &format!("rt{i}-{}", uuid::Uuid::new_v4()),
            "tools:echo",
            Duration::from_secs(3600),
            None,
        );
        tasks.push(tokio::spawn(async move {
            let (tx, rx) = mpsc::channel(4);
            let mut client = McpStreamingClient::new(channel);
            let mut events = client
                .stream_tool_calls(bearer(ReceiverStream::new(rx), &tok))
                .await
                .expect("bidi opens")
                .into_inner();
            let mut n = 0u64;
            let mut counted = 0u64;
            loop {
                let now = Instant::now();
                if now >= end {
                    return counted;
                }
                tx.send(call(n)).await.expect("send");
                events.next().await.expect("event").expect("echo");
                n += 1;
                if now >= start {
                    counted += 1;
                }
            }
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.expect("stream task");
    }
    total as f64 / measure.as_secs_f64()
}

/// `StreamAllowance::admit` per second on one stream for `measure`.
async fn admits(guard: &Guard, measure: Duration) -> f64 {
    let identity: std::sync::Arc<str> = std::sync::Arc::from(uuid::Uuid::new_v4().to_string());
    let allowance = guard
        .limiter()
        .open_stream(&identity)
        .await
        .expect("a slot");
    let end = Instant::now() + measure;
    let mut n = 0u64;
    while Instant::now() < end {
        for _ in 0..64 {
            match allowance.admit() {
                Admission::Admitted => {}
                Admission::Refused(_) => panic!("refused under a generous limit"),
                Admission::Pending(wait) => wait.await.expect("admitted"),
            }
        }
        n += 64;
    }
    n as f64 / measure.as_secs_f64()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let rounds = env_u64("SG_BENCH_ROUNDS", 5) as usize;
    let measure = Duration::from_millis(env_u64("SG_BENCH_MS", 1000));
    let streams = env_u64("SG_BENCH_STREAMS", 250) as usize;
    let redis = RedisServer::start().await;

    let lags = sorted(revocation_latency(&redis, streams).await);

    let variants: [(&str, Option<u32>); 4] = [
        ("in memory", None),
        ("redis, rate_lease = 100", Some(100)),
        ("redis, rate_lease = 10 (default)", Some(10)),
        ("redis, rate_lease = 0 (a round trip per message)", Some(0)),
    ];
    let mut addrs = Vec::new();
    let mut guards = Vec::new();
    for (_, lease) in &variants {
        let g = guard_on(lease.map(|_| &redis), lease.unwrap_or(0), 0).await;
        addrs.push(common::serve_bench(Some(g.clone())).await);
        guards.push(g);
    }
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    let mut raw: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    for round in 0..rounds {
        for k in 0..variants.len() {
            let v = (k + round) % variants.len();
            rates[v].push(round_trips(addrs[v], measure).await);
            raw[v].push(admits(&guards[v], measure / 2).await);
        }
    }

    println!("## Shared state through Redis (issue 11)\n");
    println!("Machine: {}\n", common::machine());
    println!(
        "### Revocation posted on A → stream on B ends ({} streams, each its own jti)\n",
        lags.len()
    );
    println!("| p50 ms | p99 ms | max ms |\n|---:|---:|---:|");
    println!(
        "| {:.2} | {:.2} | {:.2} |\n",
        percentile(&lags, 50.0),
        percentile(&lags, 99.0),
        lags.last().copied().unwrap_or(0.0)
    );
    println!(
        "### Per-message cost of the limiter ({STREAMS} bidi streams, 4 connections, {rounds} rounds × {} ms)\n",
        measure.as_millis()
    );
    println!(
        "| limiter | echo round trips/s (median) | ratio to in memory | limiter alone, admits/s (median) |"
    );
    println!("|---|---:|---:|---:|");
    let median = |v: &[f64]| percentile(&sorted(v.to_vec()), 50.0);
    for (k, (name, _)) in variants.iter().enumerate() {
        let ratios: Vec<f64> = rates[k]
            .iter()
            .zip(&rates[0])
            .map(|(r, base)| r / base)
            .collect();
        println!(
            "| {name} | {:.0} | {:.3} | {:.0} |",
            median(&rates[k]),
            median(&ratios),
            median(&raw[k])
        );
    }
}
