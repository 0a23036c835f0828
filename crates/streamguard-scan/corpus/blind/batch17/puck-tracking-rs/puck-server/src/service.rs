use std::pin::Pin;
use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Claims;
use crate::deadline;
use crate::pb::rink_server::Rink;
use crate::pb::{official_event::Ev, *};

pub struct RinkService {
    pub db: PgPool,
    pub http: reqwest::Client,
    pub tracker_url: String,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

impl RinkService {
    pub fn new(db: PgPool, tracker_url: String) -> Self {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().expect("client");
        Self { db, http, tracker_url }
    }
}

#[tonic::async_trait]
impl Rink for RinkService {
    type StreamPuckStream = Out<PuckPosition>;
    type OfficialConsoleStream = Out<OfficialAck>;
    type ListShiftsStream = Out<Shift>;

    async fn stream_puck(&self, req: Request<StreamPuckRequest>) -> Result<Response<Self::StreamPuckStream>, Status> {
        let arena = req.get_ref().arena_id.clone();
        let (tx, rx) = mpsc::channel(64);
        let http = self.http.clone();
        let url = format!("{}/arenas/{}/puck", self.tracker_url, arena);
        tokio::spawn(async move {
            loop {
                match http.get(&url).send().await {
                    Ok(resp) => {
                        if let Ok(p) = resp.json::<Vec<(f64, f64, f64, i64)>>().await {
                            for (x, y, speed_kmh, at_unix_ms) in p {
                                let _ = tx.send(Ok(PuckPosition { x, y, speed_kmh, at_unix_ms })).await;
                            }
                        }
                    }
                    Err(e) => eprintln!("tracker {url}: {e}"),
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    async fn official_console(
        &self,
        req: Request<Streaming<OfficialEvent>>,
    ) -> Result<Response<Self::OfficialConsoleStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let dl = deadline::from_metadata(req.metadata());
        let mut inbound = req.into_inner();
        let db = self.db.clone();
        let out = async_stream::try_stream! {
            let mut game: Option<String> = None;
            let mut events_this_period = 0u32;
            while let Some(ev) = inbound.next().await {
                let ev = ev?;
                events_this_period += 1;
                if events_this_period > 200 {
                    Err(Status::resource_exhausted("too many events on this console"))?;
                }
                let status = match ev.ev {
                    Some(Ev::Hello(h)) => {
                        if claims.games.contains(&h.game_id) {
                            game = Some(h.game_id);
                            "OK"
                        } else {
                            "PERMISSION_DENIED"
                        }
                    }
                    Some(Ev::Goal(g)) if game.is_some() => {
                        let q = sqlx::query("INSERT INTO goals (game_id, scorer, period, entered_by) VALUES ($1, $2, $3, $4)")
                            .bind(&g.game_id).bind(&g.scorer).bind(g.period as i32).bind(&claims.sub)
                            .execute(&db);
                        tokio::time::timeout(deadline::remaining(dl, Duration::from_secs(3)), q)
                            .await
                            .map_err(|_| Status::deadline_exceeded("goal insert"))?
                            .map_err(|e| Status::unavailable(e.to_string()))?;
                        "OK"
                    }
                    Some(Ev::Penalty(p)) if game.is_some() => {
                        let q = sqlx::query("INSERT INTO penalties (game_id, player, minutes, entered_by) VALUES ($1, $2, $3, $4)")
                            .bind(&p.game_id).bind(&p.player).bind(p.minutes as i32).bind(&claims.sub)
                            .execute(&db);
                        tokio::time::timeout(deadline::remaining(dl, Duration::from_secs(3)), q)
                            .await
                            .map_err(|_| Status::deadline_exceeded("penalty insert"))?
                            .map_err(|e| Status::unavailable(e.to_string()))?;
                        "OK"
                    }
                    _ => "FAILED_PRECONDITION",
                };
                yield OfficialAck { request_id: ev.request_id, status: status.into() };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn list_shifts(&self, req: Request<ListShiftsRequest>) -> Result<Response<Self::ListShiftsStream>, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let game = req.get_ref().game_id.clone();
        if !claims.games.contains(&game) {
            return Err(Status::permission_denied("game not in token"));
        }
        let dl = deadline::from_metadata(req.metadata());
        let rows: Vec<(String, i32, i32)> = tokio::time::timeout(
            deadline::remaining(dl, Duration::from_secs(5)),
            sqlx::query_as("SELECT player, period, seconds FROM shifts WHERE game_id = $1 ORDER BY period").bind(&game).fetch_all(&self.db),
        )
        .await
        .map_err(|_| Status::deadline_exceeded("shifts query"))?
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let out = tokio_stream::iter(rows.into_iter().map(|(player, period, seconds)| {
            Ok(Shift { player, period: period as u32, seconds: seconds as u32 })
        }));
        Ok(Response::new(Box::pin(out)))
    }
}
