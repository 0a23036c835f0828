use std::collections::HashMap;

use mcp_proto::mcp_json_rpc_server::McpJsonRpcServer;
use tonic::transport::Server;

mod exchange;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let secret = std::env::var("BRIDGE_JWT_SECRET")?;
    let backends: HashMap<String, String> = serde_json::from_str(&std::env::var("BRIDGE_BACKENDS")?)?;
    let bridge = exchange::Bridge::new(secret.into_bytes(), backends);

    Server::builder()
        .add_service(McpJsonRpcServer::new(bridge))
        .serve(std::env::var("BRIDGE_ADDR").unwrap_or_else(|_| "0.0.0.0:50052".into()).parse()?)
        .await?;
    Ok(())
}
