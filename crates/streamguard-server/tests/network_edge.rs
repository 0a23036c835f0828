//! The network edge under attack, over real loopback sockets: idle and half-open connections,
//! rapid reset, non-gRPC requests, floods of unauthenticated streams, shutdown with live
//! streams, and peers that make the server hold memory (stalled uploads, never-read responses).

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::*;
use futures::StreamExt;
use streamguard_edge::metrics::Event;
use streamguard_proto::mcp::v1::{CallToolRequest, ToolInputChunk, WatchResourceRequest};
use streamguard_server::ServeConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;
use tonic::Code;
use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};

const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

fn dev_with(edit: impl FnOnce(&mut ServeConfig)) -> ServeConfig {
    let mut c = ServeConfig::dev();
    edit(&mut c);
    c
}

/// The value of an unlabelled (or fully labelled) metric line on the admin API.
async fn metric(lab: &Lab, name: &str) -> Option<f64> {
    let text = lab.get("/metrics").await;
    text.lines().find_map(|line| {
        line.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix(' '))
            .and_then(|v| v.trim().parse().ok())
    })
}

/// Polls a metric until `ok` holds or `within` passes; returns the last value.
async fn metric_until(
    lab: &Lab,
    name: &str,
    within: Duration,
    ok: impl Fn(f64) -> bool,
) -> Option<f64> {
    let start = Instant::now();
    loop {
        let v = metric(lab, name).await;
        if v.is_some_and(&ok) || start.elapsed() > within {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether the server closes `tcp` (EOF or reset) within `within`; whatever it sends before
/// (SETTINGS, GOAWAY) is read and ignored.
async fn closed_within(tcp: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, tcp.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

type H2Client = h2::client::SendRequest<Bytes>;

async fn h2_client_with(
    addr: SocketAddr,
    builder: &h2::client::Builder,
) -> (H2Client, JoinHandle<Result<(), h2::Error>>) {
    let tcp = TcpStream::connect(addr).await.unwrap();
    let (client, connection) = builder.handshake(tcp).await.expect("h2 handshake");
    (client, tokio::spawn(connection))
}

async fn h2_client(addr: SocketAddr) -> (H2Client, JoinHandle<Result<(), h2::Error>>) {
    h2_client_with(addr, &h2::client::Builder::new()).await
}

fn grpc_post(addr: SocketAddr, path: &str, token: Option<&str>) -> http::Request<()> {
    let mut r = http::Request::post(format!("http://{addr}{path}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers");
    if let Some(t) = token {
        r = r.header("authorization", format!("Bearer {t}"));
    }
    r.body(()).unwrap()
}

/// A gRPC message frame: flag, 4-byte length, message.
fn frame(message: &impl prost::Message) -> Bytes {
    let body = message.encode_to_vec();
    let mut out = vec![0u8];
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend_from_slice(&body);
    out.into()
}

/// The gRPC status (code, message) a raw HTTP/2 response ends with, from its headers
/// (trailers-only) or its trailers; data is released and dropped.
async fn grpc_outcome(response: h2::client::ResponseFuture) -> (String, String) {
    let response = response.await.expect("response headers");
    let pick = |h: &http::HeaderMap| {
        h.get("grpc-status").map(|s| {
            (
                s.to_str().unwrap_or("").to_string(),
                h.get("grpc-message")
                    .and_then(|m| m.to_str().ok())
                    .unwrap_or("")
                    .to_string(),
            )
        })
    };
    if let Some(found) = pick(response.headers()) {
        return found;
    }
    let mut body = response.into_body();
    while let Some(chunk) = body.data().await {
        if let Ok(c) = chunk {
            let _ = body.flow_control().release_capacity(c.len());
        }
    }
    let trailers = body.trailers().await.ok().flatten().unwrap_or_default();
    pick(&trailers).unwrap_or_default()
}

// ---- Root cause 7: connection limits and HTTP/2 timeouts ----

#[tokio::test]
async fn connections_over_the_cap_are_closed_at_once_and_counted() {
    let lab = start(dev_with(|c| {
        c.server.max_connections = 8;
        c.server.handshake_timeout = Duration::from_secs(60);
    }))
    .await;
    let addr = lab.server.grpc_addr;
    // The lab's own client channel holds one connection.
    let mut idle = Vec::new();
    for _ in 0..7 {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    metric_until(
        &lab,
        "streamguard_edge_connections_open",
        Duration::from_secs(5),
        |v| v >= 8.0,
    )
    .await;
    let started = Instant::now();
    for i in 0..4 {
        let mut extra = TcpStream::connect(addr).await.unwrap();
        assert!(
            closed_within(&mut extra, Duration::from_secs(2)).await,
            "connection {} over the cap of 8 must be closed at once",
            i + 1
        );
    }
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(
        metric(&lab, "streamguard_edge_connections_refused_total").await,
        Some(4.0)
    );
    drop(idle);
    metric_until(
        &lab,
        "streamguard_edge_connections_open",
        Duration::from_secs(5),
        |v| v <= 1.0,
    )
    .await;
    let mut health = HealthClient::new(lab.channel.clone());
    health
        .check(HealthCheckRequest::default())
        .await
        .expect("served again once the idle connections are gone");
}

#[tokio::test]
async fn a_peer_that_never_finishes_the_handshake_is_disconnected() {
    let lab = start(dev_with(|c| {
        c.server.handshake_timeout = Duration::from_millis(500);
    }))
    .await;
    let addr = lab.server.grpc_addr;
    let mut silent = TcpStream::connect(addr).await.unwrap();
    let mut preface_only = TcpStream::connect(addr).await.unwrap();
    preface_only.write_all(PREFACE).await.unwrap();
    assert!(
        closed_within(&mut preface_only, Duration::from_secs(3)).await,
        "the preface without SETTINGS must not hold a connection"
    );
    assert!(
        closed_within(&mut silent, Duration::from_secs(3)).await,
        "a silent connection must not be held"
    );
    assert_eq!(
        metric(&lab, "streamguard_edge_handshake_timeouts_total").await,
        Some(2.0)
    );
    // A real client completes its handshake in time and is not cut.
    let mut health = HealthClient::new(lab.channel.clone());
    tokio::time::sleep(Duration::from_millis(800)).await;
    health.check(HealthCheckRequest::default()).await.unwrap();
}

#[tokio::test]
async fn a_connection_without_open_streams_is_closed_after_the_idle_timeout_but_not_while_a_stream_is_open()
 {
    let lab = start(dev_with(|c| {
        c.server.connection_idle_timeout = Duration::from_secs(1);
    }))
    .await;
    let addr = lab.server.grpc_addr;
    let (token, _) = lab.token("ivy", "files:read", Duration::from_secs(60));

    // Busy: a watch stream open for 2.5 s keeps its connection although it lasts past 1 s.
    let (mut busy, busy_conn) = h2_client(addr).await;
    busy = busy.ready().await.unwrap();
    let path = "/mcp.v1.McpStreaming/WatchResource";
    let (response, mut send) = busy
        .send_request(grpc_post(addr, path, Some(&token)), false)
        .unwrap();
    let watch = WatchResourceRequest {
        uri: "mcp://users/ivy/x".into(),
        interval_ms: 100,
    };
    send.send_data(frame(&watch), true).unwrap();
    let response = response.await.unwrap();
    let mut body = response.into_body();
    let until = Instant::now() + Duration::from_millis(2500);
    while Instant::now() < until {
        let chunk = tokio::time::timeout(Duration::from_secs(2), body.data())
            .await
            .expect("updates keep coming")
            .expect("the stream is open")
            .unwrap();
        let _ = body.flow_control().release_capacity(chunk.len());
    }
    assert!(
        !busy_conn.is_finished(),
        "a connection with a live stream is not idle"
    );

    // Idle: one call, then nothing; the server closes the connection.
    let (idle, idle_conn) = h2_client(addr).await;
    let mut idle = idle.ready().await.unwrap();
    let (response, mut send) = idle
        .send_request(grpc_post(addr, "/grpc.health.v1.Health/Check", None), false)
        .unwrap();
    send.send_data(frame(&HealthCheckRequest::default()), true)
        .unwrap();
    assert_eq!(grpc_outcome(response).await.0, "0");
    let closed = tokio::time::timeout(Duration::from_secs(4), idle_conn).await;
    assert!(
        closed.is_ok(),
        "an idle connection must be closed after connection_idle_timeout"
    );
    assert!(
        metric(&lab, "streamguard_edge_idle_connections_closed_total")
            .await
            .is_some_and(|v| v >= 1.0)
    );
    drop(body);
}

#[tokio::test]
async fn the_server_advertises_max_concurrent_streams() {
    let lab = start(dev_with(|c| c.server.max_concurrent_streams = 7)).await;
    let addr = lab.server.grpc_addr;
    let (client, _conn) = h2_client(addr).await;
    let mut client = client.ready().await.unwrap();
    let (response, mut send) = client
        .send_request(grpc_post(addr, "/grpc.health.v1.Health/Check", None), false)
        .unwrap();
    send.send_data(frame(&HealthCheckRequest::default()), true)
        .unwrap();
    grpc_outcome(response).await;
    assert_eq!(client.current_max_send_streams(), 7);

    let lab = start_dev().await;
    let addr = lab.server.grpc_addr;
    let (client, _conn) = h2_client(addr).await;
    let mut client = client.ready().await.unwrap();
    let (response, mut send) = client
        .send_request(grpc_post(addr, "/grpc.health.v1.Health/Check", None), false)
        .unwrap();
    send.send_data(frame(&HealthCheckRequest::default()), true)
        .unwrap();
    grpc_outcome(response).await;
    assert_eq!(
        client.current_max_send_streams(),
        100,
        "SETTINGS_MAX_CONCURRENT_STREAMS defaults to 100"
    );
}

#[tokio::test]
async fn a_rapid_reset_flood_gets_goaway_and_the_server_keeps_serving() {
    let lab = start_dev().await;
    let addr = lab.server.grpc_addr;
    let (token, _) = lab.token("mallory", "files:read", Duration::from_secs(60));
    let (mut client, connection) = h2_client(addr).await;
    const FLOOD: usize = 20_000;
    let path = "/mcp.v1.McpStreaming/WatchResource";
    let mut sent = 0;
    let mut refused = None;
    while sent < FLOOD {
        client = match client.ready().await {
            Ok(c) => c,
            Err(e) => {
                refused = Some(e);
                break;
            }
        };
        match client.send_request(grpc_post(addr, path, Some(&token)), false) {
            Ok((_response, mut stream)) => stream.send_reset(h2::Reason::CANCEL),
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
        sent += 1;
        // Let the connection task write as it goes, as a flooding peer's socket would.
        tokio::task::yield_now().await;
    }
    let ended = tokio::time::timeout(Duration::from_secs(5), connection)
        .await
        .expect("the server ends the flooding connection")
        .unwrap();
    // The server sends GOAWAY (ENHANCE_YOUR_CALM) and closes; a client still writing usually
    // sees the close (broken pipe) before it reads the GOAWAY.
    assert!(
        refused.is_some() || ended.is_err(),
        "the flooding connection was closed by the server: {ended:?}"
    );
    assert!(sent < FLOOD / 10, "cut off only after {sent} resets");
    assert!(
        metric(&lab, "streamguard_edge_connection_errors_total")
            .await
            .is_some_and(|n| n >= 1.0),
        "the server ended the connection for a protocol error"
    );
    let opened = metric(&lab, "streamguard_streams_opened_total")
        .await
        .unwrap_or(0.0);
    eprintln!("rapid reset: cut off after {sent} resets; {opened} sessions opened");
    assert!(
        opened < 1000.0,
        "the server opened {opened} streams for the flood"
    );
    let mut health = HealthClient::new(lab.channel.clone());
    health
        .check(HealthCheckRequest::default())
        .await
        .expect("other clients are still served");
}

// ---- Root cause 14: non-gRPC content types ----

#[tokio::test]
async fn non_grpc_requests_are_answered_415() {
    let lab = start_dev().await;
    let addr = lab.server.grpc_addr;
    let (client, _conn) = h2_client(addr).await;
    let mut client = client.ready().await.unwrap();
    let request = http::Request::post(format!("http://{addr}/mcp.v1.Mcp/ListTools"))
        .header("content-type", "application/json")
        .body(())
        .unwrap();
    let (response, mut send) = client.send_request(request, false).unwrap();
    send.send_data(Bytes::from_static(b"{\"jsonrpc\":\"2.0\"}"), true)
        .unwrap();
    let response = response.await.unwrap();
    assert_eq!(response.status(), http::StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(
        response.headers().get("grpc-status").is_none(),
        "not answered as gRPC"
    );

    // HTTP/1.1 without a content type, as curl sends it.
    use http_body_util::{BodyExt, Empty};
    let http1 = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Empty<Bytes>>();
    let response = http1
        .get(format!("http://{addr}/").parse().unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), http::StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let _ = response.into_body().collect().await;
    assert_eq!(
        metric(&lab, "streamguard_edge_unsupported_media_type_total").await,
        Some(2.0)
    );
}

// ---- Root cause 15: limits on public paths ----

async fn health_watch(
    channel: tonic::transport::Channel,
) -> Result<tonic::Streaming<tonic_health::pb::HealthCheckResponse>, tonic::Status> {
    let mut health = HealthClient::new(channel);
    health
        .watch(HealthCheckRequest::default())
        .await
        .map(|r| r.into_inner())
}

async fn connect(addr: SocketAddr) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap()
}

#[tokio::test]
async fn public_streams_are_capped_per_connection_and_globally() {
    let lab = start(dev_with(|c| {
        c.server.public.max_streams_per_connection = 3;
        c.server.public.max_streams = 5;
    }))
    .await;
    let addr = lab.server.grpc_addr;
    let first = connect(addr).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(health_watch(first.clone()).await.expect("under the cap"));
    }
    let refused = health_watch(first.clone()).await.unwrap_err();
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "too_many_streams"),
        "the 4th public stream on one connection"
    );
    let second = connect(addr).await;
    for _ in 0..2 {
        held.push(health_watch(second.clone()).await.expect("under the cap"));
    }
    let refused = health_watch(second.clone()).await.unwrap_err();
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "too_many_streams"),
        "the 6th public stream across connections"
    );
    assert_eq!(
        metric(&lab, "streamguard_edge_public_streams_refused_total").await,
        Some(2.0)
    );
    held.pop();
    metric_until(
        &lab,
        "streamguard_edge_public_streams_open",
        Duration::from_secs(3),
        |v| v <= 4.0,
    )
    .await;
    health_watch(second).await.expect("a freed place is reused");
}

#[tokio::test]
async fn public_streams_end_at_their_maximum_lifetime() {
    let lab = start(dev_with(|c| {
        c.server.public.max_lifetime = Duration::from_millis(800);
    }))
    .await;
    let started = Instant::now();
    let mut watch = health_watch(lab.channel.clone()).await.unwrap();
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(5), watch.next())
            .await
            .expect("the public stream must end at its maximum lifetime")
        {
            Some(Ok(_)) => continue,
            Some(Err(status)) => break status,
            None => panic!("ended without a status"),
        }
    };
    assert_eq!(
        (ended.code(), ended.message()),
        (Code::Unavailable, "max_stream_lifetime")
    );
    let lived = started.elapsed();
    assert!(
        lived >= Duration::from_millis(700) && lived < Duration::from_secs(3),
        "{lived:?}"
    );
}

