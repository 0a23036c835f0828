//! Several `serve` instances on one real `redis-server` behave as one server: a revocation
//! posted to any instance ends streams on every instance and is refused by instances started
//! later; the identity rate limit and stream cap are counted across instances; a lift lifts
//! everywhere; and when Redis dies, stalls or comes back, the outage policy holds and nothing
//! is lost.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use serde_json::json;
use streamguard::OnStateUnavailable;
use streamguard_proto::mcp::v1::{ResourceUpdate, WatchResourceRequest};
use streamguard_server::ServeConfig;
use streamguard_testkit::RedisServer;
use tonic::Code;

const SECRET: &str = "multi-instance-test-secret-0123456789abcdef";

/// A dev instance sharing its state through `redis`, with the same signing secret as the
/// others, tuned by `tune`.
fn shared(redis: &RedisServer, tune: impl FnOnce(&mut ServeConfig)) -> ServeConfig {
    let mut c = ServeConfig::dev();
    c.dev_secret = Some(SECRET.into());
    c.state.use_redis(&redis.url());
    tune(&mut c);
    c
}

fn watch_req(sub: &str) -> WatchResourceRequest {
    WatchResourceRequest {
        uri: format!("mcp://users/{sub}/notes"),
        interval_ms: 50,
    }
}

/// A WatchResource stream that has delivered its first update.
async fn watching(lab: &Lab, token: &str, sub: &str) -> tonic::Streaming<ResourceUpdate> {
    let mut s = lab
        .streaming()
        .watch_resource(authed(watch_req(sub), token))
        .await
        .expect("stream opens")
        .into_inner();
    s.next().await.expect("an update").expect("an update");
    s
}

/// How the stream ended, and when.
async fn end_of(
    mut s: tonic::Streaming<ResourceUpdate>,
    within: Duration,
) -> (tonic::Status, Instant) {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, s.next()).await {
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(status))) => return (status, Instant::now()),
            Ok(None) => panic!("stream ended without a status"),
            Err(_) => panic!("stream still live after {within:?}"),
        }
    }
}

async fn refusal(lab: &Lab, token: &str, sub: &str) -> (Code, String) {
    let s = refused_watch(lab, watch_req(sub), token).await;
    (s.code(), s.message().to_string())
}

fn revoked() -> (Code, String) {
    (Code::PermissionDenied, "token_revoked".into())
}

fn state_unavailable() -> (Code, String) {
    (Code::Unavailable, "state_unavailable".into())
}

