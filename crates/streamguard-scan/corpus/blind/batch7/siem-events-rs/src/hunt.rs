//! siem.v1.SiemHunt: interactive hunting and alert following for analysts.

use std::pin::Pin;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio_stream::Stream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::backends::caller_timeout;
use crate::gen::backends::assets_client::AssetsClient;
use crate::gen::backends::search_client::SearchClient;
use crate::gen::backends::{AssetQuery, SearchRequest};
use crate::gen::siem::siem_hunt_server::SiemHunt;
use crate::gen::siem::{Alert, Event, FollowRequest, HuntQuery, HuntResult};
use crate::guard::guarded;
use crate::jwt::{AnalystClaims, Revocations};

const QUERIES_PER_MINUTE: u32 = 30;
const SEVERITIES: [&str; 4] = ["low", "medium", "high", "critical"];

pub struct Hunting {
    pub search: SearchClient<Channel>,
    pub assets: AssetsClient<Channel>,
    pub detections: broadcast::Sender<Alert>,
    pub revocations: Revocations,
}

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

fn rank(s: &str) -> usize {
    SEVERITIES.iter().position(|x| *x == s).unwrap_or(0)
}

fn expired(c: &AnalystClaims) -> bool {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() >= c.exp).unwrap_or(true)
}

#[tonic::async_trait]
impl SiemHunt for Hunting {
    type HuntStream = Out<HuntResult>;

    async fn hunt(&self, request: Request<Streaming<HuntQuery>>) -> Result<Response<Self::HuntStream>, Status> {
        let claims = request.extensions().get::<AnalystClaims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let deadline = caller_timeout(request.metadata()).map(|t| Instant::now() + t);
        let revocations = self.revocations.clone();
        let mut search = self.search.clone();
        let mut inbound = request.into_inner();

        let out = async_stream::try_stream! {
            let mut window = Instant::now();
            let mut used = 0u32;
            while let Some(q) = inbound.message().await? {
                if expired(&claims) { Err(Status::unauthenticated("token_expired"))?; }
                if revocations.is_revoked(&claims) { Err(Status::permission_denied("token_revoked"))?; }
                if !claims.may_read(&q.index) {
                    yield HuntResult { query_id: q.query_id, status: "PERMISSION_DENIED".into(), hits: vec![], message: "index not in your tenants".into() };
                    continue;
                }
                if window.elapsed() > Duration::from_secs(60) { window = Instant::now(); used = 0; }
                used += 1;
                if used > QUERIES_PER_MINUTE {
                    yield HuntResult { query_id: q.query_id, status: "RESOURCE_EXHAUSTED".into(), hits: vec![], message: "slow down".into() };
                    continue;
                }
                let mut req = Request::new(SearchRequest { index: q.index.clone(), kql: q.kql.clone(), limit: q.limit.min(1000) });
                let left = deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or(Duration::from_secs(20));
                req.set_timeout(left);
                let reply = search.query(req).await?.into_inner();
                let hits = reply.hits.iter().filter_map(|h| serde_json::from_slice::<serde_json::Value>(h).ok()).map(|v| Event {
                    unix_ms: v["@timestamp"].as_i64().unwrap_or(0),
                    host: v["host"].as_str().unwrap_or_default().to_owned(),
                    source: v["source"].as_str().unwrap_or_default().to_owned(),
                    message: v["message"].as_str().unwrap_or_default().to_owned(),
                    fields: Default::default(),
                }).collect();
                yield HuntResult { query_id: q.query_id, status: "OK".into(), hits, message: String::new() };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    type FollowAlertsStream = Out<Alert>;

    async fn follow_alerts(&self, request: Request<FollowRequest>) -> Result<Response<Self::FollowAlertsStream>, Status> {
        let claims = request.extensions().get::<AnalystClaims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let req = request.into_inner();
        let tenants: Vec<String> = req.tenants.into_iter().filter(|t| claims.tenants.contains(t)).collect();
        if tenants.is_empty() {
            return Err(Status::permission_denied("none of the requested tenants is yours"));
        }
        let min = rank(&req.min_severity);
        let mut detections = self.detections.subscribe();
        let mut assets = self.assets.clone();

        let alerts = async_stream::try_stream! {
            loop {
                let mut alert = match detections.recv().await {
                    Ok(a) => a,
                    Err(broadcast::error::RecvError::Lagged(n)) => { tracing::warn!(n, "follower lagged"); continue; }
                    Err(broadcast::error::RecvError::Closed) => break,
                };
                if !tenants.contains(&alert.tenant) || rank(&alert.severity) < min { continue; }
                let lookup = assets.lookup(Request::new(AssetQuery { tenant: alert.tenant.clone(), host: alert.host.clone() }));
                if let Ok(Ok(info)) = tokio::time::timeout(Duration::from_secs(5), lookup).await {
                    alert.asset_owner = info.into_inner().owner;
                }
                yield alert;
            }
        };
        Ok(Response::new(Box::pin(guarded(alerts, claims, &self.revocations))))
    }
}
