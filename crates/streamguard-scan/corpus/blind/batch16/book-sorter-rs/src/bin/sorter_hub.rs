use std::time::Duration;

use book_sorter::ils::Ils;
use book_sorter::keys::{ApiKeyLayer, KeyStore};
use book_sorter::pb::sorter_server::SorterServer;
use book_sorter::service::SorterHub;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let keys = KeyStore::load(&std::env::var("SORTER_KEYS").unwrap_or_else(|_| "/etc/sorter/keys.json".into()))?;
    let hub = SorterHub::new(Ils::new(std::env::var("ILS_URL")?));

    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .layer(ApiKeyLayer { keys })
        .add_service(SorterServer::new(hub))
        .serve("0.0.0.0:50101".parse()?)
        .await?;
    Ok(())
}
