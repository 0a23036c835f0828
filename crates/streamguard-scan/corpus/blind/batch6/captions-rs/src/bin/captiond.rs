use std::net::SocketAddr;

use anyhow::Context;
use captions::auth::{keys::KeyCache, layer::ApiKeyLayer};
use captions::pb::captioning_server::CaptioningServer;
use captions::{asr::Asr, channels::Channels, service::CaptionService, transcripts::Transcripts};
use tonic::transport::{Endpoint, Server};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();

    let pool = sqlx::PgPool::connect(&std::env::var("CAPTIONS_DSN").context("CAPTIONS_DSN is required")?).await?;
    let keys = KeyCache::load(pool).await?;
    let asr = Asr::connect("http://asr-lb.media.internal:50051").await.context("ASR engine")?;
    let transcripts = Transcripts::new(Endpoint::from_static("http://transcripts.media.internal:50060").connect_lazy());

    let svc = CaptionService::new(asr, Channels::default(), transcripts);
    let addr: SocketAddr = std::env::var("CAPTIOND_LISTEN").unwrap_or_else(|_| "0.0.0.0:50070".into()).parse()?;
    tracing::info!(%addr, "captiond listening");

    Server::builder()
        .layer(ApiKeyLayer::new(keys))
        .add_service(CaptioningServer::new(svc))
        .serve(addr)
        .await?;
    Ok(())
}
