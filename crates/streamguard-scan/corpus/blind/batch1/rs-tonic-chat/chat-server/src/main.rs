mod auth;
mod limit;
mod revocation;
mod rooms;

use std::time::Duration;

use chat_proto::chat_server::ChatServer;
use tonic::transport::Server;

use crate::auth::Verifier;
use crate::revocation::RevocationBus;
use crate::rooms::ChatService;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("CHAT_JWT_SECRET")?;
    let revocations = RevocationBus::new();
    let svc = ChatService::new(
        Verifier::from_secret(secret.as_bytes()),
        limit::subject_limiter(5, 20),
        revocations.clone(),
    );

    Server::builder()
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(Duration::from_secs(10)))
        .add_service(ChatServer::new(svc))
        .serve("0.0.0.0:7000".parse()?)
        .await?;
    Ok(())
}
