//! Idle scale (issue 3): memory per idle guarded stream, with 10,000 concurrent
//! `WatchResource` streams (60 s interval) in one process, against the same handler unguarded.
//!
//! `cargo bench -p streamguard-server --bench idle_scale` (release build; about 30 s).
//! Prints a Markdown section for BENCHMARKS.md. Talks only to 127.0.0.1.
//!
//! Each measurement runs in a fresh child process (this binary re-run with `--child VARIANT`),
//! so no variant inherits another's allocator state. A child starts its server, mints one
//! token per stream (distinct subjects: 10,000 agents with one stream each), connects 100
//! HTTP/2 channels, opens and drops 100 warm-up streams, then reads VmRSS and the live heap
//! (a counting wrapper around the system allocator), opens N streams (100 per channel),
//! waits for the first update on each, waits 1 s and reads both again. Client and server share
//! the process in every variant, so the client's share cancels out in the difference.
//!
//! Variants: `unguarded` (plain tonic, bench handler), `guarded` (same handler behind
//! `StreamGuardLayer`, every control on, default limits — the headline), `guarded-one-identity`
//! (all streams of one subject; stream cap and message rate off, or 10,000 streams of one
//! subject would be refused), `guarded-controls-off` (layer and session, every control
//! switched off: what authentication and the session alone cost), `reference`
//! (`streamguard_server::start`, whose handler differs from the bench's; for information).
//! `SG_BENCH_IDLE_STREAMS` sets N (default 10000).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicI64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use futures::StreamExt;
use streamguard::Guard;
use streamguard_proto::mcp::v1::{WatchResourceRequest, mcp_streaming_client::McpStreamingClient};
use streamguard_server::ServeConfig;

/// The system allocator, counting live heap bytes.
struct Counting;

static LIVE_HEAP: AtomicI64 = AtomicI64::new(0);
/// Live allocations by size class: 16-byte classes below 4 KiB, one class above.
static LIVE_BY_SIZE: [AtomicI64; SIZE_CLASSES] = [const { AtomicI64::new(0) }; SIZE_CLASSES];
const SIZE_CLASSES: usize = 257;

fn size_class(size: usize) -> usize {
    (size.div_ceil(16)).min(SIZE_CLASSES - 1)
}

fn count(size: usize, delta: i64) {
    LIVE_HEAP.fetch_add(size as i64 * delta, Relaxed);
    LIVE_BY_SIZE[size_class(size)].fetch_add(delta, Relaxed);
}

fn by_size() -> Vec<i64> {
    LIVE_BY_SIZE.iter().map(|c| c.load(Relaxed)).collect()
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        count(layout.size(), -1);
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size(), 1);
        }
        p
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(layout.size(), -1);
            count(new_size, 1);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const CHANNELS: usize = 100;
const WARMUP_STREAMS: usize = 100;
const OPENING_IN_FLIGHT: usize = 256;
const INTERVAL_MS: u32 = 60_000;
const CHILD_TIMEOUT: Duration = Duration::from_secs(90);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let variant = args.get(i + 1).expect("--child VARIANT").clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("tokio runtime");
        runtime.block_on(child(&variant));
        // Exit without tearing 10,000 streams down one by one.
        std::process::exit(0);
    }
    parent();
}

/// What a child measured.
#[derive(Debug, Clone)]
struct Measured {
    variant: String,
    streams: u64,
    rss_before: i64,
    rss_after: i64,
    heap_before: i64,
    heap_after: i64,
    open_secs: f64,
    live_sessions: i64,
    /// Live allocations added, by size class.
    sizes: Vec<i64>,
}

impl Measured {
    fn rss_per_stream(&self) -> f64 {
        (self.rss_after - self.rss_before) as f64 / self.streams as f64
    }
    fn allocs_per_stream(&self) -> f64 {
        self.sizes.iter().sum::<i64>() as f64 / self.streams as f64
    }
    fn heap_per_stream(&self) -> f64 {
        (self.heap_after - self.heap_before) as f64 / self.streams as f64
    }
}

