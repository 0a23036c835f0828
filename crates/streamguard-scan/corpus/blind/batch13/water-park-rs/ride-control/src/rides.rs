use std::pin::Pin;
use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::pb::rides_server::Rides;
use crate::pb::ride_telemetry::Kind;
use crate::pb::{Incident, ListIncidentsRequest, QueueStatus, RideCommand, RideTelemetry, WatchQueueRequest};
use crate::plc::PlcClient;
use crate::ticketing_pb::{ticketing_client::TicketingClient, QueueLengthRequest};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

const MAX_DISPATCHES_PER_MIN: u32 = 6;

pub struct RideService {
    pub db: PgPool,
    pub plc: PlcClient,
    pub ticketing: TicketingClient<tonic::transport::Channel>,
}

#[tonic::async_trait]
impl Rides for RideService {
    type RideLinkStream = Out<RideCommand>;
    type WatchQueueStream = Out<QueueStatus>;
    type ListIncidentsStream = Out<Incident>;

    async fn ride_link(&self, req: Request<Streaming<RideTelemetry>>) -> Result<Response<Self::RideLinkStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if !claims.has_scope("rides:operate") {
            return Err(Status::permission_denied("rides:operate required"));
        }
        let mut inbound = req.into_inner();
        let (tx, rx) = mpsc::channel(32);
        let plc = self.plc.clone();

        tokio::spawn(async move {
            let first = match inbound.next().await {
                Some(Ok(RideTelemetry { kind: Some(Kind::Hello(h)) })) => h,
                _ => {
                    let _ = tx.send(Err(Status::failed_precondition("hello first"))).await;
                    return;
                }
            };
            if !claims.operates(&first.ride_id) {
                let _ = tx.send(Err(Status::permission_denied("ride not assigned"))).await;
                return;
            }

            // keep the PLC's operator-present watchdog fed
            let hb_plc = plc.clone();
            let hb_ride = first.ride_id.clone();
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(2));
                loop {
                    tick.tick().await;
                    let _ = hb_plc.heartbeat(&hb_ride).await;
                }
            });

            let mut window_start = tokio::time::Instant::now();
            let mut dispatches = 0u32;
            while let Some(Ok(msg)) = inbound.next().await {
                match msg.kind {
                    Some(Kind::Dispatch(d)) => {
                        if window_start.elapsed() > Duration::from_secs(60) {
                            window_start = tokio::time::Instant::now();
                            dispatches = 0;
                        }
                        dispatches += 1;
                        if dispatches > MAX_DISPATCHES_PER_MIN {
                            let _ = tx.send(Err(Status::resource_exhausted("dispatch rate"))).await;
                            return;
                        }
                        let action = match plc.dispatch(&d.ride_id, d.riders).await {
                            Ok(()) => "DISPATCHED",
                            Err(_) => "HOLD",
                        };
                        let _ = tx.send(Ok(RideCommand { ride_id: d.ride_id, action: action.into() })).await;
                    }
                    Some(Kind::Reading(r)) => {
                        if r.flow_l_s < 5.0 {
                            let _ = tx.send(Ok(RideCommand { ride_id: r.ride_id, action: "STOP_LOW_FLOW".into() })).await;
                        }
                    }
                    _ => {}
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_queue(&self, req: Request<WatchQueueRequest>) -> Result<Response<Self::WatchQueueStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if !claims.has_scope("queue:read") {
            return Err(Status::permission_denied("queue:read required"));
        }
        let ride_id = req.into_inner().ride_id;
        let mut ticketing = self.ticketing.clone();
        let stream = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(10));
            loop {
                tick.tick().await;
                let reply = ticketing
                    .queue_length(Request::new(QueueLengthRequest { ride_id: ride_id.clone() }))
                    .await?
                    .into_inner();
                let wait = if reply.throughput_per_hour == 0 { 0 } else { reply.waiting * 60 / reply.throughput_per_hour };
                yield QueueStatus {
                    ride_id: ride_id.clone(),
                    waiting: reply.waiting,
                    wait_minutes: wait,
                    unix_ms: chrono_ms(),
                };
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }

    async fn list_incidents(&self, req: Request<ListIncidentsRequest>) -> Result<Response<Self::ListIncidentsStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if !claims.has_scope("incidents:read") {
            return Err(Status::permission_denied("incidents:read required"));
        }
        let budget = crate::deadline::remaining(req.metadata()).unwrap_or(Duration::from_secs(15));
        let day = req.into_inner().day;
        let rows = tokio::time::timeout(
            budget,
            sqlx::query_as::<_, (String, String, String, i64)>(
                "SELECT ride_id, kind, note, (extract(epoch from at)*1000)::bigint FROM incidents WHERE at::date = $1::date ORDER BY at",
            )
            .bind(day)
            .fetch_all(&self.db),
        )
        .await
        .map_err(|_| Status::deadline_exceeded("incident query"))?
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let out = rows
            .into_iter()
            .filter(|r| claims.operates(&r.0))
            .map(|(ride_id, kind, note, unix_ms)| Ok(Incident { ride_id, kind, note, unix_ms }));
        Ok(Response::new(Box::pin(tokio_stream::iter(out.collect::<Vec<_>>()))))
    }
}

fn chrono_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}
