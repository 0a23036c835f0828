//! Site relay: runs on the building gateway, accepts frames from the controllers on the
//! plant network and uploads them in batches to the maintenance cloud.

mod cloud;

use std::time::Duration;

use lift_proto::relay_server::{Relay, RelayServer};
use lift_proto::{RelayAck, RelayFrame};
use tokio::sync::mpsc;
use tonic::{transport::Server, Request, Response, Status, Streaming};

use crate::cloud::CloudUplink;

struct SiteRelay {
    cloud: CloudUplink,
}

#[tonic::async_trait]
impl Relay for SiteRelay {
    async fn forward(&self, request: Request<Streaming<RelayFrame>>) -> Result<Response<RelayAck>, Status> {
        let mut frames = request.into_inner();
        let (tx, mut rx) = mpsc::channel::<RelayFrame>(1024);
        let cloud = self.cloud.clone();

        // Uploader: batches whatever arrives, flushing every 5 s.
        tokio::spawn(async move {
            let mut batch: Vec<u8> = Vec::new();
            let mut site = String::new();
            let mut flush = tokio::time::interval(Duration::from_secs(5));
            loop {
                tokio::select! {
                    Some(f) = rx.recv() => {
                        site = f.site_id.clone();
                        batch.extend_from_slice(&f.payload);
                    }
                    _ = flush.tick() => {
                        if !batch.is_empty() {
                            if let Err(e) = cloud.upload(&site, std::mem::take(&mut batch)).await {
                                tracing::warn!(%site, "upload failed: {e}");
                            }
                        }
                    }
                }
            }
        });

        let mut count = 0u64;
        while let Some(frame) = frames.message().await? {
            count += 1;
            if tx.send(frame).await.is_err() {
                break;
            }
        }
        Ok(Response::new(RelayAck { frames: count }))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let cloud = CloudUplink::new(std::env::var("LIFT_CLOUD_URL").unwrap_or_else(|_| "https://maint.lift-cloud.example/v1".into()));
    Server::builder()
        .add_service(RelayServer::new(SiteRelay { cloud }))
        .serve("0.0.0.0:50510".parse()?)
        .await?;
    Ok(())
}
