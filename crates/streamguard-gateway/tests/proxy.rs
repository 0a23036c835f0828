//! The gateway in front of an upstream with no auth of its own (a tonic server that records
//! what reaches it): per-message authorization, identity instead of the token, transparency of
//! status, details and metadata, deadlines, cancellation, expiry, revocation, limits.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_proto::mcp::v1::{
    CallToolRequest, ToolCall, ToolCallEvent, ToolInputChunk, WatchResourceRequest, tool_call_event,
};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

const UPSTREAM_KEY: &str = "upstream-signing-key-0123456789abcdef0123";

async fn setup(tweak: impl FnOnce(&mut streamguard_gateway::GatewayConfig)) -> (Lab, Recorder) {
    let rec = Recorder::default();
    let addr = rec.serve().await;
    let mut c = config(addr);
    c.methods = vec![tool_calls_method()];
    tweak(&mut c);
    (lab(c).await, rec)
}

struct Bidi {
    tx: mpsc::Sender<ToolCall>,
    rx: tonic::Streaming<ToolCallEvent>,
}

impl Bidi {
    async fn open(lab: &Lab, token: &str) -> Result<Bidi, tonic::Status> {
        let (tx, rx) = mpsc::channel(16);
        let mut client = McpStreamingClient::new(lab.channel.clone());
        let rx = client
            .stream_tool_calls(authed(ReceiverStream::new(rx), token))
            .await?
            .into_inner();
        Ok(Bidi { tx, rx })
    }

    async fn call(&mut self, call: ToolCall) -> Result<ToolCallEvent, tonic::Status> {
        self.tx.send(call).await.expect("stream open");
        match tokio::time::timeout(Duration::from_secs(5), self.rx.next()).await {
            Ok(Some(r)) => r,
            Ok(None) => Err(tonic::Status::unknown("stream ended")),
            Err(_) => panic!("no answer within 5 s"),
        }
    }
}

