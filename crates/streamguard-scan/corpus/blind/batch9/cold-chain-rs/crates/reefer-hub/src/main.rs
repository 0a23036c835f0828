mod auth;
mod excursion;
mod link;
mod model;
mod service;
mod store;
mod tracking;

use std::time::Duration;

use reefer_proto::reefer_hub_server::ReeferHubServer;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("HUB_JWT_PUBLIC_KEY")?)?;
    let authn = auth::Authenticator::from_rsa_pem(&pem, "https://id.bluefin-lines.example", "reefer-hub")?;
    let pool = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let hub = service::Hub {
        store: store::Store { pool },
        tracking: tracking::Tracking::new(std::env::var("TRACKING_URL")?),
    };
    let addr = std::env::var("HUB_LISTEN").unwrap_or_else(|_| "0.0.0.0:50070".into()).parse()?;
    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(ReeferHubServer::with_interceptor(hub, move |req| authn.intercept(req)))
        .serve(addr)
        .await?;
    Ok(())
}
