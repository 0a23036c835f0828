use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use greenhouse::actuators::Actuators;
use greenhouse::auth::Verifier;
use greenhouse::climate::ClimateService;
use greenhouse::pb::climate_server::ClimateServer;
use greenhouse::sensors::SensorBus;
use greenhouse::{limiter, revocation};
use nonzero_ext::nonzero;
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("IDP_PUBKEY").unwrap_or_else(|_| "/etc/greenhouse/idp.pem".into()))
        .context("reading IDP_PUBKEY")?;
    let verifier = Verifier::new(&pem)?;
    let revoked = revocation::spawn_listener(&std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/0".into())).await?;
    let plc = Endpoint::from_shared(std::env::var("PLC_GATEWAY").unwrap_or_else(|_| "http://plc-gw.local:7300".into()))?
        .connect_timeout(Duration::from_secs(2))
        .connect_lazy();

    let svc = ClimateService {
        sensors: SensorBus::default(),
        actuators: Actuators::new(plc),
        limiter: limiter::per_identity(nonzero!(5u32), nonzero!(20u32)),
        revoked,
    };

    let addr: SocketAddr = "0.0.0.0:7400".parse()?;
    Server::builder()
        .max_connection_age(Duration::from_secs(3600))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(ClimateServer::with_interceptor(svc, move |req| verifier.check(req)))
        .serve(addr)
        .await?;
    Ok(())
}