// ---- Root cause 8: graceful shutdown ----

async fn watch_stream(
    lab: &Lab,
    sub: &str,
) -> tonic::Streaming<streamguard_proto::mcp::v1::ResourceUpdate> {
    let (token, _) = lab.token(sub, "files:read", Duration::from_secs(60));
    let req = WatchResourceRequest {
        uri: format!("mcp://users/{sub}/x"),
        interval_ms: 100,
    };
    lab.streaming()
        .watch_resource(authed(req, &token))
        .await
        .unwrap()
        .into_inner()
}

#[tokio::test]
async fn shutdown_lets_live_streams_run_for_the_drain_period_then_ends_them_with_shutting_down() {
    let lab = start(dev_with(|c| {
        c.server.drain_period = Duration::from_millis(1500)
    }))
    .await;
    let addr = lab.server.grpc_addr;
    let edge = lab.server.edge_metrics.clone();
    let mut watch = watch_stream(&lab, "wendy").await;
    watch.next().await.unwrap().unwrap();
    // A call that finishes by itself during the drain period (three progress steps, 50 ms apart).
    let (token, _) = lab.token("wendy", "tools:echo", Duration::from_secs(60));
    let call = CallToolRequest {
        name: "echo".into(),
        ..Default::default()
    };
    let mut progress = lab
        .streaming()
        .call_tool_with_progress(authed(call, &token))
        .await
        .unwrap()
        .into_inner();
    let Lab { server, channel } = lab;
    let started = Instant::now();
    let stopping = tokio::spawn(server.shutdown());
    let mut events = 0;
    while let Some(event) = progress.next().await {
        event.expect("a short call completes during the drain period");
        events += 1;
    }
    assert_eq!(events, 4, "three progress events and the result");
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "no new connections once draining"
    );
    let mut updates_while_draining = 0;
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(6), watch.next())
            .await
            .expect("the live stream must end after the drain period")
        {
            Some(Ok(_)) => updates_while_draining += 1,
            Some(Err(status)) => break status,
            None => panic!("ended without a status"),
        }
    };
    let at = started.elapsed();
    assert_eq!(
        (ended.code(), ended.message()),
        (Code::Unavailable, "shutting_down")
    );
    assert!(
        at >= Duration::from_millis(1300) && at < Duration::from_secs(4),
        "ended {at:?} after the signal; drain period 1.5 s"
    );
    assert!(
        updates_while_draining >= 5,
        "the stream went on while draining: {updates_while_draining} updates"
    );
    tokio::time::timeout(Duration::from_secs(5), stopping)
        .await
        .expect("shutdown completes once the streams are ended")
        .unwrap();
    assert_eq!(edge.get(Event::StreamEndedAtShutdown), 1);
    assert_eq!(
        edge.get(Event::StreamDrained),
        1,
        "the call finished while draining"
    );
    assert_eq!(edge.open().connections, 0);
    drop(channel);
}

