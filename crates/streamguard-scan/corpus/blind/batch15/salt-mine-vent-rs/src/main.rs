mod auth;
mod sensors;
mod service;

pub mod pb {
    include!("pb/mine.vent.v1.rs");
}

use std::time::Duration;

use tokio::signal::unix::{signal, SignalKind};
use tonic::transport::Server;

use crate::auth::{ApiKeyLayer, KeyStore};
use crate::pb::gas_archive_client::GasArchiveClient;
use crate::pb::ventilation_server::VentilationServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let key_file = std::env::var("VENT_KEYS").unwrap_or_else(|_| "/etc/vent-hub/keys.json".into());
    let keys = KeyStore::default();
    keys.load(&std::fs::read_to_string(&key_file)?)?;

    // Reload the key file on SIGHUP; removed or disabled keys are revoked at once.
    let reload = keys.clone();
    tokio::spawn(async move {
        let mut hup = signal(SignalKind::hangup()).expect("sighup");
        while hup.recv().await.is_some() {
            match std::fs::read_to_string(&key_file).map(|s| reload.load(&s)) {
                Ok(Ok(())) => tracing::info!("keys reloaded"),
                other => tracing::error!(?other, "key reload failed"),
            }
        }
    });

    let svc = service::VentService {
        sensors: sensors::SensorGateway::new(std::env::var("SENSOR_GATEWAY")?),
        fans: sensors::FanDrives { addr: std::env::var("FAN_DRIVES")?.parse()? },
        archive: GasArchiveClient::connect(std::env::var("GAS_ARCHIVE")?).await?,
        limiter: service::VentService::limiter(30),
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(20 * 60))
        .layer(ApiKeyLayer { keys })
        .add_service(VentilationServer::new(svc))
        .serve("0.0.0.0:7900".parse()?)
        .await?;
    Ok(())
}
