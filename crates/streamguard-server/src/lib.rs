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
mod mcp;
mod streaming;
pub mod structs;
pub mod tokens;

use std::net::SocketAddr;

use anyhow::Context;
use streamguard::{Guard, StreamGuardLayer};
use streamguard_proto::mcp::v1::{
    mcp_json_rpc_server::McpJsonRpcServer, mcp_server::McpServer,
    mcp_streaming_server::McpStreamingServer,
};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use config::ServeConfig;

/// A server started by [`start`]; ends when [`RunningServer::shutdown`] is called or dropped.
pub struct RunningServer {
    pub grpc_addr: SocketAddr,
    pub admin_addr: SocketAddr,
    pub admin_token: String,
    /// The HS256 secret in dev mode (empty otherwise).
    pub dev_secret: String,
    pub guard: Guard,
    /// The embedded backend, when no `--backend` was given.
    pub embedded_backend: Option<backend::EmbeddedBackend>,
    shutdown: CancellationToken,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningServer {
    /// Stops accepting, ends open streams, and waits for the listeners to close.
    pub async fn shutdown(mut self) {
        self.shutdown.cancel();
        for t in self.tasks.drain(..) {
            let _ = t.await;
        }
    }

    /// Resolves when the server is asked to stop.
    pub async fn stopped(&self) {
        self.shutdown.cancelled().await
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

/// Binds both listeners and starts serving.
pub async fn start(config: ServeConfig) -> anyhow::Result<RunningServer> {
    let resolved = config.resolve()?;
    let guard = resolved.guard.clone();
    let shutdown = CancellationToken::new();
    let mut tasks = Vec::new();

    let (backend, embedded) = match &config.backend {
        Some(url) => (backend::Backend::connect(url)?, None),
        None => {
            let embedded = backend::EmbeddedBackend::start(shutdown.clone()).await?;
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
        .context("building the reflection service")?;
    let reflection_alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(streamguard_proto::FILE_DESCRIPTOR_SET)
        .build_v1alpha()
        .context("building the reflection service")?;
    let (health, health_service) = tonic_health::server::health_reporter();
    health.set_serving::<McpServer<mcp::McpService>>().await;
    health
        .set_serving::<McpStreamingServer<streaming::StreamingService>>()
        .await;
    health
        .set_serving::<McpJsonRpcServer<jsonrpc::JsonRpcService>>()
        .await;

    let tools = mcp::Tools::new(backend);
    let stop = shutdown.clone();
    let router = tonic::transport::Server::builder()
        .layer(StreamGuardLayer::new(guard.clone()))
        .add_service(health_service)
        .add_service(reflection)
        .add_service(reflection_alpha)
        .add_service(McpServer::new(mcp::McpService::new(tools.clone())))
        .add_service(McpStreamingServer::new(streaming::StreamingService::new(
            tools.clone(),
        )))
        .add_service(McpJsonRpcServer::new(jsonrpc::JsonRpcService::new(tools)));
    tasks.push(tokio::spawn(async move {
        // Small gRPC frames must not wait for Nagle's algorithm.
        let incoming = tonic::transport::server::TcpIncoming::from(grpc).with_nodelay(Some(true));
        if let Err(e) = router
            .serve_with_incoming_shutdown(incoming, stop.cancelled_owned())
            .await
        {
            tracing::error!(error = %e, "gRPC server failed");
        }
    }));

    let app = admin::router(guard.clone(), resolved.admin_token.clone());
    let stop = shutdown.clone();
    tasks.push(tokio::spawn(async move {
        if let Err(e) = axum::serve(admin, app)
            .with_graceful_shutdown(stop.cancelled_owned())
            .await
        {
            tracing::error!(error = %e, "admin API failed");
        }
    }));

    tracing::info!(%grpc_addr, %admin_addr, disabled = ?guard.config().disabled, "streamguard serve listening");
    Ok(RunningServer {
        grpc_addr,
        admin_addr,
        admin_token: resolved.admin_token,
        dev_secret: resolved.dev_secret.unwrap_or_default(),
        guard,
        embedded_backend: embedded,
        shutdown,
        tasks,
    })
}