async fn health(lab: &Lab) -> (u16, String) {
    use http_body_util::{BodyExt, Empty};
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Empty<bytes::Bytes>>();
    let uri = format!("http://{}/healthz", lab.server.admin_addr)
        .parse()
        .unwrap();
    let resp = client.get(uri).await.expect("admin API answers");
    let status = resp.status().as_u16();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Polls `check` until it holds or `within` passes.
async fn until(within: Duration, mut check: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    false
}

#[tokio::test]
async fn a_revocation_posted_to_one_instance_ends_the_stream_on_another_and_later_instances_refuse_it()
 {
    let redis = RedisServer::start().await;
    let a = start(shared(&redis, |_| {})).await;
    let b = start(shared(&redis, |_| {})).await;
    let (token, spec) = a.token("erin", "files:read", Duration::from_secs(120));
    let live = watching(&b, &token, "erin").await;

    let posted = Instant::now();
    assert_eq!(a.revoke_as_admin(json!({"jti": spec.jti})).await, 200);
    let (status, at) = end_of(live, Duration::from_secs(3)).await;
    assert_eq!((status.code(), status.message().to_string()), revoked());
    assert!(
        at - posted < Duration::from_secs(1),
        "ended {:?} after the revocation was posted on the other instance",
        at - posted
    );
    assert_eq!(refusal(&b, &token, "erin").await, revoked());
    assert_eq!(b.server.guard.metrics().revocations_applied_total(), 1);

    let c = start(shared(&redis, |_| {})).await;
    assert_eq!(c.server.guard.revocations().stored(), 1, "loaded at start");
    assert_eq!(refusal(&c, &token, "erin").await, revoked());
    let metrics = c.get("/metrics").await;
    assert!(
        metrics.contains("streamguard_state_available{backend=\"redis\"} 1"),
        "{metrics}"
    );
}

#[tokio::test]
async fn a_subject_revocation_reaches_every_instance_and_a_lift_on_any_instance_lifts_it_everywhere()
 {
    let redis = RedisServer::start().await;
    let a = start(shared(&redis, |_| {})).await;
    let b = start(shared(&redis, |_| {})).await;
    let (old, _) = a.token("sam", "files:read", Duration::from_secs(120));
    let live = watching(&a, &old, "sam").await;

    assert_eq!(b.revoke_as_admin(json!({"sub": "sam"})).await, 200);
    let (status, _) = end_of(live, Duration::from_secs(3)).await;
    assert_eq!((status.code(), status.message().to_string()), revoked());
    assert_eq!(refusal(&a, &old, "sam").await, revoked());

    assert_eq!(a.lift_as_admin(json!({"sub": "sam"})).await, 200);
    assert!(
        until(Duration::from_secs(3), async || b
            .server
            .guard
            .revocations()
            .stored()
            == 0)
        .await,
        "the lift reached the other instance's copy"
    );
    watching(&b, &old, "sam").await;
    watching(&a, &old, "sam").await;
}

#[tokio::test]
async fn one_identity_budget_is_shared_across_instances_and_reconnecting_elsewhere_does_not_reset_it()
 {
    let redis = RedisServer::start().await;
    let limits = |c: &mut ServeConfig| {
        c.messages_per_minute = 20;
        c.burst = 20;
    };
    let a = start(shared(&redis, limits)).await;
    let b = start(shared(&redis, limits)).await;
    let (token, _) = a.token("frank", "tools:echo", Duration::from_secs(120));

    // Alternating between a stream on A and one on B: one budget of 20.
    let mut on_a = open_bidi(&a, &token).await.unwrap();
    let mut on_b = open_bidi(&b, &token).await.unwrap();
    let mut admitted = 0;
    let mut ended = Vec::new();
    for i in 0..40 {
        let s = if i % 2 == 0 { &mut on_a } else { &mut on_b };
        match s
            .call(tool_call(&format!("r{i}"), "echo", json!({"text": "x"})))
            .await
        {
            Ok(_) => admitted += 1,
            Err(status) => {
                ended.push((status.code(), status.message().to_string()));
                if ended.len() == 2 {
                    break;
                }
                // Go on with the other stream only.
                if i % 2 == 0 {
                    on_a = open_bidi(&b, &token).await.unwrap();
                } else {
                    on_b = open_bidi(&a, &token).await.unwrap();
                }
            }
        }
    }
    assert!(
        (15..=20).contains(&admitted),
        "{admitted} messages admitted across two instances with a budget of 20"
    );
    assert_eq!(
        ended[0],
        (Code::ResourceExhausted, "rate_limit_exceeded".into())
    );

    // Reconnecting to either instance does not reset it.
    for lab in [&a, &b] {
        let mut fresh = open_bidi(lab, &token).await.unwrap();
        let refused = fresh
            .call(tool_call("again", "echo", json!({"text": "x"})))
            .await
            .unwrap_err();
        assert_eq!(refused.code(), Code::ResourceExhausted);
    }
}

#[tokio::test]
async fn the_stream_cap_counts_the_streams_of_every_instance() {
    let redis = RedisServer::start().await;
    let cap = |c: &mut ServeConfig| c.max_streams_per_identity = 2;
    let a = start(shared(&redis, cap)).await;
    let b = start(shared(&redis, cap)).await;
    let (token, _) = a.token("gus", "files:read", Duration::from_secs(120));
    let first = watching(&a, &token, "gus").await;
    let _second = watching(&b, &token, "gus").await;
    for lab in [&a, &b] {
        assert_eq!(
            refusal(lab, &token, "gus").await,
            (Code::ResourceExhausted, "too_many_streams".into())
        );
    }
    drop(first);
    assert!(
        until(Duration::from_secs(3), async || {
            match b
                .streaming()
                .watch_resource(authed(watch_req("gus"), &token))
                .await
            {
                Ok(s) => {
                    drop(s);
                    true
                }
                Err(_) => false,
            }
        })
        .await,
        "a slot given back on A is free on B"
    );
}

#[tokio::test]
async fn redis_killed_under_closed_refuses_new_streams_and_ends_live_ones_after_the_grace() {
    let mut redis = RedisServer::start().await;
    let grace = Duration::from_secs(1);
    let a = start(shared(&redis, |c| c.state.outage_grace = grace)).await;
    let (token, _) = a.token("hal", "files:read", Duration::from_secs(120));
    let live = watching(&a, &token, "hal").await;

    let killed = Instant::now();
    redis.kill();
    assert!(
        until(Duration::from_secs(5), async || !a
            .server
            .guard
            .state_available())
        .await,
        "the outage is noticed"
    );
    assert_eq!(refusal(&a, &token, "hal").await, state_unavailable());
    let (code, body) = health(&a).await;
    assert_eq!(code, 503, "{body}");
    assert!(body.starts_with("state_unavailable"), "{body}");

    let (status, at) = end_of(live, Duration::from_secs(8)).await;
    assert_eq!(
        (status.code(), status.message().to_string()),
        state_unavailable()
    );
    assert!(
        at - killed >= grace,
        "ended before the grace: {:?}",
        at - killed
    );

    redis.restart().await;
    assert!(
        until(Duration::from_secs(5), async || a
            .server
            .guard
            .state_available())
        .await,
        "recovers once Redis is back"
    );
    assert_eq!(health(&a).await, (200, "ok\n".into()));
    watching(&a, &token, "hal").await;
    let metrics = a.get("/metrics").await;
    for line in [
        "streamguard_state_outages_total{backend=\"redis\"} 1",
        "streamguard_state_recoveries_total{backend=\"redis\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} in {metrics}");
    }
}

