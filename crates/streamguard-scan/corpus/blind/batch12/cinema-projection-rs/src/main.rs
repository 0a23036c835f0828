mod auth;
mod service;
mod session;

pub mod pb {
    tonic::include_proto!("cinema.booth.v1");
}
/// Client of the theatre management system (its proto lives in the TMS repo;
/// the generated client is vendored as `tms.rs`).
pub mod tms {
    include!("tms.rs");
    pub use tms_client::TmsClient;
}

use std::time::Duration;

use jsonwebtoken::DecodingKey;
use tokio::sync::broadcast;
use tonic::transport::{Endpoint, Server};

use crate::pb::booth_server::BoothServer;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = DecodingKey::from_ed_pem(&std::fs::read(std::env::var("BOOTH_JWT_PEM")?)?)?;
    let channel = Endpoint::from_shared(std::env::var("BOOTH_TMS")?)?.connect_lazy();
    let (revocations, _) = broadcast::channel(256);

    // Revocations are published by the identity service on Redis pub/sub.
    let client = redis::Client::open(std::env::var("BOOTH_REDIS")?)?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("booth:revoked").await?;
    let tx = revocations.clone();
    tokio::spawn(async move {
        use tokio_stream::StreamExt;
        let mut msgs = pubsub.into_on_message();
        while let Some(m) = msgs.next().await {
            if let Ok(k) = m.get_payload::<String>() {
                let _ = tx.send(k);
            }
        }
    });

    let svc = service::BoothService::new(tms::TmsClient::new(channel), revocations);
    Server::builder()
        .max_connection_age(Duration::from_secs(45 * 60))
        .add_service(BoothServer::with_interceptor(svc, auth::interceptor(key)))
        .serve("0.0.0.0:50900".parse()?)
        .await?;
    Ok(())
}
