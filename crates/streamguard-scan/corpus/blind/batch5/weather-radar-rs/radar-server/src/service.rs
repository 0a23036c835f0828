use std::pin::Pin;
use std::time::Duration;

use radar_common::archive::{archive_client::ArchiveClient, StoreRequest};
use radar_common::auth::Claims;
use radar_common::pb::radar_server::Radar;
use radar_common::pb::{ScanBlock, ScanReceipt, Sweep, SweepRequest, Warning, WarningFilter};
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::tiles::TileBucket;
use crate::warnings::{expiry_instant, is_revoked, WarningHub, MAX_FEED};

const MAX_SCAN_BYTES: usize = 256 << 20;

pub struct RadarService {
    pub tiles: TileBucket,
    pub archive: ArchiveClient<Channel>,
    pub warnings: WarningHub,
}

type Feed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl Radar for RadarService {
    type StreamSweepsStream = ReceiverStream<Result<Sweep, Status>>;
    type WatchWarningsStream = Feed<Warning>;

    async fn stream_sweeps(&self, request: Request<SweepRequest>) -> Result<Response<Self::StreamSweepsStream>, Status> {
        let claims = claims(&request)?;
        let SweepRequest { station, product } = request.into_inner();
        if !claims.may_read(&station) {
            return Err(Status::permission_denied(format!("station {station} not in token")));
        }
        let (tx, rx) = mpsc::channel(4);
        let tiles = self.tiles.clone();
        tokio::spawn(async move {
            let mut last_valid = 0;
            loop {
                match tiles.latest(&station, &product).await {
                    Ok((valid, png)) if valid > last_valid => {
                        last_valid = valid;
                        let _ = tx.send(Ok(Sweep { station: station.clone(), valid_unix: valid, tile_png: png.to_vec() })).await;
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(%station, "tile fetch failed: {e}"),
                }
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn upload_scan(&self, request: Request<Streaming<ScanBlock>>) -> Result<Response<ScanReceipt>, Status> {
        let claims = claims(&request)?;
        if !claims.has_scope("scan:upload") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let mut blocks = request.into_inner();
        let mut station = String::new();
        let mut volume = Vec::new();
        while let Some(block) = blocks.message().await? {
            if station.is_empty() {
                if !claims.may_read(&block.station) {
                    return Err(Status::permission_denied(format!("station {} not in token", block.station)));
                }
                station = block.station.clone();
            }
            if volume.len() + block.data.len() > MAX_SCAN_BYTES {
                return Err(Status::resource_exhausted("volume scan larger than 256 MiB"));
            }
            volume.extend_from_slice(&block.data);
        }
        let bytes = volume.len() as u64;
        let mut archive = self.archive.clone();
        let reply = archive
            .store(Request::new(StoreRequest { station, volume }))
            .await
            .map_err(|e| Status::unavailable(format!("archive: {}", e.message())))?;
        Ok(Response::new(ScanReceipt { archive_key: reply.into_inner().key, bytes }))
    }

    async fn watch_warnings(&self, request: Request<WarningFilter>) -> Result<Response<Self::WatchWarningsStream>, Status> {
        let claims = claims(&request)?;
        let region = request.into_inner().region;
        let mut rx = self.warnings.tx.subscribe();
        let mut revoked = self.warnings.revoked.clone();
        let expires = expiry_instant(&claims);
        let hard_stop = tokio::time::Instant::now() + MAX_FEED;

        let feed = async_stream::try_stream! {
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(expires) => {
                        Err(Status::unauthenticated("token_expired"))?;
                    }
                    _ = tokio::time::sleep_until(hard_stop) => {
                        Err(Status::deadline_exceeded("max_stream_lifetime"))?;
                    }
                    changed = revoked.changed() => {
                        if changed.is_err() || is_revoked(&claims, &revoked.borrow()) {
                            Err(Status::permission_denied("token_revoked"))?;
                        }
                    }
                    msg = rx.recv() => match msg {
                        Ok(w) if w.region == region => yield w,
                        Ok(_) => {}
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                        Err(_) => break,
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(feed.map(|r| r))))
    }
}
