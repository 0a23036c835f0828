//! Small, deliberately flawed MCP-over-gRPC servers (the `mcp.v1` proto, NOT built on
//! streamguard), one flaw each, to prove the auditor never grades what it could not observe.
//!
//! Tools: `echo` (scope `tools:echo`, arguments `{"text": string}`) and `delete_repo` (scope
//! `admin`, arguments `{"repo": string}`); each executed call goes to the downstream
//! `backend.v1.ToolBackend/Execute` (the auditor's canary). Tokens: HS256 with [`SECRET`],
//! issuer [`ISSUER`], audience [`AUDIENCE`], scopes in `scope`. Everything a flaw does not name
//! is done properly: tokens checked at open, every message authorized.

use std::{
    net::SocketAddr,
    pin::Pin,
    sync::{
        Arc,
        atomic::{AtomicU32, Ordering},
    },
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use base64::Engine as _;
use futures::{Stream, StreamExt as _};
use prost::Message as _;
use serde_json::{Value, json};
use streamguard_proto::{
    backend::v1::{ExecuteRequest, tool_backend_client::ToolBackendClient},
    mcp::v1::{
        CallToolRequest, CallToolResponse, Content, JsonRpcFrame, ListToolsRequest,
        ListToolsResponse, Progress, ResourceUpdate, ToolCall, ToolCallEvent, ToolError,
        ToolInputChunk, WatchResourceRequest,
        mcp_json_rpc_server::{McpJsonRpc, McpJsonRpcServer},
        mcp_server::{Mcp, McpServer},
        mcp_streaming_server::{McpStreaming, McpStreamingServer},
        tool_call_event::Event,
    },
};
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tonic::{Request, Response, Status, Streaming, transport::Channel};

/// The HMAC secret the flawed servers verify with (≥ 32 bytes).
pub const SECRET: &str = "flawed-servers-hmac-secret-of-32-bytes-or-more";
pub const ISSUER: &str = "flawed-issuer";
pub const AUDIENCE: &str = "flawed-mcp";
/// Messages all identities together may send to the server with [`Flaw::GlobalRateLimit`].
pub const GLOBAL_BUDGET: u32 = 8;

/// What a server gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flaw {
    /// No authentication and no authorization at all.
    NoAuth,
    /// Takes a JWT whose header says `"alg": "none"` without checking any signature.
    AcceptsAlgNone,
    /// Does not check `exp` when a stream opens.
    AcceptsExpiredAtOpen,
    /// Serves only the unary `mcp.v1.Mcp` (and its reflection lists nothing else).
    UnaryOnly,
    /// Executes tools itself: the downstream (canary) is never called.
    CanaryNeverReached,
    /// Has no `delete_repo`: answers it with an "unknown tool" error; authorizes a stream by its
    /// first message only.
    UnknownToolIsAnError,
    /// Drops a message whose arguments do not parse, without an answer; authorizes a stream by
    /// its first message only.
    DropsMalformedSilently,
    /// One rate limit for everyone together, not per identity.
    GlobalRateLimit,
}

struct Claims {
    sub: String,
    scopes: Vec<String>,
}

struct State {
    flaw: Flaw,
    downstream: Channel,
    spent: AtomicU32,
}

