//! The Redis peer is a real `redis-server` and does what issue 11's fault tests rely on: data
//! survives SIGKILL and a restart on the same port, a paused server times out and then answers,
//! and the process never outlives its handle — even when the test panics.

use std::time::Duration;

use streamguard_testkit::{RedisReply, RedisServer};

fn bulk(text: &str) -> RedisReply {
    RedisReply::Bulk(Some(text.as_bytes().to_vec()))
}

fn is_listening(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
}

#[tokio::test]
async fn data_written_before_sigkill_is_there_after_restart_on_the_same_port() {
    let mut redis = RedisServer::start().await;
    let url = redis.url();
    assert_eq!(url, format!("redis://127.0.0.1:{}/0", redis.port()));
    assert_eq!(
        redis
            .command(&["SET", "revoked:jti-1", "yes"])
            .await
            .unwrap(),
        RedisReply::Status("OK".into())
    );
    redis
        .command(&["XADD", "revocations", "*", "jti", "jti-1"])
        .await
        .unwrap();

    redis.kill();
    assert!(!is_listening(redis.port()), "still listening after SIGKILL");
    assert!(redis.ping(Duration::from_millis(200)).await.is_err());

    redis.restart().await;

    assert_eq!(redis.url(), url);
    assert_eq!(
        redis.command(&["GET", "revoked:jti-1"]).await.unwrap(),
        bulk("yes")
    );
    assert_eq!(
        redis.command(&["XLEN", "revocations"]).await.unwrap(),
        RedisReply::Integer(1)
    );
    assert!(redis.data_dir().join("appendonlydir").is_dir());
}

#[tokio::test]
async fn runs_append_only_without_snapshots() {
    let redis = RedisServer::start().await;
    let config = |name: &str| {
        let name = name.to_string();
        let redis = &redis;
        async move { redis.command(&["CONFIG", "GET", &name]).await.unwrap() }
    };
    let pair = |k: &str, v: &str| RedisReply::Array(Some(vec![bulk(k), bulk(v)]));
    assert_eq!(config("appendonly").await, pair("appendonly", "yes"));
    assert_eq!(config("save").await, pair("save", ""));
    assert_eq!(config("bind").await, pair("bind", "127.0.0.1"));
}

#[tokio::test]
async fn paused_server_times_out_and_answers_again_after_resume() {
    let redis = RedisServer::start().await;
    redis.ping(Duration::from_secs(5)).await.expect("PONG");

    redis.pause();
    let stalled = redis.ping(Duration::from_millis(300)).await;
    assert!(
        matches!(
            stalled,
            Err(streamguard_testkit::RedisError::Timeout { .. })
        ),
        "{stalled:?}"
    );

    redis.resume();
    redis
        .ping(Duration::from_secs(5))
        .await
        .expect("PONG after resume");
}

#[tokio::test]
async fn server_is_gone_once_its_handle_drops_even_while_paused() {
    let redis = RedisServer::start().await;
    let port = redis.port();
    redis.pause();

    drop(redis);

    assert!(!is_listening(port), "still listening after drop");
}

#[tokio::test]
async fn a_panicking_test_leaves_no_server_behind() {
    let (port_tx, port_rx) = tokio::sync::oneshot::channel();
    let test = tokio::spawn(async move {
        let redis = RedisServer::start().await;
        port_tx.send(redis.port()).unwrap();
        panic!("the test fails while Redis runs");
    });

    assert!(test.await.unwrap_err().is_panic());
    let port = port_rx.await.unwrap();
    assert!(!is_listening(port), "Redis outlived the panicking test");
}
