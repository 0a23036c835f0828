use std::time::Duration;

use tonic::transport::Server;
use yardd::apikey::{ApiKeyLayer, KeyStore};
use yardd::clients::Downstreams;
use yardd::pb::yard_server::YardServer;
use yardd::service::YardService;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let keys = KeyStore::from_json(&std::fs::read_to_string(std::env::var("YARD_KEYS_FILE")?)?)?;
    let down = Downstreams::connect_lazy(
        &std::env::var("AEI_URL")?,
        &std::env::var("INTERLOCKING_URL")?,
        &std::env::var("WAYBILLS_URL")?,
    )?;

    Server::builder()
        .max_connection_age(Duration::from_secs(60 * 60))
        .layer(ApiKeyLayer::new(keys))
        .add_service(YardServer::new(YardService::new(down)))
        .serve("0.0.0.0:50800".parse()?)
        .await?;
    Ok(())
}
