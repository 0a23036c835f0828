use std::{pin::Pin, time::Duration};

use async_stream::try_stream;
use tokio::{
    sync::mpsc,
    time::{sleep_until, Instant},
};
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};
use tracing::warn;

use crate::{
    artifacts::ArtifactClient,
    auth::{Claims, Revocations},
    limits::RunnerLimits,
    logs::forward_job_lines,
    pb::{hub_server::Hub, Assignment, LogLine, RunnerUpdate, StreamLogsRequest},
    state::HubState,
};

pub struct HubService {
    pub state: HubState,
    pub revocations: Revocations,
    pub artifacts: ArtifactClient,
    pub limits: RunnerLimits,
    pub max_lifetime: Duration,
}

fn parse_grpc_timeout<T>(req: &Request<T>) -> Option<Instant> {
    let raw = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    let d = match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    };
    Some(Instant::now() + d)
}

#[tonic::async_trait]
impl Hub for HubService {
    type AttachStream = Pin<Box<dyn Stream<Item = Result<Assignment, Status>> + Send>>;
    type StreamLogsStream = ReceiverStream<Result<LogLine, Status>>;

    async fn attach(&self, request: Request<Streaming<RunnerUpdate>>) -> Result<Response<Self::AttachStream>, Status> {
        let claims = request.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if claims.kind != "runner" {
            return Err(Status::permission_denied("runner token required"));
        }
        let deadline = parse_grpc_timeout(&request);
        let expires_at = Instant::now() + claims.time_left();
        let ends_at = Instant::now() + self.max_lifetime;
        let token = CancellationToken::new();
        let mut revoked = self.revocations.subscribe();

        let mut inbound = request.into_inner();
        let state = self.state.clone();
        let limits = self.limits.clone();
        let mut artifacts = self.artifacts.clone();
        let runner = claims.sub.clone();
        let child = token.child_token();
        tokio::spawn(async move {
            loop {
                let msg = tokio::select! {
                    _ = child.cancelled() => break,
                    m = inbound.message() => m,
                };
                let Ok(Some(update)) = msg else { break };
                if !limits.check(&runner) {
                    warn!(%runner, "update dropped: rate limit");
                    continue;
                }
                if state.owner_of(&update.job_id).await.as_deref() != Some(runner.as_str()) {
                    warn!(%runner, job = %update.job_id, "update for a job not assigned to this runner");
                    continue;
                }
                if !update.artifact.is_empty() {
                    let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                    tokio::select! {
                        _ = child.cancelled() => break,
                        r = artifacts.put(&update.job_id, &update.artifact_name, update.artifact, remaining) => {
                            if let Err(e) = r { warn!(error = %e, "artifact upload failed"); }
                        }
                    }
                }
                state.publish_log(LogLine { job_id: update.job_id, n: 0, text: update.state });
            }
        });

        let state = self.state.clone();
        let output = try_stream! {
            let _guard = token.drop_guard();
            loop {
                tokio::select! {
                    _ = sleep_until(expires_at) => {
                        Err(Status::unauthenticated("token_expired"))?;
                    }
                    _ = sleep_until(ends_at) => {
                        Err(Status::unavailable("max_stream_lifetime"))?;
                    }
                    r = revoked.recv() => {
                        if let Ok(key) = r {
                            if key == format!("jti:{}", claims.jti) || key == format!("sub:{}", claims.sub) {
                                Err(Status::permission_denied("token_revoked"))?;
                            }
                        }
                    }
                    a = state.next_for(&claims.pools, &claims.sub) => {
                        yield a;
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(output)))
    }

    async fn stream_logs(&self, request: Request<StreamLogsRequest>) -> Result<Response<Self::StreamLogsStream>, Status> {
        let claims = request.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let job_id = request.into_inner().job_id;
        let pool = self.state.pool_of(&job_id).await.ok_or_else(|| Status::not_found("unknown job"))?;
        if !claims.pools.contains(&pool) {
            return Err(Status::permission_denied("pool not visible"));
        }

        let lines = self.state.subscribe_logs();
        let (tx, rx) = mpsc::channel(512);
        tokio::spawn(forward_job_lines(lines, job_id, tx));
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
