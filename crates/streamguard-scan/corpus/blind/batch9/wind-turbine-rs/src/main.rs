mod clients;
mod model;
mod pb;
mod session;
mod svc;

use std::time::Duration;

use tonic::transport::Server;

use crate::pb::turbine_gateway_server::TurbineGatewayServer;
use crate::session::{identity_limiter, Revocations, SessionConfig, Verifier};
use crate::svc::gateway::Gateway;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("TURBINE_GW_JWT_KEY")?)?;
    let verifier = Verifier::new(&pem, "https://sso.northwind-energy.example", "turbine-gw")?;
    let gateway = Gateway {
        plc: clients::plc::Plc::new(std::env::var("OPCUA_BRIDGE_URL")?),
        archive: clients::archive::connect(std::env::var("ARCHIVE_ADDR")?).await?,
        revocations: Revocations::connect(&std::env::var("REDIS_URL")?).await?,
        limiter: identity_limiter(600),
        cfg: SessionConfig { max_lifetime: Duration::from_secs(15 * 60), idle: Duration::from_secs(120), default_downstream: Duration::from_secs(5) },
    };
    let addr = std::env::var("TURBINE_GW_LISTEN").unwrap_or_else(|_| "0.0.0.0:9200".into()).parse()?;
    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .add_service(TurbineGatewayServer::with_interceptor(gateway, move |req| verifier.intercept(req)))
        .serve(addr)
        .await?;
    Ok(())
}
