use std::pin::Pin;

use futures::Stream;
use serde_json::{json, Value};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::claims_of;
use crate::deadline::Deadline;
use crate::pb::mcp_json_rpc_server::McpJsonRpc;
use crate::pb::JsonRpcFrame;
use crate::tools::{scope_for, Tools, TOOLS};

pub struct JsonRpcCarrier {
    pub tools: Tools,
}

fn frame(v: Value) -> JsonRpcFrame {
    JsonRpcFrame { json: serde_json::to_vec(&v).unwrap_or_default() }
}

fn err(id: &Value, code: i64, message: &str) -> JsonRpcFrame {
    frame(json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }))
}

#[tonic::async_trait]
impl McpJsonRpc for JsonRpcCarrier {
    type ExchangeStream = Pin<Box<dyn Stream<Item = Result<JsonRpcFrame, Status>> + Send>>;

    async fn exchange(&self, request: Request<Streaming<JsonRpcFrame>>) -> Result<Response<Self::ExchangeStream>, Status> {
        let claims = claims_of(&request)?;
        let deadline = Deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let tools = self.tools.clone();

        let out = async_stream::try_stream! {
            let mut authorized_tool: Option<String> = None;
            while let Some(f) = inbound.message().await? {
                let msg: Value = match serde_json::from_slice(&f.json) {
                    Ok(v) => v,
                    Err(_) => {
                        yield err(&Value::Null, -32700, "parse error");
                        continue;
                    }
                };
                let id = msg.get("id").cloned().unwrap_or(Value::Null);
                match msg.get("method").and_then(Value::as_str) {
                    Some("initialize") => {
                        yield frame(json!({ "jsonrpc": "2.0", "id": id, "result": { "protocolVersion": "2025-06-18", "capabilities": { "tools": {} } } }));
                    }
                    Some("tools/list") => {
                        let list: Vec<Value> = TOOLS
                            .iter()
                            .filter(|t| claims.allows(t.scope))
                            .map(|t| json!({ "name": t.name, "description": t.description }))
                            .collect();
                        yield frame(json!({ "jsonrpc": "2.0", "id": id, "result": { "tools": list } }));
                    }
                    Some("tools/call") => {
                        let name = msg.pointer("/params/name").and_then(Value::as_str).unwrap_or_default().to_string();
                        if authorized_tool.is_none() {
                            match scope_for(&name) {
                                Some(scope) if claims.allows(scope) => authorized_tool = Some(name.clone()),
                                _ => {
                                    yield err(&id, -32003, "insufficient_scope");
                                    continue;
                                }
                            }
                        }
                        let args = msg.pointer("/params/arguments").cloned().unwrap_or(json!({}));
                        match tools.call(&name, args, deadline).await {
                            Ok(r) => {
                                let content: Vec<Value> = r.content.iter().map(|c| json!({ "type": c.r#type, "text": c.text })).collect();
                                yield frame(json!({ "jsonrpc": "2.0", "id": id, "result": { "content": content, "isError": r.is_error } }));
                            }
                            Err(e) => yield err(&id, -32000, &e.to_string()),
                        }
                    }
                    _ if id.is_null() => {}
                    _ => yield err(&id, -32601, "method not found"),
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