/// A running flawed server; stops when dropped.
pub struct Flawed {
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Flawed {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The descriptor set reflection serves: without the streaming services for [`Flaw::UnaryOnly`].
fn descriptor_set(flaw: Flaw) -> Vec<u8> {
    let mut set =
        prost_types::FileDescriptorSet::decode(streamguard_proto::FILE_DESCRIPTOR_SET).unwrap();
    if flaw == Flaw::UnaryOnly {
        for file in &mut set.file {
            file.service.retain(|s| s.name() == "Mcp");
        }
    }
    set.encode_to_vec()
}

impl Flawed {
    /// Starts the server on an ephemeral port; its downstream is `downstream` (the canary).
    pub async fn start(flaw: Flaw, downstream: SocketAddr) -> Flawed {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State {
            flaw,
            downstream: tonic::transport::Endpoint::from_shared(format!("http://{downstream}"))
                .unwrap()
                .connect_lazy(),
            spent: AtomicU32::new(0),
        });
        let reflection = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(&descriptor_set(flaw))
            .build_v1()
            .unwrap();
        let server = Server(state);
        let router = tonic::transport::Server::builder()
            .add_service(reflection)
            .add_service(McpServer::new(server.clone()));
        let router = if flaw == Flaw::UnaryOnly {
            router
        } else {
            router
                .add_service(McpStreamingServer::new(server.clone()))
                .add_service(McpJsonRpcServer::new(server))
        };
        let task = tokio::spawn(async move {
            let _ = router
                .serve_with_incoming(TcpListenerStream::new(listener))
                .await;
        });
        Flawed { addr, task }
    }
}

/// A token the flawed servers accept (for the tests' own use).
pub fn token(sub: &str, scopes: &str, ttl: Duration) -> String {
    let now = unix();
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &json!({"sub": sub, "iss": ISSUER, "aud": AUDIENCE, "scope": scopes, "iat": now, "exp": now + ttl.as_secs()}),
        &jsonwebtoken::EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap()
}

fn unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The claims of a JWT read without any check (what an `alg: none` server trusts).
fn unverified_claims(token: &str) -> Option<Value> {
    let mut parts = token.split('.');
    let (header, claims) = (parts.next()?, parts.next()?);
    let decode = |s: &str| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
    };
    (decode(header)?["alg"] == "none").then(|| decode(claims))?
}

fn claims_of(v: &Value) -> Claims {
    Claims {
        sub: v["sub"].as_str().unwrap_or_default().to_string(),
        scopes: v["scope"]
            .as_str()
            .unwrap_or_default()
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
    }
}

type Events<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[derive(Clone)]
struct Server(Arc<State>);

/// What one tool call came to.
enum Outcome {
    Done(String),
    Error(i32, &'static str, String),
    /// Dropped without an answer.
    Dropped,
}

impl Server {
    fn authenticate<T>(&self, req: &Request<T>) -> Result<Claims, Status> {
        let flaw = self.0.flaw;
        if flaw == Flaw::NoAuth {
            return Ok(Claims {
                sub: "anonymous".into(),
                scopes: vec!["tools:echo".into(), "admin".into()],
            });
        }
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing_token"))?;
        if flaw == Flaw::AcceptsAlgNone
            && let Some(c) = unverified_claims(token)
        {
            return Ok(claims_of(&c));
        }
        let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
        v.leeway = 0;
        v.set_audience(&[AUDIENCE]);
        v.set_issuer(&[ISSUER]);
        v.validate_exp = flaw != Flaw::AcceptsExpiredAtOpen;
        if !v.validate_exp {
            v.required_spec_claims.remove("exp");
        }
        let data = jsonwebtoken::decode::<Value>(
            token,
            &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
            &v,
        )
        .map_err(|e| Status::unauthenticated(format!("bad token: {e}")))?;
        Ok(claims_of(&data.claims))
    }

    /// Whether this server checks every message, or only a stream's first.
    fn authorizes_every_message(&self) -> bool {
        !matches!(
            self.0.flaw,
            Flaw::NoAuth | Flaw::UnknownToolIsAnError | Flaw::DropsMalformedSilently
        )
    }

