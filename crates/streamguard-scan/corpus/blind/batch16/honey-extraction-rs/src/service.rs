use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures_core::Stream;
use tokio_stream::StreamExt;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::pb::extraction_server::Extraction;
use crate::pb::lab::lab_client::LabClient;
use crate::pb::lab::RecordMoistureRequest;
use crate::pb::{ExtractorState, LineCommand, LineEvent, MoistureSample, MoistureVerdict, WatchExtractorsRequest};
use crate::plant::Plant;
use crate::session::{Limiter, Sessions};

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct ExtractionSvc {
    pub sessions: Sessions,
    pub limiter: Arc<Limiter>,
    pub plant: Plant,
    pub mes: reqwest::Client,
    pub mes_url: String,
    pub lab: LabClient<Channel>,
}

#[tonic::async_trait]
impl Extraction for ExtractionSvc {
    type WatchExtractorsStream = Boxed<ExtractorState>;
    type LineSessionStream = Boxed<LineEvent>;

    async fn watch_extractors(&self, request: Request<WatchExtractorsRequest>) -> Result<Response<Self::WatchExtractorsStream>, Status> {
        let session = self.sessions.open(request.metadata())?;
        let line = request.into_inner().line_id;
        if !session.claims.lines.contains(&line) {
            return Err(Status::permission_denied("line_not_allowed"));
        }
        let plant = self.plant.clone();
        let cancel = session.cancel.clone();
        let deadline = session.deadline;
        let feed = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tokio::select! {
                    _ = cancel.cancelled() => break,
                    _ = tick.tick() => {}
                }
                for state in plant.read_line(&line, deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()))).await.map_err(|e| Status::unavailable(e.to_string()))? {
                    yield state;
                }
            }
        };
        Ok(Response::new(Box::pin(session.guard(feed))))
    }

    async fn line_session(&self, request: Request<Streaming<LineCommand>>) -> Result<Response<Self::LineSessionStream>, Status> {
        let session = self.sessions.open(request.metadata())?;
        let claims = session.claims.clone();
        let cancel = session.cancel.clone();
        let deadline = session.deadline;
        let limiter = self.limiter.clone();
        let plant = self.plant.clone();
        let mes = self.mes.clone();
        let mes_url = self.mes_url.clone();
        let mut inbound = request.into_inner();
        let events = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if limiter.check_key(&claims.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !claims.may_run(&cmd.machine_id) {
                    yield LineEvent { command_id: cmd.command_id, status: "PERMISSION_DENIED".into(), detail: "insufficient_scope".into() };
                    continue;
                }
                let applied = tokio::select! {
                    _ = cancel.cancelled() => break,
                    r = plant.command(&cmd.machine_id, &cmd.action, cmd.value,
                        deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()))) => r,
                };
                let detail = match applied {
                    Ok(phase) => phase,
                    Err(e) => { yield LineEvent { command_id: cmd.command_id, status: "UNAVAILABLE".into(), detail: e.to_string() }; continue; }
                };
                // Batch traceability record in the MES (food-safety audit trail).
                let _ = mes
                    .post(format!("{mes_url}/trace/{}", cmd.machine_id))
                    .json(&serde_json::json!({"action": cmd.action, "value": cmd.value, "by": claims.sub}))
                    .timeout(Duration::from_secs(5))
                    .send()
                    .await;
                yield LineEvent { command_id: cmd.command_id, status: "OK".into(), detail };
            }
        };
        Ok(Response::new(Box::pin(session.guard(events))))
    }

    async fn upload_moisture_log(&self, request: Request<Streaming<MoistureSample>>) -> Result<Response<MoistureVerdict>, Status> {
        let session = self.sessions.open(request.metadata())?;
        if !session.claims.scope.split(' ').any(|s| s == "lab:write") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let mut inbound = request.into_inner();
        let mut batch = String::new();
        let mut samples = Vec::new();
        while let Some(s) = inbound.next().await {
            let s = s?;
            if batch.is_empty() {
                batch = s.batch_id.clone();
            }
            if samples.len() >= 10_000 {
                return Err(Status::invalid_argument("too many samples"));
            }
            samples.push(s.moisture_pct);
        }
        let mut lab = self.lab.clone();
        let reply = lab
            .record_moisture(Request::new(RecordMoistureRequest { batch_id: batch, samples }))
            .await?
            .into_inner();
        Ok(Response::new(MoistureVerdict { within_spec: reply.within_spec, mean_pct: reply.mean_pct }))
    }
}
