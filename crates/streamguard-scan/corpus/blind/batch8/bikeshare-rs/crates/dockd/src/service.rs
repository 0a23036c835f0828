use std::pin::Pin;
use std::time::{Duration, Instant};

use dock_proto::pb::docks_server::Docks;
use dock_proto::pb::van_routing_client::VanRoutingClient;
use dock_proto::pb::*;
use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::guard::{guarded, Revocations};
use crate::identity::Identity;
use crate::limits::DockLimiter;
use crate::stations::Stations;

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

pub struct DocksService {
    pub db: PgPool,
    pub stations: Stations,
    pub revocations: Revocations,
    pub limiter: DockLimiter,
    pub routing: VanRoutingClient<Channel>,
}

fn identity<T>(req: &Request<T>) -> Result<Identity, Status> {
    req.extensions().get::<Identity>().cloned().ok_or_else(|| Status::unauthenticated("no identity"))
}

fn caller_deadline<T>(req: &Request<T>) -> Option<Instant> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let n: u64 = v.get(..v.len().checked_sub(1)?)?.parse().ok()?;
    let d = match v.chars().last()? {
        'S' => Duration::from_secs(n),
        'm' => Duration::from_millis(n),
        'M' => Duration::from_secs(n * 60),
        _ => return None,
    };
    Some(Instant::now() + d)
}

#[tonic::async_trait]
impl Docks for DocksService {
    type DockLinkStream = Boxed<DockCommand>;

    async fn dock_link(&self, request: Request<Streaming<DockTelemetry>>) -> Result<Response<Self::DockLinkStream>, Status> {
        let id = identity(&request)?;
        if id.kind != "dock" {
            return Err(Status::permission_denied("dock token required"));
        }
        let station = id.station_id.clone().ok_or_else(|| Status::permission_denied("token names no station"))?;
        let mut inbound = request.into_inner();
        let stations = self.stations.clone();
        let limiter = self.limiter.clone();
        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            while let Some(Ok(t)) = inbound.next().await {
                if !limiter.check(&station) {
                    continue;
                }
                // Events are attributed to the station named by the dock's token.
                stations.apply(&station, &t).await;
                if t.event == "fault" {
                    let cmd = DockCommand { command: "lock_slot".into(), slot: t.slot, reason: "fault reported".into() };
                    if tx.send(Ok(cmd)).await.is_err() {
                        break;
                    }
                }
            }
        });
        Ok(Response::new(guarded(ReceiverStream::new(rx), id, &self.revocations)))
    }

    type WatchStationStream = Boxed<StationStatus>;

    async fn watch_station(&self, request: Request<WatchStationRequest>) -> Result<Response<Self::WatchStationStream>, Status> {
        let id = identity(&request)?;
        let station_id = request.into_inner().station_id;
        let mut updates = self.stations.subscribe(&station_id).await.ok_or_else(|| Status::not_found("no such station"))?;
        let stream = async_stream::stream! {
            while updates.changed().await.is_ok() {
                let status = updates.borrow().clone();
                yield Ok(status);
            }
        };
        Ok(Response::new(guarded(stream, id, &self.revocations)))
    }

    type RebalanceDeskStream = Boxed<RebalanceEvent>;

    async fn rebalance_desk(&self, request: Request<Streaming<RebalanceOrder>>) -> Result<Response<Self::RebalanceDeskStream>, Status> {
        let id = identity(&request)?;
        if id.kind != "ops" {
            return Err(Status::permission_denied("ops token required"));
        }
        let mut inbound = request.into_inner();
        let mut routing = self.routing.clone();
        let db = self.db.clone();
        let stream = async_stream::try_stream! {
            let mut shift_region: Option<String> = None;
            while let Some(order) = inbound.next().await {
                let order = order?;
                if order.kind == "open_shift" {
                    if !id.regions.contains(&order.region) {
                        Err(Status::permission_denied(format!("region {} is not yours", order.region)))?;
                    }
                    shift_region = Some(order.region.clone());
                    yield RebalanceEvent { request_id: order.request_id, status: "OK".into(), ..Default::default() };
                    continue;
                }
                if shift_region.is_none() {
                    Err(Status::failed_precondition("open a shift first"))?;
                }
                let plan = routing
                    .plan_route(Request::new(PlanRouteRequest {
                        van_id: order.van_id.clone(),
                        from_station: order.from_station.clone(),
                        to_station: order.to_station.clone(),
                        bikes: order.bikes,
                    }))
                    .await?
                    .into_inner();
                sqlx::query("INSERT INTO rebalance_jobs (van_id, from_station, to_station, bikes, dispatcher) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&order.van_id)
                    .bind(&order.from_station)
                    .bind(&order.to_station)
                    .bind(order.bikes as i32)
                    .bind(&id.sub)
                    .execute(&db)
                    .await
                    .map_err(|e| Status::unavailable(format!("jobs db: {e}")))?;
                yield RebalanceEvent { request_id: order.request_id, status: "DISPATCHED".into(), route_json: plan.route_json, error: String::new() };
            }
        };
        Ok(Response::new(guarded(stream, id, &self.revocations)))
    }

    type ExportTripsStream = Boxed<Trip>;

    async fn export_trips(&self, request: Request<ExportTripsRequest>) -> Result<Response<Self::ExportTripsStream>, Status> {
        let id = identity(&request)?;
        if id.kind != "ops" {
            return Err(Status::permission_denied("ops token required"));
        }
        let deadline = caller_deadline(&request);
        let date = request.into_inner().date;
        let db = self.db.clone();
        let stream = async_stream::try_stream! {
            let mut tx = db.begin().await.map_err(|e| Status::unavailable(e.to_string()))?;
            if let Some(d) = deadline {
                let ms = d.saturating_duration_since(Instant::now()).as_millis().max(1);
                sqlx::query(&format!("SET LOCAL statement_timeout = {ms}")).execute(&mut *tx).await.map_err(|e| Status::unavailable(e.to_string()))?;
            }
            let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
                "SELECT trip_id, from_station, to_station, started_ms, ended_ms FROM trips WHERE trip_date = $1::date ORDER BY started_ms",
            )
            .bind(&date)
            .fetch_all(&mut *tx)
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
            for (trip_id, from_station, to_station, started_ms, ended_ms) in rows {
                yield Trip { trip_id, from_station, to_station, started_ms, ended_ms };
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }
}
