//! Drift window of the reference server (issue 2): how long a stream keeps going after its
//! token expired, and after its token was revoked through the admin API.
//!
//! `cargo bench -p streamguard-server --bench drift_window` (release build; about 5 s).
//! Prints a Markdown section for BENCHMARKS.md. Talks only to 127.0.0.1.
//!
//! * Expiry: `SG_BENCH_EXPIRY_STREAMS` (default 256) `WatchResource` streams (20 ms updates),
//!   opened in 8 batches 300 ms apart with 2 s tokens, so their `exp` values are staggered over
//!   several seconds. Measured: client wall clock when it sees the stream end, minus `exp`
//!   (whole seconds, read back from the token). Leeway is 0.
//! * Control: the same with `--disable expiry` on another server; streams must still be
//!   flowing 1 s after `exp` (shows the measurement can fail).
//! * Revocation: `SG_BENCH_REVOKE_STREAMS` (default 256) live streams with 60 s tokens, each
//!   with its own `jti`; each is revoked by `POST /v1/revocations {"jti": …}` with the admin
//!   token, 8 requests in flight at a time. Measured: from just before the request is sent to
//!   the client seeing `PERMISSION_DENIED`.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::{bearer, exp_of, percentile, sorted, token, unix_ms_now};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use streamguard::Control;
use streamguard_proto::mcp::v1::{WatchResourceRequest, mcp_streaming_client::McpStreamingClient};
use streamguard_server::ServeConfig;
use tokio::sync::{Barrier, Semaphore};
use tonic::transport::Channel;

const WATCH_INTERVAL_MS: u32 = 20;
const TTL: Duration = Duration::from_secs(2);
const BATCHES: usize = 8;
const BATCH_GAP: Duration = Duration::from_millis(300);
const CHANNELS: usize = 8;
const REVOKE_IN_FLIGHT: usize = 8;

type Http = Client<HttpConnector, Full<Bytes>>;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// How one watched stream ended.
#[derive(Debug)]
struct Ended {
    /// Client wall clock (Unix ms) when the end was seen; `None` if still flowing at `stop_at`.
    at_ms: Option<f64>,
    /// The same moment on the monotonic clock.
    at: Option<Instant>,
    code: Option<tonic::Code>,
    message: String,
    updates: u64,
    /// Updates received after `exp` (wall clock).
    updates_after_exp: u64,
}

/// Opens a `WatchResource` stream and reads it until it ends or `stop_at_ms` (Unix ms) passes.
async fn watch(
    mut client: McpStreamingClient<Channel>,
    token: String,
    uri: String,
    exp_ms: f64,
    stop_at_ms: f64,
    first_update: Option<tokio::sync::oneshot::Sender<()>>,
) -> Ended {
    let request = WatchResourceRequest {
        uri,
        interval_ms: WATCH_INTERVAL_MS,
    };
    let mut ended = Ended {
        at_ms: None,
        at: None,
        code: None,
        message: String::new(),
        updates: 0,
        updates_after_exp: 0,
    };
    let mut stream = match client.watch_resource(bearer(request, &token)).await {
        Ok(r) => r.into_inner(),
        Err(status) => {
            ended.at_ms = Some(unix_ms_now());
            ended.at = Some(Instant::now());
            ended.code = Some(status.code());
            ended.message = format!("refused at open: {}", status.message());
            return ended;
        }
    };
    let mut first_update = first_update;
    let stop = tokio::time::sleep(Duration::from_secs_f64(
        ((stop_at_ms - unix_ms_now()) / 1000.0).max(0.0),
    ));
    tokio::pin!(stop);
    loop {
        tokio::select! {
            m = stream.message() => match m {
                Ok(Some(_)) => {
                    ended.updates += 1;
                    if unix_ms_now() > exp_ms {
                        ended.updates_after_exp += 1;
                    }
                    if let Some(tx) = first_update.take() {
                        let _ = tx.send(());
                    }
                }
                Ok(None) => {
                    ended.at_ms = Some(unix_ms_now());
                    ended.at = Some(Instant::now());
                    ended.message = "ended with OK".into();
                    return ended;
                }
                Err(status) => {
                    ended.at_ms = Some(unix_ms_now());
                    ended.at = Some(Instant::now());
                    ended.code = Some(status.code());
                    ended.message = status.message().to_string();
                    return ended;
                }
            },
            _ = &mut stop => return ended,
        }
    }
}

async fn clients(addr: SocketAddr) -> Vec<McpStreamingClient<Channel>> {
    let mut v = Vec::new();
    for _ in 0..CHANNELS {
        v.push(McpStreamingClient::new(common::channel(addr).await));
    }
    v
}

