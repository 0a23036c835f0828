mod keys;
mod layer;
mod service;
mod pb {
    pub mod ropeway {
        include!("pb/ropeway.v1.rs");
    }
    pub mod drive {
        include!("pb/ropeway.drive.v1.rs");
    }
}

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let keys = keys::KeyStore::load(&std::env::var("ROPEWAY_KEYS")?)?;
    let drive_channel = Endpoint::from_shared(std::env::var("DRIVE_ADDR")?)?
        .timeout(Duration::from_secs(10))
        .connect_lazy();
    let (telemetry, _) = broadcast::channel(1024);
    let store = object_store::aws::AmazonS3Builder::from_env().with_bucket_name("ropeway-inspections").build()?;
    let hub = service::Hub {
        telemetry,
        drive: pb::drive::drive_client::DriveClient::new(drive_channel),
        store: Arc::new(store),
        limiter: service::Hub::limiter(),
    };
    Server::builder()
        .max_connection_age(Duration::from_secs(1800))
        .layer(layer::ApiKeyLayer(keys))
        .add_service(pb::ropeway::ropeway_server::RopewayServer::new(hub))
        .serve("0.0.0.0:50270".parse()?)
        .await?;
    Ok(())
}
