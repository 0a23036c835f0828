//! Shared by the streamguard-server benches: an MCP streaming handler that can run guarded or
//! unguarded (so "the same handler" is compared with and without the guard), token minting,
//! percentiles, and RSS readings. Everything listens and connects on 127.0.0.1 only.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{Stream, StreamExt};
use streamguard::auth::{AuthConfig, Authenticator, KeyConfig};
use streamguard::authz::Action;
use streamguard::inbound::Inbound;
use streamguard::{Guard, GuardConfig, StreamGuardLayer, StreamSession};
use streamguard_proto::mcp::v1::{
    CallToolRequest, CallToolResponse, Content, ResourceUpdate, ToolCall, ToolCallEvent, ToolError,
    ToolInputChunk, WatchResourceRequest,
    mcp_streaming_server::{McpStreaming, McpStreamingServer},
    tool_call_event::Event,
};
use streamguard_server::config::{DEV_AUDIENCE, DEV_ISSUER};
use streamguard_server::tokens::{TokenSpec, mint_hs256};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_stream::wrappers::{ReceiverStream, TcpListenerStream};
use tonic::{Request, Response, Status, Streaming};

/// HS256 secret of the bench's own guarded servers (the reference server has its own).
pub const SECRET: &str = "streamguard-bench-secret-0123456789abcdef";

/// The verifier the bench's guarded servers use: same settings as `serve --dev`.
pub fn authenticator() -> Authenticator {
    Authenticator::new(AuthConfig {
        keys: vec![KeyConfig::hs256_secret(SECRET)],
        issuer: Some(DEV_ISSUER.into()),
        audience: Some(DEV_AUDIENCE.into()),
        leeway: Duration::ZERO,
        ..AuthConfig::default()
    })
    .expect("bench key loads")
}

/// A dev-style token (issuer/audience of `serve --dev`) signed with `secret`.
pub fn token(secret: &str, sub: &str, scopes: &str, ttl: Duration, jti: Option<String>) -> String {
    let mut spec = TokenSpec::new(sub, scopes, ttl);
    spec.jti = jti;
    mint_hs256(secret, &spec).expect("token mints")
}

/// The `exp` claim of a JWT (whole Unix seconds), read back from the token itself.
pub fn exp_of(token: &str) -> u64 {
    use base64::Engine;
    let payload = token.split('.').nth(1).expect("JWT has a payload");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .expect("payload is base64url");
    let claims: serde_json::Value = serde_json::from_slice(&bytes).expect("payload is JSON");
    claims["exp"].as_u64().expect("exp is a number")
}

/// Wraps `message` in a request carrying `authorization: Bearer <token>`.
pub fn bearer<T>(message: T, token: &str) -> Request<T> {
    let mut request = Request::new(message);
    request.metadata_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("ascii token"),
    );
    request
}

pub fn unix_ms_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Nearest-rank percentile of sorted samples.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(|a, b| a.total_cmp(b));
    v
}

/// Resident set size of this process (VmRSS of /proc/self/status), in bytes.
pub fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kb| kb.parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .expect("VmRSS line")
}

/// A guard with every control on and the given limits (the bench's own guarded servers).
pub fn guard(messages_per_minute: u32, burst: u32, max_streams_per_identity: u32) -> Guard {
    Guard::new(
        GuardConfig {
            messages_per_minute,
            burst,
            max_streams_per_identity,
            ..GuardConfig::default()
        },
        authenticator(),
    )
}

type EventStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// A minimal `McpStreaming` handler: `StreamToolCalls` answers every `ToolCall` with a result
/// echoing its `text` argument, `WatchResource` ticks every `interval_ms`. Guarded, it does what
/// the library asks of a handler (per-message authorization of the inbound stream, work spawned
/// on the session); unguarded, it is the same code without those two calls.
#[derive(Clone, Copy)]
pub struct BenchHandler {
    pub guarded: bool,
}

fn classify(call: &ToolCall) -> Action<'_> {
    Action::call_tool(call.name.as_str())
        .with_resource(call.resource_uri.as_str())
        .with_request_id(call.request_id.as_str())
}

