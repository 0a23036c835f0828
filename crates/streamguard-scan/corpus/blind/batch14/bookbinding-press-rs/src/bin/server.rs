use std::time::Duration;

use bindery_line::keys::{ApiKeyLayer, KeyStore};
use bindery_line::line::Line;
use bindery_line::mis::Mis;
use bindery_line::pb::bindery_server::BinderyServer;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = KeyStore::load(&std::env::var("BINDERY_KEYS").unwrap_or_else(|_| "/etc/bindery/keys.json".into()))?;
    let line = Line::new(Mis::new(std::env::var("MIS_URL")?));

    Server::builder()
        .layer(ApiKeyLayer { store })
        .http2_keepalive_interval(Some(Duration::from_secs(20)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .tcp_keepalive(Some(Duration::from_secs(60)))
        .add_service(BinderyServer::new(line))
        .serve("0.0.0.0:50210".parse()?)
        .await?;
    Ok(())
}
