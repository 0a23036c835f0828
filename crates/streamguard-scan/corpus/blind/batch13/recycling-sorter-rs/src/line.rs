use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::keys::ApiKey;
use crate::pb::sorting_line_server::SortingLine;
use crate::pb::{BaleEvent, Detection, EjectCommand, ExportShiftRequest, ShiftRecord, WatchBalesRequest};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Line {
    pub ejector: crate::ejector::Ejector,
    pub bales: broadcast::Sender<BaleEvent>,
    pub photos: reqwest::Client,
    pub photo_signer: String,
    pub pg: Arc<tokio_postgres::Client>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

pub fn detection_limiter() -> Arc<DefaultKeyedRateLimiter<String>> {
    Arc::new(RateLimiter::keyed(Quota::per_second(NonZeroU32::new(2_000).unwrap())))
}

fn key_of<T>(req: &Request<T>) -> Result<ApiKey, Status> {
    req.extensions().get::<ApiKey>().cloned().ok_or_else(|| Status::unauthenticated("no api key"))
}

#[tonic::async_trait]
impl SortingLine for Line {
    type CameraFeedStream = Out<EjectCommand>;
    type WatchBalesStream = Out<BaleEvent>;
    type ExportShiftStream = Out<ShiftRecord>;

    async fn camera_feed(&self, req: Request<Streaming<Detection>>) -> Result<Response<Self::CameraFeedStream>, Status> {
        let key = key_of(&req)?;
        if key.role != "camera" {
            return Err(Status::permission_denied("camera key required"));
        }
        let mut inbound = req.into_inner();
        let (tx, rx) = mpsc::channel(256);
        let ejector = self.ejector.clone();
        let limiter = self.limiter.clone();
        tokio::spawn(async move {
            while let Some(det) = inbound.next().await {
                let det = match det {
                    Ok(d) => d,
                    Err(_) => return,
                };
                if limiter.check_key(&key.id).is_err() {
                    let _ = tx.send(Err(Status::resource_exhausted("detection rate"))).await;
                    return;
                }
                if let Some(cmd) = ejector.plan(&det) {
                    if tx.send(Ok(cmd)).await.is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_bales(&self, req: Request<WatchBalesRequest>) -> Result<Response<Self::WatchBalesStream>, Status> {
        let key = key_of(&req)?;
        let baler = req.into_inner().baler_id;
        if !key.balers.iter().any(|b| b == &baler) {
            return Err(Status::permission_denied("baler not in key scope"));
        }
        let mut events = tokio_stream::wrappers::BroadcastStream::new(self.bales.subscribe());
        let mut revoked = key.revoked.clone();
        let photos = self.photos.clone();
        let signer = self.photo_signer.clone();
        let stream = async_stream::try_stream! {
            loop {
                tokio::select! {
                    _ = revoked.changed() => {
                        if *revoked.borrow() {
                            Err(Status::permission_denied("token_revoked"))?;
                        }
                    }
                    ev = events.next() => {
                        let Some(Ok(mut ev)) = ev else { break };
                        if !ev.bale_id.starts_with(&baler) {
                            continue;
                        }
                        let signed: serde_json::Value = photos
                            .post(&signer)
                            .json(&serde_json::json!({ "bale": ev.bale_id }))
                            .timeout(Duration::from_secs(30))
                            .send()
                            .await
                            .map_err(|e| Status::unavailable(e.to_string()))?
                            .json()
                            .await
                            .map_err(|e| Status::unavailable(e.to_string()))?;
                        ev.photo_url = signed["url"].as_str().unwrap_or_default().to_string();
                        yield ev;
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }

    async fn export_shift(&self, req: Request<ExportShiftRequest>) -> Result<Response<Self::ExportShiftStream>, Status> {
        let key = key_of(&req)?;
        if key.role != "office" {
            return Err(Status::permission_denied("office key required"));
        }
        let shift = req.into_inner().shift_id;
        self.pg.batch_execute("SET statement_timeout = '30s'").await.map_err(|e| Status::unavailable(e.to_string()))?;
        let rows = self
            .pg
            .query("SELECT material, tonnes, purity_pct FROM shift_totals WHERE shift_id = $1 ORDER BY tonnes DESC", &[&shift])
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
        let out: Vec<Result<ShiftRecord, Status>> = rows
            .iter()
            .map(|r| Ok(ShiftRecord { material: r.get(0), tonnes: r.get(1), purity_pct: r.get(2) }))
            .collect();
        Ok(Response::new(Box::pin(tokio_stream::iter(out))))
    }
}
