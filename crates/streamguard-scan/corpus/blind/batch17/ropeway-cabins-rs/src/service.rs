use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use object_store::{path::Path, ObjectStore, PutPayload};
use tokio::sync::{broadcast, mpsc, oneshot};
use tokio_stream::{wrappers::BroadcastStream, Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::keys::KeyInfo;
use crate::pb::drive::{drive_client::DriveClient, SetSpeedRequest};
use crate::pb::ropeway::{ropeway_server::Ropeway, *};

pub struct Hub {
    pub telemetry: broadcast::Sender<CabinTelemetry>,
    pub drive: DriveClient<Channel>,
    pub store: Arc<dyn ObjectStore>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl Hub {
    pub fn limiter() -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(30).unwrap())))
    }
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn key_of<T>(req: &Request<T>) -> Result<KeyInfo, Status> {
    req.extensions().get::<KeyInfo>().cloned().ok_or_else(|| Status::unauthenticated("no api key"))
}

#[tonic::async_trait]
impl Ropeway for Hub {
    type WatchCabinsStream = Out<CabinTelemetry>;
    type HaulControlStream = Out<HaulAck>;

    async fn watch_cabins(&self, req: Request<WatchCabinsRequest>) -> Result<Response<Self::WatchCabinsStream>, Status> {
        let key = key_of(&req)?;
        let line = req.into_inner().line_id;
        if !key.lines.contains(&line) {
            return Err(Status::permission_denied("line not allowed for this key"));
        }
        let mut revoked = key.revoked.clone();
        let mut feed = BroadcastStream::new(self.telemetry.subscribe());
        let out = async_stream::try_stream! {
            loop {
                tokio::select! {
                    _ = revoked.changed() => {
                        if *revoked.borrow() { Err(Status::permission_denied("token_revoked"))?; }
                    }
                    item = feed.next() => match item {
                        Some(Ok(t)) if t.cabin_id.starts_with(&line) => yield t,
                        Some(_) => continue,
                        None => break,
                    },
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn haul_control(&self, req: Request<Streaming<HaulCommand>>) -> Result<Response<Self::HaulControlStream>, Status> {
        let key = key_of(&req)?;
        let mut inbound = req.into_inner();
        let mut drive = self.drive.clone();
        let limiter = self.limiter.clone();
        let out = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if !key.can_drive || !key.lines.contains(&cmd.line_id) {
                    yield HaulAck { request_id: cmd.request_id, status: "PERMISSION_DENIED".into() };
                    continue;
                }
                if limiter.check_key(&key.id).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                let speed = if cmd.stop { 0.0 } else { cmd.speed_ms };
                let reply = drive
                    .set_speed(Request::new(SetSpeedRequest { line_id: cmd.line_id.clone(), speed_ms: speed, operator: key.id.clone() }))
                    .await?;
                yield HaulAck { request_id: cmd.request_id, status: format!("OK {:.1}", reply.get_ref().actual_ms) };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn upload_inspection(&self, req: Request<Streaming<InspectionChunk>>) -> Result<Response<InspectionStored>, Status> {
        let _key = key_of(&req)?;
        let mut inbound = req.into_inner();
        let (tx, mut rx) = mpsc::channel::<(String, bytes::Bytes)>(16);
        let (done_tx, done_rx) = oneshot::channel();
        let store = self.store.clone();
        // The writer task assembles the photo set and stores it when the channel closes.
        tokio::spawn(async move {
            let mut cabin = String::new();
            let mut buf = Vec::new();
            while let Some((c, jpeg)) = rx.recv().await {
                cabin = c;
                buf.extend_from_slice(&jpeg);
            }
            let key = format!("inspections/{cabin}/{}.bin", std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs());
            let n = buf.len() as u64;
            let res = store.put(&Path::from(key.clone()), PutPayload::from(buf)).await;
            let _ = done_tx.send(res.map(|_| (key, n)));
        });
        while let Some(chunk) = inbound.next().await {
            let chunk = chunk?;
            if tx.send((chunk.cabin_id, chunk.jpeg.into())).await.is_err() {
                break;
            }
        }
        drop(tx);
        let (key, bytes) = tokio::time::timeout(Duration::from_secs(60), done_rx)
            .await
            .map_err(|_| Status::deadline_exceeded("store"))?
            .map_err(|_| Status::internal("writer gone"))?
            .map_err(|e| Status::unavailable(e.to_string()))?;
        Ok(Response::new(InspectionStored { key, bytes }))
    }
}
