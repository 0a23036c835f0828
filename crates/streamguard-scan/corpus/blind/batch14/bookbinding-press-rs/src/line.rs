use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::keys::KeyIdentity;
use crate::mis::Mis;
use crate::pb::bindery_server::Bindery;
use crate::pb::{ExportJobLogRequest, JobLogEntry, JobProgress, PressCommand, PressEvent, WatchJobsRequest};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Line {
    pub mis: Mis,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl Line {
    pub fn new(mis: Mis) -> Self {
        let quota = Quota::per_second(NonZeroU32::new(5).unwrap()).allow_burst(NonZeroU32::new(20).unwrap());
        Self { mis, limiter: Arc::new(RateLimiter::keyed(quota)) }
    }
}

fn identity<T>(req: &Request<T>) -> Result<KeyIdentity, Status> {
    req.extensions().get::<KeyIdentity>().cloned().ok_or_else(|| Status::unauthenticated("no key identity"))
}

fn remaining_of<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "M" => Duration::from_secs(n * 60),
        "H" => Duration::from_secs(n * 3600),
        "u" => Duration::from_micros(n),
        _ => Duration::from_nanos(n),
    })
}

#[tonic::async_trait]
impl Bindery for Line {
    type PressLinkStream = Out<PressCommand>;
    type WatchJobsStream = Out<JobProgress>;
    type ExportJobLogStream = Out<JobLogEntry>;

    async fn press_link(&self, req: Request<Streaming<PressEvent>>) -> Result<Response<Self::PressLinkStream>, Status> {
        let who = identity(&req)?;
        let press_id = match (who.kind.as_str(), who.press_id.clone()) {
            ("press", Some(p)) => p,
            _ => return Err(Status::permission_denied("press key required")),
        };
        let mis = self.mis.clone();
        let limiter = self.limiter.clone();
        let mut inbound = req.into_inner();

        let out = async_stream::try_stream! {
            while let Some(ev) = inbound.next().await {
                let ev = ev?;
                if limiter.check_key(&who.key_id).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                // every event names a job: it must belong to this press's bindery
                let job = mis.job(&ev.job_id).await.map_err(|e| Status::unavailable(e.to_string()))?;
                if job.bindery != who.bindery {
                    Err(Status::permission_denied("job_not_in_bindery"))?;
                }
                // progress goes to the MIS in the background: a slow MIS must
                // not stall the binder's event loop
                let (m, job_id, press, state) = (mis.clone(), ev.job_id.clone(), press_id.clone(), ev.state.clone());
                let done = ev.books_done;
                tokio::spawn(async move {
                    if let Err(e) = m.report(&job_id, &press, done, &state).await {
                        tracing::warn!(job = %job_id, error = %e, "progress report failed");
                    }
                });
                if ev.state == "DONE" {
                    yield PressCommand {
                        job_id: job.job_id,
                        action: "TRIM".into(),
                        trim_head_mm: job.trim_head_mm,
                        trim_foot_mm: job.trim_foot_mm,
                    };
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn watch_jobs(&self, req: Request<WatchJobsRequest>) -> Result<Response<Self::WatchJobsStream>, Status> {
        let who = identity(&req)?;
        let bindery = req.into_inner().bindery_id;
        if who.kind != "mis" || who.bindery != bindery {
            return Err(Status::permission_denied("bindery not allowed"));
        }
        let mis = self.mis.clone();
        let out = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(10));
            loop {
                tick.tick().await;
                let jobs = mis.open_jobs(&bindery).await.map_err(|e| Status::unavailable(e.to_string()))?;
                for j in jobs {
                    yield JobProgress { job_id: j.job_id, title: j.title, ordered: j.ordered, bound: j.bound, state: j.state };
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn export_job_log(&self, req: Request<ExportJobLogRequest>) -> Result<Response<Self::ExportJobLogStream>, Status> {
        let who = identity(&req)?;
        if who.kind != "mis" {
            return Err(Status::permission_denied("mis key required"));
        }
        let budget = remaining_of(&req).unwrap_or(Duration::from_secs(10));
        let job_id = req.into_inner().job_id;
        let rows = self.mis.job_log(&job_id, budget).await.map_err(|e| Status::unavailable(e.to_string()))?;
        let out = tokio_stream::iter(rows.into_iter().map(|(unix_ms, press_id, event)| Ok(JobLogEntry { unix_ms, press_id, event })));
        Ok(Response::new(Box::pin(out)))
    }
}