    /// Runs one tool call. `authorized`: whether the stream's authorization covers it.
    async fn call(
        &self,
        claims: &Claims,
        authorized: bool,
        name: &str,
        args: &Value,
        request_id: &str,
    ) -> Outcome {
        let flaw = self.0.flaw;
        if flaw == Flaw::GlobalRateLimit
            && self.0.spent.fetch_add(1, Ordering::SeqCst) >= GLOBAL_BUDGET
        {
            return Outcome::Error(8, "RESOURCE_EXHAUSTED", "rate_limit_exceeded".into());
        }
        let arg = match name {
            "echo" => "text",
            "delete_repo" if flaw != Flaw::UnknownToolIsAnError => "repo",
            _ => return Outcome::Error(5, "NOT_FOUND", format!("unknown tool {name}")),
        };
        let Some(value) = args.get(arg).and_then(Value::as_str) else {
            return if flaw == Flaw::DropsMalformedSilently {
                Outcome::Dropped
            } else {
                Outcome::Error(3, "INVALID_ARGUMENT", format!("{name} needs {arg}"))
            };
        };
        if !authorized {
            return Outcome::Error(7, "PERMISSION_DENIED", "insufficient_scope".into());
        }
        if flaw == Flaw::CanaryNeverReached {
            return Outcome::Done(value.to_string());
        }
        let mut downstream = ToolBackendClient::new(self.0.downstream.clone());
        let req = ExecuteRequest {
            tool: name.into(),
            arguments_json: args.to_string(),
            subject: claims.sub.clone(),
            request_id: request_id.into(),
        };
        match downstream.execute(req).await {
            Ok(_) => Outcome::Done(value.to_string()),
            Err(s) => Outcome::Error(14, "UNAVAILABLE", s.message().to_string()),
        }
    }

    fn allows(claims: &Claims, tool: &str) -> bool {
        let needs = if tool == "echo" {
            "tools:echo"
        } else {
            "admin"
        };
        claims.scopes.iter().any(|s| s == needs)
    }
}

fn event(request_id: &str, outcome: Outcome) -> Option<ToolCallEvent> {
    let event = match outcome {
        Outcome::Done(text) => Event::Result(CallToolResponse {
            content: vec![Content {
                r#type: "text".into(),
                text,
            }],
            ..Default::default()
        }),
        Outcome::Error(code, status, message) => Event::Error(ToolError {
            code,
            status: status.into(),
            message,
        }),
        Outcome::Dropped => return None,
    };
    Some(ToolCallEvent {
        request_id: request_id.into(),
        event: Some(event),
    })
}

fn struct_json(s: &Option<prost_types::Struct>) -> Value {
    fn value(v: &prost_types::Value) -> Value {
        use prost_types::value::Kind;
        match &v.kind {
            Some(Kind::StringValue(s)) => json!(s),
            Some(Kind::NumberValue(n)) => json!(n),
            Some(Kind::BoolValue(b)) => json!(b),
            Some(Kind::StructValue(s)) => struct_json(&Some(s.clone())),
            Some(Kind::ListValue(l)) => Value::Array(l.values.iter().map(value).collect()),
            _ => Value::Null,
        }
    }
    let mut out = serde_json::Map::new();
    for (k, v) in s.iter().flat_map(|s| &s.fields) {
        out.insert(k.clone(), value(v));
    }
    Value::Object(out)
}

#[tonic::async_trait]
impl Mcp for Server {
    async fn list_tools(
        &self,
        req: Request<ListToolsRequest>,
    ) -> Result<Response<ListToolsResponse>, Status> {
        self.authenticate(&req)?;
        Ok(Response::new(ListToolsResponse::default()))
    }

