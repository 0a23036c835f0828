use std::{net::SocketAddr, sync::Arc, time::Duration};

use tonic::transport::Server;

mod artifacts;
mod attach;
mod auth;
mod limits;
mod logs;
mod state;

pub mod pb {
    tonic::include_proto!("runnerhub.v1");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr: SocketAddr = std::env::var("HUB_ADDR").unwrap_or_else(|_| "0.0.0.0:7800".into()).parse()?;
    let verifier = Arc::new(auth::Verifier::from_env()?);
    let revocations = auth::Revocations::new();
    let state = state::HubState::new();
    let artifacts = artifacts::ArtifactClient::connect(std::env::var("ARTIFACT_ADDR")?).await?;

    let hub = attach::HubService {
        state: state.clone(),
        revocations: revocations.clone(),
        artifacts,
        limits: limits::RunnerLimits::new(50),
        max_lifetime: Duration::from_secs(6 * 3600),
    };

    let v = verifier.clone();
    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(pb::hub_server::HubServer::with_interceptor(hub, move |req| auth::intercept(&v, req)))
        .serve(addr)
        .await?;
    Ok(())
}
