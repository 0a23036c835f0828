mod auth;
mod deadline;
mod service;

pub mod pb {
    tonic::include_proto!("regatta.timing.v1");
}

use std::time::Duration;

use tonic::transport::Server;

use crate::auth::JwtCheck;
use crate::pb::regatta_timing_server::RegattaTimingServer;
use crate::service::Timing;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let secret = std::env::var("REGATTA_JWT_SECRET")?;
    let check = JwtCheck::new(secret.as_bytes());
    let db = sqlx::PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let timing = Timing {
        db,
        federation: reqwest::Client::new(),
        federation_url: std::env::var("FEDERATION_URL").unwrap_or_else(|_| "https://results.rowing.example/api".into()),
    };

    Server::builder()
        .timeout(Duration::from_secs(30))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .add_service(RegattaTimingServer::with_interceptor(timing, move |req| check.intercept(req)))
        .serve("0.0.0.0:50081".parse()?)
        .await?;
    Ok(())
}