#[tokio::test]
async fn a_zero_drain_period_ends_live_streams_at_once() {
    let lab = start(dev_with(|c| c.server.drain_period = Duration::ZERO)).await;
    let edge = lab.server.edge_metrics.clone();
    let mut watch = watch_stream(&lab, "zed").await;
    watch.next().await.unwrap().unwrap();
    let Lab { server, channel } = lab;
    let started = Instant::now();
    let stopping = tokio::spawn(server.shutdown());
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(5), watch.next())
            .await
            .expect("the live stream must end at once")
        {
            Some(Ok(_)) => continue,
            Some(Err(status)) => break status,
            None => panic!("ended without a status"),
        }
    };
    assert_eq!(
        (ended.code(), ended.message()),
        (Code::Unavailable, "shutting_down")
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    tokio::time::timeout(Duration::from_secs(5), stopping)
        .await
        .expect("shutdown completes")
        .unwrap();
    assert_eq!(edge.get(Event::StreamEndedAtShutdown), 1);
    drop(channel);
}

// ---- Root cause 9: memory amplification ----

#[tokio::test]
async fn a_watch_request_larger_than_its_method_allows_is_refused() {
    let lab = start_dev().await;
    let (token, _) = lab.token("amp", "files:read", Duration::from_secs(60));
    let req = WatchResourceRequest {
        // Echoed into every update: a 64 KiB URI would pin 64 KiB × every queued update.
        uri: format!("mcp://users/amp/{}", "a".repeat(64 << 10)),
        interval_ms: 10,
    };
    let refused = match lab.streaming().watch_resource(authed(req, &token)).await {
        Err(status) => status,
        Ok(response) => {
            let mut updates = response.into_inner();
            match tokio::time::timeout(Duration::from_secs(2), updates.next()).await {
                Ok(Some(Err(status))) => status,
                Ok(Some(Ok(update))) => panic!(
                    "a 64 KiB watch request must be refused; update {} was sent",
                    update.seq
                ),
                other => panic!("a 64 KiB watch request must be refused: {}", other.is_ok()),
            }
        }
    };
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "message_too_large")
    );
}

