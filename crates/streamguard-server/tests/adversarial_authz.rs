//! Adversarial authorization: a caller with the right scope tries to act on another subject's
//! resources by naming them where the check did not look (confused deputy), or by spelling them
//! so a raw string comparison misses them. Everything over real loopback gRPC, with a recording
//! downstream that shows what the tool was actually handed.

mod common;

use std::time::Duration;

use common::*;
use serde_json::json;
use streamguard_proto::mcp::v1::{
    CallToolRequest, ToolCall, WatchResourceRequest, mcp_client::McpClient, tool_call_event::Event,
};
use streamguard_server::ServeConfig;
use tonic::Code;

fn file_call(id: &str, tool: &str, resource_uri: &str, args: serde_json::Value) -> ToolCall {
    ToolCall {
        resource_uri: resource_uri.to_string(),
        ..tool_call(id, tool, args)
    }
}

fn denial_of(ev: &streamguard_proto::mcp::v1::ToolCallEvent) -> &str {
    match &ev.event {
        Some(Event::Error(e)) => &e.message,
        other => panic!("expected a denial, got {other:?}"),
    }
}

#[tokio::test]
async fn read_file_of_another_users_path_is_denied_though_the_declared_resource_is_owned() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read files:write", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    for (id, tool) in [("r", "read_file"), ("w", "write_file")] {
        let call = file_call(
            id,
            tool,
            "mcp://users/bob/notes",
            json!({"path": "mcp://users/alice/secret", "text": "pwned"}),
        );
        assert_eq!(
            denial_of(&bidi.call(call).await.unwrap()),
            "resource_not_owned"
        );
    }
    // Without a declared resource, the path alone is what the tool acts on, and it is checked.
    let call = file_call(
        "n",
        "read_file",
        "",
        json!({"path": "mcp://users/alice/secret"}),
    );
    assert_eq!(
        denial_of(&bidi.call(call).await.unwrap()),
        "resource_not_owned"
    );
    assert!(backend.seen().is_empty(), "no denied call reached the tool");
}

#[tokio::test]
async fn write_file_cannot_overwrite_another_users_file_in_the_embedded_store() {
    let lab = start_dev().await;
    let (alice, _) = lab.token("alice", "files:read files:write", Duration::from_secs(60));
    let (bob, _) = lab.token("bob", "files:read files:write", Duration::from_secs(60));
    let secret = "mcp://users/alice/secret";
    let mut a = open_bidi(&lab, &alice).await.unwrap();
    let w = a
        .call(file_call(
            "1",
            "write_file",
            "",
            json!({"path": secret, "text": "alice's"}),
        ))
        .await
        .unwrap();
    assert!(matches!(w.event, Some(Event::Result(_))), "{w:?}");
    let mut b = open_bidi(&lab, &bob).await.unwrap();
    let over = file_call(
        "2",
        "write_file",
        "mcp://users/bob/x",
        json!({"path": secret, "text": "bob's"}),
    );
    assert_eq!(
        denial_of(&b.call(over).await.unwrap()),
        "resource_not_owned"
    );
    let r = a
        .call(file_call("3", "read_file", "", json!({"path": secret})))
        .await
        .unwrap();
    let Some(Event::Result(result)) = r.event else {
        panic!("{r:?}")
    };
    assert!(result.content[0].text.contains("alice's"), "{result:?}");
}

