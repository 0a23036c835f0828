use std::{sync::Arc, time::Duration};

use tonic::transport::Server;

mod auth;
mod chat;
mod limiter;

pub mod pb {
    tonic::include_proto!("arena.v1");
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("ARENA_JWT_SECRET")?;
    let verifier = Arc::new(auth::Verifier::new(secret.as_bytes()));
    let chat = chat::ChatService::new(limiter::PlayerLimiter::new(5), Duration::from_secs(2 * 3600));

    let v = verifier.clone();
    Server::builder()
        .add_service(pb::lobby_chat_server::LobbyChatServer::with_interceptor(chat, move |req| v.check(req)))
        .serve("0.0.0.0:7100".parse()?)
        .await?;
    Ok(())
}
