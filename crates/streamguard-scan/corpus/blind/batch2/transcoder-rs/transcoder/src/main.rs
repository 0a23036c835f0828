use std::time::Duration;

use tonic::transport::Server;
use tower::ServiceBuilder;

mod ffmpeg;
mod origin;
mod service;

pub mod pb {
    tonic::include_proto!("media.v1");
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let svc = service::TranscoderService::new(
        origin::Origin::new(std::env::var("ORIGIN_ALLOWLIST").unwrap_or_default()),
        std::env::var("FFMPEG").unwrap_or_else(|_| "ffmpeg".into()),
    );

    let layer = ServiceBuilder::new()
        .timeout(Duration::from_secs(60))
        .concurrency_limit(256)
        .into_inner();

    Server::builder()
        .layer(layer)
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(pb::transcoder_server::TranscoderServer::new(svc))
        .serve("0.0.0.0:7900".parse()?)
        .await?;
    Ok(())
}
