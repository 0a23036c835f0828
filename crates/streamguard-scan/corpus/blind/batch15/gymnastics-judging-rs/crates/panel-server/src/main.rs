mod auth;
mod db;
mod deadline;
mod service;

use std::time::Duration;

use judging_proto::judging_server::JudgingServer;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("JUDGING_JWT_PUBKEY")?)?;
    let authn = auth::Authenticator::from_rsa_pem(&pem)?;
    let pool = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;

    let svc = JudgingServer::with_interceptor(service::JudgingService { pool }, move |req| authn.intercept(req));

    let addr = "0.0.0.0:7800".parse()?;
    tracing::info!(%addr, "panel-server listening");
    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(svc)
        .serve(addr)
        .await?;
    Ok(())
}
