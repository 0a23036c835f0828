mod auth;
mod deadline;
mod service;

pub mod pb {
    tonic::include_proto!("rink.v1");
}

use std::time::Duration;

use jsonwebtoken::DecodingKey;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("RINK_JWT_PUBKEY")?)?;
    let key: &'static DecodingKey = Box::leak(Box::new(DecodingKey::from_rsa_pem(&pem)?));
    let db = sqlx::PgPool::connect(&std::env::var("RINK_PG")?).await?;
    let svc = service::RinkService::new(db, std::env::var("TRACKER_URL")?);

    Server::builder()
        .timeout(Duration::from_secs(30))
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(pb::rink_server::RinkServer::with_interceptor(svc, auth::check(key)))
        .serve("0.0.0.0:50250".parse()?)
        .await?;
    Ok(())
}
