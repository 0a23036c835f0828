//! Shared test harness: the gateway in process on loopback, real tonic clients, and upstreams
//! with no authentication of their own that record what reached them.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicI64, Ordering::SeqCst};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::{Stream, StreamExt};
use streamguard_gateway::config::{GatewayConfig, MethodConfig, UpstreamConfig};
use streamguard_gateway::{RunningGateway, start};
use streamguard_proto::mcp::v1::mcp_json_rpc_server::{McpJsonRpc, McpJsonRpcServer};
use streamguard_proto::mcp::v1::mcp_streaming_server::{McpStreaming, McpStreamingServer};
use streamguard_proto::mcp::v1::{
    CallToolRequest, CallToolResponse, JsonRpcFrame, ResourceUpdate, ToolCall, ToolCallEvent,
    ToolInputChunk, WatchResourceRequest, tool_call_event,
};
use streamguard_server::tokens::{TokenSpec, mint_hs256};
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tonic::{Request, Response, Status, Streaming};

/// The dev secret of every test gateway (at least 32 bytes).
pub const SECRET: &str = "gateway-test-secret-0123456789abcdef-0123";

pub type EventStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// What reached the recording upstream.
#[derive(Default)]
pub struct Seen {
    pub tools: Vec<String>,
    pub resources: Vec<String>,
    pub metadata: Vec<tonic::metadata::MetadataMap>,
    pub jsonrpc_frames: Vec<String>,
    /// When a handler saw its call cancelled (the gateway reset the stream).
    pub cancelled: Vec<Instant>,
}

/// An MCP tool server with no auth of its own: echoes tool calls, streams resource updates,
/// echoes JSON-RPC frames, and records everything that reached it.
#[derive(Clone, Default)]
pub struct Recorder {
    pub seen: Arc<Mutex<Seen>>,
    /// Handlers running now.
    pub active: Arc<AtomicI64>,
}

/// Counts a handler as active until dropped; records a cancellation if it was not finished.
struct Active {
    rec: Recorder,
    finished: bool,
}

impl Active {
    fn new(rec: &Recorder) -> Self {
        rec.active.fetch_add(1, SeqCst);
        Active {
            rec: rec.clone(),
            finished: false,
        }
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        self.rec.active.fetch_sub(1, SeqCst);
        if !self.finished {
            self.rec.seen.lock().unwrap().cancelled.push(Instant::now());
        }
    }
}

impl Recorder {
    pub fn seen(&self) -> std::sync::MutexGuard<'_, Seen> {
        self.seen.lock().unwrap()
    }

    pub fn tools(&self) -> Vec<String> {
        self.seen().tools.clone()
    }

    /// Serves the recorder on a free loopback port.
    pub async fn serve(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (s, j) = (
            McpStreamingServer::new(self.clone()).max_decoding_message_size(16 << 20),
            McpJsonRpcServer::new(self.clone()),
        );
        tokio::spawn(async move {
            tonic::transport::Server::builder()
                .add_service(s)
                .add_service(j)
                .serve_with_incoming(TcpListenerStream::new(listener))
                .await
                .unwrap();
        });
        addr
    }
}

