use std::time::Duration;

use locker_hub::apikey::ApiKeyLayer;
use locker_hub::hub::Hub;
use locker_hub::pb::carrier_client::CarrierClient;
use locker_hub::pb::locker_hub_server::LockerHubServer;
use sqlx::postgres::PgPoolOptions;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let db = PgPoolOptions::new().max_connections(16).connect(&std::env::var("DATABASE_URL")?).await?;
    let carrier = CarrierClient::connect(std::env::var("CARRIER_URL")?).await?;
    let hub = Hub {
        db: db.clone(),
        carrier,
        http: reqwest::Client::new(),
        photo_bucket: std::env::var("PHOTO_BUCKET_URL")?,
        limiter: Hub::limiter(120),
    };
    let addr = "0.0.0.0:50900".parse()?;
    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .layer(ApiKeyLayer::new(db))
        .add_service(LockerHubServer::new(hub))
        .serve(addr)
        .await?;
    Ok(())
}
