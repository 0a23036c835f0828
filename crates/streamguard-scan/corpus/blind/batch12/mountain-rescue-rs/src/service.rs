use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sqlx::PgPool;
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::{Beacon, Member};
use crate::guard::guarded;
use crate::pb::rescue_server::Rescue;
use crate::pb::{BeaconPing, IncidentUpdate, TeamMessage, UplinkAck, WatchIncidentRequest};

const PINGS_PER_MINUTE: u32 = 120;

pub struct RescueService {
    pub db: PgPool,
    pub revocations: broadcast::Sender<String>,
    pub incidents: broadcast::Sender<IncidentUpdate>,
    pub team_bus: broadcast::Sender<TeamMessage>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl RescueService {
    pub fn limiter() -> Arc<DefaultKeyedRateLimiter<String>> {
        Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(120).unwrap())))
    }
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn member<T>(req: &Request<T>) -> Result<Member, Status> {
    req.extensions().get::<Member>().cloned().ok_or_else(|| Status::unauthenticated("member token required"))
}

#[tonic::async_trait]
impl Rescue for RescueService {
    type TeamChannelStream = Out<TeamMessage>;
    type WatchIncidentStream = Out<IncidentUpdate>;

    async fn beacon_uplink(&self, req: Request<Streaming<BeaconPing>>) -> Result<Response<UplinkAck>, Status> {
        let beacon = req.extensions().get::<Beacon>().cloned().ok_or_else(|| Status::unauthenticated("beacon key required"))?;
        let mut pings = req.into_inner();
        let mut received = 0u32;
        let mut window = std::time::Instant::now();
        let mut in_window = 0u32;
        while let Some(p) = pings.next().await {
            let p = p?;
            if !beacon.beacon_ids.contains(&p.beacon_id) {
                return Err(Status::permission_denied("beacon not registered to this key"));
            }
            received += 1;
            if window.elapsed() > Duration::from_secs(60) {
                window = std::time::Instant::now();
                in_window = 0;
            }
            in_window += 1;
            if in_window > PINGS_PER_MINUTE {
                return Err(Status::resource_exhausted("beacon pinging too fast"));
            }
            let write = sqlx::query("INSERT INTO pings (beacon_id, lat, lng, alt_m, battery_pct, at_ms) VALUES ($1,$2,$3,$4,$5,$6)")
                .bind(&p.beacon_id).bind(p.lat).bind(p.lng).bind(p.alt_m).bind(p.battery_pct as i32).bind(p.at_ms)
                .execute(&self.db);
            tokio::time::timeout(Duration::from_secs(2), write)
                .await
                .map_err(|_| Status::deadline_exceeded("ping store slow"))?
                .map_err(|e| Status::unavailable(e.to_string()))?;
        }
        Ok(Response::new(UplinkAck { received }))
    }

    async fn team_channel(&self, req: Request<Streaming<TeamMessage>>) -> Result<Response<Self::TeamChannelStream>, Status> {
        let m = member(&req)?;
        let mut inbound = req.into_inner();
        let join = inbound.next().await.ok_or_else(|| Status::invalid_argument("join first"))??;
        if join.kind != "JOIN" || !m.teams.contains(&join.team_id) {
            return Err(Status::permission_denied("not a member of this team"));
        }
        let team = join.team_id.clone();
        let db = self.db.clone();
        let bus = self.team_bus.clone();
        let limiter = self.limiter.clone();
        let sub = m.sub.clone();
        let mut rx = self.team_bus.subscribe();

        // Reader: log and fan out every message the member sends.
        let reader = async_stream::try_stream! {
            while let Some(msg) = inbound.next().await {
                let msg = msg?;
                if limiter.check_key(&sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                sqlx::query("INSERT INTO callout_log (msg_id, team_id, incident_id, kind, body, sender) VALUES ($1,$2,$3,$4,$5,$6)")
                    .bind(&msg.msg_id).bind(&msg.team_id).bind(&msg.incident_id).bind(&msg.kind).bind(&msg.body).bind(&sub)
                    .execute(&db)
                    .await
                    .map_err(|e| Status::unavailable(e.to_string()))?;
                let _ = bus.send(TeamMessage { from: sub.clone(), ..msg });
            }
        };
        let outbound = async_stream::stream! {
            while let Ok(msg) = rx.recv().await {
                if msg.team_id == team {
                    yield Ok::<_, Status>(msg);
                }
            }
        };
        let merged = reader.filter_map(|r: Result<(), Status>| r.err().map(Err)).merge(outbound);
        Ok(Response::new(Box::pin(guarded(m, self.revocations.subscribe(), merged))))
    }

    async fn watch_incident(&self, req: Request<WatchIncidentRequest>) -> Result<Response<Self::WatchIncidentStream>, Status> {
        let m = member(&req)?;
        let incident = req.into_inner().incident_id;
        let team: Option<String> = sqlx::query_scalar("SELECT team_id FROM incidents WHERE incident_id = $1")
            .bind(&incident)
            .fetch_optional(&self.db)
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
        if !team.map_or(false, |t| m.teams.contains(&t)) {
            return Err(Status::permission_denied("incident of another team"));
        }
        let mut rx = self.incidents.subscribe();
        let updates = async_stream::stream! {
            while let Ok(u) = rx.recv().await {
                if u.incident_id == incident {
                    yield Ok(u);
                }
            }
        };
        Ok(Response::new(Box::pin(guarded(m, self.revocations.subscribe(), updates))))
    }
}
