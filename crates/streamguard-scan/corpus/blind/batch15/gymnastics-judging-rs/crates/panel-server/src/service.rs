use std::pin::Pin;
use std::time::Duration;

use async_stream::try_stream;
use judging_proto::judging_server::Judging;
use judging_proto::{
    panel_message::Body, ListRoutinesRequest, PanelEvent, PanelMessage, Routine, ScoreboardRow,
    WatchScoreboardRequest,
};
use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::JudgeClaims;
use crate::{db, deadline};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

const MAX_SCORES_PER_MINUTE: u32 = 60;

pub struct JudgingService {
    pub pool: PgPool,
}

fn claims<T>(req: &Request<T>) -> Result<JudgeClaims, Status> {
    req.extensions().get::<JudgeClaims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))
}

#[tonic::async_trait]
impl Judging for JudgingService {
    type JudgePanelStream = ReceiverStream<Result<PanelEvent, Status>>;
    type WatchScoreboardStream = Out<ScoreboardRow>;
    type ListRoutinesStream = Out<Routine>;

    async fn judge_panel(
        &self,
        request: Request<Streaming<PanelMessage>>,
    ) -> Result<Response<Self::JudgePanelStream>, Status> {
        let judge = claims(&request)?;
        let call_deadline = deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(32);
        let pool = self.pool.clone();

        // Keep the panel tablet's connection indicator green.
        let beat = tx.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(5));
            loop {
                every.tick().await;
                let _ = beat
                    .send(Ok(PanelEvent { routine_id: String::new(), accepted: true, message: "heartbeat".into() }))
                    .await;
            }
        });

        tokio::spawn(async move {
            let mut seated = false;
            let mut window_start = tokio::time::Instant::now();
            let mut in_window = 0u32;
            while let Some(msg) = inbound.next().await {
                let msg = match msg {
                    Ok(m) => m,
                    Err(_) => break,
                };
                if window_start.elapsed() > Duration::from_secs(60) {
                    window_start = tokio::time::Instant::now();
                    in_window = 0;
                }
                in_window += 1;
                if in_window > MAX_SCORES_PER_MINUTE {
                    let _ = tx.send(Err(Status::resource_exhausted("too many scores"))).await;
                    break;
                }
                let event = match msg.body {
                    Some(Body::Hello(h)) => {
                        if judge.role != "judge" || !judge.sits_on(&h.competition_id, &h.apparatus) {
                            let _ = tx.send(Err(Status::permission_denied("not on this panel"))).await;
                            break;
                        }
                        seated = true;
                        PanelEvent { routine_id: String::new(), accepted: true, message: format!("seated {}", h.judge_seat) }
                    }
                    Some(Body::Score(s)) if seated => {
                        let budget = deadline::remaining(call_deadline, Duration::from_secs(3));
                        let res = tokio::time::timeout(
                            budget,
                            db::record_score(&pool, &judge.sub, &s.routine_id, &s.apparatus, s.d_score, s.e_deductions, s.neutral_deductions),
                        )
                        .await;
                        match res {
                            Ok(Ok(())) => PanelEvent { routine_id: s.routine_id, accepted: true, message: String::new() },
                            Ok(Err(e)) => PanelEvent { routine_id: s.routine_id, accepted: false, message: e.to_string() },
                            Err(_) => PanelEvent { routine_id: s.routine_id, accepted: false, message: "deadline".into() },
                        }
                    }
                    Some(Body::Inquiry(i)) if seated => {
                        PanelEvent { routine_id: i.routine_id, accepted: true, message: "inquiry logged".into() }
                    }
                    _ => PanelEvent { routine_id: String::new(), accepted: false, message: "say hello first".into() },
                };
                if tx.send(Ok(event)).await.is_err() {
                    break;
                }
            }
        });

        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn watch_scoreboard(
        &self,
        request: Request<WatchScoreboardRequest>,
    ) -> Result<Response<Self::WatchScoreboardStream>, Status> {
        let viewer = claims(&request)?;
        if viewer.role != "screen" && viewer.role != "broadcaster" && viewer.role != "judge" {
            return Err(Status::permission_denied("no scoreboard access"));
        }
        let competition = request.into_inner().competition_id;
        let pool = self.pool.clone();
        let out = try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(2));
            loop {
                tick.tick().await;
                let rows = db::scoreboard(&pool, &competition)
                    .await
                    .map_err(|e| Status::unavailable(e.to_string()))?;
                for r in rows {
                    yield ScoreboardRow { gymnast: r.gymnast, apparatus: r.apparatus, total: r.total, rank: r.rank as u32 };
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn list_routines(
        &self,
        request: Request<ListRoutinesRequest>,
    ) -> Result<Response<Self::ListRoutinesStream>, Status> {
        let _ = claims(&request)?;
        let budget = deadline::remaining(deadline::from_metadata(request.metadata()), Duration::from_secs(10));
        let req = request.into_inner();
        let rows: Vec<(String, String, String, i32)> = tokio::time::timeout(
            budget,
            sqlx::query_as(
                "SELECT routine_id, gymnast, apparatus, start_order FROM routines
                  WHERE competition_id = $1 AND session = $2 ORDER BY start_order",
            )
            .bind(&req.competition_id)
            .bind(&req.session)
            .fetch_all(&self.pool),
        )
        .await
        .map_err(|_| Status::deadline_exceeded("routines query"))?
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let items = rows.into_iter().map(|(routine_id, gymnast, apparatus, order)| {
            Ok(Routine { routine_id, gymnast, apparatus, order: order as u32 })
        });
        Ok(Response::new(Box::pin(tokio_stream::iter(items))))
    }
}