fn denial(event: &ToolCallEvent) -> Option<(String, String)> {
    match &event.event {
        Some(tool_call_event::Event::Error(e)) => Some((e.status.clone(), e.message.clone())),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bidi_messages_are_authorized_one_by_one_and_denied_ones_never_reach_the_upstream() {
    let (lab, rec) = setup(|_| {}).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut s = Bidi::open(&lab, &tok).await.unwrap();

    let ok = s
        .call(tool_call("r1", "echo", "mcp://users/alice/a"))
        .await
        .unwrap();
    assert_eq!((ok.request_id.as_str(), denial(&ok)), ("r1", None));

    let no = s.call(tool_call("r2", "delete_repo", "")).await.unwrap();
    assert_eq!(no.request_id, "r2");
    assert_eq!(denial(&no).unwrap().1, "insufficient_scope: delete_repo");

    let no = s
        .call(tool_call("r3", "echo", "mcp://users/bob/a"))
        .await
        .unwrap();
    assert_eq!(
        denial(&no).unwrap().1,
        "resource_not_owned: mcp://users/bob/a"
    );

    let mut in_args = tool_call("r4", "echo", "mcp://users/alice/a");
    in_args.arguments = Some(prost_types::Struct {
        fields: [(
            "path".to_string(),
            prost_types::Value {
                kind: Some(prost_types::value::Kind::StringValue(
                    "mcp://users/bob/x".into(),
                )),
            },
        )]
        .into(),
    });
    let no = s.call(in_args).await.unwrap();
    assert_eq!(
        denial(&no).unwrap().1,
        "resource_not_owned: mcp://users/bob/x",
        "resources inside arguments count"
    );

    let no = s.call(tool_call("r5", "rm_rf", "")).await.unwrap();
    assert_eq!(denial(&no).unwrap().1, "unknown_tool: rm_rf");

    let ok = s.call(tool_call("r6", "echo", "")).await.unwrap();
    assert_eq!(
        (ok.request_id.as_str(), denial(&ok)),
        ("r6", None),
        "the stream goes on"
    );

    assert_eq!(
        rec.tools(),
        ["echo", "echo"],
        "denied messages never reach the upstream"
    );
    let metrics = admin_get(&lab.gateway, "/metrics").await;
    assert!(
        metrics.contains("streamguard_gateway_denied_messages_total{method=\"mcp.v1.McpStreaming/StreamToolCalls\",reason=\"insufficient_scope\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("streamguard_denied_messages_total{reason=\"resource_not_owned\"} 2"),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_deny_end_ends_the_stream_permission_denied_with_the_reason() {
    let (lab, rec) = setup(|c| c.guard.on_deny = streamguard::OnDeny::End).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut s = Bidi::open(&lab, &tok).await.unwrap();
    s.call(tool_call("r1", "echo", "")).await.unwrap();
    let end = s
        .call(tool_call("r2", "delete_repo", ""))
        .await
        .unwrap_err();
    assert_eq!(
        (end.code(), end.message()),
        (Code::PermissionDenied, "insufficient_scope")
    );
    assert_eq!(rec.tools(), ["echo"]);
    all_released(&lab.gateway, &rec.active, Duration::from_secs(3))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upstream_gets_a_signed_identity_and_never_the_clients_token() {
    let (lab, rec) = setup(|c| c.identity.signing_key = Some(UPSTREAM_KEY.into())).await;
    let (tok, jti) = token("alice", "tools:echo files:read", Duration::from_secs(60));
    let mut req = authed(
        WatchResourceRequest {
            uri: "mcp://users/alice/n".into(),
            interval_ms: 10,
        },
        &tok,
    );
    req.metadata_mut()
        .insert("x-streamguard-sub", "root".parse().unwrap());
    req.metadata_mut()
        .insert("x-trace-id", "t-1".parse().unwrap());
    let mut stream = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(req)
        .await
        .unwrap()
        .into_inner();
    stream.next().await.unwrap().unwrap();
    drop(stream);
    let md = rec.seen().metadata[0].clone();
    let get = |k: &str| md.get(k).map(|v| v.to_str().unwrap().to_string());
    assert_eq!(get("authorization"), None, "no token passthrough");
    assert_eq!(
        get("x-streamguard-sub").as_deref(),
        Some("alice"),
        "the client cannot claim another sub"
    );
    assert_eq!(
        get("x-streamguard-scopes").as_deref(),
        Some("tools:echo files:read")
    );
    assert_eq!(get("x-streamguard-jti"), Some(jti.clone()));
    assert_eq!(
        get("x-trace-id").as_deref(),
        Some("t-1"),
        "other metadata passes through"
    );
    let ts = get("x-streamguard-timestamp").unwrap();
    let canonical = format!(
        "streamguard-identity-v1\n{ts}\n/mcp.v1.McpStreaming/WatchResource\nalice\ntools:echo files:read\n{jti}"
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(UPSTREAM_KEY.as_bytes()).unwrap();
    mac.update(canonical.as_bytes());
    let want: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(get("x-streamguard-signature"), Some(format!("v1={want}")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_message_details_and_response_metadata_pass_through_unchanged() {
    let (lab, _rec) = setup(|_| {}).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let mut client = McpStreamingClient::new(lab.channel.clone());
    let err = client
        .call_tool_with_progress(authed(
            CallToolRequest {
                name: "echo".into(),
                ..Default::default()
            },
            &tok,
        ))
        .await
        .unwrap_err();
    assert_eq!(
        (err.code(), err.message()),
        (Code::FailedPrecondition, "upstream says no")
    );
    assert_eq!(err.details(), b"\x01\x02details");

    let chunks = (0..5).map(|i| ToolInputChunk {
        name: format!("c{i}"),
        resource_uri: String::new(),
        data: vec![i; 1000],
    });
    let resp = client
        .upload_tool_input(authed(tokio_stream::iter(chunks), &tok))
        .await
        .unwrap();
    assert_eq!(resp.metadata().get("x-bytes-received").unwrap(), "5000");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_upstream_gets_the_remaining_deadline_and_is_cancelled_at_it() {
    let (lab, rec) = setup(|_| {}).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let mut req = authed(
        WatchResourceRequest {
            uri: "u".into(),
            interval_ms: 20,
        },
        &tok,
    );
    req.set_timeout(Duration::from_secs(2));
    let t0 = Instant::now();
    let mut stream = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(req)
        .await
        .unwrap()
        .into_inner();
    let end = loop {
        match stream.next().await {
            Some(Ok(_)) => continue,
            Some(Err(s)) => break s,
            None => panic!("stream ended OK"),
        }
    };
    let lived = t0.elapsed();
    assert_eq!(end.code(), Code::DeadlineExceeded, "{end:?}");
    assert!(lived < Duration::from_millis(2600), "{lived:?}");
    let sent = rec.seen().metadata[0]
        .get("grpc-timeout")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let sent = streamguard::deadline::parse_grpc_timeout(&sent).unwrap();
    assert!(
        sent <= Duration::from_secs(2) && sent > Duration::from_millis(1500),
        "{sent:?}"
    );
    all_released(&lab.gateway, &rec.active, Duration::from_secs(1))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_and_revocation_end_streams_and_cancel_the_upstream_handlers() {
    let (lab, rec) = setup(|_| {}).await;
    let watch = |tok: &str| {
        let mut c = McpStreamingClient::new(lab.channel.clone());
        let req = authed(
            WatchResourceRequest {
                uri: "u".into(),
                interval_ms: 20,
            },
            tok,
        );
        async move { c.watch_resource(req).await.unwrap().into_inner() }
    };
    let until_end = |mut s: tonic::Streaming<_>| async move {
        loop {
            match s.next().await {
                Some(Ok(_)) => {}
                Some(Err(e)) => return (e, Instant::now()),
                None => panic!("ended OK"),
            }
        }
    };
    let (short, _) = token("erin", "files:read", Duration::from_secs(2));
    let (long, jti) = token("fred", "files:read", Duration::from_secs(60));
    let (a, b) = (watch(&short).await, watch(&long).await);
    let expired = tokio::spawn(until_end(a));
    let revoked = tokio::spawn(until_end(b));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let t_revoke = Instant::now();
    assert_eq!(
        revoke(&lab.gateway, serde_json::json!({"jti": jti})).await,
        200
    );
    let (e, at) = revoked.await.unwrap();
    assert_eq!(
        (e.code(), e.message()),
        (Code::PermissionDenied, "token_revoked")
    );
    assert!(at - t_revoke < Duration::from_millis(500));
    let (e, _) = expired.await.unwrap();
    assert_eq!(
        (e.code(), e.message()),
        (Code::Unauthenticated, "token_expired")
    );
    all_released(&lab.gateway, &rec.active, Duration::from_secs(1))
        .await
        .unwrap();
    assert_eq!(
        rec.seen().cancelled.len(),
        2,
        "both upstream handlers saw their call cancelled"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_cancel_cancels_the_upstream_handler_at_once() {
    let (lab, rec) = setup(|_| {}).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let mut stream = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(authed(
            WatchResourceRequest {
                uri: "u".into(),
                interval_ms: 20,
            },
            &tok,
        ))
        .await
        .unwrap()
        .into_inner();
    stream.next().await.unwrap().unwrap();
    assert_eq!(rec.active.load(std::sync::atomic::Ordering::SeqCst), 1);
    let t0 = Instant::now();
    drop(stream);
    all_released(&lab.gateway, &rec.active, Duration::from_secs(1))
        .await
        .unwrap();
    let cancelled = rec.seen().cancelled.clone();
    assert_eq!(cancelled.len(), 1);
    assert!(cancelled[0] - t0 < Duration::from_millis(500));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_identity_rate_limit_survives_reconnecting() {
    let (lab, _rec) = setup(|c| {
        c.guard.messages_per_minute = 60;
        c.guard.burst = 5;
    })
    .await;
    let (tok, _) = token("dave", "tools:echo", Duration::from_secs(60));
    let mut answered = 0;
    let mut s = Bidi::open(&lab, &tok).await.unwrap();
    let end = loop {
        match s.call(tool_call("r", "echo", "")).await {
            Ok(_) => answered += 1,
            Err(e) => break e,
        }
    };
    assert_eq!(end.code(), Code::ResourceExhausted, "{end:?}");
    assert!((4..=6).contains(&answered), "{answered}");
    let mut again = Bidi::open(&lab, &tok).await.unwrap();
    let e = again.call(tool_call("r", "echo", "")).await.unwrap_err();
    assert_eq!(
        e.code(),
        Code::ResourceExhausted,
        "a new stream does not reset the limit"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_upstream_is_unavailable_naming_it_and_the_gateway_keeps_serving() {
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut c = config(dead);
    c.upstream.connect_timeout = Duration::from_secs(1);
    let lab = lab(c).await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    for _ in 0..2 {
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
        assert_eq!(e.code(), Code::Unavailable);
        assert!(
            e.message().contains(&format!("upstream http://{dead}")),
            "{}",
            e.message()
        );
    }
    all_released(
        &lab.gateway,
        &std::sync::atomic::AtomicI64::new(0),
        Duration::from_secs(1),
    )
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_about_resources_the_caller_does_not_own_are_dropped_and_counted() {
    let (lab, _rec) = setup(|c| {
        c.methods.push(streamguard_gateway::config::MethodConfig {
            method: "mcp.v1.McpStreaming/WatchResource".into(),
            resource_owner: Some("mcp://users/{sub}/*".into()),
            outbound_resource: Some("uri".into()),
            ..Default::default()
        })
    })
    .await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let watch = |uri: &str| {
        let mut c = McpStreamingClient::new(lab.channel.clone());
        let req = authed(
            WatchResourceRequest {
                uri: uri.into(),
                interval_ms: 10,
            },
            &tok,
        );
        async move { c.watch_resource(req).await.unwrap().into_inner() }
    };
    let mut own = watch("mcp://users/alice/notes").await;
    let update = own.next().await.unwrap().unwrap();
    assert_eq!(update.uri, "mcp://users/alice/notes");
    let mut other = watch("mcp://users/bob/notes").await;
    let got = tokio::time::timeout(Duration::from_millis(300), other.next()).await;
    assert!(
        got.is_err(),
        "no update about bob's resource reached alice: {got:?}"
    );
    let metrics = admin_get(&lab.gateway, "/metrics").await;
    let dropped: u64 = metrics
        .lines()
        .find_map(|l| l.strip_prefix("streamguard_gateway_outbound_dropped_total{method=\"mcp.v1.McpStreaming/WatchResource\"} "))
        .and_then(|v| v.parse().ok())
        .unwrap();
    assert!(dropped >= 5, "{dropped} dropped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_denied_request_of_a_server_streaming_call_ends_it_and_never_reaches_the_upstream() {
    let (lab, rec) = setup(|c| {
        c.methods.push(streamguard_gateway::config::MethodConfig {
            method: "mcp.v1.McpStreaming/WatchResource".into(),
            resource: streamguard_gateway::config::OneOrMany::One("uri".into()),
            resource_owner: Some("mcp://users/{sub}/*".into()),
            ..Default::default()
        })
    })
    .await;
    let (tok, _) = token("alice", "files:read", Duration::from_secs(60));
    let e = McpStreamingClient::new(lab.channel.clone())
        .watch_resource(authed(
            WatchResourceRequest {
                uri: "mcp://users/bob/notes".into(),
                interval_ms: 10,
            },
            &tok,
        ))
        .await
        .unwrap_err();
    assert_eq!(
        (e.code(), e.message()),
        (Code::PermissionDenied, "resource_not_owned")
    );
    assert!(
        rec.seen().resources.is_empty(),
        "the upstream never saw the request"
    );
    all_released(&lab.gateway, &rec.active, Duration::from_secs(1))
        .await
        .unwrap();
}
