use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::pb::mixing::{mixing_server::Mixing, *};
use crate::pb::robots::{robot_cell_client::RobotCellClient, DoseRequest, ProgressRequest};
use crate::session::{Claims, Session};

pub struct MixingService {
    pub robots: RobotCellClient<Channel>,
    pub db: sqlx::PgPool,
    pub revocations: broadcast::Sender<String>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl MixingService {
    pub fn limiter() -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(40).unwrap())))
    }
    fn session<T>(&self, req: &Request<T>) -> Result<Session, Status> {
        let c = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        Ok(Session::open(c, req.metadata(), &self.revocations))
    }
}

fn budget(s: &Session, cap: Duration) -> Result<Duration, Status> {
    Ok(s.remaining()?.map_or(cap, |r| r.min(cap)))
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[tonic::async_trait]
impl Mixing for MixingService {
    type WatchBatchStream = Out<BatchProgress>;
    type MixingConsoleStream = Out<DoseAck>;
    type ExportBatchLogStream = Out<BatchLogLine>;

    async fn watch_batch(&self, req: Request<WatchBatchRequest>) -> Result<Response<Self::WatchBatchStream>, Status> {
        let s = self.session(&req)?;
        let batch = req.into_inner().batch_id;
        let mut robots = self.robots.clone();
        let cancel = s.cancel.clone();
        let d = s.deadline;
        let inner = async_stream::try_stream! {
            loop {
                let mut r = Request::new(ProgressRequest { batch_id: batch.clone() });
                let left = d.map(|d| d.saturating_duration_since(std::time::Instant::now()));
                r.set_timeout(left.map_or(Duration::from_secs(2), |l| l.min(Duration::from_secs(2))));
                let p = tokio::select! {
                    _ = cancel.cancelled() => break,
                    p = robots.progress(r) => p?.into_inner(),
                };
                yield BatchProgress { batch_id: batch.clone(), percent: p.percent, stage: p.stage };
                tokio::time::sleep(Duration::from_secs(3)).await;
            }
        };
        Ok(Response::new(Box::pin(s.guard(inner))))
    }

    async fn mixing_console(&self, req: Request<Streaming<DoseCommand>>) -> Result<Response<Self::MixingConsoleStream>, Status> {
        let s = self.session(&req)?;
        let claims = s.claims.clone();
        let cancel = s.cancel.clone();
        let d = s.deadline;
        let mut inbound = req.into_inner();
        let mut robots = self.robots.clone();
        let limiter = self.limiter.clone();
        let inner = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if !claims.may_dose(&cmd.formula_id) {
                    yield DoseAck { request_id: cmd.request_id, status: "PERMISSION_DENIED".into(), dosed: 0.0 };
                    continue;
                }
                if limiter.check_key(&claims.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                let mut r = Request::new(DoseRequest { robot_id: cmd.robot_id, material: cmd.material, grams: cmd.grams });
                if let Some(d) = d {
                    r.set_timeout(d.saturating_duration_since(std::time::Instant::now()));
                }
                let reply = tokio::select! {
                    _ = cancel.cancelled() => break,
                    x = robots.dose(r) => x?.into_inner(),
                };
                yield DoseAck { request_id: cmd.request_id, status: "OK".into(), dosed: reply.dosed };
            }
        };
        Ok(Response::new(Box::pin(s.guard(inner))))
    }

    async fn export_batch_log(&self, req: Request<ExportBatchLogRequest>) -> Result<Response<Self::ExportBatchLogStream>, Status> {
        let s = self.session(&req)?;
        if !s.claims.scope.split(' ').any(|x| x == "batches:read") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let b = budget(&s, Duration::from_secs(10))?;
        let rows: Vec<(String,)> = tokio::time::timeout(
            b,
            sqlx::query_as("SELECT line FROM batch_log WHERE batch_id = $1 ORDER BY seq").bind(&req.get_ref().batch_id).fetch_all(&self.db),
        )
        .await
        .map_err(|_| Status::deadline_exceeded("batch log"))?
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let inner = tokio_stream::iter(rows.into_iter().map(|(text,)| Ok(BatchLogLine { text })));
        Ok(Response::new(Box::pin(s.guard(inner))))
    }
}
