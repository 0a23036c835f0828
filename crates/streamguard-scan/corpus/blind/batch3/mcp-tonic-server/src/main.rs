mod auth;
mod deadline;
mod service;
mod session;
mod tools;

pub mod pb {
    tonic::include_proto!("mcp.v1");
}

use std::net::SocketAddr;

use tonic::transport::Server;
use tracing::info;

use crate::auth::revocation::Revocations;
use crate::auth::Authenticator;
use crate::pb::mcp_json_rpc_server::McpJsonRpcServer;
use crate::pb::mcp_server::McpServer;
use crate::pb::mcp_streaming_server::McpStreamingServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();

    let secret = std::env::var("MCP_JWT_SECRET")?;
    let auth = Authenticator::hs256(secret.as_bytes(), "mcp-tonic", "https://id.example.dev");
    let revocations = Revocations::new();
    let tools = tools::Tools::new(
        std::env::var("TRACKER_URL").unwrap_or_else(|_| "http://tracker.internal/api".into()),
        std::env::var("TRACKER_RESOURCES").unwrap_or_else(|_| "http://tracker.internal/raw".into()),
    );

    let a1 = auth.clone();
    let a2 = auth.clone();
    let a3 = auth.clone();
    let addr: SocketAddr = std::env::var("MCP_LISTEN").unwrap_or_else(|_| "0.0.0.0:50051".into()).parse()?;
    info!(%addr, "mcp-tonic listening");

    Server::builder()
        .add_service(McpServer::with_interceptor(service::unary::McpUnary { tools: tools.clone() }, move |r| a1.intercept(r)))
        .add_service(McpStreamingServer::with_interceptor(
            service::streaming::McpStreamingService { tools: tools.clone(), revocations: revocations.clone() },
            move |r| a2.intercept(r),
        ))
        .add_service(McpJsonRpcServer::with_interceptor(service::jsonrpc::JsonRpcCarrier { tools }, move |r| a3.intercept(r)))
        .serve(addr)
        .await?;
    Ok(())
}
