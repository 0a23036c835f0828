//! `McpJsonRpc/Exchange`: raw MCP JSON-RPC messages, authorized one by one like `ToolCall`s.

use std::pin::Pin;

use futures::{Stream, StreamExt};
use serde_json::{Value, json};
use streamguard::StreamSession;
use streamguard::authz::Denial;
use streamguard::inbound::Inbound;
use streamguard::response_queue;
use streamguard_proto::mcp::v1::{JsonRpcFrame, mcp_json_rpc_server::McpJsonRpc};
use tonic::{Request, Response, Status, Streaming};

use crate::classify::canonical_targets;
use crate::mcp::{TOOLS, Tools};

/// JSON-RPC error code for a request the caller is not authorized to make (server-defined range).
pub const NOT_AUTHORIZED: i64 = -32003;

pub struct JsonRpcService {
    tools: Tools,
}

impl JsonRpcService {
    pub fn new(tools: Tools) -> Self {
        JsonRpcService { tools }
    }
}

fn frame(v: Value) -> JsonRpcFrame {
    JsonRpcFrame {
        json: v.to_string().into_bytes(),
    }
}

fn error(id: Value, code: i64, message: &str, data: Value) -> JsonRpcFrame {
    frame(
        json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message, "data": data}}),
    )
}

fn denied(denial: &Denial) -> JsonRpcFrame {
    let id = denial
        .request_id
        .as_deref()
        .and_then(|raw| serde_json::from_str(raw).ok())
        .unwrap_or(Value::Null);
    let code = denial.reason.code();
    let jsonrpc_code = if denial.reason == streamguard::Reason::MalformedMessage {
        -32600
    } else {
        NOT_AUTHORIZED
    };
    error(
        id,
        jsonrpc_code,
        denial.reason.as_str(),
        json!({"status": streamguard_proto::status_name(code), "code": code as i32, "subject": denial.subject}),
    )
}

async fn answer(
    tools: &Tools,
    session: &StreamSession,
    msg: Value,
) -> Result<Option<JsonRpcFrame>, Status> {
    // Notifications and responses from the client get no answer.
    let Some(id) = msg.get("id").cloned() else {
        return Ok(None);
    };
    if msg.get("method").is_none() {
        return Ok(None);
    }
    let params = msg.get("params").cloned().unwrap_or(json!({}));
    let ok = |result: Value| {
        Ok(Some(frame(
            json!({"jsonrpc": "2.0", "id": id, "result": result}),
        )))
    };
    match msg["method"].as_str().unwrap_or("") {
        "initialize" => ok(json!({
            "protocolVersion": "2025-06-18",
            "serverInfo": {"name": "streamguard-reference", "version": env!("CARGO_PKG_VERSION")},
            "capabilities": {"tools": {}, "resources": {}}
        })),
        "ping" => ok(json!({})),
        "tools/list" => ok(json!({"tools": TOOLS.iter().map(|(n, s, d)| json!({
            "name": n, "description": d, "inputSchema": {"type": "object"}, "annotations": {"requiredScope": s}
        })).collect::<Vec<_>>()})),
        "tools/call" => {
            let name = params["name"].as_str().unwrap_or("");
            let mut args = params.get("arguments").cloned().unwrap_or(json!({}));
            // The tool gets the canonical resources that were authorized, resolved exactly as
            // the classifier resolved them.
            let declared = params["uri"]
                .as_str()
                .or_else(|| args["uri"].as_str())
                .map(str::to_owned);
            canonical_targets(
                session.guard().policy(),
                name,
                declared.as_deref(),
                &mut args,
            )?;
            let result = tools.call(session, name, &args, &id.to_string()).await?;
            let text: Vec<Value> = result
                .content
                .iter()
                .map(|c| json!({"type": c.r#type, "text": c.text}))
                .collect();
            ok(json!({"content": text, "isError": result.is_error}))
        }
        "resources/read" => {
            let raw = params["uri"].as_str().unwrap_or("");
            let uri = streamguard::resource::normalize(raw)
                .map_err(|e| Status::invalid_argument(e.to_string()))?;
            ok(
                json!({"contents": [{"uri": uri, "mimeType": "text/plain", "text": format!("contents of {uri}")}]}),
            )
        }
        other => Ok(Some(error(
            id,
            -32601,
            "method not found",
            json!({"method": other}),
        ))),
    }
}

#[tonic::async_trait]
impl McpJsonRpc for JsonRpcService {
    type ExchangeStream = Pin<Box<dyn Stream<Item = Result<JsonRpcFrame, Status>> + Send>>;

    async fn exchange(
        &self,
        request: Request<Streaming<JsonRpcFrame>>,
    ) -> Result<Response<Self::ExchangeStream>, Status> {
        let session = StreamSession::of(&request)?;
        let guard = session.guard().clone();
        let mut inbound = session
            .authorize_inbound_with(request.into_inner(), move |f: &JsonRpcFrame| {
                crate::classify::jsonrpc_frame(guard.policy(), f)
            });
        let (tx, rx) =
            response_queue::bounded(&session, 32, crate::streaming::RESPONSE_QUEUE_BYTES);
        let tools = self.tools.clone();
        let worker = session.clone();
        session.spawn(async move {
            while let Some(item) = inbound.next().await {
                let reply = match item {
                    Ok(Inbound::Allowed(f)) => {
                        // Classification already parsed it; unparsable frames were denied.
                        let msg: Value = serde_json::from_slice(&f.json).unwrap_or(Value::Null);
                        match answer(&tools, &worker, msg).await {
                            Ok(Some(reply)) => reply,
                            Ok(None) => continue,
                            Err(status) => {
                                let _ = tx.send(Err(status)).await;
                                return;
                            }
                        }
                    }
                    Ok(Inbound::Denied(denial)) => denied(&denial),
                    Err(_) => return,
                };
                if tx.send(Ok(reply)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(rx)))
    }
}
