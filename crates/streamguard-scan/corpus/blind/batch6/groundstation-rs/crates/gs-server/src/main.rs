use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use gs_proto::v1::telemetry_server::TelemetryServer;
use tonic::transport::Server;

mod auth;
mod bus;
mod orbits;
mod router;
mod telemetry;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();

    let pem = std::fs::read(std::env::var("GS_TOKEN_KEY").unwrap_or_else(|_| "/etc/gs/idp.pem".into()))
        .context("reading GS_TOKEN_KEY")?;
    let authn = auth::Authenticator::from_pem(&pem, "https://idp.kestrel.space", "ground-segment")?;

    let router = router::Router::connect(std::env::var("CMD_ROUTER").unwrap_or_else(|_| "http://cmdrouter:7200".into()))
        .await
        .context("connecting to the command router")?;

    let svc = telemetry::TelemetryService {
        bus: bus::FrameBus::default(),
        router,
        orbits: orbits::Propagator { passes_file: "/var/lib/gs/passes.json".into() },
    };
    let addr: SocketAddr = std::env::var("GS_LISTEN").unwrap_or_else(|_| "0.0.0.0:7000".into()).parse()?;

    tracing::info!(%addr, "gs-server listening");
    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(TelemetryServer::with_interceptor(svc, move |req| authn.intercept(req)))
        .serve(addr)
        .await?;
    Ok(())
}
