mod auth;
mod deadline;
mod farm;
mod session;

pub mod pb {
    tonic::include_proto!("farm.v1");
}
pub mod dosing {
    tonic::include_proto!("dosing.v1");
}

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::broadcast;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("TOWERD_JWT_SECRET")?;
    let (revocations, _) = broadcast::channel(1024);
    tokio::spawn(revocation_feed(revocations.clone()));

    let doser = dosing::doser_client::DoserClient::connect(std::env::var("DOSER_URL")?).await?;
    let farm = farm::Farm {
        doser,
        revocations,
        throttle: Arc::new(farm::AcceptThrottle::default()),
        plans: reqwest::Client::new(),
        plan_store: std::env::var("PLAN_STORE")?,
    };

    Server::builder()
        .max_connection_age(Duration::from_secs(3600))
        .add_service(pb::vertical_farm_server::VerticalFarmServer::with_interceptor(farm, auth::Auth::new(secret.as_bytes())))
        .serve("0.0.0.0:50110".parse()?)
        .await?;
    Ok(())
}

/// Revocations arrive as lines ("jti:..." / "sub:...") on the identity
/// service's TCP push feed.
async fn revocation_feed(tx: broadcast::Sender<String>) {
    use tokio::io::AsyncBufReadExt;
    loop {
        if let Ok(sock) = tokio::net::TcpStream::connect(std::env::var("REVOCATION_FEED").unwrap_or_default()).await {
            let mut lines = tokio::io::BufReader::new(sock).lines();
            while let Ok(Some(l)) = lines.next_line().await {
                let _ = tx.send(l);
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
