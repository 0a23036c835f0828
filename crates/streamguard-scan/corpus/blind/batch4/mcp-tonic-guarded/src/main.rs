mod claims;
mod deadline;
mod limiter;
mod policy;
mod revocation;
mod service;
mod session;
mod tools;

mod pb {
    tonic::include_proto!("mcp.v1");
}

use std::num::NonZeroU32;
use std::time::Duration;

use anyhow::Context;
use tonic::transport::{Endpoint, Server};

use crate::pb::mcp_streaming_server::McpStreamingServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let pem = std::fs::read(std::env::var("MCP_JWT_PUBKEY").context("MCP_JWT_PUBKEY: path of the issuer's ES256 public key")?)?;
    let verifier = claims::Verifier::es256(&pem, "mcp-tonic-guarded", &std::env::var("MCP_ISSUER").unwrap_or_else(|_| "https://id.local".into()))?;
    let executor_channel = Endpoint::from_shared(std::env::var("MCP_EXECUTOR").unwrap_or_else(|_| "http://executor:7000".into()))?.connect_lazy();

    let svc = service::Mcp {
        executor: tools::Executor::new(executor_channel),
        blobs: tools::blob::BlobStore::new(std::env::var("MCP_BLOBS").unwrap_or_else(|_| "http://blobs:7100".into()))?,
        revocations: revocation::Revocations::new(),
        limiter: limiter::PerIdentity::per_minute(NonZeroU32::new(120).context("limit")?),
        max_lifetime: Duration::from_secs(15 * 60),
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .add_service(McpStreamingServer::with_interceptor(svc, verifier.interceptor()))
        .serve("0.0.0.0:7443".parse()?)
        .await?;
    Ok(())
}
