//! `streamguard serve`: a reference MCP tool server whose every RPC runs under the stream guard.
//!
//! Tools go to a downstream `backend.v1.ToolBackend` (an embedded one on loopback unless
//! `--backend` names another) with the caller's remaining deadline and the stream's
//! cancellation. Each control can be switched off to make the vulnerable lab the auditor is
//! tested on.

pub mod admin;
pub mod backend;
mod classify;
pub mod config;
mod jsonrpc;
pub mod listeners;
mod mcp;
pub mod state;
mod streaming;
pub mod structs;
pub mod tokens;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use streamguard::{Guard, StreamGuardLayer};
use streamguard_edge::EdgeMetrics;
use streamguard_proto::mcp::v1::{
    mcp_json_rpc_server::McpJsonRpcServer, mcp_server::McpServer,
    mcp_streaming_server::McpStreamingServer,
};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use config::ServeConfig;
pub use listeners::ServerTls;

/// A server started by [`start`]. [`RunningServer::shutdown`] drains it gracefully; dropping
/// it closes everything at once.
pub struct RunningServer {
    pub grpc_addr: SocketAddr,
    pub admin_addr: SocketAddr,
    pub admin_token: String,
    /// The HS256 secret in dev mode (empty otherwise).
    pub dev_secret: String,
    pub guard: Guard,
    /// Counters of the gRPC listener's network edge (connections, streams, shutdown).
    pub edge_metrics: Arc<EdgeMetrics>,
    /// The embedded backend, when no `--backend` was given.
    pub embedded_backend: Option<backend::EmbeddedBackend>,
    /// TLS of both listeners (when configured): [`ServerTls::reload`] on SIGHUP.
    pub tls: ServerTls,
    /// Starts the gRPC listener's drain.
    drain: CancellationToken,
    /// Stops the admin API and the embedded backend, once the gRPC listener has drained.
    stop: CancellationToken,
    grpc_task: Option<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningServer {
    /// Stops accepting, sends GOAWAY, lets live streams go on for the drain period, ends the
    /// rest with `UNAVAILABLE` / `shutting_down`, then stops the admin API and the embedded
    /// backend (which in-flight tool calls need until then).
    pub async fn shutdown(mut self) {
        self.drain.cancel();
        if let Some(grpc) = self.grpc_task.take() {
            let _ = grpc.await;
        }
        self.stop.cancel();
        for t in self.tasks.drain(..) {
            let _ = t.await;
        }
    }

    /// Resolves when the server is asked to stop.
    pub async fn stopped(&self) {
        self.drain.cancelled().await
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(grpc) = self.grpc_task.take() {
            // Dropping the edge's task drops every connection it serves.
            grpc.abort();
        }
        self.drain.cancel();
        self.stop.cancel();
    }
}

/// Largest message each method accepts: a request field can be echoed into every update of a
/// stream, and tonic reserves a message's declared length as soon as its header arrives.
pub(crate) const MESSAGE_CAPS: [(&str, usize); 7] = [
    ("/mcp.v1.McpStreaming/WatchResource", 4 << 10),
    ("/mcp.v1.McpStreaming/UploadToolInput", 256 << 10),
    ("/mcp.v1.McpStreaming/StreamToolCalls", 1 << 20),
    ("/mcp.v1.McpStreaming/CallToolWithProgress", 1 << 20),
    ("/mcp.v1.Mcp/ListTools", 4 << 10),
    ("/mcp.v1.Mcp/CallTool", 1 << 20),
    ("/mcp.v1.McpJsonRpc/Exchange", 1 << 20),
];
/// Per service, for tonic's own decoder (the largest cap of its methods).
const SERVICE_CAP: usize = 1 << 20;
/// Health checks and reflection requests are small.
const PUBLIC_SERVICE_CAP: usize = 64 << 10;

/// Binds both listeners and starts serving.
pub async fn start(config: ServeConfig) -> anyhow::Result<RunningServer> {
    let resolved = config.resolve()?;
    // With shared state, the live revocations are loaded here: before any stream is accepted.
    let guard = config.guard(resolved.auth).await?;
    guard
        .authenticator()
        .prepare()
        .await
        .context("checking the identity provider named in [auth]")?;
    let tls = ServerTls::load(config.tls.as_ref())?;
    let mut edge_config = config.server.clone();
    edge_config.public.path_prefixes = guard.config().public_path_prefixes.clone();
    let edge = listeners::grpc_edge(edge_config, &tls, config.oauth.as_ref())
        .context("in the [server] settings (or --drain-period)")?;
    let edge_metrics = edge.metrics().clone();
    let drain = CancellationToken::new();
    let stop = CancellationToken::new();
    let mut tasks = Vec::new();

    let (backend, embedded) = match &config.backend {
        Some(url) => (backend::Backend::connect(url)?, None),
        None => {
            let embedded = backend::EmbeddedBackend::start(stop.clone()).await?;
            (backend::Backend::connect(&embedded.url())?, Some(embedded))
        }
    };

    let grpc = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen for gRPC on {}", config.listen))?;
    let grpc_addr = grpc.local_addr()?;
    let admin = TcpListener::bind(config.admin_listen)
        .await
        .with_context(|| format!("cannot listen for the admin API on {}", config.admin_listen))?;
    let admin_addr = admin.local_addr()?;

    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(streamguard_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()
        .context("building the reflection service")?
        .max_decoding_message_size(PUBLIC_SERVICE_CAP);
    let reflection_alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(streamguard_proto::FILE_DESCRIPTOR_SET)
        .build_v1alpha()
        .context("building the reflection service")?
        .max_decoding_message_size(PUBLIC_SERVICE_CAP);
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<McpServer<mcp::McpService>>().await;
    health
        .set_serving::<McpStreamingServer<streaming::StreamingService>>()
        .await;
    health
        .set_serving::<McpJsonRpcServer<jsonrpc::JsonRpcService>>()
        .await;

    let tools = mcp::Tools::new(backend);
    let routes =
        tonic::service::Routes::new(health_service.max_decoding_message_size(PUBLIC_SERVICE_CAP))
            .add_service(reflection)
            .add_service(reflection_alpha)
            .add_service(
                McpServer::new(mcp::McpService::new(tools.clone()))
                    .max_decoding_message_size(SERVICE_CAP),
            )
            .add_service(
                McpStreamingServer::new(streaming::StreamingService::new(tools.clone()))
                    .max_decoding_message_size(SERVICE_CAP),
            )
            .add_service(
                McpJsonRpcServer::new(jsonrpc::JsonRpcService::new(tools))
                    .max_decoding_message_size(SERVICE_CAP),
            )
            .prepare();
    let grpc_service = tower::ServiceBuilder::new()
        .map_request(|r: http::Request<hyper::body::Incoming>| r.map(tonic::body::Body::new))
        .layer(StreamGuardLayer::new(guard.clone()))
        .service(routes);
    let signal = drain.clone().cancelled_owned();
    let grpc_task = tokio::spawn(edge.serve(grpc, grpc_service, signal));

    let edge_text = edge_metrics.clone();
    let app = admin::router_with_metrics(
        guard.clone(),
        resolved.admin_token.clone(),
        Some(std::sync::Arc::new(move |text: &mut String| {
            text.push_str(&edge_text.render())
        })),
    );
    tasks.push(listeners::serve_admin(admin, app, &tls, stop.clone())?);
    tls.watch(&stop);

    tracing::info!(%grpc_addr, %admin_addr, tls = tls.is_enabled(), disabled = ?guard.config().disabled, "streamguard serve listening");
    Ok(RunningServer {
        grpc_addr,
        admin_addr,
        admin_token: resolved.admin_token,
        dev_secret: resolved.dev_secret.unwrap_or_default(),
        guard,
        edge_metrics,
        embedded_backend: embedded,
        tls,
        drain,
        stop,
        grpc_task: Some(grpc_task),
        tasks,
    })
}
