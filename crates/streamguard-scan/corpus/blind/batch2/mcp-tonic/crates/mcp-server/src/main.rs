use std::{sync::Arc, time::Duration};

use mcp_proto::mcp_streaming_server::McpStreamingServer;
use tonic::transport::Server;

mod session;
mod streaming;
mod tools;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber_init();
    let keys = Arc::new(session::KeySet::load(&std::env::var("MCP_JWKS_FILE")?)?);
    let revocations = session::RevocationBus::new();
    let tools = tools::ToolClient::new(std::env::var("TOOL_RUNNER_URL").unwrap_or_else(|_| "http://tool-runner:8080".into()));

    let svc = streaming::McpStreamingService::new(tools, revocations.clone(), std::env::var("MCP_RESOURCE_ROOT")?.into());
    let k = keys.clone();

    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(15)))
        .http2_keepalive_timeout(Some(Duration::from_secs(5)))
        .concurrency_limit_per_connection(64)
        .add_service(McpStreamingServer::with_interceptor(svc, move |req| session::authenticate(&k, req)))
        .serve("0.0.0.0:50051".parse()?)
        .await?;
    Ok(())
}

fn tracing_subscriber_init() {}
