//! The Climate service.

use std::pin::Pin;
use std::sync::Arc;

use async_stream::try_stream;
use futures::{Stream, StreamExt};
use tokio::sync::watch;
use tokio_stream::wrappers::BroadcastStream;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};

use crate::actuators::{incoming_deadline, Actuators};
use crate::auth::Claims;
use crate::guard::guarded;
use crate::limiter::KeyedLimiter;
use crate::pb::climate_server::Climate;
use crate::pb::{ActuatorAck, ActuatorCommand, ApplyRequest, WatchZoneRequest, ZoneReading};
use crate::revocation::Revoked;
use crate::sensors::SensorBus;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

pub struct ClimateService {
    pub sensors: SensorBus,
    pub actuators: Actuators,
    pub limiter: KeyedLimiter,
    pub revoked: watch::Receiver<Arc<Revoked>>,
}

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl Climate for ClimateService {
    type WatchZoneStream = Boxed<ZoneReading>;

    async fn watch_zone(&self, request: Request<WatchZoneRequest>) -> Result<Response<Self::WatchZoneStream>, Status> {
        let claims = claims(&request)?;
        let zone = request.into_inner().zone_id;
        if !claims.covers(&zone) {
            return Err(Status::permission_denied(format!("zone {zone} not in token")));
        }
        let readings = BroadcastStream::new(self.sensors.subscribe(&zone)).filter_map(|r| async move { r.ok().map(Ok) });
        Ok(Response::new(Box::pin(guarded(claims, self.revoked.clone(), readings))))
    }

    type ControlLoopStream = Boxed<ActuatorAck>;

    async fn control_loop(&self, request: Request<Streaming<ActuatorCommand>>) -> Result<Response<Self::ControlLoopStream>, Status> {
        let claims = claims(&request)?;
        if !claims.control {
            return Err(Status::permission_denied("control scope required"));
        }
        let deadline = incoming_deadline(request.metadata());
        let mut commands = request.into_inner();
        let actuators = self.actuators.clone();
        let limiter = self.limiter.clone();
        let who = claims.clone();

        // Cancelled when the response stream is dropped (client cancel or disconnect).
        let cancel = CancellationToken::new();
        let drop_guard = cancel.clone().drop_guard();

        let acks = try_stream! {
            let _drop_guard = drop_guard;
            while let Some(cmd) = commands.next().await {
                let cmd = cmd?;
                if limiter.check_key(&who.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !who.covers(&cmd.zone_id) {
                    yield ActuatorAck { command_id: cmd.command_id, ok: false, detail: "PERMISSION_DENIED".into() };
                    continue;
                }
                let apply = actuators.apply(deadline, ApplyRequest {
                    zone_id: cmd.zone_id.clone(),
                    actuator: cmd.actuator.clone(),
                    value: cmd.value,
                    operator: who.sub.clone(),
                });
                let reply = tokio::select! {
                    r = apply => r?,
                    _ = cancel.cancelled() => Err(Status::cancelled("stream cancelled"))?,
                };
                yield ActuatorAck { command_id: cmd.command_id, ok: reply.ok, detail: reply.detail };
            }
        };
        Ok(Response::new(Box::pin(guarded(claims, self.revoked.clone(), acks))))
    }
}