#[tokio::test]
async fn redis_killed_under_open_keeps_serving_and_revocations_posted_during_or_after_the_outage_reach_every_instance()
 {
    let mut redis = RedisServer::start().await;
    let open = |c: &mut ServeConfig| c.state.on_unavailable = OnStateUnavailable::Open;
    let a = start(shared(&redis, open)).await;
    let b = start(shared(&redis, open)).await;
    let (during, during_spec) = a.token("ivy", "files:read", Duration::from_secs(120));
    let (after, after_spec) = a.token("ivy", "files:read", Duration::from_secs(120));
    let during_on_b = watching(&b, &during, "ivy").await;

    redis.kill();
    for lab in [&a, &b] {
        let guard = &lab.server.guard;
        assert!(until(Duration::from_secs(5), async || !guard.state_available()).await);
    }
    // Still serving, new streams too.
    let after_on_a = watching(&a, &after, "ivy").await;
    let (code, body) = health(&a).await;
    assert_eq!(code, 200);
    assert!(body.starts_with("degraded: state_unavailable"), "{body}");

    // Posted while Redis is down: applies on A at once, queued for the others.
    assert_eq!(
        a.revoke_as_admin(json!({"jti": during_spec.jti})).await,
        202
    );
    assert_eq!(refusal(&a, &during, "ivy").await, revoked());

    redis.restart().await;
    let (status, _) = end_of(during_on_b, Duration::from_secs(5)).await;
    assert_eq!(
        (status.code(), status.message().to_string()),
        revoked(),
        "the queued revocation reached B once Redis was back"
    );

    // Posted right after the recovery, on B.
    assert!(
        until(Duration::from_secs(5), async || b
            .server
            .guard
            .state_available())
        .await
    );
    assert_eq!(b.revoke_as_admin(json!({"jti": after_spec.jti})).await, 200);
    let (status, _) = end_of(after_on_a, Duration::from_secs(3)).await;
    assert_eq!((status.code(), status.message().to_string()), revoked());

    let c = start(shared(&redis, open)).await;
    assert_eq!(refusal(&c, &during, "ivy").await, revoked());
    assert_eq!(refusal(&c, &after, "ivy").await, revoked());
    assert_eq!(c.server.guard.revocations().stored(), 2);
}