#[tokio::test]
async fn the_tool_is_handed_the_normalized_resource_that_was_authorized() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    for (id, declared, path) in [
        ("abs", "", "MCP://USERS/bob/./notes"),
        ("rel", "mcp://users/bob/todo", "notes"),
        ("enc", "", "mcp://users/%62ob/dir/../notes"),
    ] {
        let ev = bidi
            .call(file_call(id, "read_file", declared, json!({"path": path})))
            .await
            .unwrap();
        assert!(matches!(ev.event, Some(Event::Result(_))), "{id}: {ev:?}");
    }
    let paths: Vec<_> = backend
        .seen()
        .iter()
        .map(|c| c.arguments["path"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(paths, ["mcp://users/bob/notes"; 3]);
}

#[tokio::test]
async fn disguised_uris_of_another_user_are_denied_and_unnormalizable_ones_refused() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read", Duration::from_secs(60));
    let mut bidi = open_bidi(&lab, &token).await.unwrap();
    for disguised in [
        "mcp://users/bob/../alice/notes",
        "mcp://users/bob/%2e%2e/alice/notes",
        "mcp://users/bob/%2E%2E/alice/notes",
        "MCP://USERS/alice/notes",
        "mcp://Users/alice/notes",
        "mcp://users/%61lice/notes",
    ] {
        let call = file_call("d", "read_file", disguised, json!({}));
        assert_eq!(
            denial_of(&bidi.call(call).await.unwrap()),
            "resource_not_owned",
            "{disguised}"
        );
        let refused = refused_watch(
            &lab,
            WatchResourceRequest {
                uri: disguised.into(),
                interval_ms: 50,
            },
            &token,
        )
        .await;
        assert_eq!(refused.code(), Code::PermissionDenied, "{disguised}");
    }
    for unusable in [
        "mcp://bob@users/alice/notes",
        "mcp://users//alice/notes",
        "mcp://users/bob/../../alice",
        "mcp://users/bob\\..\\alice",
        "mcp://users/bob/..%2falice",
        "mcp://users/bob/\0",
        "mcp://users/bob/%00",
    ] {
        let call = file_call("u", "read_file", unusable, json!({}));
        assert_eq!(
            denial_of(&bidi.call(call).await.unwrap()),
            "malformed_message",
            "{unusable:?}"
        );
    }
    assert!(backend.seen().is_empty());
}

#[tokio::test]
async fn jsonrpc_tool_calls_are_checked_on_the_path_the_tool_acts_on() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read", Duration::from_secs(60));
    let mut rpc = open_jsonrpc(&lab, &token).await;
    let denied = rpc
        .ask(
            json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
            "name": "read_file", "uri": "mcp://users/bob/notes",
            "arguments": {"path": "mcp://users/alice/secret"}}}),
        )
        .await;
    assert_eq!(denied["error"]["message"], "resource_not_owned", "{denied}");
    let relative = rpc
        .ask(json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
            "name": "read_file", "uri": "mcp://users/bob/a/b", "arguments": {"path": "../../alice/x"}}}))
        .await;
    assert_eq!(
        relative["error"]["message"], "resource_not_owned",
        "{relative}"
    );
    let ok = rpc
        .ask(
            json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {
            "name": "read_file", "uri": "mcp://users/bob/a/b", "arguments": {"path": "c"}}}),
        )
        .await;
    assert_eq!(ok["result"]["isError"], false, "{ok}");
    let seen = backend.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].arguments["path"], "mcp://users/bob/a/c");
}

#[tokio::test]
async fn unary_and_progress_calls_are_checked_on_the_path_the_tool_acts_on() {
    let (lab, backend) = lab_with_recorder(ServeConfig::dev()).await;
    let (token, _) = lab.token("bob", "files:read", Duration::from_secs(60));
    let req = CallToolRequest {
        name: "read_file".into(),
        arguments: Some(streamguard_server::structs::from_json(
            &json!({"path": "mcp://users/alice/secret"}),
        )),
        resource_uri: "mcp://users/bob/notes".into(),
    };
    let unary = McpClient::new(lab.channel.clone())
        .call_tool(authed(req.clone(), &token))
        .await
        .unwrap_err();
    assert_eq!(unary.code(), Code::PermissionDenied);
    assert_eq!(unary.message(), "resource_not_owned");
    let progress = lab
        .streaming()
        .call_tool_with_progress(authed(req, &token))
        .await;
    let status = match progress {
        Err(s) => s,
        Ok(resp) => {
            let mut s = resp.into_inner();
            loop {
                match futures::StreamExt::next(&mut s).await {
                    Some(Ok(_)) => continue,
                    Some(Err(e)) => break e,
                    None => panic!("the denied call ran to completion"),
                }
            }
        }
    };
    assert_eq!(status.code(), Code::PermissionDenied);
    assert!(backend.seen().is_empty());
}