/// Streams with short tokens, opened in staggered batches; returns (exp_ms, outcome) each.
async fn expiry_run(
    addr: SocketAddr,
    secret: &str,
    streams: usize,
    tag: &str,
    observe_for_ms: f64,
) -> Vec<(f64, Ended)> {
    let clients = clients(addr).await;
    let per_batch = streams.div_ceil(BATCHES);
    let mut tasks = Vec::new();
    for b in 0..BATCHES {
        if b > 0 {
            tokio::time::sleep(BATCH_GAP).await;
        }
        for i in b * per_batch..((b + 1) * per_batch).min(streams) {
            let sub = format!("{tag}{i}");
            let t = token(secret, &sub, "files:read", TTL, None);
            let exp_ms = exp_of(&t) as f64 * 1000.0;
            let client = clients[i % CHANNELS].clone();
            let uri = format!("mcp://users/{sub}/feed");
            tasks.push(tokio::spawn(async move {
                let e = watch(client, t, uri, exp_ms, exp_ms + observe_for_ms, None).await;
                (exp_ms, e)
            }));
        }
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("stream task"));
    }
    out
}

async fn revoke(
    http: &Http,
    admin: SocketAddr,
    admin_token: &str,
    jti: &str,
) -> Result<(), String> {
    let request = http::Request::post(format!("http://{admin}/v1/revocations"))
        .header(http::header::AUTHORIZATION, format!("Bearer {admin_token}"))
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(
            serde_json::json!({ "jti": jti }).to_string(),
        )))
        .map_err(|e| e.to_string())?;
    let response = http.request(request).await.map_err(|e| e.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("{status}: {}", String::from_utf8_lossy(&body)))
    }
}

struct Revoked {
    /// From just before sending the request to the client seeing the stream end.
    to_end_ms: f64,
    /// From just before sending the request to the HTTP response.
    http_ms: f64,
    ended: Ended,
    http_error: Option<String>,
}

