use std::{collections::HashMap, sync::Arc};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use mcp_proto::{mcp_json_rpc_server::McpJsonRpc, JsonRpcFrame};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::{debug, warn};

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    scope: String,
}

pub struct Bridge {
    key: DecodingKey,
    backends: Arc<HashMap<String, String>>,
    http: reqwest::Client,
}

impl Bridge {
    pub fn new(secret: Vec<u8>, backends: HashMap<String, String>) -> Self {
        Self { key: DecodingKey::from_secret(&secret), backends: Arc::new(backends), http: reqwest::Client::new() }
    }
}

fn frame(v: Value) -> Result<JsonRpcFrame, Status> {
    Ok(JsonRpcFrame { json: serde_json::to_vec(&v).unwrap_or_default() })
}

fn err(id: &Value, code: i64, msg: &str) -> Result<JsonRpcFrame, Status> {
    frame(json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": msg}}))
}

#[tonic::async_trait]
impl McpJsonRpc for Bridge {
    type ExchangeStream = ReceiverStream<Result<JsonRpcFrame, Status>>;

    async fn exchange(&self, request: Request<Streaming<JsonRpcFrame>>) -> Result<Response<Self::ExchangeStream>, Status> {
        let token = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?
            .to_owned();
        let claims = decode::<Claims>(&token, &self.key, &Validation::new(Algorithm::HS256))
            .map_err(|_| Status::unauthenticated("invalid token"))?
            .claims;
        let scopes: Vec<String> = claims.scope.split_whitespace().map(str::to_owned).collect();

        let mut inbound = request.into_inner();
        let backends = self.backends.clone();
        let http = self.http.clone();
        let (tx, rx) = mpsc::channel(64);

        tokio::spawn(async move {
            let mut authorized = false;
            while let Ok(Some(f)) = inbound.message().await {
                let msg: Value = match serde_json::from_slice(&f.json) {
                    Ok(v) => v,
                    Err(_) => {
                        let _ = tx.send(err(&Value::Null, -32700, "parse error")).await;
                        continue;
                    }
                };
                let id = msg.get("id").cloned().unwrap_or(Value::Null);
                match msg.get("method").and_then(Value::as_str) {
                    Some("initialize") => {
                        let _ = tx.send(frame(json!({"jsonrpc": "2.0", "id": id, "result": {"protocolVersion": "2025-03-26", "capabilities": {"tools": {}}}}))).await;
                    }
                    Some("tools/call") => {
                        let tool = msg["params"]["name"].as_str().unwrap_or_default().to_owned();
                        if !authorized {
                            if !scopes.iter().any(|s| s == &format!("tool:{tool}") || s == "tool:*") {
                                let _ = tx.send(err(&id, -32003, "insufficient_scope")).await;
                                continue;
                            }
                            debug!(sub = %claims.sub, %tool, "session authorized");
                            authorized = true;
                        }
                        let Some(url) = backends.get(&tool).cloned() else {
                            let _ = tx.send(err(&id, -32601, "unknown tool")).await;
                            continue;
                        };
                        let args = msg["params"]["arguments"].clone();
                        let reply = match http.post(&url).json(&json!({"arguments": args, "caller": claims.sub})).send().await {
                            Ok(r) => match r.json::<Value>().await {
                                Ok(result) => frame(json!({"jsonrpc": "2.0", "id": id, "result": result})),
                                Err(e) => err(&id, -32000, &e.to_string()),
                            },
                            Err(e) => {
                                warn!(%tool, error = %e, "backend call failed");
                                err(&id, -32000, "backend unavailable")
                            }
                        };
                        if tx.send(reply).await.is_err() {
                            break;
                        }
                    }
                    _ => {
                        if !id.is_null() {
                            let _ = tx.send(err(&id, -32601, "method not found")).await;
                        }
                    }
                }
            }
        });

        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
