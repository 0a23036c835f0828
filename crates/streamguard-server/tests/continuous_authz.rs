//! Continuous authorization of streams (F1, F2) against the real reference server over loopback.

mod common;

use std::time::Duration;

use common::*;
use futures::StreamExt;
use serde_json::json;
use streamguard::{Control, OnDeny};
use streamguard_proto::mcp::v1::{JsonRpcFrame, WatchResourceRequest, tool_call_event::Event};
use streamguard_server::ServeConfig;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

struct Watched {
    times: Vec<f64>,
    status: Option<tonic::Status>,
    ended_at: f64,
}

/// Reads a WatchResource stream until it ends or `until` (Unix seconds) passes.
async fn watch(lab: &Lab, token: &str, uri: &str, until: f64) -> Watched {
    let req = WatchResourceRequest {
        uri: uri.into(),
        interval_ms: 50,
    };
    let mut out = Watched {
        times: vec![],
        status: None,
        ended_at: 0.0,
    };
    match lab.streaming().watch_resource(authed(req, token)).await {
        Err(s) => out.status = Some(s),
        Ok(resp) => {
            let mut stream = resp.into_inner();
            loop {
                let left = (until - unix_now_f64()).max(0.0);
                match tokio::time::timeout(Duration::from_secs_f64(left), stream.next()).await {
                    Err(_) => break,
                    Ok(Some(Ok(_))) => out.times.push(unix_now_f64()),
                    Ok(Some(Err(s))) => {
                        out.status = Some(s);
                        break;
                    }
                    Ok(None) => break,
                }
            }
        }
    }
    out.ended_at = unix_now_f64();
    out
}

#[tokio::test]
async fn watch_stream_ends_with_unauthenticated_at_token_expiry() {
    let lab = start_dev().await;
    let (token, spec) = lab.token("alice", "files:read", Duration::from_secs(2));
    let exp = exp_of(&spec);
    let w = watch(&lab, &token, "mcp://users/alice/notes", exp + 5.0).await;
    let status = w.status.expect("the stream ended with a status");
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "token_expired");
    assert!(!w.times.is_empty(), "data flowed before expiry");
    assert!(
        w.ended_at - exp < 1.0,
        "ended {:.3}s after exp",
        w.ended_at - exp
    );
    let late = w.times.iter().filter(|t| **t > exp + 0.05).count();
    assert_eq!(late, 0, "no message may arrive after exp");
}

#[tokio::test]
async fn with_expiry_disabled_the_stream_keeps_flowing_past_exp() {
    let lab = start(ServeConfig {
        disabled: vec![Control::Expiry],
        ..ServeConfig::dev()
    })
    .await;
    let (token, spec) = lab.token("alice", "files:read", Duration::from_secs(2));
    let exp = exp_of(&spec);
    let w = watch(&lab, &token, "mcp://users/alice/notes", exp + 1.5).await;
    assert!(w.status.is_none(), "stream was ended: {:?}", w.status);
    assert!(
        w.times.iter().any(|t| *t > exp + 1.0),
        "data still flows a second after exp"
    );
}

#[tokio::test]
async fn bidi_stream_ends_with_unauthenticated_at_token_expiry() {
    let lab = start_dev().await;
    let (token, spec) = lab.token("alice", "tools:echo", Duration::from_secs(2));
    let exp = exp_of(&spec);
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    let first = bidi
        .call(tool_call("r1", "echo", json!({"text": "hi"})))
        .await
        .unwrap();
    assert!(matches!(first.event, Some(Event::Result(_))));
    // Keep the client side open and silent; the guard must end the stream on its own.
    let ended = tokio::time::timeout(Duration::from_secs(6), bidi.events.next())
        .await
        .expect("the stream ends on its own");
    let status = ended.expect("a status").expect_err("an error status");
    assert_eq!(status.code(), Code::Unauthenticated);
    assert_eq!(status.message(), "token_expired");
    let late = unix_now_f64() - exp;
    assert!(late < 1.0, "ended {late:.3}s after exp");
}

#[tokio::test]
async fn an_expired_or_missing_token_is_refused_at_open() {
    let lab = start_dev().await;
    let req = WatchResourceRequest {
        uri: "mcp://users/alice/x".into(),
        interval_ms: 50,
    };
    let status = lab
        .streaming()
        .watch_resource(req.clone())
        .await
        .unwrap_err();
    assert_eq!(
        (status.code(), status.message()),
        (Code::Unauthenticated, "missing_token")
    );
    let status = refused_watch(&lab, req.clone(), "abc.def.ghi").await;
    assert_eq!(status.code(), Code::Unauthenticated);
    let (token, _) = lab.token("alice", "files:read", Duration::from_secs(1));
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let status = refused_watch(&lab, req, &token).await;
    assert_eq!(
        (status.code(), status.message()),
        (Code::Unauthenticated, "token_expired")
    );
}