#[tokio::test]
async fn a_revocation_applied_again_and_again_on_every_instance_is_harmless() {
    let redis = RedisServer::start().await;
    let a = start(shared(&redis, |_| {})).await;
    let b = start(shared(&redis, |_| {})).await;
    let (token, spec) = a.token("jan", "files:read", Duration::from_secs(120));
    let live = watching(&b, &token, "jan").await;

    // Revoked twice on A and once on B: every instance applies it again and again.
    for lab in [&a, &a, &b] {
        assert_eq!(lab.revoke_as_admin(json!({"jti": spec.jti})).await, 200);
    }
    let (status, _) = end_of(live, Duration::from_secs(3)).await;
    assert_eq!((status.code(), status.message().to_string()), revoked());
    for lab in [&a, &b] {
        assert_eq!(lab.server.guard.revocations().stored(), 1);
        assert_eq!(refusal(lab, &token, "jan").await, revoked());
    }
    let (other, _) = a.token("jan2", "files:read", Duration::from_secs(120));
    watching(&b, &other, "jan2").await;
}

#[tokio::test]
async fn a_stalled_redis_never_hangs_a_live_stream_and_opens_are_answered_within_the_bound() {
    let redis = RedisServer::start().await;
    let tune = |c: &mut ServeConfig| {
        c.messages_per_minute = 6000;
        c.burst = 100;
        if let Some(r) = &mut c.state.redis {
            r.rate_lease = 2;
        }
    };
    let closed = start(shared(&redis, tune)).await;
    let open = start(shared(&redis, |c| {
        tune(c);
        c.state.on_unavailable = OnStateUnavailable::Open;
    }))
    .await;
    let (token, _) = closed.token("kim", "tools:echo files:read", Duration::from_secs(120));
    let mut live = open_bidi(&closed, &token).await.unwrap();
    live.call(tool_call("0", "echo", json!({"text": "x"})))
        .await
        .unwrap();

    redis.pause();
    // Every message of the live stream is answered although each lease asks Redis: bounded
    // by the call timeout, then decided locally.
    for i in 1..=10 {
        let asked = Instant::now();
        live.call(tool_call(&i.to_string(), "echo", json!({"text": "x"})))
            .await
            .expect("the live stream goes on");
        assert!(
            asked.elapsed() < Duration::from_secs(2),
            "message {i} took {:?}",
            asked.elapsed()
        );
    }
    let asked = Instant::now();
    let refused = closed
        .streaming()
        .watch_resource(authed(watch_req("kim"), &token))
        .await
        .err()
        .map(|s| (s.code(), s.message().to_string()));
    assert_eq!(refused, Some(state_unavailable()));
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "refused after {:?}",
        asked.elapsed()
    );
    let asked = Instant::now();
    watching(&open, &token, "kim").await;
    assert!(
        asked.elapsed() < Duration::from_secs(2),
        "opened after {:?}",
        asked.elapsed()
    );

    redis.resume();
    assert!(
        until(Duration::from_secs(5), async || closed
            .server
            .guard
            .state_available())
        .await
    );
    watching(&closed, &token, "kim").await;
}
