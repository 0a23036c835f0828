mod auth;
mod doors;
mod pms;
mod service;

use std::time::Duration;

use locks_proto::v1::door_locks_server::DoorLocksServer;
use sqlx::postgres::PgPoolOptions;
use tokio::sync::broadcast;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    tracing_subscriber::fmt::init();
    let pem = std::fs::read(std::env::var("LOCKD_JWT_KEY").unwrap_or_else(|_| "/etc/lockd/jwt.pem".into()))?;
    let auth = auth::JwtAuth::from_rsa_pem(&pem, "lockd")?;
    let db = PgPoolOptions::new().max_connections(10).connect(&std::env::var("DATABASE_URL")?).await?;
    let doors = doors::Doors::load(&db).await?;
    let pms = pms::Pms::connect(std::env::var("PMS_URL").unwrap_or_else(|_| "http://pms.internal:50051".into())).await?;
    let (events, _) = broadcast::channel(1024);

    let svc = service::LockService { doors, pms, db, events };
    let addr = std::env::var("LOCKD_LISTEN").unwrap_or_else(|_| "0.0.0.0:50800".into()).parse()?;
    tracing::info!(%addr, "lockd listening");
    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(DoorLocksServer::with_interceptor(svc, move |req| auth.intercept(req)))
        .serve(addr)
        .await?;
    Ok(())
}