#[tokio::test]
async fn revoking_the_jti_ends_the_live_stream_at_once_and_refuses_new_ones() {
    let lab = start_dev().await;
    let (token, spec) = lab.token("alice", "files:read", Duration::from_secs(60));
    let req = WatchResourceRequest {
        uri: "mcp://users/alice/notes".into(),
        interval_ms: 50,
    };
    let mut stream = lab
        .streaming()
        .watch_resource(authed(req.clone(), &token))
        .await
        .unwrap()
        .into_inner();
    for _ in 0..3 {
        stream.next().await.unwrap().unwrap();
    }
    let revoked_at = std::time::Instant::now();
    assert_eq!(
        lab.revoke_as_admin(json!({"jti": spec.jti.clone().unwrap()}))
            .await,
        200
    );
    let status = loop {
        match tokio::time::timeout(Duration::from_secs(3), stream.next())
            .await
            .expect("stream ends")
        {
            Some(Ok(_)) => continue,
            Some(Err(s)) => break s,
            None => panic!("stream ended without status"),
        }
    };
    let lag = revoked_at.elapsed();
    assert_eq!(
        (status.code(), status.message()),
        (Code::PermissionDenied, "token_revoked")
    );
    assert!(
        lag < Duration::from_millis(500),
        "ended {lag:?} after the revocation"
    );
    let again = refused_watch(&lab, req, &token).await;
    assert_eq!(
        (again.code(), again.message()),
        (Code::PermissionDenied, "token_revoked")
    );
}

#[tokio::test]
async fn revoking_a_subject_ends_all_its_streams_and_no_one_elses() {
    let lab = start_dev().await;
    let (sam1, _) = lab.token("sam", "tools:echo", Duration::from_secs(60));
    let (sam2, _) = lab.token("sam", "tools:echo", Duration::from_secs(60));
    let (other, _) = lab.token("olga", "tools:echo", Duration::from_secs(60));
    let mut a = open_bidi(&lab, &sam1).await.unwrap();
    let mut b = open_bidi(&lab, &sam2).await.unwrap();
    let mut c = open_bidi(&lab, &other).await.unwrap();
    for s in [&mut a, &mut b, &mut c] {
        s.call(tool_call("r", "echo", json!({}))).await.unwrap();
    }
    let t0 = std::time::Instant::now();
    assert_eq!(lab.revoke_as_admin(json!({"sub": "sam"})).await, 200);
    for s in [&mut a, &mut b] {
        let end = tokio::time::timeout(Duration::from_secs(2), s.events.next())
            .await
            .unwrap();
        assert_eq!(end.unwrap().unwrap_err().code(), Code::PermissionDenied);
    }
    assert!(
        t0.elapsed() < Duration::from_millis(500),
        "took {:?}",
        t0.elapsed()
    );
    let still = c.call(tool_call("r2", "echo", json!({}))).await.unwrap();
    assert!(
        matches!(still.event, Some(Event::Result(_))),
        "another subject is unaffected"
    );
}

