use std::pin::Pin;
use std::time::Duration;

use locks_proto::v1::door_locks_server::DoorLocks;
use locks_proto::v1::{lock_frame::Body, DoorEvent, ExportAuditRequest, LockCommand, LockFrame, WatchDoorEventsRequest};
use sqlx::PgPool;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::doors::Doors;
use crate::pms::Pms;

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

pub struct LockService {
    pub doors: Doors,
    pub pms: Pms,
    pub db: PgPool,
    pub events: broadcast::Sender<DoorEvent>,
}

fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

fn grpc_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        _ => Duration::from_nanos(n),
    })
}

/// Every 30 s, pushes the floor's revoked keycards (checked-out guests, lost cards) to the controller.
async fn sync_keycards(pms: Pms, floor: u32, tx: mpsc::Sender<Result<LockCommand, Status>>) {
    let mut every = tokio::time::interval(Duration::from_secs(30));
    loop {
        every.tick().await;
        match pms.revoked_keycards(floor).await {
            Ok(keycards) if !keycards.is_empty() => {
                let _ = tx
                    .send(Ok(LockCommand {
                        command_id: format!("sync-{floor}-{}", chrono_ms()),
                        door_id: String::new(),
                        action: "revoke_keycards".into(),
                        keycards,
                    }))
                    .await;
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(floor, error = %e, "keycard sync failed"),
        }
    }
}

fn chrono_ms() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_millis()
}

#[tonic::async_trait]
impl DoorLocks for LockService {
    type LockLinkStream = BoxStream<LockCommand>;
    type WatchDoorEventsStream = BoxStream<DoorEvent>;
    type ExportAuditStream = BoxStream<DoorEvent>;

    async fn lock_link(&self, request: Request<Streaming<LockFrame>>) -> Result<Response<Self::LockLinkStream>, Status> {
        let claims = claims(&request)?;
        if claims.role != "controller" || claims.floors.len() != 1 {
            return Err(Status::permission_denied("floor controllers only"));
        }
        let floor = claims.floors[0];
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(64);

        tokio::spawn(sync_keycards(self.pms.clone(), floor, tx.clone()));

        let doors = self.doors.clone();
        let pms = self.pms.clone();
        let events = self.events.clone();
        tokio::spawn(async move {
            while let Some(frame) = inbound.next().await {
                let frame = match frame {
                    Ok(f) => f,
                    Err(_) => break,
                };
                match frame.body {
                    Some(Body::Event(mut ev)) => {
                        // every event must be for a door of the controller's own floor
                        match doors.floor(&ev.door_id) {
                            Some(f) if claims.floor_allowed(f) => ev.floor = f,
                            _ => {
                                let _ = tx.send(Err(Status::permission_denied("door not on this floor"))).await;
                                continue;
                            }
                        }
                        let _ = events.send(ev.clone());
                        if let Err(e) = pms.report(ev).await {
                            tracing::warn!(error = %e, "pms report failed");
                        }
                    }
                    Some(Body::Result(r)) => tracing::debug!(command = %r.command_id, ok = r.ok, "command result"),
                    None => {}
                }
            }
        });

        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn watch_door_events(
        &self,
        request: Request<WatchDoorEventsRequest>,
    ) -> Result<Response<Self::WatchDoorEventsStream>, Status> {
        let claims = claims(&request)?;
        if claims.role != "security" && claims.role != "front-desk" {
            return Err(Status::permission_denied("staff only"));
        }
        let floors: Vec<u32> =
            request.into_inner().floors.into_iter().filter(|f| claims.floor_allowed(*f)).collect();
        let mut rx = self.events.subscribe();
        let stream = async_stream::try_stream! {
            loop {
                match rx.recv().await {
                    Ok(ev) if floors.is_empty() || floors.contains(&ev.floor) => yield ev,
                    Ok(_) => {}
                    Err(broadcast::error::RecvError::Lagged(n)) => tracing::warn!(n, "watcher lagged"),
                    Err(broadcast::error::RecvError::Closed) => break,
                }
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }

    async fn export_audit(&self, request: Request<ExportAuditRequest>) -> Result<Response<Self::ExportAuditStream>, Status> {
        let claims = claims(&request)?;
        if claims.role != "security" {
            return Err(Status::permission_denied("security only"));
        }
        let budget = grpc_timeout(&request).unwrap_or(Duration::from_secs(30));
        let req = request.into_inner();
        let floor = self.doors.floor(&req.door_id).ok_or_else(|| Status::not_found("door"))?;
        if !claims.floor_allowed(floor) {
            return Err(Status::permission_denied("floor"));
        }
        let query = sqlx::query_as::<_, (String, String, String, i64)>(
            "select door_id, kind, keycard, (extract(epoch from at) * 1000)::bigint from door_events \
             where door_id = $1 and at between to_timestamp($2 / 1000.0) and to_timestamp($3 / 1000.0) order by at",
        )
        .bind(&req.door_id)
        .bind(req.from_unix_ms)
        .bind(req.to_unix_ms)
        .fetch_all(&self.db);
        let rows = tokio::time::timeout(budget, query)
            .await
            .map_err(|_| Status::deadline_exceeded("audit query"))?
            .map_err(|_| Status::unavailable("audit store"))?;
        let out = rows.into_iter().map(move |(door_id, kind, keycard, unix_ms)| {
            Ok(DoorEvent { door_id, kind, keycard, unix_ms, floor })
        });
        Ok(Response::new(Box::pin(tokio_stream::iter(out))))
    }
}
