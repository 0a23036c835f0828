//! siem-hunt: analyst-facing hunting and alert feed.

use siem_events::backends;
use siem_events::gen::siem::siem_hunt_server::SiemHuntServer;
use siem_events::gen::siem::Alert;
use siem_events::hunt::Hunting;
use siem_events::jwt::{JwtLayer, Revocations};
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let revocations = Revocations::new();
    let nats = async_nats::connect(std::env::var("NATS_URL")?).await?;
    tokio::spawn(revocations.clone().follow(nats.clone()));

    // Detections are published by the rule engine on NATS; fan them out in-process.
    let (detections, _) = broadcast::channel::<Alert>(4096);
    let fanout = detections.clone();
    let mut sub = nats.subscribe("siem.detections").await?;
    tokio::spawn(async move {
        while let Some(msg) = sub.next().await {
            if let Ok(a) = <Alert as prost::Message>::decode(msg.payload.as_ref()) {
                let _ = fanout.send(a);
            }
        }
    });

    let pem = std::fs::read(std::env::var("JWT_KEY").unwrap_or_else(|_| "/etc/siem/jwt.pem".into()))?;
    let svc = Hunting {
        search: backends::search(&std::env::var("SEARCH_ADDR")?)?,
        assets: backends::assets(&std::env::var("ASSETS_ADDR")?)?,
        detections,
        revocations: revocations.clone(),
    };
    Server::builder()
        .layer(JwtLayer::new(&pem, "siem-hunt", revocations)?)
        .add_service(SiemHuntServer::new(svc))
        .serve("[::]:7443".parse()?)
        .await?;
    Ok(())
}