#[tonic::async_trait]
impl McpStreaming for Recorder {
    type CallToolWithProgressStream = EventStream<ToolCallEvent>;
    type StreamToolCallsStream = EventStream<ToolCallEvent>;
    type WatchResourceStream = EventStream<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let mut seen = self.seen();
        seen.metadata.push(request.metadata().clone());
        seen.tools.push(request.get_ref().name.clone());
        Err(Status::with_details(
            tonic::Code::FailedPrecondition,
            "upstream says no",
            bytes::Bytes::from_static(b"\x01\x02details"),
        ))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        self.seen().metadata.push(request.metadata().clone());
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(64);
        let rec = self.clone();
        let active = Active::new(self);
        tokio::spawn(async move {
            let mut active = active;
            loop {
                let call = tokio::select! {
                    m = inbound.next() => m,
                    _ = tx.closed() => return,
                };
                match call {
                    Some(Ok(call)) => {
                        {
                            let mut seen = rec.seen();
                            seen.tools.push(call.name.clone());
                            seen.resources.push(call.resource_uri.clone());
                        }
                        let event = ToolCallEvent {
                            request_id: call.request_id.clone(),
                            event: Some(tool_call_event::Event::Result(CallToolResponse {
                                is_error: false,
                                content: vec![],
                                structured_content: call.arguments.clone(),
                            })),
                        };
                        if tx.send(Ok(event)).await.is_err() {
                            return;
                        }
                    }
                    Some(Err(_)) => return,
                    None => {
                        active.finished = true;
                        return;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn upload_tool_input(
        &self,
        request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let mut inbound = request.into_inner();
        let mut n = 0usize;
        while let Some(chunk) = inbound.next().await {
            n += chunk?.data.len();
        }
        let mut response = Response::new(CallToolResponse {
            is_error: false,
            content: vec![],
            structured_content: None,
        });
        response
            .metadata_mut()
            .insert("x-bytes-received", n.to_string().parse().unwrap());
        Ok(response)
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        self.seen().metadata.push(request.metadata().clone());
        let req = request.into_inner();
        self.seen().resources.push(req.uri.clone());
        let (tx, rx) = mpsc::channel(4);
        let active = Active::new(self);
        tokio::spawn(async move {
            let _active = active;
            let mut seq = 0;
            loop {
                seq += 1;
                let update = ResourceUpdate {
                    seq,
                    uri: req.uri.clone(),
                    unix_ms: 0,
                    text: "x".repeat(req.interval_ms as usize % 7),
                };
                tokio::select! {
                    r = tx.send(Ok(update)) => if r.is_err() { return },
                    _ = tx.closed() => return,
                }
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(req.interval_ms.max(5) as u64)) => {}
                    _ = tx.closed() => return,
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}

#[tonic::async_trait]
impl McpJsonRpc for Recorder {
    type ExchangeStream = EventStream<JsonRpcFrame>;

    async fn exchange(
        &self,
        request: Request<Streaming<JsonRpcFrame>>,
    ) -> Result<Response<Self::ExchangeStream>, Status> {
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(64);
        let rec = self.clone();
        tokio::spawn(async move {
            while let Some(Ok(frame)) = inbound.next().await {
                let text = String::from_utf8_lossy(&frame.json).into_owned();
                rec.seen().jsonrpc_frames.push(text.clone());
                let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                let answer = |m: &serde_json::Value| serde_json::json!({"jsonrpc": "2.0", "id": m["id"], "result": {"echo": m["method"]}});
                let out = match &v {
                    serde_json::Value::Array(items) => {
                        serde_json::Value::Array(items.iter().map(answer).collect())
                    }
                    one => answer(one),
                };
                let frame = JsonRpcFrame {
                    json: out.to_string().into_bytes(),
                };
                if tx.send(Ok(frame)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}

/// A dev-mode gateway config in front of `upstream`, with the mcp.v1 descriptors.
pub fn config(upstream: SocketAddr) -> GatewayConfig {
    let mut c = GatewayConfig {
        listen: ([127, 0, 0, 1], 0).into(),
        admin_listen: ([127, 0, 0, 1], 0).into(),
        dev: true,
        dev_secret: Some(SECRET.into()),
        upstream: UpstreamConfig::new(format!("http://{upstream}")),
        ..GatewayConfig::default()
    };
    c.descriptors.encoded = Some(streamguard_proto::FILE_DESCRIPTOR_SET.to_vec());
    c
}

/// The bidi tool method's rules: `echo` needs `tools:echo`, `delete_repo` needs `admin`;
/// resources `mcp://users/{sub}/…`; denials answered with a `ToolError` event.
pub fn tool_calls_method() -> MethodConfig {
    MethodConfig {
        method: "mcp.v1.McpStreaming/StreamToolCalls".into(),
        tool: Some("name".into()),
        resource: streamguard_gateway::config::OneOrMany::Many(vec![
            "resource_uri".into(),
            "arguments#/path".into(),
        ]),
        resource_owner: Some("mcp://users/{sub}/*".into()),
        request_id: Some("request_id".into()),
        deny_reply: Some(
            r#"{"request_id": "{request_id}", "error": {"code": 7, "status": "PERMISSION_DENIED", "message": "{reason}: {subject}"}}"#
                .into(),
        ),
        scopes: [("echo", "tools:echo"), ("delete_repo", "admin")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        ..MethodConfig::default()
    }
}

pub struct Lab {
    pub gateway: RunningGateway,
    pub channel: tonic::transport::Channel,
}

pub async fn lab(config: GatewayConfig) -> Lab {
    let gateway = start(config).await.expect("gateway starts");
    let channel = connect(gateway.grpc_addr).await;
    Lab { gateway, channel }
}

pub async fn connect(addr: SocketAddr) -> tonic::transport::Channel {
    tonic::transport::Channel::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .expect("client connects")
}

/// A token from the gateway's dev issuer (with `iat` and a fresh `jti`).
pub fn token(sub: &str, scopes: &str, ttl: Duration) -> (String, String) {
    let mut spec = TokenSpec::new(sub, scopes, ttl);
    let jti = uuid::Uuid::new_v4().to_string();
    spec.jti = Some(jti.clone());
    (mint_hs256(SECRET, &spec).unwrap(), jti)
}

pub fn authed<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut r = tonic::Request::new(message);
    r.metadata_mut()
        .insert("authorization", format!("Bearer {token}").parse().unwrap());
    r
}

pub fn tool_call(id: &str, name: &str, resource: &str) -> ToolCall {
    ToolCall {
        request_id: id.into(),
        name: name.into(),
        arguments: None,
        resource_uri: resource.into(),
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

/// GET on the admin API.
pub async fn admin_get(gw: &RunningGateway, path: &str) -> String {
    use http_body_util::{BodyExt, Empty};
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http::<Empty<bytes::Bytes>>();
    let uri: http::Uri = format!("http://{}{path}", gw.admin_addr).parse().unwrap();
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

/// POST /v1/revocations as the admin; returns the HTTP status.
pub async fn revoke(gw: &RunningGateway, body: serde_json::Value) -> u16 {
    use http_body_util::{BodyExt, Full};
    let req = http::Request::post(format!("http://{}/v1/revocations", gw.admin_addr))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {}", gw.admin_token))
        .body(Full::new(bytes::Bytes::from(body.to_string())))
        .unwrap();
    let client = hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
        .build_http();
    let resp = client.request(req).await.expect("admin API answers");
    let status = resp.status().as_u16();
    let _ = resp.into_body().collect().await;
    status
}

/// No session, task or upstream stream left, within `within`.
pub async fn all_released(
    gw: &RunningGateway,
    upstream_active: &AtomicI64,
    within: Duration,
) -> Result<(), String> {
    let done = eventually(within, || {
        let live = gw.guard.metrics().live();
        (live.streams == 0
            && live.tasks == 0
            && gw.metrics.upstream_streams() == 0
            && upstream_active.load(SeqCst) == 0)
            .then_some(())
    })
    .await;
    done.ok_or_else(|| {
        format!(
            "left: sessions {:?}, gateway upstream streams {}, upstream handlers {}",
            gw.guard.metrics().live(),
            gw.metrics.upstream_streams(),
            upstream_active.load(SeqCst)
        )
    })
}