async fn child(variant: &str) {
    let n: usize = std::env::var("SG_BENCH_IDLE_STREAMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let long = Duration::from_secs(3600);
    // The server, and the secret its tokens are signed with.
    let mut guard: Option<Guard> = None;
    let mut _reference = None;
    let (addr, secret) = match variant {
        "unguarded" => (common::serve_bench(None).await, common::SECRET.to_string()),
        "guarded" | "guarded-one-identity" | "guarded-controls-off" => {
            let g = match variant {
                "guarded" => common::guard(600, 100, 32), // the GuardConfig defaults
                // Each stream's request message counts against its identity's message rate,
                // so one identity opening 10,000 streams needs both limits off.
                "guarded-one-identity" => common::guard(0, 100, 0),
                _ => Guard::new(
                    streamguard::GuardConfig {
                        disabled: streamguard::Control::ALL.to_vec(),
                        ..streamguard::GuardConfig::default()
                    },
                    common::authenticator(),
                ),
            };
            guard = Some(g.clone());
            (
                common::serve_bench(Some(g)).await,
                common::SECRET.to_string(),
            )
        }
        "reference" => {
            let server = streamguard_server::start(ServeConfig::dev())
                .await
                .expect("reference server starts");
            guard = Some(server.guard.clone());
            let out = (server.grpc_addr, server.dev_secret.clone());
            _reference = Some(server);
            out
        }
        other => panic!("unknown variant {other}"),
    };
    let sub = |i: usize| {
        if variant == "guarded-one-identity" {
            "agent".to_string()
        } else {
            format!("agent{i}")
        }
    };
    let tokens: Vec<String> = (0..n + WARMUP_STREAMS)
        .map(|i| common::token(&secret, &sub(i), "files:read", long, None))
        .collect();
    let mut clients = Vec::new();
    for _ in 0..CHANNELS {
        clients.push(McpStreamingClient::new(common::channel(addr).await));
    }
    let open = |i: usize| {
        let mut client = clients[i % CHANNELS].clone();
        let request = common::bearer(
            WatchResourceRequest {
                uri: format!("mcp://users/{}/feed", sub(i)),
                interval_ms: INTERVAL_MS,
            },
            &tokens[i],
        );
        async move {
            let mut stream = client
                .watch_resource(request)
                .await
                .expect("stream opens")
                .into_inner();
            stream
                .message()
                .await
                .expect("first update")
                .expect("stream is live");
            stream
        }
    };

    // Warm-up: every channel carries one stream once, then all are dropped.
    let warm: Vec<_> = futures::stream::iter(n..n + WARMUP_STREAMS)
        .map(open)
        .buffer_unordered(OPENING_IN_FLIGHT)
        .collect()
        .await;
    drop(warm);
    tokio::time::sleep(Duration::from_millis(500)).await;

    let rss_before = common::rss_bytes() as i64;
    let heap_before = LIVE_HEAP.load(Relaxed);
    let sizes_before = by_size();
    let t0 = Instant::now();
    let streams: Vec<_> = futures::stream::iter(0..n)
        .map(open)
        .buffer_unordered(OPENING_IN_FLIGHT)
        .collect()
        .await;
    let open_secs = t0.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = common::rss_bytes() as i64;
    let heap_after = LIVE_HEAP.load(Relaxed);
    let sizes: Vec<i64> = by_size()
        .iter()
        .zip(&sizes_before)
        .map(|(a, b)| a - b)
        .collect();
    let live_sessions = guard
        .as_ref()
        .map(|g| g.metrics().live().streams)
        .unwrap_or(-1);
    assert_eq!(streams.len(), n);
    println!(
        "RESULT {}",
        serde_json::json!({
            "variant": variant,
            "streams": n,
            "rss_before": rss_before,
            "rss_after": rss_after,
            "heap_before": heap_before,
            "heap_after": heap_after,
            "open_secs": open_secs,
            "live_sessions": live_sessions,
            "sizes": sizes,
        })
    );
    drop(streams);
}

fn run_child(variant: &str) -> Measured {
    use std::io::Read;
    let exe = std::env::current_exe().expect("current exe");
    let mut child = std::process::Command::new(exe)
        .args(["--child", variant])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("child starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("child status") {
            break status;
        }
        if started.elapsed() > CHILD_TIMEOUT {
            let _ = child.kill();
            panic!("child {variant} took over {CHILD_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("child output");
    assert!(status.success(), "child {variant} failed: {status}\n{out}");
    let line = out
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .unwrap_or_else(|| panic!("child {variant} printed no result:\n{out}"));
    let v: serde_json::Value = serde_json::from_str(line).expect("result JSON");
    let int = |k: &str| v[k].as_i64().expect("integer field");
    Measured {
        variant: variant.to_string(),
        streams: int("streams") as u64,
        rss_before: int("rss_before"),
        rss_after: int("rss_after"),
        heap_before: int("heap_before"),
        heap_after: int("heap_after"),
        open_secs: v["open_secs"].as_f64().unwrap_or(f64::NAN),
        live_sessions: int("live_sessions"),
        sizes: v["sizes"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_i64()).collect())
            .unwrap_or_default(),
    }
}

fn parent() {
    let started = Instant::now();
    let order = [
        "unguarded",
        "guarded",
        "guarded-one-identity",
        "guarded-controls-off",
        "reference",
        "unguarded",
        "guarded",
    ];
    let mut runs = Vec::new();
    for variant in order {
        let m = run_child(variant);
        eprintln!(
            "{:>21}: {:>7.0} B/stream RSS, {:>7.0} B/stream heap, opened in {:.1} s",
            m.variant,
            m.rss_per_stream(),
            m.heap_per_stream(),
            m.open_secs
        );
        runs.push(m);
    }
    let mean = |variant: &str, f: fn(&Measured) -> f64| {
        let v: Vec<f64> = runs
            .iter()
            .filter(|m| m.variant == variant)
            .map(f)
            .collect();
        v.iter().sum::<f64>() / v.len().max(1) as f64
    };
    let mib = |b: i64| b as f64 / (1024.0 * 1024.0);
    let n = runs[0].streams;

    println!("## Idle scale (issue 3)\n");
    println!(
        "`cargo bench -p streamguard-server --bench idle_scale` — {}; {n} concurrent `WatchResource` streams ({} s interval) per run, server and client in one fresh process per run, {CHANNELS} HTTP/2 connections × {} streams, one token (own `sub`) per stream unless noted. RSS = VmRSS of /proc/self/status; heap = live bytes counted by a wrapper around the system allocator. Memory per stream = (after − before) / {n}.\n",
        common::machine(),
        INTERVAL_MS / 1000,
        n as usize / CHANNELS
    );
    println!(
        "| variant | RSS before MiB | RSS after MiB | RSS B/stream | heap B/stream | allocations/stream | open all s | live sessions |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for m in &runs {
        println!(
            "| {} | {:.1} | {:.1} | {:.0} | {:.0} | {:.1} | {:.1} | {} |",
            m.variant,
            mib(m.rss_before),
            mib(m.rss_after),
            m.rss_per_stream(),
            m.heap_per_stream(),
            m.allocs_per_stream(),
            m.open_secs,
            if m.live_sessions < 0 {
                "–".to_string()
            } else {
                m.live_sessions.to_string()
            }
        );
    }
    let base_rss = mean("unguarded", Measured::rss_per_stream);
    let base_heap = mean("unguarded", Measured::heap_per_stream);
    println!();
    for variant in [
        "guarded",
        "guarded-one-identity",
        "guarded-controls-off",
        "reference",
    ] {
        let rss = mean(variant, Measured::rss_per_stream) - base_rss;
        let heap = mean(variant, Measured::heap_per_stream) - base_heap;
        let verdict = if variant != "guarded" {
            String::new()
        } else if rss <= 2048.0 {
            " — goal ≤ 2 KiB: **met**".into()
        } else {
            " — goal ≤ 2 KiB: **NOT met**".into()
        };
        println!(
            "- {variant} − unguarded (means of runs): **{rss:.0} B/stream RSS**, {heap:.0} B/stream heap{verdict}."
        );
    }
    // Where the guard's heap goes: live allocations per stream by size, guarded − unguarded.
    let first = |variant: &str| runs.iter().find(|m| m.variant == variant);
    if let (Some(g), Some(u)) = (first("guarded"), first("unguarded")) {
        let mut diff: Vec<(usize, f64)> = g
            .sizes
            .iter()
            .zip(&u.sizes)
            .enumerate()
            .map(|(class, (a, b))| (class, (a - b) as f64 / n as f64))
            .filter(|(_, d)| d.abs() >= 0.05)
            .collect();
        diff.sort_by(|a, b| (b.1 * b.0 as f64).total_cmp(&(a.1 * a.0 as f64)));
        let parts: Vec<String> = diff
            .iter()
            .map(|(class, d)| match *class {
                c if c == SIZE_CLASSES - 1 => format!("{d:+.2} × >4 KiB"),
                c => format!("{d:+.2} × {}–{} B", c * 16 - 15, c * 16),
            })
            .collect();
        println!(
            "- Live allocations the guard adds per stream (guarded − unguarded, by size): {}. `size_of::<SessionCore>()` = {} B.",
            parts.join(", "),
            std::mem::size_of::<streamguard::session::SessionCore>()
        );
    }
    println!("- Whole bench: {:.1} s.", started.elapsed().as_secs_f64());
}
