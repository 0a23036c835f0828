//! siem-ingest: receives event batches from log agents.

use std::time::Duration;

use siem_events::apikey::{ApiKeyLayer, KeyStore};
use siem_events::backends;
use siem_events::gen::siem::siem_ingest_server::SiemIngestServer;
use siem_events::ingest::Ingest;
use tonic::transport::{Identity, Server, ServerTlsConfig};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let keys = KeyStore::default();
    let keys_path = std::env::var("AGENT_KEYS").unwrap_or_else(|_| "/etc/siem/keys.json".into());
    tracing::info!(keys = keys.load(&keys_path)?, "agent keys loaded");
    keys.clone().spawn_reload(keys_path, Duration::from_secs(300));

    let indexer = backends::indexer(&std::env::var("INDEXER_ADDR")?)?;
    let identity = Identity::from_pem(std::fs::read("/etc/siem/tls.crt")?, std::fs::read("/etc/siem/tls.key")?);

    Server::builder()
        .tls_config(ServerTlsConfig::new().identity(identity))?
        .max_connection_age(Duration::from_secs(3600))
        .layer(ApiKeyLayer::new(keys))
        .add_service(SiemIngestServer::new(Ingest::new(indexer, 50)).max_decoding_message_size(16 * 1024 * 1024))
        .serve("[::]:6514".parse()?)
        .await?;
    Ok(())
}
