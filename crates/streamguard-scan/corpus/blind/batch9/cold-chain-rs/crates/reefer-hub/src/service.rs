use std::pin::Pin;
use std::time::Duration;

use reefer_proto::reefer_hub_server::ReeferHub;
use reefer_proto::{Container, GetContainerRequest, HubCommand, ReeferFrame, ShipmentUpdate, WatchShipmentRequest};
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::link::{run_link, spawn_heartbeat};
use crate::store::Store;
use crate::tracking::Tracking;

const POLL: Duration = Duration::from_secs(60);

pub struct Hub {
    pub store: Store,
    pub tracking: Tracking,
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl ReeferHub for Hub {
    type ReeferLinkStream = BoxStream<HubCommand>;
    type WatchShipmentStream = BoxStream<ShipmentUpdate>;

    async fn reefer_link(&self, request: Request<Streaming<ReeferFrame>>) -> Result<Response<Self::ReeferLinkStream>, Status> {
        let claims = claims(&request)?;
        if !claims.has_scope("reefer:link") {
            return Err(Status::permission_denied("reefer:link scope required"));
        }
        let (tx, rx) = mpsc::channel(64);
        spawn_heartbeat(self.store.clone(), claims.sub.clone());
        tokio::spawn(run_link(claims, request.into_inner(), tx, self.store.clone()));
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_shipment(&self, request: Request<WatchShipmentRequest>) -> Result<Response<Self::WatchShipmentStream>, Status> {
        let claims = claims(&request)?;
        let booking = request.into_inner().booking_ref;
        if !claims.bookings.iter().any(|b| b == &booking) {
            return Err(Status::permission_denied("booking not in token"));
        }
        let tracking = self.tracking.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(POLL);
            loop {
                tick.tick().await;
                let points = match tracking.latest(&booking).await {
                    Ok(p) => p,
                    Err(e) => {
                        tracing::warn!(error = %e, booking, "tracking unavailable");
                        continue;
                    }
                };
                for p in points {
                    let update = ShipmentUpdate {
                        booking_ref: booking.clone(),
                        container_id: p.container_id,
                        location: p.location,
                        supply_c: p.supply_c,
                        status: p.status,
                        ts: p.ts,
                    };
                    if tx.send(Ok(update)).await.is_err() {
                        return;
                    }
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn get_container(&self, request: Request<GetContainerRequest>) -> Result<Response<Container>, Status> {
        let id = request.into_inner().container_id;
        match self.store.vessel_of(&id).await {
            Ok(Some((imo, sp))) => Ok(Response::new(Container { container_id: id, vessel_imo: imo, setpoint_c: sp })),
            Ok(None) => Err(Status::not_found(format!("no container {id}"))),
            Err(e) => Err(Status::unavailable(e.to_string())),
        }
    }
}
