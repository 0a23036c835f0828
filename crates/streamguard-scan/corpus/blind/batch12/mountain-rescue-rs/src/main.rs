mod auth;
mod guard;
mod service;

pub mod pb {
    include!("pb/rescue.v1.rs");
}

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use jsonwebtoken::DecodingKey;
use tokio::sync::broadcast;
use tonic::transport::Server;

use crate::auth::{AuthLayer, Beacon};
use crate::pb::rescue_server::RescueServer;

fn load_beacon_keys(path: &str) -> HashMap<String, Beacon> {
    // One line per key: "<key> <owner> <beacon-id>,<beacon-id>,..."
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let key = it.next()?.to_string();
            let owner = it.next()?.to_string();
            let ids = it.next()?.split(',').map(str::to_string).collect();
            Some((key, Beacon { owner, beacon_ids: ids }))
        })
        .collect()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pem = std::fs::read(std::env::var("RESCUE_JWT_PEM")?)?;
    let db = sqlx::PgPool::connect(&std::env::var("RESCUE_PG")?).await?;
    let (revocations, _) = broadcast::channel(256);
    let (incidents, _) = broadcast::channel(1024);
    let (team_bus, _) = broadcast::channel(1024);

    // Revocations arrive from the duty officer's console over Postgres NOTIFY.
    let mut listener = sqlx::postgres::PgListener::connect_with(&db).await?;
    listener.listen("member_revoked").await?;
    let rev_tx = revocations.clone();
    tokio::spawn(async move {
        while let Ok(n) = listener.recv().await {
            let _ = rev_tx.send(n.payload().to_string());
        }
    });

    let layer = AuthLayer {
        key: Arc::new(DecodingKey::from_ec_pem(&pem)?),
        beacon_keys: Arc::new(load_beacon_keys(&std::env::var("RESCUE_BEACON_KEYS")?)),
    };
    let svc = service::RescueService { db, revocations, incidents, team_bus, limiter: service::RescueService::limiter() };

    Server::builder()
        .layer(layer)
        .max_connection_age(Duration::from_secs(3600))
        .add_service(RescueServer::new(svc))
        .serve("0.0.0.0:50800".parse()?)
        .await?;
    Ok(())
}
