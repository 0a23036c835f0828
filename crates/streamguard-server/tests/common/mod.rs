//! Shared test harness: a real reference server on loopback, real tonic clients, and a
//! recording downstream that sees what the server forwards.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures::StreamExt;
use streamguard::deadline::parse_grpc_timeout;
use streamguard_proto::backend::v1::{
    ExecuteRequest, ExecuteResponse,
    tool_backend_server::{ToolBackend, ToolBackendServer},
};
use streamguard_proto::mcp::v1::{
    ToolCall, ToolCallEvent, mcp_json_rpc_client::McpJsonRpcClient,
    mcp_streaming_client::McpStreamingClient,
};
use streamguard_server::tokens::{TokenSpec, mint_hs256};
use streamguard_server::{RunningServer, ServeConfig};
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tonic::transport::Channel;

pub struct Lab {
    pub server: RunningServer,
    pub channel: Channel,
}

pub async fn start(config: ServeConfig) -> Lab {
    let server = streamguard_server::start(config)
        .await
        .expect("server starts");
    let channel = Channel::from_shared(format!("http://{}", server.grpc_addr))
        .unwrap()
        .connect()
        .await
        .expect("client connects");
    Lab { server, channel }
}

pub async fn start_dev() -> Lab {
    start(ServeConfig::dev()).await
}

/// A server whose downstream is a [`RecordingBackend`] the test can inspect.
pub async fn lab_with_recorder(config: ServeConfig) -> (Lab, RecordingBackend) {
    let backend = RecordingBackend::default();
    let addr = backend.serve().await;
    let lab = start(ServeConfig {
        backend: Some(format!("http://{addr}")),
        ..config
    })
    .await;
    (lab, backend)
}

impl Lab {
    pub fn token(&self, sub: &str, scopes: &str, ttl: Duration) -> (String, TokenSpec) {
        let mut spec = TokenSpec::new(sub, scopes, ttl);
        spec.jti = Some(uuid::Uuid::new_v4().to_string());
        (mint_hs256(&self.server.dev_secret, &spec).unwrap(), spec)
    }

    pub fn streaming(&self) -> McpStreamingClient<Channel> {
        McpStreamingClient::new(self.channel.clone())
    }

    pub fn jsonrpc(&self) -> McpJsonRpcClient<Channel> {
        McpJsonRpcClient::new(self.channel.clone())
    }

    /// POST /v1/revocations with `auth` as the Authorization header; returns the HTTP status.
    pub async fn revoke(&self, auth: Option<&str>, body: serde_json::Value) -> u16 {
        self.admin_request(http::Method::POST, auth, body).await
    }

    /// `method` /v1/revocations with `auth` as the Authorization header; returns the status.
    pub async fn admin_request(
        &self,
        method: http::Method,
        auth: Option<&str>,
        body: serde_json::Value,
    ) -> u16 {
        use http_body_util::{BodyExt, Full};
        let mut req = http::Request::builder()
            .method(method)
            .uri(format!("http://{}/v1/revocations", self.server.admin_addr))
            .header("content-type", "application/json");
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        let req = req
            .body(Full::new(bytes::Bytes::from(body.to_string())))
            .unwrap();
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http();
        let resp = client.request(req).await.expect("admin API answers");
        let status = resp.status().as_u16();
        let _ = resp.into_body().collect().await;
        status
    }

    /// DELETE /v1/revocations as the admin: lifts a revocation.
    pub async fn lift_as_admin(&self, body: serde_json::Value) -> u16 {
        let auth = format!("Bearer {}", self.server.admin_token);
        self.admin_request(http::Method::DELETE, Some(&auth), body)
            .await
    }

