//! Guard overhead (issue 3): bidi round trips of small messages on `StreamToolCalls`, one
//! message in flight per stream, several streams at once, unguarded vs guarded in one run.
//!
//! `cargo bench -p streamguard-server --bench guard_overhead` (release build; about 45 s).
//! Prints a Markdown section for BENCHMARKS.md. Talks only to 127.0.0.1.
//!
//! Variants, measured in interleaved rounds (order rotated each round):
//! * `unguarded`: plain tonic serving the bench's echo handler, no layer.
//! * `guarded`: the same handler behind `StreamGuardLayer`, every control on, wrapping its
//!   inbound with `authorize_inbound_with` and running on `session.spawn` — the headline
//!   comparison. The message limit is on but generous (60M/min, burst 1M) so GCRA runs on every
//!   message without ever refusing.
//! * `reference`: `streamguard_server::start` (the reference server, same limits): each `echo`
//!   goes to its downstream backend over loopback gRPC, so it is not comparable to the echo
//!   handler; reported separately.
//!
//! `SG_BENCH_ROUNDS` (default 5), `SG_BENCH_MS` (measured milliseconds per variant per round,
//! default 1000), `SG_BENCH_STREAMS` (comma-separated stream counts, default `16,128`; over 4
//! connections, one identity per stream).

mod common;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::{bearer, percentile, sorted, token};
use prost_types::{Struct, Value, value::Kind};
use streamguard_proto::mcp::v1::{
    ToolCall, mcp_streaming_client::McpStreamingClient, tool_call_event::Event,
};
use streamguard_server::ServeConfig;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

const CONNECTIONS: usize = 4;
const WARMUP: Duration = Duration::from_millis(300);
const MESSAGES_PER_MINUTE: u32 = 60_000_000;
const BURST: u32 = 1_000_000;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// CPU time (user + system) of this whole process, in seconds.
fn process_cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')').expect("comm") + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = f[11].parse::<u64>().unwrap_or(0) + f[12].parse::<u64>().unwrap_or(0);
    ticks as f64 / 100.0 // CLK_TCK is 100 on Linux
}

#[derive(Default)]
struct Phase {
    messages: u64,
    secs: f64,
    cpu_secs: f64,
    latencies_us: Vec<f64>,
}

fn call(i: usize) -> ToolCall {
    let mut fields = BTreeMap::new();
    fields.insert(
        "text".to_string(),
        Value {
            kind: Some(Kind::StringValue("hello".into())),
        },
    );
    ToolCall {
        request_id: format!("r{i}"),
        name: "echo".into(),
        arguments: Some(Struct { fields }),
        resource_uri: String::new(),
    }
}

/// Runs `streams` bidi streams against `addr` for the warm-up plus `measure`, one message in
/// flight per stream; counts round trips started inside the measured window.
async fn phase(addr: SocketAddr, tokens: &[String], streams: usize, measure: Duration) -> Phase {
    let mut clients = Vec::new();
    for _ in 0..CONNECTIONS {
        clients.push(McpStreamingClient::new(common::channel(addr).await));
    }
    let measure_from = Instant::now() + WARMUP;
    let until = measure_from + measure;
    let mut tasks = Vec::new();
    for i in 0..streams {
        let mut client = clients[i % CONNECTIONS].clone();
        let token = tokens[i % tokens.len()].clone();
        tasks.push(tokio::spawn(async move {
            let (tx, rx) = mpsc::channel(1);
            let mut events = client
                .stream_tool_calls(bearer(ReceiverStream::new(rx), &token))
                .await
                .expect("stream opens")
                .into_inner();
            let message = call(i);
            let mut latencies = Vec::new();
            loop {
                let t0 = Instant::now();
                if t0 >= until {
                    break;
                }
                tx.send(message.clone()).await.expect("send");
                let event = events
                    .message()
                    .await
                    .expect("stream stays up")
                    .expect("one event per call");
                assert!(
                    matches!(event.event, Some(Event::Result(ref r)) if !r.is_error),
                    "echo answered with a result: {event:?}"
                );
                if t0 >= measure_from {
                    latencies.push(t0.elapsed().as_secs_f64() * 1e6);
                }
            }
            drop(tx);
            while let Ok(Some(_)) = events.message().await {}
            latencies
        }));
    }
    tokio::time::sleep_until(measure_from.into()).await;
    let cpu0 = process_cpu_secs();
    let mut out = Phase::default();
    for t in tasks {
        out.latencies_us.extend(t.await.expect("stream task"));
    }
    out.cpu_secs = process_cpu_secs() - cpu0;
    out.secs = (Instant::now().min(until + Duration::from_millis(50)) - measure_from)
        .as_secs_f64()
        .max(measure.as_secs_f64());
    out.messages = out.latencies_us.len() as u64;
    out
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(run());
}