#[tokio::test]
async fn a_stalled_upload_declaring_4_mib_is_refused_at_its_header() {
    let lab = start_dev().await;
    let addr = lab.server.grpc_addr;
    let (token, _) = lab.token("stall", "tools:echo", Duration::from_secs(60));
    let (client, _conn) = h2_client(addr).await;
    let mut client = client.ready().await.unwrap();
    let path = "/mcp.v1.McpStreaming/UploadToolInput";
    let (response, mut send) = client
        .send_request(grpc_post(addr, path, Some(&token)), false)
        .unwrap();
    // A message header announcing 4 MiB, 64 KiB of it, then nothing: the stream stays open.
    let mut partial = vec![0u8];
    partial.extend_from_slice(&(4u32 << 20).to_be_bytes());
    partial.extend(std::iter::repeat_n(0u8, 64 << 10));
    send.send_data(partial.into(), false).unwrap();
    let outcome = tokio::time::timeout(Duration::from_secs(3), grpc_outcome(response))
        .await
        .expect("a stalled 4 MiB upload must be refused, not held until the idle timeout");
    assert_eq!(outcome, ("8".to_string(), "message_too_large".to_string()));
    assert_eq!(
        metric_until(
            &lab,
            "streamguard_request_bytes_buffered",
            Duration::from_secs(2),
            |v| v == 0.0
        )
        .await,
        Some(0.0)
    );
    drop(send);
}

