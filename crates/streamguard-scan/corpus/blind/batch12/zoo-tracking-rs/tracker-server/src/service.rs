use std::pin::Pin;
use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{transport::Channel, Request, Response, Status, Streaming};

use crate::auth::Keeper;
use crate::deadline;
use crate::pb::tracking_server::Tracking;
use crate::pb::{AnimalPosition, CollarFix, KeeperAction, KeeperReply, UplinkSummary, WatchEnclosureRequest};
use crate::vet::vet_records_client::VetRecordsClient;
use crate::vet::NoteRequest;

const MAX_FIXES: u32 = 10_000;

pub struct TrackingService {
    pub db: PgPool,
    pub vet: VetRecordsClient<Channel>,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn keeper<T>(req: &Request<T>) -> Result<Keeper, Status> {
    req.extensions().get::<Keeper>().cloned().ok_or_else(|| Status::unauthenticated("no keeper"))
}

#[tonic::async_trait]
impl Tracking for TrackingService {
    type WatchEnclosureStream = Out<AnimalPosition>;
    type KeeperSessionStream = Out<KeeperReply>;

    async fn watch_enclosure(
        &self,
        req: Request<WatchEnclosureRequest>,
    ) -> Result<Response<Self::WatchEnclosureStream>, Status> {
        let k = keeper(&req)?;
        let enclosure = req.into_inner().enclosure_id;
        if !k.has_enclosure(&enclosure) {
            return Err(Status::permission_denied("enclosure not assigned"));
        }
        let (tx, rx) = mpsc::channel(64);
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(2));
            loop {
                tick.tick().await;
                let rows = sqlx::query_as::<_, (String, f64, f64, f64, i64)>(
                    "SELECT animal_id, x_m, y_m, heart_bpm, at_ms FROM latest_positions WHERE enclosure_id = $1",
                )
                .bind(&enclosure)
                .fetch_all(&db)
                .await;
                match rows {
                    Ok(rows) => {
                        for (animal_id, x_m, y_m, heart_bpm, at_ms) in rows {
                            let _ = tx.send(Ok(AnimalPosition { animal_id, x_m, y_m, heart_bpm, at_ms })).await;
                        }
                    }
                    Err(e) => eprintln!("positions query failed: {e}"),
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn collar_uplink(&self, req: Request<Streaming<CollarFix>>) -> Result<Response<UplinkSummary>, Status> {
        let k = keeper(&req)?;
        let dl = deadline::from_metadata(req.metadata());
        let mut fixes = req.into_inner();
        let mut stored = 0u32;
        while let Some(fix) = fixes.next().await {
            let fix = fix?;
            if !k.collars.iter().any(|c| c == &fix.collar_id) {
                return Err(Status::permission_denied("collar not bound to this gateway token"));
            }
            if stored >= MAX_FIXES {
                return Err(Status::resource_exhausted("too many fixes in one upload"));
            }
            let insert = sqlx::query("INSERT INTO fixes (collar_id, lat, lng, heart_bpm, at_ms) VALUES ($1, $2, $3, $4, $5)")
                .bind(&fix.collar_id)
                .bind(fix.lat)
                .bind(fix.lng)
                .bind(fix.heart_bpm)
                .bind(fix.at_ms)
                .execute(&self.db);
            tokio::time::timeout(deadline::remaining(dl, Duration::from_secs(10)), insert)
                .await
                .map_err(|_| Status::deadline_exceeded("deadline exceeded"))?
                .map_err(|e| Status::unavailable(e.to_string()))?;
            stored += 1;
        }
        Ok(Response::new(UplinkSummary { stored }))
    }

    async fn keeper_session(
        &self,
        req: Request<Streaming<KeeperAction>>,
    ) -> Result<Response<Self::KeeperSessionStream>, Status> {
        let k = keeper(&req)?;
        let mut actions = req.into_inner();
        let mut vet = self.vet.clone();
        let db = self.db.clone();
        let out = async_stream::try_stream! {
            while let Some(action) = actions.next().await {
                let action = action?;
                // The animal must live in an enclosure assigned to this keeper.
                let home: Option<String> = sqlx::query_scalar("SELECT enclosure_id FROM animals WHERE animal_id = $1")
                    .bind(&action.animal_id)
                    .fetch_optional(&db)
                    .await
                    .map_err(|e| Status::unavailable(e.to_string()))?;
                if !home.as_deref().map_or(false, |e| k.has_enclosure(e)) {
                    yield KeeperReply { request_id: action.request_id, ok: false, detail: "PERMISSION_DENIED".into() };
                    continue;
                }
                let reply = vet
                    .append_note(Request::new(NoteRequest {
                        animal_id: action.animal_id.clone(),
                        kind: action.kind.clone(),
                        note: action.note.clone(),
                        keeper: k.sub.clone(),
                    }))
                    .await;
                yield match reply {
                    Ok(r) => KeeperReply { request_id: action.request_id, ok: true, detail: r.into_inner().note_id },
                    Err(s) => KeeperReply { request_id: action.request_id, ok: false, detail: s.message().to_string() },
                };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
