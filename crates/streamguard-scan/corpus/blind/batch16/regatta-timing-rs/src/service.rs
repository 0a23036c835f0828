use std::pin::Pin;
use std::time::{Duration, Instant};

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Official;
use crate::deadline;
use crate::pb::regatta_timing_server::RegattaTiming;
use crate::pb::{post_message, ExportRequest, PostAck, PostMessage, ResultRow, SplitTime, WatchCourseRequest};

type Boxed<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Timing {
    pub db: PgPool,
    pub federation: reqwest::Client,
    pub federation_url: String,
}

#[tonic::async_trait]
impl RegattaTiming for Timing {
    type WatchCourseStream = ReceiverStream<Result<SplitTime, Status>>;
    type TimingPostStream = Boxed<PostAck>;
    type ExportResultsStream = Boxed<ResultRow>;

    async fn watch_course(&self, request: Request<WatchCourseRequest>) -> Result<Response<Self::WatchCourseStream>, Status> {
        let official = request.extensions().get::<Official>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let regatta = request.into_inner().regatta_id;
        if !official.regattas.contains(&regatta) {
            return Err(Status::permission_denied("regatta not covered"));
        }
        let (tx, rx) = mpsc::channel(64);
        let db = self.db.clone();
        tokio::spawn(async move {
            let mut last_id: i64 = 0;
            loop {
                let rows: Vec<(i64, String, i32, i32, i64)> = match sqlx::query_as(
                    "SELECT id, race_id, lane, marker_m, elapsed_ms FROM splits WHERE regatta_id = $1 AND id > $2 ORDER BY id",
                )
                .bind(&regatta)
                .bind(last_id)
                .fetch_all(&db)
                .await
                {
                    Ok(r) => r,
                    Err(e) => {
                        tracing::warn!(error = %e, "split query failed");
                        tokio::time::sleep(Duration::from_secs(2)).await;
                        continue;
                    }
                };
                for (id, race_id, lane, marker_m, elapsed_ms) in rows {
                    last_id = id;
                    let _ = tx
                        .send(Ok(SplitTime { race_id, lane: lane as u32, marker_m: marker_m as u32, elapsed_ms }))
                        .await;
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn timing_post(&self, request: Request<Streaming<PostMessage>>) -> Result<Response<Self::TimingPostStream>, Status> {
        let official = request.extensions().get::<Official>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if official.role != "timekeeper" {
            return Err(Status::permission_denied("timekeepers only"));
        }
        let mut inbound = request.into_inner();
        let db = self.db.clone();
        let out = async_stream::try_stream! {
            let mut seq: u64 = 0;
            let mut window_start = Instant::now();
            let mut in_window = 0u32;
            let mut joined = false;
            while let Some(msg) = inbound.next().await {
                let msg = msg?;
                if window_start.elapsed() > Duration::from_secs(10) {
                    window_start = Instant::now();
                    in_window = 0;
                }
                in_window += 1;
                if in_window > 200 {
                    Err(Status::resource_exhausted("capture rate exceeded"))?;
                }
                match msg.body {
                    Some(post_message::Body::Hello(h)) => {
                        if !official.covers_race(&h.race_id) {
                            Err(Status::permission_denied("race not assigned to this post"))?;
                        }
                        joined = true;
                        seq += 1;
                        yield PostAck { seq, error: String::new() };
                    }
                    Some(post_message::Body::Capture(c)) => {
                        if !joined {
                            Err(Status::failed_precondition("hello first"))?;
                        }
                        sqlx::query("INSERT INTO splits (race_id, lane, marker_m, elapsed_ms) VALUES ($1, $2, $3, $4)")
                            .bind(&c.race_id)
                            .bind(c.lane as i32)
                            .bind(c.marker_m as i32)
                            .bind(c.elapsed_ms)
                            .execute(&db)
                            .await
                            .map_err(|e| Status::unavailable(e.to_string()))?;
                        seq += 1;
                        yield PostAck { seq, error: String::new() };
                    }
                    None => {}
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn export_results(&self, request: Request<ExportRequest>) -> Result<Response<Self::ExportResultsStream>, Status> {
        let official = request.extensions().get::<Official>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let deadline = deadline::from_metadata(request.metadata());
        let race = request.into_inner().race_id;
        if !official.covers_race(&race) {
            return Err(Status::permission_denied("race not covered"));
        }
        let remaining = deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(10));
        if remaining.is_zero() {
            return Err(Status::deadline_exceeded("deadline passed"));
        }
        let rows: Vec<ResultRow> = self
            .federation
            .get(format!("{}/races/{}/results", self.federation_url, race))
            .timeout(remaining)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .map_err(|e| Status::unavailable(e.to_string()))?
            .json::<Vec<(u32, u32, String, i64)>>()
            .await
            .map_err(|e| Status::internal(e.to_string()))?
            .into_iter()
            .map(|(place, lane, crew, time_ms)| ResultRow { place, lane, crew, time_ms })
            .collect();
        Ok(Response::new(Box::pin(tokio_stream::iter(rows.into_iter().map(Ok)))))
    }
}
