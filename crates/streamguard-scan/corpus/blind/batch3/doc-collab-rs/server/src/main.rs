mod auth_layer;
mod collab;
mod docs;
mod pb;
mod storage;

use tonic::transport::Server;
use tracing::info;

use crate::pb::collab_server::CollabServer;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber_init();
    let pem = std::fs::read(std::env::var("COLLAB_JWT_PUBKEY")?)?;
    let auth = auth_layer::AuthLayer::rs256(&pem, "collabd")?;

    let docs = docs::Docs::default();
    for grant in std::env::var("COLLAB_BOOTSTRAP_GRANTS").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        if let Some((doc, user)) = grant.split_once(':') {
            docs.grant(doc, user);
        }
    }
    let storage = storage::Storage::lazy(&std::env::var("BLOBSTORE_URL").unwrap_or_else(|_| "http://blobstore:7100".into()))?;
    let svc = collab::CollabService { docs, storage };

    let (_, health) = tonic_health::server::health_reporter();
    let addr = "0.0.0.0:7000".parse()?;
    info!(%addr, "collabd up");
    Server::builder()
        .layer(auth)
        .add_service(health)
        .add_service(CollabServer::new(svc))
        .serve(addr)
        .await?;
    Ok(())
}

fn tracing_subscriber_init() {
    let _ = tracing::subscriber::set_global_default(tracing::subscriber::NoSubscriber::default());
}
