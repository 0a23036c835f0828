mod auth;
mod downstream;
mod pb;
mod service;

use std::net::SocketAddr;
use std::path::PathBuf;

use tonic::transport::Server;
use tower_http::trace::TraceLayer;
use tracing_subscriber::EnvFilter;

use crate::pb::mcp_streaming_server::McpStreamingServer;
use crate::service::ToolService;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::from_default_env()).init();

    let addr: SocketAddr = std::env::var("MCP_LISTEN").unwrap_or_else(|_| "0.0.0.0:50051".into()).parse()?;
    let exec = downstream::connect_lazy(&std::env::var("EXECUTOR_URL").unwrap_or_else(|_| "http://executor:7000".into()))?;
    let resources = PathBuf::from(std::env::var("MCP_RESOURCES").unwrap_or_else(|_| "/srv/mcp/resources".into()));

    let svc = ToolService::new(exec, resources);

    tracing::info!(%addr, "mcp-server listening");
    Server::builder()
        .layer(TraceLayer::new_for_grpc())
        .add_service(McpStreamingServer::with_interceptor(svc, auth::check_auth))
        .serve_with_shutdown(addr, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
