use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use async_stream::try_stream;
use tokio_stream::Stream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::clients::plc::Plc;
use crate::pb::event_archive_client::EventArchiveClient;
use crate::pb::turbine_gateway_server::TurbineGateway;
use crate::pb::*;
use crate::session::{IdentityLimiter, Revocations, Session, SessionConfig};

const SAMPLE: Duration = Duration::from_secs(1);
const MAX_SCADA_BYTES: usize = 64 << 20;
const PITCH_MIN: f32 = -5.0;
const PITCH_MAX: f32 = 90.0;

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Gateway {
    pub plc: Plc,
    pub archive: EventArchiveClient<Channel>,
    pub revocations: Revocations,
    pub limiter: Arc<IdentityLimiter>,
    pub cfg: SessionConfig,
}

impl Gateway {
    fn session<T>(&self, req: &Request<T>) -> Result<Arc<Session>, Status> {
        Session::open(req, &self.revocations, &self.limiter, &self.cfg).map(Arc::new)
    }
}

#[tonic::async_trait]
impl TurbineGateway for Gateway {
    type WatchTurbineStream = Out<TurbineState>;
    type PitchControlStream = Out<PitchAck>;
    type ExportEventsStream = Out<TurbineEvent>;

    async fn watch_turbine(&self, request: Request<WatchTurbineRequest>) -> Result<Response<Self::WatchTurbineStream>, Status> {
        let session = self.session(&request)?;
        let turbine = request.into_inner().turbine_id;
        if !session.claims.covers_turbine(&turbine) {
            return Err(Status::permission_denied("resource_not_owned"));
        }
        let plc = self.plc.clone();
        let s = session.clone();
        let inner = try_stream! {
            let mut tick = tokio::time::interval(SAMPLE);
            loop {
                tick.tick().await;
                let budget = s.remaining()?.min(SAMPLE);
                if let Ok(snap) = plc.snapshot(&turbine, budget).await {
                    yield TurbineState {
                        turbine_id: turbine.clone(), wind_ms: snap.wind_ms, rotor_rpm: snap.rotor_rpm,
                        power_kw: snap.power_kw, pitch_deg: snap.pitch_deg, mode: snap.mode, ts: snap.ts,
                    };
                }
            }
        };
        Ok(Response::new(session.guard(inner)))
    }

    async fn pitch_control(&self, request: Request<Streaming<PitchCommand>>) -> Result<Response<Self::PitchControlStream>, Status> {
        let session = self.session(&request)?;
        let mut inbound = request.into_inner();
        let plc = self.plc.clone();
        let s = session.clone();
        let inner = try_stream! {
            while let Some(cmd) = inbound.message().await? {
                s.admit()?;
                if !s.claims.has_scope("turbine:pitch") {
                    yield PitchAck { command_id: cmd.command_id, ok: false, status: "PERMISSION_DENIED".into(), message: "insufficient_scope".into() };
                    continue;
                }
                if !s.claims.covers_turbine(&cmd.turbine_id) {
                    yield PitchAck { command_id: cmd.command_id, ok: false, status: "PERMISSION_DENIED".into(), message: "resource_not_owned".into() };
                    continue;
                }
                if !(PITCH_MIN..=PITCH_MAX).contains(&cmd.pitch_deg) {
                    yield PitchAck { command_id: cmd.command_id, ok: false, status: "INVALID_ARGUMENT".into(), message: "pitch out of range".into() };
                    continue;
                }
                let budget = s.remaining()?;
                let res = tokio::select! {
                    r = plc.set_pitch(&cmd.turbine_id, cmd.pitch_deg, budget) => r,
                    _ = s.cancel.cancelled() => Err(anyhow::anyhow!("cancelled")),
                };
                match res {
                    Ok(()) => yield PitchAck { command_id: cmd.command_id, ok: true, ..Default::default() },
                    Err(e) => yield PitchAck { command_id: cmd.command_id, ok: false, status: "UNAVAILABLE".into(), message: e.to_string() },
                }
            }
        };
        Ok(Response::new(session.guard(inner)))
    }

    async fn upload_scada(&self, request: Request<Streaming<ScadaChunk>>) -> Result<Response<UploadReceipt>, Status> {
        let session = self.session(&request)?;
        let mut inbound = request.into_inner();
        let mut rows = 0u64;
        let mut bytes = 0usize;
        while let Some(chunk) = inbound.message().await? {
            session.admit()?;
            if !session.claims.covers_turbine(&chunk.turbine_id) {
                return Err(Status::permission_denied("resource_not_owned"));
            }
            bytes += chunk.csv.len();
            if bytes > MAX_SCADA_BYTES {
                return Err(Status::resource_exhausted("upload too large"));
            }
            rows += chunk.csv.iter().filter(|b| **b == b'\n').count() as u64;
        }
        Ok(Response::new(UploadReceipt { rows }))
    }

    async fn export_events(&self, request: Request<ExportEventsRequest>) -> Result<Response<Self::ExportEventsStream>, Status> {
        let session = self.session(&request)?;
        let req = request.into_inner();
        if !session.claims.covers_turbine(&req.turbine_id) {
            return Err(Status::permission_denied("resource_not_owned"));
        }
        let mut archive = self.archive.clone();
        let inner = try_stream! {
            let mut token = String::new();
            loop {
                let page = archive
                    .query(Request::new(ArchiveQuery { turbine_id: req.turbine_id.clone(), from: req.from, to: req.to, page_token: token.clone() }))
                    .await?
                    .into_inner();
                for ev in page.events {
                    yield ev;
                }
                if page.next_page_token.is_empty() {
                    break;
                }
                token = page.next_page_token;
            }
        };
        Ok(Response::new(session.guard(inner)))
    }
}
