mod service;
mod session;

pub mod pb {
    pub mod mixing {
        tonic::include_proto!("perfume.mixing.v1");
    }
    pub mod robots {
        tonic::include_proto!("perfume.robots.v1");
    }
}

use std::time::Duration;

use jsonwebtoken::DecodingKey;
use tokio::sync::broadcast;
use tonic::transport::Server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = DecodingKey::from_ed_pem(&std::fs::read(std::env::var("MIXING_JWT_KEY")?)?)?;
    let (revocations, _) = broadcast::channel(256);
    spawn_revocation_listener(revocations.clone(), std::env::var("REVOCATION_SOCKET")?);
    let svc = service::MixingService {
        robots: pb::robots::robot_cell_client::RobotCellClient::connect(std::env::var("ROBOT_CELL")?).await?,
        db: sqlx::PgPool::connect(&std::env::var("MIXING_PG")?).await?,
        revocations,
        limiter: service::MixingService::limiter(),
    };
    Server::builder()
        .max_connection_age(Duration::from_secs(1800))
        .add_service(pb::mixing::mixing_server::MixingServer::with_interceptor(svc, session::interceptor(key)))
        .serve("0.0.0.0:50290".parse()?)
        .await?;
    Ok(())
}

/// Revoked jti/sub values are pushed line by line over a unix socket by the identity service.
fn spawn_revocation_listener(tx: broadcast::Sender<String>, path: String) {
    tokio::spawn(async move {
        use tokio::io::{AsyncBufReadExt, BufReader};
        loop {
            if let Ok(sock) = tokio::net::UnixStream::connect(&path).await {
                let mut lines = BufReader::new(sock).lines();
                while let Ok(Some(l)) = lines.next_line().await {
                    let _ = tx.send(l.trim().to_string());
                }
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}