async fn revocation_run(
    server: &streamguard_server::RunningServer,
    streams: usize,
) -> Vec<Revoked> {
    let clients = clients(server.grpc_addr).await;
    let http: Http = Client::builder(TokioExecutor::new()).build_http();
    let all_open = Arc::new(Barrier::new(streams));
    let in_flight = Arc::new(Semaphore::new(REVOKE_IN_FLIGHT));
    let mut tasks = Vec::new();
    for i in 0..streams {
        let sub = format!("rev{i}");
        let jti = format!("bench-revoke-{i}-{}", uuid::Uuid::new_v4());
        let t = token(
            &server.dev_secret,
            &sub,
            "files:read",
            Duration::from_secs(60),
            Some(jti.clone()),
        );
        let exp_ms = exp_of(&t) as f64 * 1000.0;
        let client = clients[i % CHANNELS].clone();
        let uri = format!("mcp://users/{sub}/feed");
        let (http, admin, admin_token) =
            (http.clone(), server.admin_addr, server.admin_token.clone());
        let (all_open, in_flight) = (all_open.clone(), in_flight.clone());
        tasks.push(tokio::spawn(async move {
            let (first_tx, first_rx) = tokio::sync::oneshot::channel();
            // Reads the stream all along (so flow control never delays the end) while the
            // other half waits for every stream to be live, then revokes this one's jti.
            let read = watch(client, t, uri, exp_ms, exp_ms, Some(first_tx));
            let revoker = async move {
                let flowing = first_rx.await.is_ok();
                all_open.wait().await;
                let permit = in_flight.acquire_owned().await.expect("semaphore");
                if !flowing {
                    return (
                        Instant::now(),
                        0.0,
                        Some("stream never flowed".into()),
                        permit,
                    );
                }
                let sent = Instant::now();
                let r = revoke(&http, admin, &admin_token, &jti).await;
                let http_ms = sent.elapsed().as_secs_f64() * 1000.0;
                (sent, http_ms, r.err(), permit)
            };
            let (ended, (sent, http_ms, http_error, permit)) = tokio::join!(read, revoker);
            drop(permit);
            Revoked {
                to_end_ms: ended
                    .at
                    .map(|at| at.saturating_duration_since(sent).as_secs_f64() * 1000.0)
                    .unwrap_or(f64::NAN),
                http_ms,
                ended,
                http_error,
            }
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("revocation task"));
    }
    out
}

fn row(name: &str, samples: &[f64]) -> String {
    let s = sorted(samples.iter().copied().filter(|v| v.is_finite()).collect());
    format!(
        "| {name} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
        s.len(),
        percentile(&s, 50.0),
        percentile(&s, 99.0),
        s.last().copied().unwrap_or(f64::NAN),
        s.first().copied().unwrap_or(f64::NAN),
    )
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(run());
}

async fn run() {
    let expiry_streams = env_usize("SG_BENCH_EXPIRY_STREAMS", 256);
    let revoke_streams = env_usize("SG_BENCH_REVOKE_STREAMS", 256);
    let started = Instant::now();

    let server = streamguard_server::start(ServeConfig::dev())
        .await
        .expect("reference server starts");
    let naive = streamguard_server::start(ServeConfig {
        disabled: vec![Control::Expiry],
        ..ServeConfig::dev()
    })
    .await
    .expect("server with expiry disabled starts");

    // (a) expiry, and the control run with expiry disabled, at the same time.
    let (expired, control) = tokio::join!(
        expiry_run(
            server.grpc_addr,
            &server.dev_secret,
            expiry_streams,
            "exp",
            3_000.0
        ),
        expiry_run(naive.grpc_addr, &naive.dev_secret, 32, "naive", 1_000.0),
    );
    let mut expiry_ms = Vec::new();
    let mut wrong = Vec::new();
    let mut never_flowed = 0;
    let mut exps = std::collections::BTreeMap::<u64, usize>::new();
    for (exp_ms, e) in &expired {
        *exps.entry(*exp_ms as u64 / 1000).or_default() += 1;
        if e.updates == 0 {
            never_flowed += 1;
        }
        match (e.at_ms, e.code) {
            (Some(at), Some(tonic::Code::Unauthenticated)) if e.message == "token_expired" => {
                expiry_ms.push(at - exp_ms)
            }
            _ => wrong.push(format!(
                "{:?} {:?} {}",
                e.at_ms.map(|a| a - exp_ms),
                e.code,
                e.message
            )),
        }
    }
    let control_still_flowing = control
        .iter()
        .filter(|(_, e)| e.at_ms.is_none() && e.updates_after_exp > 0)
        .count();

    // (b) revocation through the admin API.
    let revoked = revocation_run(&server, revoke_streams).await;
    let mut revoke_ms = Vec::new();
    let mut http_ms = Vec::new();
    let mut rev_wrong = Vec::new();
    for r in &revoked {
        http_ms.push(r.http_ms);
        match (&r.http_error, r.ended.code) {
            (None, Some(tonic::Code::PermissionDenied)) if r.ended.message == "token_revoked" => {
                revoke_ms.push(r.to_end_ms)
            }
            _ => rev_wrong.push(format!(
                "http {:?}, end {:?} {}",
                r.http_error, r.ended.code, r.ended.message
            )),
        }
    }
    let metrics = server.guard.metrics().live();
    let wall = started.elapsed();
    server.shutdown().await;
    naive.shutdown().await;

    let exp_sorted = sorted(expiry_ms.clone());
    let rev_sorted = sorted(revoke_ms.clone());
    let p99_exp = percentile(&exp_sorted, 99.0);
    let p99_rev = percentile(&rev_sorted, 99.0);
    let verdict = |ok: bool| if ok { "met" } else { "NOT met" };

    println!("## Drift window (issue 2)\n");
    println!(
        "`cargo bench -p streamguard-server --bench drift_window` — {}; reference server (`serve --dev` defaults, leeway 0) and clients in one process, one 2-worker tokio runtime, loopback.\n",
        common::machine()
    );
    println!("| measurement | streams | p50 ms | p99 ms | max ms | min ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    println!(
        "{}",
        row(
            "expiry: `exp` → client sees `UNAUTHENTICATED token_expired`",
            &expiry_ms
        )
    );
    println!(
        "{}",
        row(
            "revocation: `POST /v1/revocations` sent → client sees `PERMISSION_DENIED token_revoked`",
            &revoke_ms
        )
    );
    println!(
        "{}",
        row("(info) revocation HTTP request → HTTP 200", &http_ms)
    );
    println!();
    println!(
        "- Goal p99 ≤ 50 ms for expiry: **{}** ({p99_exp:.1} ms). Goal p99 ≤ 100 ms for revocation: **{}** ({p99_rev:.1} ms).",
        verdict(p99_exp <= 50.0),
        verdict(p99_rev <= 100.0)
    );
    println!(
        "- Expiry: {} streams, 8 batches 300 ms apart, 2 s tokens, WatchResource every {WATCH_INTERVAL_MS} ms; `exp` values spread over {} distinct seconds, so up to {} streams expire at the same instant. {} ended otherwise than `UNAUTHENTICATED token_expired`; {} never received an update.",
        expired.len(),
        exps.len(),
        exps.values().max().copied().unwrap_or(0),
        wrong.len(),
        never_flowed
    );
    println!(
        "- Control (`--disable expiry`): {control_still_flowing} of {} streams were still delivering updates 1 s after `exp` (the measurement can fail).",
        control.len()
    );
    println!(
        "- Revocation: {} live streams, each with its own `jti`, revoked one by one over HTTP/1.1 with {REVOKE_IN_FLIGHT} requests in flight; {} ended otherwise than `PERMISSION_DENIED token_revoked`. Live sessions after the run: {}.",
        revoked.len(),
        rev_wrong.len(),
        metrics.streams
    );
    println!("- Whole bench: {:.1} s.", wall.as_secs_f64());
    for w in wrong.iter().chain(&rev_wrong).take(10) {
        println!("- unexpected end: {w}");
    }
}
