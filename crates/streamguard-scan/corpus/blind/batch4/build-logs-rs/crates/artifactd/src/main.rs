mod events;
mod service;
mod storage;

use buildlogs_common::keys::KeyStore;
use buildlogs_common::pb::artifacts_server::ArtifactsServer;
use tokio::signal::unix::{signal, SignalKind};
use tonic::transport::Server;
use tracing::{error, info};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let keys = KeyStore::load(std::env::var("ARTIFACTD_KEYS").unwrap_or_else(|_| "/etc/artifactd/keys".into()))?;
    let reload = keys.clone();
    tokio::spawn(async move {
        let Ok(mut hup) = signal(SignalKind::hangup()) else { return };
        while hup.recv().await.is_some() {
            match reload.reload() {
                Ok(()) => info!("API keys reloaded"),
                Err(e) => error!(error = %e, "API key reload failed; keeping the old table"),
            }
        }
    });
    let svc = service::ArtifactService {
        keys,
        storage: storage::Storage::connect_lazy(&std::env::var("ARTIFACTD_STORAGE").unwrap_or_else(|_| "http://blobs:9500".into()))?,
        events: events::Events::new(),
    };
    Server::builder().add_service(ArtifactsServer::new(svc)).serve("[::]:9401".parse()?).await?;
    Ok(())
}