    /// A token with exactly these claims, signed with the dev secret.
    pub fn token_with(&self, claims: serde_json::Value) -> String {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(self.server.dev_secret.as_bytes()),
        )
        .unwrap()
    }

    /// The claims of a good dev token for `sub`, to alter in a test.
    pub fn claims(&self, sub: &str, scope: &str, ttl: Duration) -> serde_json::Value {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        serde_json::json!({
            "sub": sub, "scope": scope, "iat": now, "exp": now + ttl.as_secs(),
            "iss": streamguard_server::config::DEV_ISSUER,
            "aud": streamguard_server::config::DEV_AUDIENCE,
            "jti": uuid::Uuid::new_v4().to_string(),
        })
    }

    pub async fn revoke_as_admin(&self, body: serde_json::Value) -> u16 {
        let auth = format!("Bearer {}", self.server.admin_token);
        self.revoke(Some(&auth), body).await
    }

    pub async fn get(&self, path: &str) -> String {
        use http_body_util::{BodyExt, Empty};
        let client =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build_http::<Empty<bytes::Bytes>>();
        let uri: http::Uri = format!("http://{}{path}", self.server.admin_addr)
            .parse()
            .unwrap();
        let resp = client.get(uri).await.expect("admin API answers");
        String::from_utf8(
            resp.into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .to_vec(),
        )
        .unwrap()
    }
}

pub fn authed<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut r = tonic::Request::new(message);
    r.metadata_mut()
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    r
}

pub fn unix_now_f64() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

pub fn exp_of(spec: &TokenSpec) -> f64 {
    // mint_hs256 sets exp = floor(now) + ttl; recompute from the token itself would be exact,
    // this is exact too as long as the test reads it right after minting.
    (SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + spec.ttl.as_secs()) as f64
}

pub fn tool_call(id: &str, name: &str, args: serde_json::Value) -> ToolCall {
    ToolCall {
        request_id: id.to_string(),
        name: name.to_string(),
        arguments: Some(streamguard_server::structs::from_json(&args)),
        resource_uri: String::new(),
    }
}

/// A bidi StreamToolCalls call whose outbound side the test drives message by message.
pub struct Bidi {
    pub tx: mpsc::Sender<ToolCall>,
    pub events: tonic::Streaming<ToolCallEvent>,
}

pub async fn open_bidi(lab: &Lab, token: &str) -> Result<Bidi, tonic::Status> {
    open_bidi_with(lab, token, None).await
}

/// Like [`open_bidi`], with a client deadline (sent as `grpc-timeout`).
pub async fn open_bidi_with(
    lab: &Lab,
    token: &str,
    deadline: Option<Duration>,
) -> Result<Bidi, tonic::Status> {
    let (tx, rx) = mpsc::channel(64);
    let mut request = authed(ReceiverStream::new(rx), token);
    if let Some(d) = deadline {
        request.set_timeout(d);
    }
    let events = lab
        .streaming()
        .stream_tool_calls(request)
        .await?
        .into_inner();
    Ok(Bidi { tx, events })
}

/// Opens a WatchResource stream that the server must refuse; returns the refusal.
pub async fn refused_watch(
    lab: &Lab,
    req: streamguard_proto::mcp::v1::WatchResourceRequest,
    token: &str,
) -> tonic::Status {
    match lab.streaming().watch_resource(authed(req, token)).await {
        Ok(_) => panic!("the server must refuse the stream"),
        Err(status) => status,
    }
}

impl Bidi {
    pub async fn call(&mut self, call: ToolCall) -> Result<ToolCallEvent, tonic::Status> {
        self.tx.send(call).await.expect("stream open");
        match tokio::time::timeout(Duration::from_secs(10), self.events.next()).await {
            Ok(Some(r)) => r,
            Ok(None) => Err(tonic::Status::unknown("stream ended without status")),
            Err(_) => panic!("no event within 10 s"),
        }
    }
}

/// What the recording downstream saw of one call.
#[derive(Debug, Clone)]
pub struct SeenCall {
    pub tool: String,
    pub request_id: String,
    /// The arguments the tool was handed.
    pub arguments: serde_json::Value,
    pub grpc_timeout: Option<Duration>,
    pub arrived: Instant,
    pub cancelled_at: Option<Instant>,
    pub completed: bool,
}