const VARIANTS: [&str; 3] = ["unguarded", "guarded", "reference"];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

struct Summary {
    streams: usize,
    ratio_of_medians: f64,
    median_paired: f64,
    paired: String,
    cpu_unguarded: f64,
    cpu_guarded: f64,
    reference_ratio: f64,
}

fn rate(p: &Phase) -> f64 {
    p.messages as f64 / p.secs
}

async fn run() {
    let rounds = env_u64("SG_BENCH_ROUNDS", 5) as usize;
    let measure = Duration::from_millis(env_u64("SG_BENCH_MS", 1000));
    let configs: Vec<usize> = std::env::var("SG_BENCH_STREAMS")
        .unwrap_or_else(|_| "16,128".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let started = Instant::now();

    let unguarded = common::serve_bench(None).await;
    let guarded = common::serve_bench(Some(common::guard(MESSAGES_PER_MINUTE, BURST, 32))).await;
    let reference = streamguard_server::start(ServeConfig {
        messages_per_minute: MESSAGES_PER_MINUTE,
        burst: BURST,
        ..ServeConfig::dev()
    })
    .await
    .expect("reference server starts");
    // One identity per stream (an agent each), long-lived tokens.
    let most = configs.iter().copied().max().unwrap_or(1);
    let ttl = Duration::from_secs(3600);
    let mint = |secret: &str| -> Vec<String> {
        (0..most)
            .map(|i| token(secret, &format!("agent{i}"), "tools:echo", ttl, None))
            .collect()
    };
    let bench_tokens = mint(common::SECRET);
    let targets = [
        (unguarded, bench_tokens.clone()),
        (guarded, bench_tokens),
        (reference.grpc_addr, mint(&reference.dev_secret)),
    ];

    // results[config][variant] = one Phase per round
    let mut results: Vec<Vec<Vec<Phase>>> = Vec::new();
    for &streams in &configs {
        let mut per_variant: Vec<Vec<Phase>> = (0..VARIANTS.len()).map(|_| Vec::new()).collect();
        for round in 0..rounds {
            for k in 0..VARIANTS.len() {
                let v = (k + round) % VARIANTS.len();
                let (addr, tokens) = &targets[v];
                let p = phase(*addr, tokens, streams, measure).await;
                eprintln!(
                    "{streams:>4} streams, round {round}, {:>9}: {:>8.0} msg/s",
                    VARIANTS[v],
                    rate(&p)
                );
                per_variant[v].push(p);
            }
        }
        results.push(per_variant);
    }
    let denied: u64 = streamguard::Reason::ALL
        .iter()
        .map(|r| reference.guard.metrics().denied_messages(*r))
        .sum();
    // The embedded backend keeps a log of every tool it executed (see the bench report).
    let backend_log = reference
        .embedded_backend
        .as_ref()
        .map(|b| b.executed().len())
        .unwrap_or(0);
    reference.shutdown().await;

    println!("## Guard overhead (issue 3)\n");
    println!(
        "`cargo bench -p streamguard-server --bench guard_overhead` — {}; servers and clients in one process, one 2-worker tokio runtime, loopback. Concurrent `StreamToolCalls` streams over {CONNECTIONS} HTTP/2 connections, one identity per stream, one `echo` call in flight per stream; {rounds} interleaved rounds × {} ms measured per variant (after {} ms warm-up, variant order rotated each round). Latency is the client-observed round trip; CPU is user+system time of the whole process (clients included) per round trip.\n",
        common::machine(),
        measure.as_millis(),
        WARMUP.as_millis()
    );
    println!(
        "| streams | variant | msg/s (median of rounds) | min–max msg/s | p50 µs | p99 µs | CPU µs/msg (client+server) |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|");
    let mut summary = Vec::new();
    for (c, &streams) in configs.iter().enumerate() {
        let per_variant = &results[c];
        let med: Vec<f64> = per_variant
            .iter()
            .map(|ps| median(ps.iter().map(rate).collect()))
            .collect();
        let mut cpu_per_msg = Vec::new();
        for (v, name) in VARIANTS.iter().enumerate() {
            let ps = &per_variant[v];
            let lat = sorted(
                ps.iter()
                    .flat_map(|p| p.latencies_us.iter().copied())
                    .collect(),
            );
            let rates: Vec<f64> = ps.iter().map(rate).collect();
            let cpu = ps.iter().map(|p| p.cpu_secs).sum::<f64>()
                / ps.iter().map(|p| p.messages).sum::<u64>().max(1) as f64
                * 1e6;
            cpu_per_msg.push(cpu);
            let label = match *name {
                "unguarded" => "unguarded: plain tonic, bench echo handler",
                "guarded" => "guarded: same handler + `StreamGuardLayer`, all controls on",
                _ => "reference server (echo via its loopback backend)",
            };
            println!(
                "| {streams} | {label} | {:.0} | {:.0}–{:.0} | {:.0} | {:.0} | {:.1} |",
                med[v],
                rates.iter().copied().fold(f64::INFINITY, f64::min),
                rates.iter().copied().fold(0.0, f64::max),
                percentile(&lat, 50.0),
                percentile(&lat, 99.0),
                cpu
            );
        }
        let paired: Vec<f64> = (0..rounds)
            .map(|r| rate(&per_variant[1][r]) / rate(&per_variant[0][r]))
            .collect();
        summary.push(Summary {
            streams,
            ratio_of_medians: med[1] / med[0],
            median_paired: median(paired.clone()),
            paired: paired
                .iter()
                .map(|r| format!("{:.0}%", r * 100.0))
                .collect::<Vec<_>>()
                .join(", "),
            cpu_unguarded: cpu_per_msg[0],
            cpu_guarded: cpu_per_msg[1],
            reference_ratio: med[2] / med[0],
        });
    }
    println!();
    for s in &summary {
        let cpu_bound = s.cpu_unguarded / s.cpu_guarded;
        println!(
            "- {} streams: guarded / unguarded throughput **{:.1}%** (median of per-round paired ratios {}; ratio of medians {:.1}%); goal ≥ 90%: **{}**. CPU per round trip {:.1} → {:.1} µs (+{:.1} µs), i.e. a CPU-bound guarded server would reach ≈ {:.0}% of the unguarded throughput. Reference server / unguarded echo: {:.1}% (one downstream gRPC call per message).",
            s.streams,
            s.median_paired * 100.0,
            s.paired,
            s.ratio_of_medians * 100.0,
            if s.median_paired >= 0.9 && cpu_bound >= 0.9 {
                "met"
            } else {
                "NOT met"
            },
            s.cpu_unguarded,
            s.cpu_guarded,
            s.cpu_guarded - s.cpu_unguarded,
            cpu_bound * 100.0,
            s.reference_ratio * 100.0
        );
    }
    println!(
        "- Messages denied on the reference server: {denied} (every call was executed). Its embedded backend's `executed` log held {backend_log} entries at the end (it keeps the last 1024 calls)."
    );
    println!("- Whole bench: {:.1} s.", started.elapsed().as_secs_f64());
}
