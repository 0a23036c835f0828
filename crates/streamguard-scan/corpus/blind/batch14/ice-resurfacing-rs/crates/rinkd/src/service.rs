use std::pin::Pin;
use std::time::Duration;

use rink_proto::fleet::fleet_server::Fleet;
use rink_proto::fleet::{GetMachineRequest, MachineInstruction, MachineStatus, MachineTelemetry, WatchFleetRequest};
use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;

const MAX_FRAMES_PER_MINUTE: u32 = 120;

pub struct FleetService {
    pub db: PgPool,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

async fn fleet_rows(db: &PgPool, arena: &str) -> Result<Vec<MachineStatus>, sqlx::Error> {
    let rows: Vec<(String, String, f64, f64, f64, String)> = sqlx::query_as(
        "SELECT machine_id, rink_id, battery_pct, water_tank_pct, blade_hours, state FROM machine_status WHERE arena_id = $1",
    )
    .bind(arena)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(machine_id, rink_id, battery_pct, water_tank_pct, blade_hours, state)| MachineStatus {
            machine_id,
            rink_id,
            battery_pct,
            water_tank_pct,
            blade_hours,
            state,
        })
        .collect())
}

#[tonic::async_trait]
impl Fleet for FleetService {
    type WatchFleetStream = Out<MachineStatus>;
    type MachineLinkStream = Out<MachineInstruction>;

    async fn watch_fleet(&self, req: Request<WatchFleetRequest>) -> Result<Response<Self::WatchFleetStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let arena = req.into_inner().arena_id;
        if claims.kind != "manager" || !claims.arenas.contains(&arena) {
            return Err(Status::permission_denied("arena not managed"));
        }
        let (tx, rx) = mpsc::channel(16);
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(4));
            loop {
                tick.tick().await;
                match fleet_rows(&db, &arena).await {
                    Ok(rows) => {
                        for row in rows {
                            let _ = tx.send(Ok(row)).await;
                        }
                    }
                    Err(e) => tracing::warn!(%arena, error = %e, "fleet query failed"),
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn machine_link(
        &self,
        req: Request<Streaming<MachineTelemetry>>,
    ) -> Result<Response<Self::MachineLinkStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if claims.kind != "machine" {
            return Err(Status::permission_denied("machine token required"));
        }
        let machine_id = claims.sub.clone();
        let db = self.db.clone();
        let mut inbound = req.into_inner();

        let out = async_stream::try_stream! {
            let mut window_start = tokio::time::Instant::now();
            let mut frames = 0u32;
            while let Some(t) = inbound.next().await {
                let t = t?;
                if window_start.elapsed() >= Duration::from_secs(60) {
                    window_start = tokio::time::Instant::now();
                    frames = 0;
                }
                frames += 1;
                if frames > MAX_FRAMES_PER_MINUTE {
                    Err(Status::resource_exhausted("telemetry rate exceeded"))?;
                }
                // telemetry is always about the machine the token names
                let next: Option<(String, String)> = sqlx::query_as(
                    "UPDATE machine_status SET battery_pct = $2, water_tank_pct = $3, updated_at = now() \
                     WHERE machine_id = $1 RETURNING next_kind, next_rink",
                )
                .bind(&machine_id)
                .bind(t.battery_pct)
                .bind(t.water_tank_pct)
                .fetch_optional(&db)
                .await
                .map_err(|e| Status::unavailable(e.to_string()))?;
                if let Some((kind, rink_id)) = next {
                    yield MachineInstruction { kind, rink_id };
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn get_machine(&self, req: Request<GetMachineRequest>) -> Result<Response<MachineStatus>, Status> {
        let id = req.into_inner().machine_id;
        let row: (String, f64, f64, f64, String) = sqlx::query_as(
            "SELECT rink_id, battery_pct, water_tank_pct, blade_hours, state FROM machine_status WHERE machine_id = $1",
        )
        .bind(&id)
        .fetch_one(&self.db)
        .await
        .map_err(|_| Status::not_found("machine"))?;
        Ok(Response::new(MachineStatus {
            machine_id: id,
            rink_id: row.0,
            battery_pct: row.1,
            water_tank_pct: row.2,
            blade_hours: row.3,
            state: row.4,
        }))
    }
}
