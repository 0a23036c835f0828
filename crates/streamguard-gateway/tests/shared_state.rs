//! Two gateways in front of one upstream, sharing their state through one real
//! `redis-server`: a revocation posted to either ends the stream on the other, and the stream
//! cap counts the streams of both.

mod common;

use std::time::{Duration, Instant};

use common::*;
use futures::StreamExt;
use streamguard_proto::mcp::v1::WatchResourceRequest;
use streamguard_proto::mcp::v1::mcp_streaming_client::McpStreamingClient;
use streamguard_testkit::RedisServer;
use tonic::Code;

async fn shared_gateway(
    upstream: std::net::SocketAddr,
    redis: &RedisServer,
    max_streams: u32,
) -> Lab {
    let mut c = config(upstream);
    c.guard.max_streams_per_identity = max_streams;
    c.state.use_redis(&redis.url());
    lab(c).await
}

async fn watch(
    lab: &Lab,
    token: &str,
) -> Result<tonic::Streaming<streamguard_proto::mcp::v1::ResourceUpdate>, tonic::Status> {
    let mut c = McpStreamingClient::new(lab.channel.clone());
    let req = WatchResourceRequest {
        uri: "u".into(),
        interval_ms: 20,
    };
    let mut s = c.watch_resource(authed(req, token)).await?.into_inner();
    s.next().await.expect("an update")?;
    Ok(s)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revocation_posted_to_one_gateway_ends_the_stream_through_another() {
    let redis = RedisServer::start().await;
    let rec = Recorder::default();
    let upstream = rec.serve().await;
    let a = shared_gateway(upstream, &redis, 32).await;
    let b = shared_gateway(upstream, &redis, 32).await;
    let (tok, jti) = token("fred", "files:read", Duration::from_secs(60));
    let mut live = watch(&b, &tok).await.unwrap();

    let posted = Instant::now();
    assert_eq!(
        revoke(&a.gateway, serde_json::json!({"jti": jti})).await,
        200
    );
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(3), live.next())
            .await
            .expect("the stream through B ends")
        {
            Some(Ok(_)) => continue,
            Some(Err(s)) => break s,
            None => panic!("ended without a status"),
        }
    };
    assert_eq!(
        (status.code(), status.message()),
        (Code::PermissionDenied, "token_revoked")
    );
    assert!(
        posted.elapsed() < Duration::from_secs(1),
        "{:?}",
        posted.elapsed()
    );
    let refused = watch(&b, &tok).await.unwrap_err();
    assert_eq!(refused.message(), "token_revoked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_cap_counts_the_streams_through_every_gateway() {
    let redis = RedisServer::start().await;
    let rec = Recorder::default();
    let upstream = rec.serve().await;
    let a = shared_gateway(upstream, &redis, 1).await;
    let b = shared_gateway(upstream, &redis, 1).await;
    let (tok, _) = token("gil", "files:read", Duration::from_secs(60));
    let _held = watch(&a, &tok).await.unwrap();
    let refused = watch(&b, &tok).await.unwrap_err();
    assert_eq!(
        (refused.code(), refused.message()),
        (Code::ResourceExhausted, "too_many_streams")
    );
}
