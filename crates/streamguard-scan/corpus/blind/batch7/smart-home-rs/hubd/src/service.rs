use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::{broadcast, watch};
use tokio_stream::Stream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::devices::Devices;
use crate::pb::bridge::{bridge_client::BridgeClient, SetRequest};
use crate::pb::home::home_server::Home;
use crate::pb::home::*;
use crate::session::{RevokedSet, Session};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct HomeService {
    pub devices: Devices,
    pub bridge: BridgeClient<Channel>,
    pub revoked: watch::Receiver<RevokedSet>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl HomeService {
    pub fn limiter(per_minute: u32) -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(per_minute.max(1)).expect("non-zero"))))
    }

    fn session<T>(&self, req: &Request<T>) -> Result<Session, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        Session::open(claims, self.revoked.clone(), req.metadata())
    }
}

fn result(id: &str, status: &str, message: impl Into<String>) -> ControlResult {
    ControlResult { command_id: id.to_owned(), status: status.to_owned(), message: message.into() }
}

#[tonic::async_trait]
impl Home for HomeService {
    type WatchDevicesStream = Out<DeviceEvent>;

    async fn watch_devices(&self, request: Request<WatchRequest>) -> Result<Response<Self::WatchDevicesStream>, Status> {
        let session = self.session(&request)?;
        let rooms = request.into_inner().rooms;
        let claims = session.claims.clone();
        let mut rx = self.devices.events.subscribe();
        let events = async_stream::stream! {
            loop {
                match rx.recv().await {
                    Ok(ev) => {
                        if !claims.can_see(&ev.room) || (!rooms.is_empty() && !rooms.contains(&ev.room)) { continue; }
                        yield Ok(ev);
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        };
        Ok(Response::new(Box::pin(session.guard(events))))
    }

    type ControlSessionStream = Out<ControlResult>;

    async fn control_session(&self, request: Request<Streaming<ControlCommand>>) -> Result<Response<Self::ControlSessionStream>, Status> {
        let session = self.session(&request)?;
        let claims = session.claims.clone();
        let cancel = session.cancel.clone();
        let caller_deadline = session.caller_deadline();
        let mut inbound = request.into_inner();
        let devices = self.devices.clone();
        let mut bridge = self.bridge.clone();
        let limiter = self.limiter.clone();

        let results = async_stream::try_stream! {
            while let Some(cmd) = inbound.message().await? {
                let Some(dev) = devices.get(&cmd.device_id).await.map_err(|e| Status::unavailable(e.to_string()))? else {
                    yield result(&cmd.command_id, "NOT_FOUND", "no such device");
                    continue;
                };
                if !claims.can_control(&dev.room) {
                    yield result(&cmd.command_id, "PERMISSION_DENIED", "insufficient_scope");
                    continue;
                }
                if limiter.check_key(&claims.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                let mut req = Request::new(SetRequest { ieee: dev.ieee, attribute: cmd.attribute, value: cmd.value });
                let left = caller_deadline
                    .map(|d| d.saturating_duration_since(tokio::time::Instant::now()))
                    .unwrap_or(Duration::from_secs(8));
                req.set_timeout(left);
                let reply = tokio::select! {
                    _ = cancel.cancelled() => break,
                    r = bridge.set_attribute(req) => r?.into_inner(),
                };
                if reply.ok { yield result(&cmd.command_id, "OK", ""); } else { yield result(&cmd.command_id, "FAILED", reply.error); }
            }
        };
        Ok(Response::new(Box::pin(session.guard(results))))
    }

    type ExportHistoryStream = Out<HistoryEntry>;

    async fn export_history(&self, request: Request<HistoryRequest>) -> Result<Response<Self::ExportHistoryStream>, Status> {
        let session = self.session(&request)?;
        let req = request.into_inner();
        let dev = self.devices.get(&req.device_id).await.map_err(|e| Status::unavailable(e.to_string()))?.ok_or_else(|| Status::not_found("device"))?;
        if !session.claims.can_see(&dev.room) {
            return Err(Status::permission_denied("room not visible"));
        }
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT attribute, value, unix_ms FROM history WHERE device_id = ? AND unix_ms BETWEEN ? AND ? ORDER BY unix_ms LIMIT 50000",
        )
        .bind(&req.device_id)
        .bind(req.from_unix_ms)
        .bind(req.to_unix_ms)
        .fetch_all(&self.devices.db)
        .await
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let entries = tokio_stream::iter(rows.into_iter().map(|(attribute, value, unix_ms)| Ok(HistoryEntry { attribute, value, unix_ms })));
        Ok(Response::new(Box::pin(entries)))
    }

    async fn get_device(&self, request: Request<GetDeviceRequest>) -> Result<Response<Device>, Status> {
        let session = self.session(&request)?;
        let dev = self.devices.get(&request.get_ref().device_id).await.map_err(|e| Status::unavailable(e.to_string()))?.ok_or_else(|| Status::not_found("device"))?;
        if !session.claims.can_see(&dev.room) {
            return Err(Status::permission_denied("room not visible"));
        }
        Ok(Response::new(Device { device_id: dev.device_id, name: dev.name, room: dev.room, kind: dev.kind }))
    }
}
