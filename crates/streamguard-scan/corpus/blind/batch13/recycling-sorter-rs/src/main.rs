pub mod pb {
    include!("pb/sorting.v1.rs");
}
mod ejector;
mod keys;
mod line;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{broadcast, watch};
use tonic::transport::Server;

#[derive(serde::Deserialize)]
struct KeyFileEntry {
    id: String,
    sha256: String,
    role: String,
    #[serde(default)]
    balers: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let entries: Vec<KeyFileEntry> = serde_json::from_slice(&std::fs::read(std::env::var("KEY_FILE")?)?)?;
    let mut keys = HashMap::new();
    let mut revokers = HashMap::new();
    for e in entries {
        let (tx, rx) = watch::channel(false);
        revokers.insert(e.id.clone(), tx);
        keys.insert(e.sha256, keys::ApiKey { id: e.id, role: e.role, balers: e.balers, revoked: rx });
    }
    let store = keys::KeyStore::new(keys);
    tokio::spawn(admin::serve_revocations(revokers));

    let (pg, conn) = tokio_postgres::connect(&std::env::var("PLANT_DSN")?, tokio_postgres::NoTls).await?;
    tokio::spawn(conn);
    let (bales, _) = broadcast::channel(256);
    tokio::spawn(baler::poll_balers(bales.clone()));

    let svc = line::Line {
        ejector: ejector::Ejector { belt_mm_per_s: 3000.0, camera_to_valves_mm: 600.0, valve_pitch_mm: 12.5, eject: vec!["PET".into(), "HDPE".into()], min_confidence: 0.8 },
        bales,
        photos: reqwest::Client::new(),
        photo_signer: std::env::var("PHOTO_SIGNER")?,
        pg: Arc::new(pg),
        limiter: line::detection_limiter(),
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(30 * 60))
        .layer(keys::ApiKeyLayer { store })
        .add_service(pb::sorting_line_server::SortingLineServer::new(svc))
        .serve("0.0.0.0:50300".parse()?)
        .await?;
    Ok(())
}

mod admin {
    use std::collections::HashMap;
    use tokio::io::{AsyncBufReadExt, BufReader};
    use tokio::sync::watch;

    /// Ops console connects to a local socket and writes key ids to revoke.
    pub async fn serve_revocations(revokers: HashMap<String, watch::Sender<bool>>) {
        let listener = tokio::net::UnixListener::bind("/run/sorter-hub/revoke.sock").expect("bind");
        loop {
            let Ok((sock, _)) = listener.accept().await else { continue };
            let mut lines = BufReader::new(sock).lines();
            while let Ok(Some(id)) = lines.next_line().await {
                if let Some(tx) = revokers.get(id.trim()) {
                    let _ = tx.send(true);
                }
            }
        }
    }
}

mod baler {
    use tokio::sync::broadcast;

    use crate::pb::BaleEvent;

    /// Reads closed-bale events from the baler PLCs' event log.
    pub async fn poll_balers(tx: broadcast::Sender<BaleEvent>) {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            tick.tick().await;
            for ev in read_new_events().await {
                let _ = tx.send(ev);
            }
        }
    }

    async fn read_new_events() -> Vec<BaleEvent> {
        // Modbus register scan of the balers; omitted here.
        Vec::new()
    }
}
