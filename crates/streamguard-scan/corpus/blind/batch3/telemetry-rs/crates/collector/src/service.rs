use std::pin::Pin;

use tokio::sync::{broadcast, mpsc};
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tonic::{Request, Response, Status, Streaming};
use tracing::{debug, warn};

use crate::auth::DeviceClaims;
use crate::limit::DeviceLimiter;
use crate::pb::collector_server::Collector;
use crate::pb::{IngestSummary, Reading, SubscribeRequest};
use crate::sink::QuestDbSink;

const BATCH: usize = 256;

pub struct CollectorService {
    sink: QuestDbSink,
    limiter: DeviceLimiter,
    live: broadcast::Sender<Reading>,
}

impl CollectorService {
    pub fn new(sink: QuestDbSink, limiter: DeviceLimiter) -> Self {
        let (live, _) = broadcast::channel(4096);
        Self { sink, limiter, live }
    }
}

fn claims<T>(req: &Request<T>) -> Result<DeviceClaims, Status> {
    req.extensions()
        .get::<DeviceClaims>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("no device identity"))
}

#[tonic::async_trait]
impl Collector for CollectorService {
    async fn ingest(&self, request: Request<Streaming<Reading>>) -> Result<Response<IngestSummary>, Status> {
        let device = claims(&request)?;
        let mut inbound = request.into_inner();
        let mut batch = Vec::with_capacity(BATCH);
        let (mut accepted, mut rejected) = (0u64, 0u64);

        while let Some(reading) = inbound.message().await? {
            if reading.device_id != device.sub {
                rejected += 1;
                continue;
            }
            if self.limiter.check_key(&device.sub).is_err() {
                return Err(Status::resource_exhausted("reading rate exceeded"));
            }
            let _ = self.live.send(reading.clone());
            batch.push(reading);
            accepted += 1;
            if batch.len() == BATCH {
                self.sink
                    .write(&device.fleet, &batch)
                    .await
                    .map_err(|e| Status::unavailable(format!("sink: {e}")))?;
                batch.clear();
            }
        }
        self.sink
            .write(&device.fleet, &batch)
            .await
            .map_err(|e| Status::unavailable(format!("sink: {e}")))?;
        debug!(device = %device.sub, accepted, rejected, "ingest finished");
        Ok(Response::new(IngestSummary { accepted, rejected }))
    }

    type SubscribeStream = Pin<Box<dyn Stream<Item = Result<Reading, Status>> + Send + 'static>>;

    async fn subscribe(&self, request: Request<SubscribeRequest>) -> Result<Response<Self::SubscribeStream>, Status> {
        let who = claims(&request)?;
        if !who.can_subscribe() {
            return Err(Status::permission_denied("telemetry:read required"));
        }
        let filter = request.into_inner();
        let mut live = self.live.subscribe();
        let (tx, rx) = mpsc::channel(128);

        tokio::spawn(async move {
            loop {
                match live.recv().await {
                    Ok(r) => {
                        if !r.device_id.starts_with(&filter.device_prefix) {
                            continue;
                        }
                        if !filter.metrics.is_empty() && !filter.metrics.contains(&r.metric) {
                            continue;
                        }
                        if tx.send(Ok(r)).await.is_err() {
                            break;
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(n)) => warn!(skipped = n, "subscriber lagging"),
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
