use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::KeyIdentity;
use crate::pb::gas_archive_client::GasArchiveClient;
use crate::pb::ventilation_server::Ventilation;
use crate::pb::*;
use crate::sensors::{FanDrives, SensorGateway};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

pub struct VentService {
    pub sensors: SensorGateway,
    pub fans: FanDrives,
    pub archive: GasArchiveClient<tonic::transport::Channel>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl VentService {
    pub fn limiter(per_minute: u32) -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(per_minute).unwrap())))
    }
}

fn identity<T>(req: &Request<T>) -> Result<KeyIdentity, Status> {
    req.extensions().get::<KeyIdentity>().cloned().ok_or_else(|| Status::unauthenticated("no api key"))
}

fn caller_deadline<T>(req: &Request<T>) -> Option<Instant> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
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
impl Ventilation for VentService {
    type WatchAirflowStream = Out<AirflowReading>;
    type FanControlStream = Out<FanAck>;

    async fn watch_airflow(
        &self,
        request: Request<WatchAirflowRequest>,
    ) -> Result<Response<Self::WatchAirflowStream>, Status> {
        let who = identity(&request)?;
        let shaft = request.into_inner().shaft_id;
        if !who.may_use(&shaft) {
            return Err(Status::permission_denied("shaft not assigned to this key"));
        }
        let sensors = self.sensors.clone();
        let mut revoked = who.revoked.clone();
        let out = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(2));
            loop {
                tokio::select! {
                    _ = revoked.changed() => {
                        if *revoked.borrow() {
                            Err(Status::permission_denied("key_revoked"))?;
                        }
                    }
                    _ = tick.tick() => {
                        let air = sensors.shaft_air(&shaft).await.map_err(|e| Status::unavailable(e.to_string()))?;
                        yield AirflowReading {
                            shaft_id: shaft.clone(),
                            airflow_m3s: air.airflow_m3s,
                            ch4_percent: air.ch4_percent,
                            co_ppm: air.co_ppm,
                            unix_ms: std::time::SystemTime::now()
                                .duration_since(std::time::UNIX_EPOCH)
                                .unwrap()
                                .as_millis() as i64,
                        };
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn fan_control(
        &self,
        request: Request<Streaming<FanCommand>>,
    ) -> Result<Response<Self::FanControlStream>, Status> {
        let who = identity(&request)?;
        let mut inbound = request.into_inner();
        let fans = self.fans.clone();
        let limiter = self.limiter.clone();
        let out = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if limiter.check_key(&who.key_id).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !who.may_use(&cmd.shaft_id) {
                    yield FanAck { request_id: cmd.request_id, ok: false, status: "PERMISSION_DENIED".into() };
                    continue;
                }
                match fans.set_speed(cmd.fan, cmd.speed_percent).await {
                    Ok(()) => yield FanAck { request_id: cmd.request_id, ok: true, status: "OK".into() },
                    Err(e) => yield FanAck { request_id: cmd.request_id, ok: false, status: format!("UNAVAILABLE: {e}") },
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn upload_gas_log(
        &self,
        request: Request<Streaming<GasLogChunk>>,
    ) -> Result<Response<GasLogReceipt>, Status> {
        let who = identity(&request)?;
        let deadline = caller_deadline(&request);
        let mut inbound = request.into_inner();
        let mut detector = String::new();
        let mut data = Vec::new();
        while let Some(chunk) = inbound.next().await {
            let chunk = chunk?;
            if detector.is_empty() {
                detector = chunk.detector_id.clone();
            }
            data.extend_from_slice(&chunk.data);
            if data.len() > 64 * 1024 * 1024 {
                return Err(Status::invalid_argument("gas log too large"));
            }
        }
        let mut req = Request::new(StoreRequest { detector_id: detector, data, uploaded_by: who.owner });
        if let Some(at) = deadline {
            let left = at.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Status::deadline_exceeded("deadline passed before archiving"));
            }
            req.set_timeout(left);
        }
        let mut archive = self.archive.clone();
        archive.store(req).await
    }
}
