//! A JSON-RPC-over-bidi upstream (opaque MCP JSON-RPC frames in a bytes field): each JSON-RPC
//! message is authorized on its own, a denied one is answered with a JSON-RPC error carrying the
//! same id, and what is denied or malformed never reaches the upstream.

mod common;

use std::time::Duration;

use common::*;
use futures::StreamExt;
use serde_json::{Value, json};
use streamguard_gateway::config::{MethodConfig, OneOrMany};
use streamguard_proto::mcp::v1::JsonRpcFrame;
use streamguard_proto::mcp::v1::mcp_json_rpc_client::McpJsonRpcClient;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

struct Rpc {
    tx: mpsc::Sender<JsonRpcFrame>,
    rx: tonic::Streaming<JsonRpcFrame>,
}

impl Rpc {
    async fn send_raw(&mut self, raw: &[u8]) -> Value {
        self.tx
            .send(JsonRpcFrame { json: raw.to_vec() })
            .await
            .unwrap();
        let frame = tokio::time::timeout(Duration::from_secs(5), self.rx.next())
            .await
            .expect("an answer within 5 s")
            .expect("stream open")
            .expect("a frame");
        serde_json::from_slice(&frame.json).unwrap()
    }

    async fn send(&mut self, v: Value) -> Value {
        self.send_raw(v.to_string().as_bytes()).await
    }
}

async fn setup() -> (Lab, Recorder, Rpc) {
    let rec = Recorder::default();
    let addr = rec.serve().await;
    let mut c = config(addr);
    c.methods = vec![MethodConfig {
        method: "mcp.v1.McpJsonRpc/Exchange".into(),
        jsonrpc: Some("json".into()),
        resource: OneOrMany::One("#/params/arguments/path".into()),
        resource_owner: Some("mcp://users/{sub}/*".into()),
        scopes: [("echo".to_string(), "tools:echo".to_string())].into(),
        ..MethodConfig::default()
    }];
    let lab = lab(c).await;
    let (tok, _) = token("alice", "tools:echo", Duration::from_secs(60));
    let (tx, rx) = mpsc::channel(8);
    let rx = McpJsonRpcClient::new(lab.channel.clone())
        .exchange(authed(ReceiverStream::new(rx), &tok))
        .await
        .unwrap()
        .into_inner();
    (lab, rec, Rpc { tx, rx })
}

fn call(id: Value, tool: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": {"name": tool, "arguments": {}}})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unscoped_tool_call_is_answered_with_a_jsonrpc_error_carrying_the_same_id() {
    let (_lab, rec, mut rpc) = setup().await;
    let init = rpc
        .send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {}}))
        .await;
    assert_eq!(
        init["result"]["echo"], "initialize",
        "messages naming no tool pass"
    );
    let ok = rpc.send(call(json!(1), "echo")).await;
    assert_eq!(ok["id"], 1);
    assert!(ok.get("error").is_none(), "{ok}");
    for (id, tool, reason) in [
        (json!("x-7"), "delete_repo", "unknown_tool"),
        (json!(8), "admin_tool", "unknown_tool"),
    ] {
        let e = rpc.send(call(id.clone(), tool)).await;
        assert_eq!(e["id"], id, "{e}");
        assert_eq!(e["error"]["code"], -32001, "{e}");
        assert_eq!(e["error"]["data"]["reason"], reason, "{e}");
    }
    let mut owned = call(json!(9), "echo");
    owned["params"]["arguments"]["path"] = json!("mcp://users/bob/secrets");
    let e = rpc.send(owned).await;
    assert_eq!(
        (e["id"].clone(), e["error"]["data"]["reason"].clone()),
        (json!(9), json!("resource_not_owned"))
    );
    let again = rpc.send(call(json!(10), "echo")).await;
    assert_eq!(again["id"], 10, "the stream goes on");
    let frames = rec.seen().jsonrpc_frames.clone();
    assert_eq!(
        frames.len(),
        3,
        "only initialize and the two allowed calls reached the upstream: {frames:?}"
    );
    assert!(
        frames
            .iter()
            .all(|f| !f.contains("delete_repo") && !f.contains("bob"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn batches_are_checked_item_by_item_and_never_forwarded_in_part() {
    let (_lab, rec, mut rpc) = setup().await;
    let ok = rpc
        .send(json!([call(json!(1), "echo"), call(json!(2), "echo")]))
        .await;
    assert_eq!(ok.as_array().unwrap().len(), 2, "{ok}");
    let denied = rpc
        .send(json!([
            call(json!(3), "echo"),
            {"jsonrpc": "2.0", "method": "notifications/progress", "params": {}},
            call(json!(4), "wipe"),
            call(json!(5), "echo"),
        ]))
        .await;
    let errors = denied.as_array().unwrap();
    assert_eq!(
        errors.len(),
        3,
        "one error per request with an id: {denied}"
    );
    let by_id =
        |id: i64| errors.iter().find(|e| e["id"] == id).unwrap()["error"]["data"]["reason"].clone();
    assert_eq!(by_id(4), "unknown_tool");
    assert_eq!(by_id(3), "batch_refused");
    assert_eq!(by_id(5), "batch_refused");
    let frames = rec.seen().jsonrpc_frames.clone();
    assert_eq!(
        frames.len(),
        1,
        "the denied batch never reached the upstream: {frames:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_denied_and_not_forwarded() {
    let (lab, rec, mut rpc) = setup().await;
    for raw in [
        &b"{not json"[..],
        b"",
        br#"{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "echo", "name": "wipe"}}"#,
        br#"{"jsonrpc": "2.0", "id": 2, "method": "tools/call"}"#,
        b"[]",
        b"42",
    ] {
        let e = rpc.send_raw(raw).await;
        assert_eq!(e["error"]["data"]["reason"], "malformed_message", "{}: {e}", String::from_utf8_lossy(raw));
    }
    let e = rpc.send_raw(b"{not json").await;
    assert_eq!(
        (e["id"].clone(), e["error"]["code"].clone()),
        (Value::Null, json!(-32700))
    );
    assert!(
        rec.seen().jsonrpc_frames.is_empty(),
        "nothing malformed reached the upstream"
    );
    let ok = rpc.send(call(json!(3), "echo")).await;
    assert_eq!(ok["id"], 3);
    let metrics = admin_get(&lab.gateway, "/metrics").await;
    assert!(metrics.contains("streamguard_gateway_denied_messages_total{method=\"mcp.v1.McpJsonRpc/Exchange\",reason=\"malformed_message\"} 7"), "{metrics}");
}
