use std::collections::HashMap;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{broadcast, mpsc};
use tokio::time::Instant;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::dosing::doser_client::DoserClient;
use crate::dosing::{ReadClimateRequest, SetTargetsRequest};
use crate::pb::vertical_farm_server::VerticalFarm;
use crate::pb::{GrowPlanAck, GrowPlanChunk, NutrientAck, NutrientCommand, TowerClimate, WatchTowerRequest};
use crate::session::{Claims, Session};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

const MAX_PLAN: usize = 4 << 20;

/// Limits how fast a console may send dosing commands.
#[derive(Default)]
pub struct AcceptThrottle {
    last: Mutex<HashMap<SocketAddr, (Instant, u32)>>,
}

impl AcceptThrottle {
    pub fn allow(&self, who: SocketAddr) -> bool {
        let mut m = self.last.lock().unwrap();
        let e = m.entry(who).or_insert((Instant::now(), 0));
        if e.0.elapsed() > Duration::from_secs(60) {
            *e = (Instant::now(), 0);
        }
        e.1 += 1;
        e.1 <= 20
    }
}

pub struct Farm {
    pub doser: DoserClient<Channel>,
    pub revocations: broadcast::Sender<String>,
    pub throttle: Arc<AcceptThrottle>,
    pub plans: reqwest::Client,
    pub plan_store: String,
}

fn open<T>(req: &Request<T>, revocations: &broadcast::Sender<String>) -> Result<Session, Status> {
    let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
    let deadline = crate::deadline::from_metadata(req.metadata());
    Ok(Session::new(claims, deadline, revocations.subscribe()))
}

#[tonic::async_trait]
impl VerticalFarm for Farm {
    type WatchTowerStream = Out<TowerClimate>;
    type NutrientSessionStream = Out<NutrientAck>;

    async fn watch_tower(&self, req: Request<WatchTowerRequest>) -> Result<Response<Self::WatchTowerStream>, Status> {
        let session = open(&req, &self.revocations)?;
        let tower = req.into_inner().tower_id;
        if !session.owns(&tower) {
            return Err(Status::permission_denied("tower not granted"));
        }
        let mut doser = self.doser.clone();
        let cancel = session.cancel.clone();
        let deadline = session.deadline;
        let inner = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                let mut r = Request::new(ReadClimateRequest { tower_id: tower.clone() });
                let left = deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or(Duration::from_secs(3)).min(Duration::from_secs(3));
                r.set_timeout(left);
                let c = tokio::select! {
                    _ = cancel.cancelled() => break,
                    res = doser.read_climate(r) => res?.into_inner(),
                };
                yield TowerClimate { tower_id: tower.clone(), par_umol: c.par_umol, co2_ppm: c.co2_ppm, air_c: c.air_c, root_c: c.root_c, unix_ms: 0 };
            }
        };
        Ok(Response::new(Box::pin(session.guard(inner))))
    }

    async fn nutrient_session(&self, req: Request<Streaming<NutrientCommand>>) -> Result<Response<Self::NutrientSessionStream>, Status> {
        let session = open(&req, &self.revocations)?;
        let remote = req.remote_addr().ok_or_else(|| Status::internal("no remote addr"))?;
        let towers = session.claims.towers.clone();
        let cancel = session.cancel.clone();
        let mut inbound = req.into_inner();
        let mut doser = self.doser.clone();
        let throttle = self.throttle.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            loop {
                let cmd = tokio::select! {
                    _ = cancel.cancelled() => return,
                    m = inbound.next() => match m { Some(Ok(c)) => c, _ => return },
                };
                if !towers.iter().any(|t| t == &cmd.tower_id) {
                    let _ = tx.send(Ok(NutrientAck { request_id: cmd.request_id, ok: false, status: "PERMISSION_DENIED".into() })).await;
                    continue;
                }
                if !throttle.allow(remote) {
                    let _ = tx.send(Err(Status::resource_exhausted("too many dosing commands"))).await;
                    return;
                }
                let res = tokio::select! {
                    _ = cancel.cancelled() => return,
                    r = doser.set_targets(Request::new(SetTargetsRequest { tower_id: cmd.tower_id.clone(), ec: cmd.ec_target, ph: cmd.ph_target })) => r,
                };
                let ack = match res {
                    Ok(r) if r.get_ref().accepted => NutrientAck { request_id: cmd.request_id, ok: true, status: "OK".into() },
                    Ok(_) => NutrientAck { request_id: cmd.request_id, ok: false, status: "REJECTED".into() },
                    Err(s) => NutrientAck { request_id: cmd.request_id, ok: false, status: s.code().to_string() },
                };
                if tx.send(Ok(ack)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(session.guard(ReceiverStream::new(rx)))))
    }

    async fn upload_grow_plan(&self, req: Request<Streaming<GrowPlanChunk>>) -> Result<Response<GrowPlanAck>, Status> {
        let _session = open(&req, &self.revocations)?;
        let mut inbound = req.into_inner();
        let mut name = String::new();
        let mut buf = Vec::new();
        while let Some(chunk) = inbound.message().await? {
            if name.is_empty() {
                name = chunk.plan_name;
            }
            buf.extend_from_slice(&chunk.data);
            if buf.len() > MAX_PLAN {
                return Err(Status::invalid_argument("plan too large"));
            }
        }
        let size = buf.len() as u64;
        self.plans
            .put(format!("{}/plans/{}", self.plan_store, name))
            .body(buf)
            .timeout(Duration::from_secs(30))
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| Status::unavailable(e.to_string()))?;
        Ok(Response::new(GrowPlanAck { plan_name: name, size }))
    }
}
