use std::collections::HashSet;
use std::pin::Pin;
use std::time::Duration;

use tokio::sync::{broadcast, watch};
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::claims::claims_of;
use crate::limits::ObserverLimiter;
use crate::pb::camera_client::CameraClient;
use crate::pb::telescope_server::Telescope;
use crate::pb::*;
use crate::session::{Limits, Session};

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

const CAMERA_DEFAULT: Duration = Duration::from_secs(120);
const SLEW_DEFAULT: Duration = Duration::from_secs(90);
const MAX_PLAN_BYTES: usize = 4 << 20;

pub struct TelescopeService {
    pub cameras: std::collections::HashMap<String, CameraClient<Channel>>,
    pub revoked: watch::Receiver<HashSet<String>>,
    pub alerts: broadcast::Sender<TransientAlert>,
    pub limiter: ObserverLimiter,
    pub limits: Limits,
}

fn caller_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let n: u64 = v.get(..v.len().checked_sub(1)?)?.parse().ok()?;
    match v.as_bytes().last()? {
        b'H' => Some(Duration::from_secs(n * 3600)),
        b'M' => Some(Duration::from_secs(n * 60)),
        b'S' => Some(Duration::from_secs(n)),
        b'm' => Some(Duration::from_millis(n)),
        _ => None,
    }
}

impl TelescopeService {
    fn session<T>(&self, req: &Request<T>) -> Result<Session, Status> {
        Session::open(claims_of(req)?, self.revoked.clone(), self.limits.clone(), caller_timeout(req))
    }

    fn camera(&self, telescope: &str) -> Result<CameraClient<Channel>, Status> {
        self.cameras.get(telescope).cloned().ok_or_else(|| Status::not_found(format!("no telescope {telescope}")))
    }
}

#[tonic::async_trait]
impl Telescope for TelescopeService {
    type StreamExposuresStream = Boxed<ImageTile>;

    async fn stream_exposures(&self, request: Request<ExposureRequest>) -> Result<Response<Self::StreamExposuresStream>, Status> {
        let session = self.session(&request)?;
        let req = request.into_inner();
        if !session.claims.may_use(&req.telescope_id) {
            return Err(Status::permission_denied("no time allocated on this telescope"));
        }
        let mut camera = self.camera(&req.telescope_id)?;
        let count = req.count.min(200);
        let remaining = session.remaining(CAMERA_DEFAULT);
        let stream = async_stream::try_stream! {
            let started = tokio::time::Instant::now();
            for exposure in 0..count {
                let left = remaining.saturating_sub(started.elapsed());
                if left.is_zero() {
                    Err(Status::deadline_exceeded("caller deadline passed"))?;
                }
                let mut call = Request::new(ExposeRequest { seconds: req.seconds, filter: req.filter.clone() });
                call.set_timeout(left);
                let tiles = camera.expose(call).await?.into_inner().tiles;
                let n = tiles.len() as u32;
                for (i, fits) in tiles.into_iter().enumerate() {
                    yield ImageTile { exposure, tile: i as u32, tiles: n, fits };
                }
            }
        };
        Ok(Response::new(session.guard(stream)))
    }

    type ControlSessionStream = Boxed<MountStatus>;

    async fn control_session(&self, request: Request<Streaming<MountCommand>>) -> Result<Response<Self::ControlSessionStream>, Status> {
        let session = self.session(&request)?;
        let claims = session.claims.clone();
        let cancel = session.cancel.clone();
        let caller_deadline = caller_timeout(&request).map(|d| tokio::time::Instant::now() + d);
        let cameras = self.cameras.clone();
        let limiter = self.limiter.clone();
        let mut inbound = request.into_inner();
        let stream = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if !limiter.allow(&claims.sub) {
                    yield MountStatus { request_id: cmd.request_id, status: "RESOURCE_EXHAUSTED".into(), detail: "rate_limit_exceeded".into() };
                    continue;
                }
                if !claims.may_use(&cmd.telescope_id) || !claims.has_scope("mount:control") {
                    yield MountStatus { request_id: cmd.request_id, status: "PERMISSION_DENIED".into(), detail: "insufficient_scope".into() };
                    continue;
                }
                let Some(mut camera) = cameras.get(&cmd.telescope_id).cloned() else {
                    yield MountStatus { request_id: cmd.request_id, status: "NOT_FOUND".into(), detail: String::new() };
                    continue;
                };
                match cmd.kind.as_str() {
                    "slew" => {
                        let mut call = Request::new(SlewRequest { ra_deg: cmd.ra_deg, dec_deg: cmd.dec_deg });
                        // Recomputed per command: a session can outlive several slews.
                        let left = caller_deadline
                            .map(|d| d.saturating_duration_since(tokio::time::Instant::now()))
                            .unwrap_or(SLEW_DEFAULT);
                        if left.is_zero() {
                            Err(Status::deadline_exceeded("caller deadline passed"))?;
                        }
                        call.set_timeout(left);
                        let res = tokio::select! {
                            r = camera.slew(call) => r?.into_inner(),
                            _ = cancel.cancelled() => break,
                        };
                        yield MountStatus { request_id: cmd.request_id, status: if res.ok { "OK".into() } else { "FAILED".into() }, detail: res.detail };
                    }
                    other => {
                        yield MountStatus { request_id: cmd.request_id, status: "INVALID_ARGUMENT".into(), detail: format!("unknown command {other}") };
                    }
                }
            }
        };
        Ok(Response::new(session.guard(stream)))
    }

    type WatchAlertsStream = Boxed<TransientAlert>;

    async fn watch_alerts(&self, request: Request<WatchAlertsRequest>) -> Result<Response<Self::WatchAlertsStream>, Status> {
        let session = self.session(&request)?;
        if !session.claims.has_scope("alerts:read") {
            return Err(Status::permission_denied("alerts:read scope required"));
        }
        let req = request.into_inner();
        let brokers: HashSet<String> = req.brokers.into_iter().collect();
        let min_mag = req.min_magnitude;
        let alerts = tokio_stream::wrappers::BroadcastStream::new(self.alerts.subscribe()).filter_map(move |a| match a {
            Ok(a) if (brokers.is_empty() || brokers.contains(&a.broker)) && (min_mag == 0.0 || a.magnitude <= min_mag) => Some(Ok(a)),
            _ => None,
        });
        Ok(Response::new(session.guard(alerts)))
    }

    async fn upload_plan(&self, request: Request<Streaming<PlanChunk>>) -> Result<Response<PlanReceipt>, Status> {
        let claims = claims_of(&request)?;
        let mut inbound = request.into_inner();
        let mut buf = Vec::new();
        let mut telescope: Option<String> = None;
        while let Some(chunk) = inbound.next().await {
            let chunk = chunk?;
            if telescope.is_none() {
                if !claims.may_use(&chunk.telescope_id) {
                    return Err(Status::permission_denied("no time allocated on this telescope"));
                }
                telescope = Some(chunk.telescope_id.clone());
            }
            if buf.len() + chunk.data.len() > MAX_PLAN_BYTES {
                return Err(Status::resource_exhausted("plan larger than 4 MiB"));
            }
            buf.extend_from_slice(&chunk.data);
        }
        let targets = String::from_utf8_lossy(&buf).lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        Ok(Response::new(PlanReceipt { targets: targets as u32 }))
    }
}
