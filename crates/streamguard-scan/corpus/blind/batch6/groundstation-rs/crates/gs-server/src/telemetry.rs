//! The Telemetry service.

use std::pin::Pin;

use async_stream::try_stream;
use gs_proto::v1::telemetry_server::Telemetry;
use gs_proto::v1::{
    uplink_message::Msg, Pass, PassScheduleRequest, SubscribeRequest, TelemetryFrame, UplinkAck, UplinkMessage,
};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tracing::{info, warn};

use crate::auth::OperatorClaims;
use crate::bus::FrameBus;
use crate::orbits::Propagator;
use crate::router::Router;

/// Commands one console may send per minute (operator fat-finger guard).
const MAX_COMMANDS_PER_MINUTE: u32 = 30;

pub struct TelemetryService {
    pub bus: FrameBus,
    pub router: Router,
    pub orbits: Propagator,
}

fn claims<T>(req: &Request<T>) -> Result<OperatorClaims, Status> {
    req.extensions()
        .get::<OperatorClaims>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("no operator claims"))
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl Telemetry for TelemetryService {
    type SubscribeTelemetryStream = ReceiverStream<Result<TelemetryFrame, Status>>;

    async fn subscribe_telemetry(
        &self,
        request: Request<SubscribeRequest>,
    ) -> Result<Response<Self::SubscribeTelemetryStream>, Status> {
        let claims = claims(&request)?;
        let req = request.into_inner();
        if !claims.may_access(&req.spacecraft_id) {
            return Err(Status::permission_denied(format!("no access to {}", req.spacecraft_id)));
        }
        let mut frames = self.bus.subscribe(&req.spacecraft_id);
        let subsystems = req.subsystems;
        let (tx, rx) = mpsc::channel(256);
        tokio::spawn(async move {
            loop {
                match frames.recv().await {
                    Ok(frame) => {
                        if !subsystems.is_empty() && !subsystems.contains(&frame.subsystem) {
                            continue;
                        }
                        if tx.send(Ok(frame)).await.is_err() {
                            break; // console went away
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        warn!(skipped = n, "telemetry subscriber lagging");
                    }
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    type UplinkSessionStream = BoxStream<UplinkAck>;

    async fn uplink_session(
        &self,
        request: Request<Streaming<UplinkMessage>>,
    ) -> Result<Response<Self::UplinkSessionStream>, Status> {
        let claims = claims(&request)?;
        if !claims.may_command() {
            return Err(Status::permission_denied("flight controllers only"));
        }
        let mut inbound = request.into_inner();
        let router = self.router.clone();

        let out = try_stream! {
            let mut selected: Option<String> = None;
            let mut window_start = tokio::time::Instant::now();
            let mut commands_this_minute = 0u32;

            while let Some(msg) = inbound.next().await {
                let msg = msg?;
                match msg.msg {
                    Some(Msg::Select(sel)) => {
                        if !claims.may_access(&sel.spacecraft_id) {
                            Err(Status::permission_denied(format!("no access to {}", sel.spacecraft_id)))?;
                        }
                        info!(operator = %claims.sub, spacecraft = %sel.spacecraft_id, "uplink session selected");
                        selected = Some(sel.spacecraft_id);
                    }
                    Some(Msg::Command(cmd)) => {
                        if selected.is_none() {
                            yield UplinkAck { command_id: cmd.command_id, accepted: false, detail: "select a spacecraft first".into() };
                            continue;
                        }
                        if window_start.elapsed().as_secs() >= 60 {
                            window_start = tokio::time::Instant::now();
                            commands_this_minute = 0;
                        }
                        commands_this_minute += 1;
                        if commands_this_minute > MAX_COMMANDS_PER_MINUTE {
                            yield UplinkAck { command_id: cmd.command_id, accepted: false, detail: "command rate exceeded".into() };
                            continue;
                        }
                        let reply = router.enqueue(&claims.sub, &cmd).await?;
                        yield UplinkAck { command_id: cmd.command_id, accepted: reply.queued, detail: reply.detail };
                    }
                    None => {}
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    type PassScheduleStream = BoxStream<Pass>;

    async fn pass_schedule(
        &self,
        request: Request<PassScheduleRequest>,
    ) -> Result<Response<Self::PassScheduleStream>, Status> {
        let claims = claims(&request)?;
        let req = request.into_inner();
        if !claims.may_access(&req.spacecraft_id) {
            return Err(Status::permission_denied("no access"));
        }
        let hours = req.hours.clamp(1, 72);
        let passes = self
            .orbits
            .passes(&req.spacecraft_id, hours)
            .map_err(|e| Status::not_found(e.to_string()))?;
        Ok(Response::new(Box::pin(tokio_stream::iter(passes.into_iter().map(Ok)))))
    }
}