#[tokio::test]
async fn partially_received_messages_count_against_the_identity_budget() {
    let lab = start(dev_with(|c| c.max_buffered_bytes_per_identity = 2 << 20)).await;
    let addr = lab.server.grpc_addr;
    let (token, _) = lab.token("hoarder", "tools:echo", Duration::from_secs(60));
    let (client, _conn) = h2_client(addr).await;
    let mut client = client.ready().await.unwrap();
    let path = "/mcp.v1.McpStreaming/StreamToolCalls";
    // Each stream: a ToolCall announcing 600 KiB (under the method's cap), 16 KiB of it, stall.
    let announce = |send: &mut h2::SendStream<Bytes>| {
        let mut partial = vec![0u8];
        partial.extend_from_slice(&(600u32 << 10).to_be_bytes());
        partial.extend(std::iter::repeat_n(0u8, 16 << 10));
        send.send_data(partial.into(), false).unwrap();
    };
    let mut held = Vec::new();
    for _ in 0..3 {
        let (response, mut send) = client
            .send_request(grpc_post(addr, path, Some(&token)), false)
            .unwrap();
        announce(&mut send);
        held.push((response, send));
    }
    metric_until(
        &lab,
        "streamguard_request_bytes_buffered",
        Duration::from_secs(3),
        |v| v >= 3.0 * 600.0 * 1024.0,
    )
    .await;
    let (response, mut send) = client
        .send_request(grpc_post(addr, path, Some(&token)), false)
        .unwrap();
    announce(&mut send);
    let outcome = tokio::time::timeout(Duration::from_secs(3), grpc_outcome(response))
        .await
        .expect("the stream over the identity's budget is refused");
    assert_eq!(
        outcome,
        ("8".to_string(), "buffered_bytes_exceeded".to_string())
    );
    let buffered = metric(&lab, "streamguard_request_bytes_buffered").await;
    assert_eq!(
        buffered,
        Some(3.0 * 600.0 * 1024.0),
        "within the 2 MiB budget"
    );

    // Another identity has a budget of its own.
    let (other, _) = lab.token("bystander", "tools:echo", Duration::from_secs(60));
    let (response, mut send) = client
        .send_request(grpc_post(addr, path, Some(&other)), false)
        .unwrap();
    announce(&mut send);
    metric_until(
        &lab,
        "streamguard_request_bytes_buffered",
        Duration::from_secs(3),
        |v| v >= 4.0 * 600.0 * 1024.0,
    )
    .await;
    drop((response, send));
    drop(held);
    assert_eq!(
        metric_until(
            &lab,
            "streamguard_request_bytes_buffered",
            Duration::from_secs(3),
            |v| v == 0.0
        )
        .await,
        Some(0.0),
        "released when the streams end"
    );
}

