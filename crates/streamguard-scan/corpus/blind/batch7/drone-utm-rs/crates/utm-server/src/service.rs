//! utm.v1.Utm implementation.

use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio::time::{interval, sleep_until, Instant};
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};
use tracing::{info, warn};

use utm_proto::clearance::{clearances_client::ClearancesClient, GrantRequest, RevokeRequest};
use utm_proto::notam::{notams_client::NotamsClient, NotamQuery};
use utm_proto::utm::utm_server::Utm;
use utm_proto::utm::{
    desk_request::Op, AirspaceAlert, AirspaceRequest, DeskReply, DeskRequest, Flight, GetFlightRequest,
    TelemetryReport, TelemetrySummary,
};

use crate::auth::claims;
use crate::deadline::CallerDeadline;
use crate::revocation::{RevocationFeed, Revoked};
use crate::tracker::Tracker;

const MAX_REPORTS_PER_SEC: u32 = 10;
const NOTAM_POLL: Duration = Duration::from_secs(10);

pub struct UtmService {
    pub db: PgPool,
    pub notams: NotamsClient<Channel>,
    pub clearances: ClearancesClient<Channel>,
    pub tracker: Tracker,
    pub revocations: RevocationFeed,
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

fn deny(request_id: &str, msg: &str) -> DeskReply {
    DeskReply { request_id: request_id.to_owned(), status: "PERMISSION_DENIED".into(), clearance_id: String::new(), message: msg.into() }
}

#[tonic::async_trait]
impl Utm for UtmService {
    async fn flight_telemetry(
        &self,
        request: Request<Streaming<TelemetryReport>>,
    ) -> Result<Response<TelemetrySummary>, Status> {
        let claims = claims(&request)?;
        let drone = match (claims.role.as_str(), claims.drone_id) {
            ("drone", Some(id)) => id,
            _ => return Err(Status::permission_denied("drone token required")),
        };
        let mut inbound = request.into_inner();
        let (mut reports, mut dropped) = (0u64, 0u64);
        let mut window = Instant::now();
        let mut in_window = 0u32;

        while let Some(report) = inbound.message().await? {
            if window.elapsed() >= Duration::from_secs(1) {
                window = Instant::now();
                in_window = 0;
            }
            in_window += 1;
            if in_window > MAX_REPORTS_PER_SEC {
                dropped += 1;
                continue;
            }
            self.tracker.update(&drone, report);
            reports += 1;
        }
        self.tracker.forget(&drone);
        Ok(Response::new(TelemetrySummary { reports, dropped }))
    }

    type WatchAirspaceStream = ReceiverStream<Result<AirspaceAlert, Status>>;

