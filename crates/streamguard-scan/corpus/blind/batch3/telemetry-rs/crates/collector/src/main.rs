mod auth;
mod limit;
mod pb;
mod service;
mod sink;

use std::time::Duration;

use tonic::transport::Server;
use tracing::info;

use crate::auth::DeviceAuth;
use crate::pb::collector_server::CollectorServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter("info").init();

    let pem = std::fs::read(std::env::var("COLLECTOR_JWT_PUBKEY").unwrap_or_else(|_| "/etc/collector/jwt.pem".into()))?;
    let auth = DeviceAuth::from_pem(&pem, "collector")?;
    let sink = sink::QuestDbSink::new(&std::env::var("QUESTDB_URL").unwrap_or_else(|_| "http://questdb:9000".into()))?;
    let svc = service::CollectorService::new(sink, limit::device_limiter(50, 500));

    let addr = std::env::var("COLLECTOR_LISTEN").unwrap_or_else(|_| "0.0.0.0:50051".into()).parse()?;
    info!(%addr, "collector listening");

    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(CollectorServer::with_interceptor(svc, move |req| auth.check(req)))
        .serve_with_shutdown(addr, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
