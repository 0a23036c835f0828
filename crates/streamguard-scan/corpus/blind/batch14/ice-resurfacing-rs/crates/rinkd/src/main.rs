mod auth;
mod service;

use std::time::Duration;

use rink_proto::fleet::fleet_server::FleetServer;
use sqlx::postgres::PgPoolOptions;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let pem = std::fs::read(std::env::var("RINKD_JWT_KEY").unwrap_or_else(|_| "/etc/rinkd/jwt.pem".into()))?;
    let check = auth::JwtCheck::new(&pem, "https://id.arenas.example");

    let svc = FleetServer::with_interceptor(service::FleetService { db }, move |req| check.intercept(req));

    let addr = std::env::var("RINKD_LISTEN").unwrap_or_else(|_| "0.0.0.0:50190".into()).parse()?;
    tracing::info!(%addr, "rinkd listening");
    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(svc)
        .serve(addr)
        .await?;
    Ok(())
}
