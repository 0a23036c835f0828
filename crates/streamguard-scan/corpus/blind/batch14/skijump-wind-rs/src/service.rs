use tokio::sync::broadcast;
use tokio_stream::{wrappers::BroadcastStream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::pb::calib::{calibration_store_client::CalibrationStoreClient, Point, StoreRequest};
use crate::pb::gate::{start_gate_client::StartGateClient, SignalRequest};
use crate::pb::wind::jury_command::Cmd;
use crate::pb::wind::wind_hub_server::WindHub;
use crate::pb::wind::{CalibrationAck, CalibrationPoint, GaugeReading, JuryCommand, JuryEvent, WatchGaugesRequest};
use crate::session::{Claims, Revoked, Session};

const MAX_CALIBRATION_POINTS: u32 = 500;

pub struct Hub {
    pub readings: broadcast::Sender<GaugeReading>,
    pub revocations: broadcast::Sender<Revoked>,
    pub gate: StartGateClient<Channel>,
    pub calibration: CalibrationStoreClient<Channel>,
}

fn session_of<T>(req: &Request<T>, rev: &broadcast::Sender<Revoked>) -> Result<Session, Status> {
    let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
    Ok(Session::open(req.metadata(), claims, rev.subscribe()))
}

#[tonic::async_trait]
impl WindHub for Hub {
    type WatchGaugesStream = std::pin::Pin<Box<dyn futures::Stream<Item = Result<GaugeReading, Status>> + Send>>;
    type JuryChannelStream = std::pin::Pin<Box<dyn futures::Stream<Item = Result<JuryEvent, Status>> + Send>>;

    async fn watch_gauges(&self, req: Request<WatchGaugesRequest>) -> Result<Response<Self::WatchGaugesStream>, Status> {
        let session = session_of(&req, &self.revocations)?;
        let hill = req.into_inner().hill_id;
        if !session.claims.has_hill(&hill) {
            return Err(Status::permission_denied("hill not assigned"));
        }
        let feed = BroadcastStream::new(self.readings.subscribe())
            .filter_map(move |r| match r {
                Ok(r) if r.hill_id == hill => Some(Ok(r)),
                _ => None,
            });
        Ok(Response::new(session.guard(feed)))
    }

    async fn jury_channel(&self, req: Request<Streaming<JuryCommand>>) -> Result<Response<Self::JuryChannelStream>, Status> {
        let session = session_of(&req, &self.revocations)?;
        if !session.claims.has_scope("jury") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let claims = session.claims.clone();
        let deadline = session.deadline;
        let mut inbound = req.into_inner();
        let gate = self.gate.clone();

        let out = async_stream::try_stream! {
            let mut joined: Option<String> = None;
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                let (light, bib, gate_no) = match cmd.cmd {
                    Some(Cmd::Join(_)) => {
                        if !claims.has_hill(&cmd.hill_id) {
                            Err(Status::permission_denied("hill not assigned"))?;
                        }
                        joined = Some(cmd.hill_id.clone());
                        yield JuryEvent { request_id: cmd.request_id, status: "JOINED".into(), wind_factor: 0.0 };
                        continue;
                    }
                    Some(Cmd::GreenLight(g)) => ("GREEN", g.bib, 0),
                    Some(Cmd::Hold(_)) => ("RED", 0, 0),
                    Some(Cmd::GateChange(g)) => ("GATE", 0, g.gate),
                    None => continue,
                };
                if joined.is_none() {
                    Err(Status::failed_precondition("join first"))?;
                }
                let mut r = Request::new(SignalRequest { hill_id: cmd.hill_id.clone(), light: light.into(), bib, gate: gate_no });
                if let Some(d) = deadline {
                    r.set_timeout(d.saturating_duration_since(tokio::time::Instant::now()));
                }
                let res = gate.clone().signal(r).await?.into_inner();
                yield JuryEvent { request_id: cmd.request_id, status: "OK".into(), wind_factor: res.wind_factor };
            }
        };
        Ok(Response::new(session.guard(out)))
    }

    async fn upload_calibration(&self, req: Request<Streaming<CalibrationPoint>>) -> Result<Response<CalibrationAck>, Status> {
        let session = session_of(&req, &self.revocations)?;
        if !session.claims.has_scope("calibrate") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let mut inbound = req.into_inner();
        let mut hill: Option<String> = None;
        let mut points = Vec::new();
        while let Some(p) = inbound.next().await {
            let p = p?;
            if !session.claims.has_hill(&p.hill_id) || hill.as_ref().is_some_and(|h| h != &p.hill_id) {
                return Err(Status::permission_denied("hill not assigned"));
            }
            hill.get_or_insert_with(|| p.hill_id.clone());
            points.push(Point { gauge: p.gauge, reference_ms: p.reference_ms, measured_ms: p.measured_ms });
            if points.len() as u32 > MAX_CALIBRATION_POINTS {
                return Err(Status::out_of_range("too many points"));
            }
        }
        let n = points.len() as u32;
        let store = StoreRequest { hill_id: hill.unwrap_or_default(), technician: session.claims.sub.clone(), points };
        self.calibration
            .clone()
            .store(Request::new(store))
            .await
            .map_err(|e| Status::unavailable(format!("calibration store: {}", e.message())))?;
        Ok(Response::new(CalibrationAck { points: n }))
    }
}