    async fn watch_airspace(
        &self,
        request: Request<AirspaceRequest>,
    ) -> Result<Response<Self::WatchAirspaceStream>, Status> {
        let claims = claims(&request)?;
        let region = request.into_inner().region;
        if !claims.regions.iter().any(|r| r == &region) {
            return Err(Status::permission_denied("region not in token"));
        }
        let (tx, rx) = mpsc::channel(64);
        let mut notams = self.notams.clone();
        let mut conflicts = self.tracker.conflicts();
        info!(sub = %claims.sub, %region, "airspace watch opened");

        tokio::spawn(async move {
            let mut seen = std::collections::HashSet::new();
            let mut tick = interval(NOTAM_POLL);
            loop {
                tokio::select! {
                    _ = tick.tick() => {
                        match notams.active_notams(Request::new(NotamQuery { region: region.clone() })).await {
                            Ok(list) => {
                                for n in list.into_inner().notams {
                                    if seen.insert(n.id.clone()) {
                                        let _ = tx.send(Ok(AirspaceAlert {
                                            alert_id: n.id, kind: "NOTAM".into(), region: region.clone(), text: n.text,
                                            valid_from_unix_ms: n.from_unix_ms, valid_to_unix_ms: n.to_unix_ms,
                                        })).await;
                                    }
                                }
                            }
                            Err(e) => warn!("notam service: {e}"),
                        }
                    }
                    Ok((a, b)) = conflicts.recv() => {
                        let _ = tx.send(Ok(AirspaceAlert {
                            alert_id: format!("conflict-{a}-{b}-{}", now_ms()), kind: "CONFLICT".into(),
                            region: region.clone(), text: format!("{a} and {b} closer than 50 m"),
                            valid_from_unix_ms: now_ms(), valid_to_unix_ms: now_ms() + 60_000,
                        })).await;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    type ClearanceDeskStream = BoxStream<DeskReply>;

    async fn clearance_desk(
        &self,
        request: Request<Streaming<DeskRequest>>,
    ) -> Result<Response<Self::ClearanceDeskStream>, Status> {
        let claims = claims(&request)?;
        let operator = claims.operator_id.clone().ok_or_else(|| Status::permission_denied("operator token required"))?;
        let deadline = CallerDeadline::from_metadata(request.metadata());
        let expires_at = Instant::now() + Duration::from_secs(claims.exp.saturating_sub(now_secs()));
        let mut revoked = self.revocations.subscribe();
        let mut inbound = request.into_inner();
        let db = self.db.clone();
        let mut clearances = self.clearances.clone();

        let out = async_stream::try_stream! {
            let mut opened: Option<String> = None;
            loop {
                let msg = tokio::select! {
                    _ = sleep_until(expires_at) => Err(Status::unauthenticated("token_expired"))?,
                    Ok(r) = revoked.recv() => {
                        let hit = match &r { Revoked::Jti(j) => *j == claims.jti, Revoked::Subject(s) => *s == claims.sub };
                        if hit { Err(Status::permission_denied("token_revoked"))? }
                        continue;
                    }
                    m = inbound.message() => match m? { Some(m) => m, None => break },
                };
                let id = msg.request_id.clone();
                match msg.op {
                    Some(Op::Open(open)) => {
                        let owner: Option<(String,)> = sqlx::query_as("SELECT operator_id FROM flights WHERE flight_id = $1")
                            .bind(&open.flight_id).fetch_optional(&db).await
                            .map_err(|e| Status::unavailable(format!("flights db: {e}")))?;
                        if owner.map(|o| o.0) != Some(operator.clone()) {
                            yield deny(&id, "flight belongs to another operator");
                            continue;
                        }
                        opened = Some(open.flight_id);
                        yield DeskReply { request_id: id, status: "OPEN".into(), clearance_id: String::new(), message: String::new() };
                    }
                    Some(Op::Request(r)) => {
                        if opened.is_none() { yield deny(&id, "open a flight first"); continue; }
                        let mut req = Request::new(GrantRequest {
                            flight_id: r.flight_id, operator_id: operator.clone(), volume_geojson: r.volume_geojson,
                            start_unix_ms: r.start_unix_ms, end_unix_ms: r.end_unix_ms,
                        });
                        req.set_timeout(deadline.remaining_or(Duration::from_secs(5)));
                        let g = clearances.grant(req).await?.into_inner();
                        yield DeskReply { request_id: id, status: if g.granted { "GRANTED".into() } else { "REFUSED".into() }, clearance_id: g.clearance_id, message: g.reason };
                    }
                    Some(Op::Cancel(c)) => {
                        if opened.is_none() { yield deny(&id, "open a flight first"); continue; }
                        let mut req = Request::new(RevokeRequest { flight_id: c.flight_id, clearance_id: c.clearance_id.clone() });
                        req.set_timeout(deadline.remaining_or(Duration::from_secs(5)));
                        clearances.revoke(req).await?;
                        yield DeskReply { request_id: id, status: "CANCELLED".into(), clearance_id: c.clearance_id, message: String::new() };
                    }
                    None => yield DeskReply { request_id: id, status: "INVALID_ARGUMENT".into(), clearance_id: String::new(), message: "empty request".into() },
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn get_flight(&self, request: Request<GetFlightRequest>) -> Result<Response<Flight>, Status> {
        let _claims = claims(&request)?;
        let id = request.into_inner().flight_id;
        let row: Option<(String, String, String, String)> =
            sqlx::query_as("SELECT flight_id, operator_id, drone_id, state FROM flights WHERE flight_id = $1")
                .bind(&id)
                .fetch_optional(&self.db)
                .await
                .map_err(|e| Status::unavailable(format!("flights db: {e}")))?;
        let (flight_id, operator_id, drone_id, state) = row.ok_or_else(|| Status::not_found(id))?;
        Ok(Response::new(Flight { flight_id, operator_id, drone_id, state }))
    }
}

fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