#[tokio::test]
async fn with_revocation_disabled_a_revoked_stream_goes_on() {
    let lab = start(ServeConfig {
        disabled: vec![Control::Revocation],
        ..ServeConfig::dev()
    })
    .await;
    let (token, spec) = lab.token("alice", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    bidi.call(tool_call("r1", "echo", json!({}))).await.unwrap();
    assert_eq!(
        lab.revoke_as_admin(json!({"jti": spec.jti.unwrap()})).await,
        200
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ev = bidi.call(tool_call("r2", "echo", json!({}))).await.unwrap();
    assert!(matches!(ev.event, Some(Event::Result(_))));
}

#[tokio::test]
async fn the_admin_api_refuses_a_missing_or_wrong_admin_token_and_bad_bodies() {
    let lab = start_dev().await;
    assert_eq!(lab.revoke(None, json!({"sub": "alice"})).await, 401);
    assert_eq!(
        lab.revoke(Some("Bearer not-the-token"), json!({"sub": "alice"}))
            .await,
        403
    );
    assert_eq!(
        lab.revoke_as_admin(json!({"jti": "a", "sub": "b"})).await,
        400
    );
    assert_eq!(lab.revoke_as_admin(json!({"user": "a"})).await, 400);
    assert_eq!(lab.get("/healthz").await.trim(), "ok");
}

#[tokio::test]
async fn a_bidi_message_naming_a_tool_outside_the_scopes_gets_an_error_event_and_never_runs() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    let r1 = bidi
        .call(tool_call("r1", "echo", json!({"text": "m1"})))
        .await
        .unwrap();
    assert!(matches!(r1.event, Some(Event::Result(_))));
    let r2 = bidi
        .call(tool_call("r2", "delete_repo", json!({"repo": "prod"})))
        .await
        .unwrap();
    assert_eq!(r2.request_id, "r2");
    let Some(Event::Error(err)) = r2.event else {
        panic!("expected an error event, got {r2:?}")
    };
    assert_eq!(
        (err.code, err.status.as_str(), err.message.as_str()),
        (7, "PERMISSION_DENIED", "insufficient_scope")
    );
    let r3 = bidi
        .call(tool_call("r3", "echo", json!({"text": "m3"})))
        .await
        .unwrap();
    assert!(
        matches!(r3.event, Some(Event::Result(_))),
        "the stream goes on"
    );
    assert_eq!(
        backend.tools(),
        ["echo", "echo"],
        "delete_repo never reached the backend"
    );
    let metrics = lab.get("/metrics").await;
    assert!(
        metrics.contains("streamguard_denied_messages_total{reason=\"insufficient_scope\"} 1"),
        "{metrics}"
    );
}

#[tokio::test]
async fn in_end_mode_a_denied_message_ends_the_stream() {
    let (lab, backend) = lab_with_recorder(ServeConfig {
        on_deny: OnDeny::End,
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("bob", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    bidi.call(tool_call("r1", "echo", json!({}))).await.unwrap();
    let end = bidi
        .call(tool_call("r2", "delete_repo", json!({})))
        .await
        .unwrap_err();
    assert_eq!(
        (end.code(), end.message()),
        (Code::PermissionDenied, "insufficient_scope")
    );
    assert_eq!(backend.tools(), ["echo"]);
}

#[tokio::test]
async fn with_per_message_disabled_only_the_first_message_is_checked() {
    let (lab, backend) = lab_with_recorder(ServeConfig {
        disabled: vec![Control::PerMessage],
        ..ServeConfig::dev()
    })
    .await;
    let (token, _) = lab.token("bob", "tools:echo", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    bidi.call(tool_call("r1", "echo", json!({}))).await.unwrap();
    let r2 = bidi
        .call(tool_call("r2", "delete_repo", json!({})))
        .await
        .unwrap();
    assert!(
        matches!(r2.event, Some(Event::Result(_))),
        "the naive server runs it: {r2:?}"
    );
    assert_eq!(backend.tools(), ["echo", "delete_repo"]);
}

#[tokio::test]
async fn a_resource_of_another_subject_is_denied() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    let mut call = tool_call("own", "read_file", json!({"path": "notes"}));
    call.resource_uri = "mcp://users/bob/notes".into();
    assert!(matches!(
        bidi.call(call).await.unwrap().event,
        Some(Event::Result(_))
    ));
    let mut call = tool_call("theirs", "read_file", json!({"path": "notes"}));
    call.resource_uri = "mcp://users/alice/notes".into();
    let ev = bidi.call(call).await.unwrap();
    let Some(Event::Error(err)) = ev.event else {
        panic!("expected a denial, got {ev:?}")
    };
    assert_eq!(err.message, "resource_not_owned");
    assert_eq!(
        backend
            .seen()
            .iter()
            .map(|c| c.request_id.as_str())
            .collect::<Vec<_>>(),
        ["own"]
    );
    // Watching another subject's resource is refused at open.
    let req = WatchResourceRequest {
        uri: "mcp://users/alice/notes".into(),
        interval_ms: 50,
    };
    let status = refused_watch(&lab, req, &token).await;
    assert_eq!(
        (status.code(), status.message()),
        (Code::PermissionDenied, "resource_not_owned")
    );
}

#[tokio::test]
async fn the_jsonrpc_carrier_is_authorized_per_request() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "tools:echo", Duration::from_secs(60));
    let (tx, rx) = mpsc::channel(8);
    let mut replies = lab
        .jsonrpc()
        .exchange(authed(ReceiverStream::new(rx), &token))
        .await
        .unwrap()
        .into_inner();
    let mut ask = async |msg: serde_json::Value| {
        tx.send(JsonRpcFrame {
            json: msg.to_string().into_bytes(),
        })
        .await
        .unwrap();
        let f = tokio::time::timeout(Duration::from_secs(5), replies.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&f.json).unwrap()
    };
    let ok = ask(json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "echo", "arguments": {"text": "a"}}})).await;
    assert_eq!(ok["id"], 1);
    assert_eq!(ok["result"]["isError"], false);
    let denied = ask(json!({"jsonrpc": "2.0", "id": "two", "method": "tools/call", "params": {"name": "delete_repo", "arguments": {}}})).await;
    assert_eq!(denied["id"], "two");
    assert_eq!(denied["error"]["message"], "insufficient_scope");
    assert_eq!(denied["error"]["data"]["status"], "PERMISSION_DENIED");
    let garbage = ask(json!("not an object")).await;
    assert_eq!(garbage["error"]["message"], "malformed_message");
    let again = ask(json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "echo", "arguments": {}}})).await;
    assert_eq!(again["id"], 3);
    assert!(again.get("result").is_some(), "{again}");
    assert_eq!(backend.tools(), ["echo", "echo"]);
}