fn echo(call: ToolCall) -> ToolCallEvent {
    let text = call
        .arguments
        .as_ref()
        .and_then(|a| a.fields.get("text"))
        .and_then(|v| match &v.kind {
            Some(prost_types::value::Kind::StringValue(s)) => Some(s.clone()),
            _ => None,
        })
        .unwrap_or_default();
    ToolCallEvent {
        request_id: call.request_id,
        event: Some(Event::Result(CallToolResponse {
            content: vec![Content {
                r#type: "text".into(),
                text,
            }],
            structured_content: None,
            is_error: false,
        })),
    }
}

async fn tick(uri: String, interval_ms: u32, tx: mpsc::Sender<Result<ResourceUpdate, Status>>) {
    let mut tick = tokio::time::interval(Duration::from_millis(u64::from(interval_ms.max(10))));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    for seq in 1u64.. {
        tick.tick().await;
        let update = ResourceUpdate {
            seq,
            uri: uri.clone(),
            unix_ms: unix_ms_now() as i64,
            text: format!("update {seq} of {uri}"),
        };
        if tx.send(Ok(update)).await.is_err() {
            return;
        }
    }
}

#[tonic::async_trait]
impl McpStreaming for BenchHandler {
    type CallToolWithProgressStream = EventStream<ToolCallEvent>;
    type StreamToolCallsStream = EventStream<ToolCallEvent>;
    type WatchResourceStream = EventStream<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        _request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        Err(Status::unimplemented("not part of the bench"))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let (tx, rx) = mpsc::channel(32);
        if self.guarded {
            let session = StreamSession::of(&request)?;
            let mut inbound = session.authorize_inbound_with(request.into_inner(), classify);
            session.spawn(async move {
                while let Some(item) = inbound.next().await {
                    let reply = match item {
                        Ok(Inbound::Allowed(call)) => echo(call),
                        Ok(Inbound::Denied(d)) => ToolCallEvent {
                            request_id: d.request_id.clone().unwrap_or_default(),
                            event: Some(Event::Error(ToolError {
                                code: d.reason.code() as i32,
                                status: "PERMISSION_DENIED".into(),
                                message: d.reason.as_str().into(),
                            })),
                        },
                        Err(_) => return,
                    };
                    if tx.send(Ok(reply)).await.is_err() {
                        return;
                    }
                }
            });
        } else {
            let mut inbound = request.into_inner();
            tokio::spawn(async move {
                while let Some(item) = inbound.next().await {
                    let reply = match item {
                        Ok(call) => echo(call),
                        Err(_) => return,
                    };
                    if tx.send(Ok(reply)).await.is_err() {
                        return;
                    }
                }
            });
        }
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn upload_tool_input(
        &self,
        _request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        Err(Status::unimplemented("not part of the bench"))
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let (tx, rx) = mpsc::channel(4);
        if self.guarded {
            let session = StreamSession::of(&request)?;
            let req = request.into_inner();
            session
                .authorize(&Action::read_resource(req.uri.as_str()))
                .map_err(|d| Status::new(d.reason.code(), d.reason.as_str()))?;
            session.spawn(tick(req.uri, req.interval_ms, tx));
        } else {
            let req = request.into_inner();
            tokio::spawn(tick(req.uri, req.interval_ms, tx));
        }
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}

/// Serves [`BenchHandler`] on an ephemeral loopback port: behind [`StreamGuardLayer`] when
/// `guard` is given (and the handler then runs guarded), as plain tonic otherwise.
pub async fn serve_bench(guard: Option<Guard>) -> SocketAddr {
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    let incoming = TcpListenerStream::new(listener);
    match guard {
        Some(guard) => {
            let router = tonic::transport::Server::builder()
                .layer(StreamGuardLayer::new(guard))
                .add_service(McpStreamingServer::new(BenchHandler { guarded: true }));
            tokio::spawn(async move {
                router
                    .serve_with_incoming(incoming)
                    .await
                    .expect("guarded bench server")
            });
        }
        None => {
            let router = tonic::transport::Server::builder()
                .add_service(McpStreamingServer::new(BenchHandler { guarded: false }));
            tokio::spawn(async move {
                router
                    .serve_with_incoming(incoming)
                    .await
                    .expect("unguarded bench server")
            });
        }
    }
    addr
}

/// An eagerly connected channel to `addr`.
pub async fn channel(addr: SocketAddr) -> tonic::transport::Channel {
    tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .expect("endpoint")
        .connect()
        .await
        .expect("connect over loopback")
}

/// A one-line description of the machine for the report.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cpus} logical CPUs available ({model})")
}
