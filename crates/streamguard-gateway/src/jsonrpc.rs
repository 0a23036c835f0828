//! MCP JSON-RPC carried in a message field (`jsonrpc = "field"`): what each JSON-RPC message
//! asks to do, and the JSON-RPC error that answers a denied one.
//!
//! `tools/call` names a tool (`params.name`); `resources/read` and `resources/subscribe` name a
//! resource (`params.uri`); everything else (initialize, ping, notifications, replies to the
//! server) names no tool. A batch is checked item by item.

use std::borrow::Cow;

use serde_json::{Value, json};

use crate::classify::Call;

/// JSON-RPC error code for a request the gateway refused (server-defined range).
pub const DENIED: i64 = -32001;
/// JSON-RPC `Invalid Request`.
pub const INVALID_REQUEST: i64 = -32600;
/// JSON-RPC `Parse error`.
pub const PARSE_ERROR: i64 = -32700;

/// The JSON-RPC messages of one frame: one object, or the items of a batch.
pub fn items(message: &Value) -> Result<&[Value], &'static str> {
    match message {
        Value::Array(items) if items.is_empty() => Err("an empty batch"),
        Value::Array(items) => Ok(items),
        Value::Object(_) => Ok(std::slice::from_ref(message)),
        _ => Err("neither a JSON-RPC object nor a batch"),
    }
}

/// What one JSON-RPC message asks to do; `resources` are extra JSON pointers into it.
pub fn call_of<'v>(item: &'v Value, resources: &[String]) -> Result<Call<'v>, &'static str> {
    let Value::Object(obj) = item else {
        return Err("a batch item that is not an object");
    };
    let mut call = Call {
        request_id: obj.get("id").map(|id| match id {
            Value::String(s) => Cow::Borrowed(s.as_str()),
            other => Cow::Owned(other.to_string()),
        }),
        ..Call::default()
    };
    let string_param = |name: &str| -> Result<&'v str, &'static str> {
        match obj.get("params").and_then(|p| p.get(name)) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.as_str()),
            _ => Err("a request without its string params"),
        }
    };
    match obj.get("method") {
        None => {}
        Some(Value::String(m)) => match m.as_str() {
            "tools/call" => call.tool = Some(Cow::Borrowed(string_param("name")?)),
            "resources/read" | "resources/subscribe" => {
                call.resources.push(Cow::Borrowed(string_param("uri")?))
            }
            _ => {}
        },
        Some(_) => return Err("a method that is not a string"),
    }
    for pointer in resources {
        match item.pointer(pointer) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.is_empty() => {}
            Some(Value::String(s)) => call.resources.push(Cow::Borrowed(s.as_str())),
            Some(_) => return Err("a resource that is not a string"),
        }
    }
    Ok(call)
}

/// The JSON-RPC error answering one refused message (`id` copied as sent; `null` if none).
pub fn error(id: Option<&Value>, code: i64, reason: &str, subject: &str) -> Value {
    json!({
        "jsonrpc": "2.0",
        "id": id.cloned().unwrap_or(Value::Null),
        "error": {
            "code": code,
            "message": format!("{reason}: {subject}"),
            "data": {"reason": reason, "subject": subject},
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_call_names_its_tool_and_resources_read_its_uri() {
        let v = json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "wipe", "arguments": {"path": "p"}}});
        let c = call_of(&v, &["/params/arguments/path".into()]).unwrap();
        assert_eq!(c.tool.as_deref(), Some("wipe"));
        assert_eq!(c.request_id.as_deref(), Some("7"));
        assert_eq!(c.resources.as_slice(), ["p"]);
        let v = json!({"jsonrpc": "2.0", "id": "r", "method": "resources/read", "params": {"uri": "mcp://x"}});
        let c = call_of(&v, &[]).unwrap();
        assert_eq!(c.tool, None);
        assert_eq!(c.resources.as_slice(), [Cow::Borrowed("mcp://x")]);
    }

    #[test]
    fn other_messages_name_no_tool() {
        for v in [
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}),
            json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
            json!({"jsonrpc": "2.0", "id": 1, "result": {}}),
        ] {
            let c = call_of(&v, &[]).unwrap();
            assert!(c.tool.is_none() && c.resources.is_empty(), "{v}");
        }
    }

    #[test]
    fn malformed_messages_are_refused() {
        for v in [
            json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call"}),
            json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": 3}}),
            json!({"jsonrpc": "2.0", "id": 1, "method": 5}),
            json!(3),
        ] {
            assert!(call_of(&v, &[]).is_err(), "{v}");
        }
        assert!(items(&json!([])).is_err());
        assert!(items(&json!("x")).is_err());
    }

    #[test]
    fn the_error_carries_the_same_id() {
        let e = error(Some(&json!(42)), DENIED, "unknown_tool", "wipe");
        assert_eq!(e["id"], 42);
        assert_eq!(e["error"]["code"], DENIED);
        assert_eq!(
            error(None, PARSE_ERROR, "malformed_message", "x")["id"],
            Value::Null
        );
    }
}