#[tokio::test]
async fn a_client_that_never_reads_pins_a_bounded_number_of_bytes() {
    let lab = start(dev_with(|c| {
        c.messages_per_minute = 0;
    }))
    .await;
    let addr = lab.server.grpc_addr;
    let (token, _) = lab.token("sloth", "tools:echo", Duration::from_secs(60));
    // A receive window of 0 that is never opened: the server cannot send a byte of data.
    let mut builder = h2::client::Builder::new();
    builder.initial_window_size(0);
    let (client, _conn) = h2_client_with(addr, &builder).await;
    let mut client = client.ready().await.unwrap();
    let path = "/mcp.v1.McpStreaming/StreamToolCalls";
    let (_response, mut send) = client
        .send_request(grpc_post(addr, path, Some(&token)), false)
        .unwrap();
    // 100 KiB echo calls; each result carries the text twice.
    let text = "x".repeat(100 << 10);
    let call = tool_call("r", "echo", serde_json::json!({ "text": text }));
    let message = frame(&call);
    let mut accepted = 0usize;
    for _ in 0..40 {
        send.reserve_capacity(message.len());
        let granted = tokio::time::timeout(Duration::from_secs(2), async {
            loop {
                if send.capacity() >= message.len() {
                    return true;
                }
                match futures::future::poll_fn(|cx| send.poll_capacity(cx)).await {
                    Some(Ok(_)) => continue,
                    _ => return false,
                }
            }
        })
        .await
        .unwrap_or(false);
        if !granted {
            break;
        }
        send.send_data(message.clone(), false).unwrap();
        accepted += message.len();
    }
    let queued = metric(&lab, "streamguard_response_bytes_queued").await;
    eprintln!(
        "never-reading client: server took {accepted} bytes of requests; {queued:?} response bytes queued"
    );
    assert!(
        accepted <= 1_300_000,
        "the server took {accepted} bytes of requests from a client that reads nothing"
    );
    assert!(
        queued.is_some_and(|q| q <= 512.0 * 1024.0),
        "response bytes queued for the stream: {queued:?}"
    );
}

#[tokio::test]
async fn an_upload_chunk_over_its_cap_is_refused_but_a_normal_upload_works() {
    let lab = start_dev().await;
    let (token, _) = lab.token("up", "tools:echo", Duration::from_secs(60));
    let chunks = vec![
        ToolInputChunk {
            name: "echo".into(),
            data: b"hello ".to_vec(),
            ..Default::default()
        },
        ToolInputChunk {
            name: String::new(),
            data: b"world".to_vec(),
            ..Default::default()
        },
    ];
    let ok = lab
        .streaming()
        .upload_tool_input(authed(futures::stream::iter(chunks), &token))
        .await
        .expect("a small upload goes through");
    assert!(ok.into_inner().content[0].text.contains("hello world"));
    let big = vec![ToolInputChunk {
        name: "echo".into(),
        data: vec![b'z'; 1 << 20],
        ..Default::default()
    }];
    let refused = lab
        .streaming()
        .upload_tool_input(authed(futures::stream::iter(big), &token))
        .await
        .unwrap_err();
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "message_too_large")
    );
}