    async fn call_tool(
        &self,
        req: Request<CallToolRequest>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let claims = self.authenticate(&req)?;
        let r = req.into_inner();
        let ok = Server::allows(&claims, &r.name);
        match self
            .call(&claims, ok, &r.name, &struct_json(&r.arguments), "")
            .await
        {
            Outcome::Done(text) => Ok(Response::new(CallToolResponse {
                content: vec![Content {
                    r#type: "text".into(),
                    text,
                }],
                ..Default::default()
            })),
            Outcome::Error(_, status, message) => {
                Err(Status::failed_precondition(format!("{status} {message}")))
            }
            Outcome::Dropped => Err(Status::invalid_argument("malformed")),
        }
    }
}

#[tonic::async_trait]
impl McpStreaming for Server {
    type CallToolWithProgressStream = Events<ToolCallEvent>;
    type StreamToolCallsStream = Events<ToolCallEvent>;
    type WatchResourceStream = Events<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        req: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let claims = self.authenticate(&req)?;
        let r = req.into_inner();
        if !Server::allows(&claims, &r.name) {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let server = self.clone();
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            let progress = Event::Progress(Progress {
                progress: 1.0,
                total: 2.0,
                message: "working".into(),
            });
            let _ = tx
                .send(Ok(ToolCallEvent {
                    request_id: String::new(),
                    event: Some(progress),
                }))
                .await;
            let outcome = server
                .call(&claims, true, &r.name, &struct_json(&r.arguments), "")
                .await;
            if let Some(e) = event("", outcome) {
                let _ = tx.send(Ok(e)).await;
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn stream_tool_calls(
        &self,
        req: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let claims = self.authenticate(&req)?;
        let mut inbound = req.into_inner();
        let server = self.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            let mut first_allowed = None;
            while let Some(Ok(call)) = inbound.next().await {
                let allowed = Server::allows(&claims, &call.name);
                let authorized = if server.authorizes_every_message() {
                    allowed
                } else {
                    *first_allowed.get_or_insert(allowed)
                };
                let args = struct_json(&call.arguments);
                let outcome = server
                    .call(&claims, authorized, &call.name, &args, &call.request_id)
                    .await;
                if let Some(e) = event(&call.request_id, outcome)
                    && tx.send(Ok(e)).await.is_err()
                {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn upload_tool_input(
        &self,
        req: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        self.authenticate(&req)?;
        let mut inbound = req.into_inner();
        let mut bytes = 0;
        while let Some(Ok(chunk)) = inbound.next().await {
            bytes += chunk.data.len();
        }
        Ok(Response::new(CallToolResponse {
            content: vec![Content {
                r#type: "text".into(),
                text: format!("{bytes} bytes"),
            }],
            ..Default::default()
        }))
    }

    async fn watch_resource(
        &self,
        req: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        self.authenticate(&req)?;
        let r = req.into_inner();
        let period = Duration::from_millis(u64::from(r.interval_ms.clamp(10, 60_000)));
        let updates = tokio_stream::wrappers::IntervalStream::new(tokio::time::interval(period))
            .enumerate()
            .map(move |(i, _)| {
                Ok(ResourceUpdate {
                    seq: i as u64,
                    uri: r.uri.clone(),
                    unix_ms: 0,
                    text: "tick".into(),
                })
            });
        Ok(Response::new(Box::pin(updates)))
    }
}

#[tonic::async_trait]
impl McpJsonRpc for Server {
    type ExchangeStream = Events<JsonRpcFrame>;

    /// JSON-RPC `tools/call` frames; answers carry the request's `id`.
    async fn exchange(
        &self,
        req: Request<Streaming<JsonRpcFrame>>,
    ) -> Result<Response<Self::ExchangeStream>, Status> {
        let claims = self.authenticate(&req)?;
        let mut inbound = req.into_inner();
        let server = self.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            let mut first_allowed = None;
            while let Some(Ok(frame)) = inbound.next().await {
                let Ok(msg) = serde_json::from_slice::<Value>(&frame.json) else {
                    continue;
                };
                let id = msg["id"].clone();
                let name = msg["params"]["name"].as_str().unwrap_or_default();
                let allowed = Server::allows(&claims, name);
                let authorized = if server.authorizes_every_message() {
                    allowed
                } else {
                    *first_allowed.get_or_insert(allowed)
                };
                let outcome = server
                    .call(&claims, authorized, name, &msg["params"]["arguments"], "")
                    .await;
                let answer = match outcome {
                    Outcome::Done(text) => json!({"jsonrpc": "2.0", "id": id,
                        "result": {"content": [{"type": "text", "text": text}]}}),
                    Outcome::Error(code, status, message) => json!({"jsonrpc": "2.0", "id": id,
                        "error": {"code": -32000 - code, "message": format!("{status} {message}")}}),
                    Outcome::Dropped => continue,
                };
                let frame = JsonRpcFrame {
                    json: answer.to_string().into_bytes(),
                };
                if tx.send(Ok(frame)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
