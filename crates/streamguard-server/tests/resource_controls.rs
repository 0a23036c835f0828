//! Deadlines (F3), cancellation (F4), identity rate limits (F5) and lifetime (F6), end to end
//! through the reference server and a real recording downstream on loopback.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use serde_json::json;
use streamguard::Control;
use streamguard_proto::mcp::v1::{WatchResourceRequest, tool_call_event::Event};
use streamguard_server::ServeConfig;
use tonic::Code;

#[tokio::test]
async fn the_downstream_sees_the_callers_remaining_deadline() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("carol", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi_with(&lab, &token, Some(Duration::from_secs(3)))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    bidi.call(tool_call("r1", "echo", json!({}))).await.unwrap();
    let seen = backend.seen()[0]
        .grpc_timeout
        .expect("the downstream got a grpc-timeout");
    assert!(
        seen <= Duration::from_millis(2750),
        "the elapsed 300 ms are taken off: {seen:?}"
    );
    assert!(seen > Duration::from_millis(1500), "{seen:?}");
}

#[tokio::test]
async fn with_deadline_disabled_the_downstream_gets_the_fixed_30s() {
    let (lab, backend) = lab_with_recorder(ServeConfig {
        disabled: vec![Control::Deadline],
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("carol", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi_with(&lab, &token, Some(Duration::from_secs(3)))
        .await
        .unwrap();
    bidi.call(tool_call("r1", "echo", json!({}))).await.unwrap();
    assert_eq!(
        backend.seen()[0].grpc_timeout,
        Some(Duration::from_secs(30))
    );
}

#[tokio::test]
async fn a_stream_past_its_deadline_ends_with_deadline_exceeded_and_malformed_timeouts_are_refused()
{
    let lab = start_dev().await;
    let (token, _) = lab.token("carol", "files:read", Duration::from_secs(60));
    let req = WatchResourceRequest {
        uri: "mcp://users/carol/x".into(),
        interval_ms: 50,
    };
    // The client's own timer would also fire; use the raw header so only the server's deadline counts.
    let mut r = authed(req.clone(), &token);
    r.metadata_mut()
        .insert("grpc-timeout", "800m".parse().unwrap());
    let t0 = Instant::now();
    let mut stream = lab
        .streaming()
        .watch_resource(r)
        .await
        .unwrap()
        .into_inner();
    let status = loop {
        match stream.next().await {
            Some(Ok(_)) => continue,
            Some(Err(s)) => break s,
            None => panic!("ended without status"),
        }
    };
    assert_eq!(status.code(), Code::DeadlineExceeded);
    assert!(
        t0.elapsed() < Duration::from_millis(2000),
        "{:?}",
        t0.elapsed()
    );
    let mut r = authed(req, &token);
    r.metadata_mut()
        .insert("grpc-timeout", "soon".parse().unwrap());
    let status = lab.streaming().watch_resource(r).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
}

/// Opens a bidi stream, starts a `slow_echo` the downstream holds, then cancels the client side.
/// Returns how long after the cancel the downstream saw its call cancelled, if it did.
async fn cancel_during_slow_call(config: ServeConfig) -> Option<Duration> {
    let (lab, backend) = lab_with_recorder(config).await;
    let (token, _) = lab.token("carol", "tools:echo", Duration::from_secs(60));
    let bidi = open_bidi(&lab, &token).await.unwrap();
    bidi.tx
        .send(tool_call("slow", "slow_echo", json!({"ms": 3000})))
        .await
        .unwrap();
    eventually(Duration::from_secs(5), || {
        (!backend.seen().is_empty()).then_some(())
    })
    .await
    .expect("call reached the backend");
    let cancelled = Instant::now();
    drop(bidi);
    let at = eventually(Duration::from_secs(2), || backend.seen()[0].cancelled_at).await;
    at.map(|t| t.saturating_duration_since(cancelled))
}

#[tokio::test]
async fn cancelling_the_client_stream_cancels_the_downstream_call() {
    let lag = cancel_during_slow_call(ServeConfig::dev())
        .await
        .expect("the downstream call was cancelled");
    assert!(
        lag < Duration::from_millis(500),
        "cancelled {lag:?} after the client"
    );
}

#[tokio::test]
async fn with_cancel_disabled_the_downstream_call_runs_on() {
    let lag = cancel_during_slow_call(ServeConfig {
        disabled: vec![Control::Cancel],
        ..ServeConfig::dev()
    })
    .await;
    assert_eq!(
        lag, None,
        "the naive server leaves the downstream call running"
    );
}

/// Sends up to `n` echo calls on one new stream; returns the results and the final status.
async fn send_until_limited(lab: &Lab, token: &str, n: usize) -> (usize, Option<tonic::Status>) {
    let mut bidi = open_bidi(lab, token).await.unwrap();
    let mut ok = 0;
    for i in 0..n {
        match bidi
            .call(tool_call(&format!("r{i}"), "echo", json!({})))
            .await
        {
            Ok(ev) if matches!(ev.event, Some(Event::Result(_))) => ok += 1,
            Ok(other) => panic!("unexpected event {other:?}"),
            Err(status) => return (ok, Some(status)),
        }
    }
    (ok, None)
}

fn limited(per_minute: u32, disabled: Vec<Control>) -> ServeConfig {
    ServeConfig {
        messages_per_minute: per_minute,
        burst: per_minute,
        disabled,
        ..ServeConfig::dev()
    }
}

#[tokio::test]
async fn the_identity_rate_limit_survives_reconnecting() {
    let lab = start(limited(20, vec![])).await;
    let (token, _) = lab.token("dave", "tools:echo", Duration::from_secs(60));
    let (first, status) = send_until_limited(&lab, &token, 40).await;
    assert_eq!(first, 20);
    let status = status.expect("limited");
    assert_eq!(
        (status.code(), status.message()),
        (Code::ResourceExhausted, "rate_limit_exceeded")
    );
    let retry: u64 = status
        .metadata()
        .get("retry-after-ms")
        .unwrap()
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 3000, "retry-after-ms {retry}");
    let (second, status) = send_until_limited(&lab, &token, 5).await;
    assert_eq!(
        second, 0,
        "a new stream of the same identity gets no fresh allowance"
    );
    assert_eq!(status.unwrap().code(), Code::ResourceExhausted);
    let (other, _) = lab.token("erin", "tools:echo", Duration::from_secs(60));
    let (n, status) = send_until_limited(&lab, &other, 5).await;
    assert!(
        n == 5 && status.is_none(),
        "another identity is unaffected: {n} {status:?}"
    );
}

#[tokio::test]
async fn with_identity_rate_limit_disabled_a_reconnect_gets_a_fresh_allowance() {
    let lab = start(limited(20, vec![Control::IdentityRateLimit])).await;
    let (token, _) = lab.token("dave", "tools:echo", Duration::from_secs(60));
    assert_eq!(send_until_limited(&lab, &token, 40).await.0, 20);
    assert_eq!(
        send_until_limited(&lab, &token, 40).await.0,
        20,
        "the naive per-stream limit resets"
    );
}

#[tokio::test]
async fn concurrent_streams_per_identity_are_capped() {
    let lab = start(ServeConfig {
        max_streams_per_identity: 2,
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("dave", "tools:echo", Duration::from_secs(60));
    let mut a = open_bidi(&lab, &token).await.unwrap();
    let mut b = open_bidi(&lab, &token).await.unwrap();
    a.call(tool_call("a", "echo", json!({}))).await.unwrap();
    b.call(tool_call("b", "echo", json!({}))).await.unwrap();
    let refused = open_bidi(&lab, &token)
        .await
        .err()
        .expect("third stream refused");
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "too_many_streams")
    );
    drop(a);
    let guard = lab.server.guard.clone();
    eventually(Duration::from_secs(2), || {
        (guard.metrics().live().streams == 1).then_some(())
    })
    .await
    .expect("the dropped stream's session ends");
    let mut c = open_bidi(&lab, &token)
        .await
        .expect("a slot was given back");
    c.call(tool_call("c", "echo", json!({}))).await.unwrap();
}

async fn watch_until_end(lab: &Lab, token: &str) -> (Duration, tonic::Status) {
    let req = WatchResourceRequest {
        uri: "mcp://users/erin/x".into(),
        interval_ms: 100,
    };
    let t0 = Instant::now();
    let mut stream = lab
        .streaming()
        .watch_resource(authed(req, token))
        .await
        .unwrap()
        .into_inner();
    loop {
        match tokio::time::timeout(Duration::from_secs(10), stream.next())
            .await
            .expect("ends within 10 s")
        {
            Some(Ok(_)) => continue,
            Some(Err(s)) => return (t0.elapsed(), s),
            None => panic!("ended without status"),
        }
    }
}

#[tokio::test]
async fn an_active_stream_ends_at_its_maximum_lifetime() {
    let lab = start(ServeConfig {
        max_stream_lifetime: Duration::from_secs(2),
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("erin", "files:read", Duration::from_secs(60));
    let (lived, status) = watch_until_end(&lab, &token).await;
    assert_eq!(
        (status.code(), status.message()),
        (Code::Unavailable, "max_stream_lifetime")
    );
    assert!(
        lived >= Duration::from_millis(1900) && lived < Duration::from_millis(3000),
        "{lived:?}"
    );
}

#[tokio::test]
async fn a_silent_stream_ends_at_the_idle_timeout() {
    let lab = start(ServeConfig {
        idle_timeout: Duration::from_secs(1),
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("erin", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    // Traffic keeps it alive past the idle limit…
    for i in 0..4 {
        bidi.call(tool_call(&format!("r{i}"), "echo", json!({})))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    // …silence ends it.
    let t0 = Instant::now();
    let end = tokio::time::timeout(Duration::from_secs(5), bidi.events.next())
        .await
        .unwrap();
    let status = end.unwrap().unwrap_err();
    assert_eq!(
        (status.code(), status.message()),
        (Code::Unavailable, "idle_timeout")
    );
    assert!(
        t0.elapsed() < Duration::from_millis(1500),
        "{:?}",
        t0.elapsed()
    );
}

#[tokio::test]
async fn with_lifetime_disabled_the_stream_outlives_the_limit() {
    let lab = start(ServeConfig {
        max_stream_lifetime: Duration::from_secs(1),
        disabled: vec![Control::Lifetime],
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("erin", "files:read", Duration::from_secs(60));
    let req = WatchResourceRequest {
        uri: "mcp://users/erin/x".into(),
        interval_ms: 100,
    };
    let mut stream = lab
        .streaming()
        .watch_resource(authed(req, &token))
        .await
        .unwrap()
        .into_inner();
    let t0 = Instant::now();
    while t0.elapsed() < Duration::from_millis(2000) {
        stream.next().await.unwrap().expect("still flowing");
    }
}

#[tokio::test]
async fn thousands_of_cancelled_streams_leave_no_session_task_timer_or_limiter_entry() {
    let lab = start(ServeConfig {
        max_streams_per_identity: 0,
        messages_per_minute: 0,
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("frank", "files:read tools:echo", Duration::from_secs(300));
    let guard = lab.server.guard.clone();
    for batch in 0..20 {
        let opens = (0..100).map(|i| {
            let req = WatchResourceRequest {
                uri: format!("mcp://users/frank/{batch}-{i}"),
                interval_ms: 1000,
            };
            let mut client = lab.streaming();
            let token = token.clone();
            async move {
                let mut s = client
                    .watch_resource(authed(req, &token))
                    .await
                    .unwrap()
                    .into_inner();
                if i % 2 == 0 {
                    s.next().await.unwrap().unwrap();
                }
                s
            }
        });
        let opened = futures::future::join_all(opens).await;
        assert!(guard.metrics().live().streams > 0);
        drop(opened);
    }
    let clean = eventually(Duration::from_secs(5), || {
        let live = guard.metrics().live();
        (live.streams == 0
            && live.timers == 0
            && live.tasks == 0
            && guard.revocations().live_sessions() == 0
            && guard.limiter().stream_entries() == 0)
            .then_some(live)
    })
    .await;
    assert!(
        clean.is_some(),
        "left over: {:?}, registered {}, limiter {}",
        guard.metrics().live(),
        guard.revocations().live_sessions(),
        guard.limiter().stream_entries()
    );
    let metrics = lab.get("/metrics").await;
    assert!(
        metrics.contains("streamguard_streams_opened_total 2000"),
        "{metrics}"
    );
    assert!(metrics.contains("streamguard_streams_active 0"));
}
