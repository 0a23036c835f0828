use std::time::{Duration, Instant};

use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use crate::auth::AgentIdentity;
use crate::proto::agent_server::Agent;
use crate::proto::{LogLine, MetricPoint, PushResult, TailRequest};
use crate::sink::Sink;

const POINTS_PER_WINDOW: u32 = 10_000;
const WINDOW: Duration = Duration::from_secs(10);
const BATCH: usize = 500;

pub struct AgentService {
    sink: Sink,
    logs: broadcast::Sender<LogLine>,
}

impl AgentService {
    pub fn new(sink: Sink, logs: broadcast::Sender<LogLine>) -> Self {
        Self { sink, logs }
    }
}

#[tonic::async_trait]
impl Agent for AgentService {
    type TailStream = ReceiverStream<Result<LogLine, Status>>;

    async fn push_metrics(
        &self,
        request: Request<Streaming<MetricPoint>>,
    ) -> Result<Response<PushResult>, Status> {
        let who = request
            .extensions()
            .get::<AgentIdentity>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no identity"))?;
        let mut points = request.into_inner();

        let mut window_start = Instant::now();
        let mut budget = POINTS_PER_WINDOW;
        let mut batch = Vec::with_capacity(BATCH);
        let (mut accepted, mut dropped) = (0u64, 0u64);

        while let Some(point) = points.message().await? {
            if window_start.elapsed() >= WINDOW {
                window_start = Instant::now();
                budget = POINTS_PER_WINDOW;
            }
            if budget == 0 {
                return Err(Status::resource_exhausted("point budget exceeded"));
            }
            budget -= 1;
            if !point.value.is_finite() {
                dropped += 1;
                continue;
            }
            batch.push(point);
            if batch.len() == BATCH {
                self.sink
                    .write(&who.tenant, &batch)
                    .await
                    .map_err(|e| Status::unavailable(e.to_string()))?;
                accepted += batch.len() as u64;
                batch.clear();
            }
        }
        if !batch.is_empty() {
            self.sink
                .write(&who.tenant, &batch)
                .await
                .map_err(|e| Status::unavailable(e.to_string()))?;
            accepted += batch.len() as u64;
        }
        Ok(Response::new(PushResult { accepted, dropped }))
    }

    async fn tail(&self, request: Request<TailRequest>) -> Result<Response<Self::TailStream>, Status> {
        let prefix = request.into_inner().prefix;
        let mut lines = self.logs.subscribe();
        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(async move {
            loop {
                match lines.recv().await {
                    Ok(line) => {
                        if !line.text.starts_with(&prefix) {
                            continue;
                        }
                        if tx.send(Ok(line)).await.is_err() {
                            break;
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(skipped = n, "tail subscriber lagged");
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