/// A real `backend.v1.ToolBackend` on loopback that records every call, its `grpc-timeout`, and
/// whether its caller cancelled it (the handler future dropped before completion).
#[derive(Clone, Default)]
pub struct RecordingBackend {
    pub calls: Arc<Mutex<Vec<SeenCall>>>,
}

struct CancelWatch {
    calls: Arc<Mutex<Vec<SeenCall>>>,
    index: usize,
    done: bool,
}

impl Drop for CancelWatch {
    fn drop(&mut self) {
        let mut calls = self.calls.lock().unwrap();
        if self.done {
            calls[self.index].completed = true;
        } else {
            calls[self.index].cancelled_at = Some(Instant::now());
        }
    }
}

#[tonic::async_trait]
impl ToolBackend for RecordingBackend {
    async fn execute(
        &self,
        request: tonic::Request<ExecuteRequest>,
    ) -> Result<tonic::Response<ExecuteResponse>, tonic::Status> {
        let grpc_timeout = request
            .metadata()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_grpc_timeout(v).ok());
        let req = request.into_inner();
        let args: serde_json::Value = serde_json::from_str(&req.arguments_json).unwrap_or_default();
        let index = {
            let mut calls = self.calls.lock().unwrap();
            calls.push(SeenCall {
                tool: req.tool.clone(),
                request_id: req.request_id.clone(),
                arguments: args.clone(),
                grpc_timeout,
                arrived: Instant::now(),
                cancelled_at: None,
                completed: false,
            });
            calls.len() - 1
        };
        let mut watch = CancelWatch {
            calls: self.calls.clone(),
            index,
            done: false,
        };
        if req.tool == "slow_echo" {
            let ms = args["ms"].as_f64().unwrap_or(1000.0) as u64;
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        watch.done = true;
        Ok(tonic::Response::new(ExecuteResponse {
            result_json: serde_json::json!({"tool": req.tool, "args": args}).to_string(),
        }))
    }
}

impl RecordingBackend {
    pub async fn serve(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let svc = ToolBackendServer::new(self.clone());
        tokio::spawn(async move {
            tonic::transport::Server::builder()
                .add_service(svc)
                .serve_with_incoming(TcpListenerStream::new(listener))
                .await
                .unwrap();
        });
        addr
    }

    pub fn seen(&self) -> Vec<SeenCall> {
        self.calls.lock().unwrap().clone()
    }

    pub fn tools(&self) -> Vec<String> {
        self.seen().into_iter().map(|c| c.tool).collect()
    }
}

/// Polls `f` every 10 ms until it returns Some or `within` passes.
pub async fn eventually<T>(within: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let end = Instant::now() + within;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() >= end {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A JSON-RPC `Exchange` stream the test drives one request at a time.
pub struct JsonRpc {
    tx: mpsc::Sender<streamguard_proto::mcp::v1::JsonRpcFrame>,
    replies: tonic::Streaming<streamguard_proto::mcp::v1::JsonRpcFrame>,
}

pub async fn open_jsonrpc(lab: &Lab, token: &str) -> JsonRpc {
    let (tx, rx) = mpsc::channel(8);
    let replies = lab
        .jsonrpc()
        .exchange(authed(ReceiverStream::new(rx), token))
        .await
        .expect("the JSON-RPC stream opens")
        .into_inner();
    JsonRpc { tx, replies }
}

impl JsonRpc {
    /// Sends one message and returns the reply.
    pub async fn ask(&mut self, msg: serde_json::Value) -> serde_json::Value {
        self.tx
            .send(streamguard_proto::mcp::v1::JsonRpcFrame {
                json: msg.to_string().into_bytes(),
            })
            .await
            .expect("stream open");
        let frame = tokio::time::timeout(Duration::from_secs(10), self.replies.next())
            .await
            .expect("a reply within 10 s")
            .expect("a reply, not the end of the stream")
            .expect("a reply, not an error status");
        serde_json::from_slice(&frame.json).expect("the reply is JSON")
    }
}
