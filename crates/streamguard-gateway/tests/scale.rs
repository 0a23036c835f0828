//! Limits and failure: 4 MiB messages, larger ones refused, 1,000 concurrent proxied streams
//! cancelled leave nothing behind, an upstream slow to accept, one that never answers.

mod common;

use std::sync::atomic::Ordering::SeqCst;
use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_proto::mcp::v1::{ToolInputChunk, WatchResourceRequest};
use tonic::Code;

fn chunk(len: usize) -> ToolInputChunk {
    ToolInputChunk {
        name: "upload".into(),
        resource_uri: String::new(),
        data: vec![7; len],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_4_mib_message_passes_and_a_larger_one_is_refused_resource_exhausted() {
    let rec = Recorder::default();
    let lab = lab(config(rec.serve().await)).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut client = McpStreamingClient::new(lab.channel.clone())
        .max_decoding_message_size(16 << 20)
        .max_encoding_message_size(16 << 20);
    // 4 MiB in all, prefix and field tags included.
    let data = 4 * 1024 * 1024 - 5 - 16;
    let resp = client
        .upload_tool_input(authed(tokio_stream::iter([chunk(data), chunk(10)]), &tok))
        .await
        .unwrap();
    assert_eq!(
        resp.metadata()
            .get("x-bytes-received")
            .unwrap()
            .to_str()
            .unwrap(),
        (data + 10).to_string()
    );

    let e = client
        .upload_tool_input(authed(
            tokio_stream::iter([chunk(10), chunk(4 * 1024 * 1024)]),
            &tok,
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::ResourceExhausted, "{e:?}");
    assert_eq!(
        e.message(),
        "message_too_large",
        "refused from its header by the guard"
    );
    all_released(&lab.gateway, &rec.active, Duration::from_secs(2))
        .await
        .unwrap();
    let metrics = admin_get(&lab.gateway, "/metrics").await;
    assert!(
        metrics.contains("streamguard_stream_terminations_total{reason=\"message_too_large\"} 1"),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_streams_then_cancelled_leave_no_session_task_or_upstream_stream() {
    let rec = Recorder::default();
    let mut c = config(rec.serve().await);
    c.guard.max_streams_per_identity = 0;
    c.guard.messages_per_minute = 0;
    // All of them on the one client connection (the edge allows 100 per connection by default).
    c.server.max_concurrent_streams = 1000;
    let lab = lab(c).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(120));
    let mut streams = Vec::new();
    for i in 0..1000 {
        let mut client = McpStreamingClient::new(lab.channel.clone());
        let req = authed(
            WatchResourceRequest {
                uri: format!("u{i}"),
                interval_ms: 1000,
            },
            &tok,
        );
        streams.push(tokio::spawn(async move {
            let mut s = client.watch_resource(req).await.unwrap().into_inner();
            s.next().await.unwrap().unwrap();
            s
        }));
    }
    let mut open = Vec::new();
    for s in streams {
        open.push(s.await.unwrap());
    }
    assert_eq!(rec.active.load(SeqCst), 1000);
    assert_eq!(lab.gateway.guard.metrics().live().streams, 1000);
    assert_eq!(lab.gateway.metrics.upstream_streams(), 1000);
    drop(open);
    all_released(&lab.gateway, &rec.active, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(
        rec.seen().cancelled.len(),
        1000,
        "every upstream handler saw its call cancelled"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_slow_to_accept_is_waited_for_within_the_connect_timeout() {
    // The listener exists but accepts nothing for 1 s, then serves.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let rec = Recorder::default();
    let serving = rec.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(1)).await;
        listener.set_nonblocking(true).unwrap();
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        tonic::transport::Server::builder()
            .add_service(
                streamguard_proto::mcp::v1::mcp_streaming_server::McpStreamingServer::new(serving),
            )
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener))
            .await
            .unwrap();
    });
    let mut c = config(addr);
    c.upstream.connect_timeout = Duration::from_secs(5);
    let lab = lab(c).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let t0 = Instant::now();
    let mut s = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(authed(
            WatchResourceRequest {
                uri: "u".into(),
                interval_ms: 10,
            },
            &tok,
        ))
        .await
        .unwrap()
        .into_inner();
    s.next().await.unwrap().unwrap();
    assert!(
        t0.elapsed() >= Duration::from_millis(900),
        "it waited for the accept"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_that_never_answers_fails_its_streams_unavailable() {
    // Accepts TCP (the kernel backlog does) but never speaks HTTP/2.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut c = config(addr);
    c.upstream.connect_timeout = Duration::from_secs(1);
    c.upstream.keepalive = Duration::from_millis(500);
    let lab = lab(c).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let t0 = Instant::now();
    let e = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(authed(
            WatchResourceRequest {
                uri: "u".into(),
                interval_ms: 10,
            },
            &tok,
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::Unavailable, "{e:?}");
    assert!(
        e.message().contains(&format!("http://{addr}")),
        "{}",
        e.message()
    );
    assert!(t0.elapsed() < Duration::from_secs(5), "{:?}", t0.elapsed());
    all_released(
        &lab.gateway,
        &std::sync::atomic::AtomicI64::new(0),
        Duration::from_secs(2),
    )
    .await
    .unwrap();
    drop(listener);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_small_messages_are_forwarded_without_tripping_the_upstreams_http2_limits() {
    // One DATA frame per tiny message makes hyper peers close the connection
    // (ENHANCE_YOUR_CALM, too_many_data_frames); the gateway joins them as gRPC senders do.
    let rec = Recorder::default();
    let mut c = config(rec.serve().await);
    c.methods = vec![tool_calls_method()];
    c.guard.messages_per_minute = 0;
    let lab = lab(c).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let mut client = McpStreamingClient::new(lab.channel.clone());
        let tok = tok.clone();
        tasks.push(tokio::spawn(async move {
            let (tx, rx) = tokio::sync::mpsc::channel(64);
            let mut inbound = client
                .stream_tool_calls(authed(
                    tokio_stream::wrappers::ReceiverStream::new(rx),
                    &tok,
                ))
                .await
                .unwrap()
                .into_inner();
            let send = tokio::spawn(async move {
                for i in 0..2000 {
                    tx.send(tool_call(&i.to_string(), "echo", ""))
                        .await
                        .unwrap();
                }
            });
            for _ in 0..2000 {
                inbound.next().await.unwrap().unwrap();
            }
            send.await.unwrap();
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(rec.tools().len(), 16_000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_streams_with_one_message_in_flight_each_are_forwarded() {
    let rec = Recorder::default();
    let mut c = config(rec.serve().await);
    c.methods = vec![tool_calls_method()];
    c.guard.messages_per_minute = 0;
    c.guard.max_streams_per_identity = 0;
    let lab = lab(c).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut tasks = Vec::new();
    for _ in 0..64 {
        let mut client = McpStreamingClient::new(lab.channel.clone());
        let tok = tok.clone();
        tasks.push(tokio::spawn(async move {
            let (tx, rx) = tokio::sync::mpsc::channel(1);
            tx.send(tool_call("0", "echo", "")).await.unwrap();
            let mut inbound = client
                .stream_tool_calls(authed(
                    tokio_stream::wrappers::ReceiverStream::new(rx),
                    &tok,
                ))
                .await
                .unwrap()
                .into_inner();
            inbound.next().await.unwrap().unwrap();
            for i in 1..300 {
                tx.send(tool_call(&i.to_string(), "echo", ""))
                    .await
                    .unwrap();
                inbound.next().await.unwrap().unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(rec.tools().len(), 64 * 300);
}