#[tokio::test]
async fn a_client_streaming_upload_ends_at_token_expiry() {
    use streamguard_proto::mcp::v1::ToolInputChunk;
    let lab = start_dev().await;
    let (token, spec) = lab.token("alice", "tools:echo", Duration::from_secs(2));
    let exp = exp_of(&spec);
    let (tx, rx) = mpsc::channel(4);
    tx.send(ToolInputChunk {
        name: "echo".into(),
        resource_uri: String::new(),
        data: b"part 1".to_vec(),
    })
    .await
    .unwrap();
    // The upload never finishes on its own: only the guard can end it.
    let status = tokio::time::timeout(
        Duration::from_secs(6),
        lab.streaming()
            .upload_tool_input(authed(ReceiverStream::new(rx), &token)),
    )
    .await
    .expect("the guard ends the upload")
    .unwrap_err();
    assert_eq!(
        (status.code(), status.message()),
        (Code::Unauthenticated, "token_expired")
    );
    assert!(unix_now_f64() - exp < 1.0);
    drop(tx);
}

#[tokio::test]
async fn a_client_streaming_upload_naming_a_forbidden_tool_is_denied() {
    use streamguard_proto::mcp::v1::ToolInputChunk;
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("alice", "tools:echo", Duration::from_secs(60));
    let chunks = vec![
        ToolInputChunk {
            name: "echo".into(),
            resource_uri: String::new(),
            data: b"a".to_vec(),
        },
        ToolInputChunk {
            name: "delete_repo".into(),
            resource_uri: String::new(),
            data: b"b".to_vec(),
        },
    ];
    let status = lab
        .streaming()
        .upload_tool_input(authed(futures::stream::iter(chunks), &token))
        .await
        .unwrap_err();
    assert_eq!(
        (status.code(), status.message()),
        (Code::PermissionDenied, "insufficient_scope")
    );
    assert!(backend.tools().is_empty());
    let ok = vec![ToolInputChunk {
        name: "echo".into(),
        resource_uri: String::new(),
        data: b"hello".to_vec(),
    }];
    let resp = lab
        .streaming()
        .upload_tool_input(authed(futures::stream::iter(ok), &token))
        .await
        .unwrap();
    assert!(!resp.into_inner().is_error);
}

#[tokio::test]
async fn call_tool_with_progress_sends_progress_then_the_result() {
    use streamguard_proto::mcp::v1::CallToolRequest;
    let lab = start_dev().await;
    let (token, _) = lab.token("alice", "tools:echo", Duration::from_secs(60));
    let req = CallToolRequest {
        name: "echo".into(),
        arguments: Some(streamguard_server::structs::from_json(
            &json!({"text": "hi"}),
        )),
        resource_uri: String::new(),
    };
    let events: Vec<_> = lab
        .streaming()
        .call_tool_with_progress(authed(req.clone(), &token))
        .await
        .unwrap()
        .into_inner()
        .collect()
        .await;
    let kinds: Vec<_> = events
        .iter()
        .map(|e| match e.as_ref().unwrap().event {
            Some(Event::Progress(_)) => "progress",
            Some(Event::Result(_)) => "result",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["progress", "progress", "progress", "result"]);
    let (weak, _) = lab.token("alice", "files:read", Duration::from_secs(60));
    let status = lab
        .streaming()
        .call_tool_with_progress(authed(req, &weak))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied);
}
