use std::sync::Arc;
use std::time::Duration;

use governor::DefaultKeyedRateLimiter;
use sqlx::PgPool;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use crate::auth::ObserverClaims;
use crate::pb::dome_drive_client::DomeDriveClient;
use crate::pb::dome_server::Dome;
use crate::pb::{dome_command::Action, *};
use crate::session::{remaining, Limits, Session};

type Guarded<T> = std::pin::Pin<Box<dyn tokio_stream::Stream<Item = Result<T, Status>> + Send>>;

pub struct DomeService {
    pub drive: DomeDriveClient<Channel>,
    pub pool: PgPool,
    pub revocations: broadcast::Sender<String>,
    pub revoked: Arc<dyn Fn(&ObserverClaims) -> bool + Send + Sync>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
    pub limits: Limits,
}

impl DomeService {
    fn session<T>(&self, req: &Request<T>) -> Result<Session, Status> {
        let claims = req.extensions().get::<ObserverClaims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        let revoked_now = (self.revoked)(&claims);
        Session::open(claims, req.metadata(), revoked_now, self.revocations.subscribe(), &self.limits)
    }
}

#[tonic::async_trait]
impl Dome for DomeService {
    type WatchDomeStream = Guarded<DomeStatus>;
    type DomeControlStream = Guarded<DomeReply>;
    type ExportNightLogStream = Guarded<DomeEvent>;

    async fn watch_dome(&self, request: Request<WatchDomeRequest>) -> Result<Response<Self::WatchDomeStream>, Status> {
        let session = self.session(&request)?;
        let dome_id = request.into_inner().dome_id;
        if !session.claims.controls(&dome_id) && !session.claims.has_scope("dome:read") {
            return Err(Status::permission_denied("dome not assigned"));
        }
        let mut drive = self.drive.clone();
        let cancel = session.cancel.clone();
        let deadline = session.deadline;
        let inner = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                let mut req = Request::new(StatusRequest { dome_id: dome_id.clone() });
                req.set_timeout(remaining(deadline, Duration::from_secs(2)).min(Duration::from_secs(2)));
                let st = tokio::select! {
                    _ = cancel.cancelled() => break,
                    r = drive.status(req) => r?.into_inner(),
                };
                yield st;
            }
        };
        Ok(Response::new(session.guard(inner)))
    }

    async fn dome_control(
        &self,
        request: Request<Streaming<DomeCommand>>,
    ) -> Result<Response<Self::DomeControlStream>, Status> {
        let session = self.session(&request)?;
        let claims = session.claims.clone();
        let mut inbound = request.into_inner();
        let drive = self.drive.clone();
        let limiter = self.limiter.clone();
        let deadline = session.deadline;
        let inner = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                let left = remaining(deadline, Duration::from_secs(120));
                if limiter.check_key(&claims.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !claims.controls(&cmd.dome_id) || !claims.has_scope("dome:operate") {
                    yield DomeReply { request_id: cmd.request_id, ok: false, status: "PERMISSION_DENIED".into(), detail: "insufficient_scope".into() };
                    continue;
                }
                match cmd.action {
                    Some(Action::SlewToAzimuth(az)) => {
                        // A slew takes up to two minutes; answer at once and let it run.
                        let mut d = drive.clone();
                        let dome = cmd.dome_id.clone();
                        tokio::spawn(async move {
                            let mut req = Request::new(SlewRequest { dome_id: dome, azimuth_deg: az });
                            req.set_timeout(left);
                            if let Err(e) = d.slew(req).await {
                                tracing::warn!(error = %e, "slew failed");
                            }
                        });
                        yield DomeReply { request_id: cmd.request_id, ok: true, status: "OK".into(), detail: "slewing".into() };
                    }
                    Some(Action::OpenShutter(open)) => {
                        let mut req = Request::new(ShutterRequest { dome_id: cmd.dome_id.clone(), open });
                        req.set_timeout(left);
                        let r = drive.clone().shutter(req).await?.into_inner();
                        yield DomeReply { request_id: cmd.request_id, ok: r.ok, status: "OK".into(), detail: r.detail };
                    }
                    Some(Action::Park(_)) => {
                        let mut req = Request::new(SlewRequest { dome_id: cmd.dome_id.clone(), azimuth_deg: 180.0 });
                        req.set_timeout(left);
                        let r = drive.clone().slew(req).await?.into_inner();
                        yield DomeReply { request_id: cmd.request_id, ok: r.ok, status: "OK".into(), detail: "parked".into() };
                    }
                    None => yield DomeReply { request_id: cmd.request_id, ok: false, status: "INVALID_ARGUMENT".into(), detail: String::new() },
                }
            }
        };
        Ok(Response::new(session.guard(inner)))
    }

    async fn export_night_log(
        &self,
        request: Request<NightLogRequest>,
    ) -> Result<Response<Self::ExportNightLogStream>, Status> {
        let session = self.session(&request)?;
        let req = request.into_inner();
        if !session.claims.has_scope("dome:read") {
            return Err(Status::permission_denied("dome:read required"));
        }
        let budget = session.remaining(Duration::from_secs(20));
        let rows: Vec<(String, String, i64)> = tokio::time::timeout(
            budget,
            sqlx::query_as(
                "SELECT kind, detail, (extract(epoch from at) * 1000)::bigint FROM dome_events
                  WHERE dome_id = $1 AND night = $2::date ORDER BY at",
            )
            .bind(&req.dome_id)
            .bind(&req.night)
            .fetch_all(&self.pool),
        )
        .await
        .map_err(|_| Status::deadline_exceeded("night log query"))?
        .map_err(|e| Status::unavailable(e.to_string()))?;
        let dome_id = req.dome_id;
        let items = rows
            .into_iter()
            .map(move |(kind, detail, unix_ms)| Ok(DomeEvent { dome_id: dome_id.clone(), kind, detail, unix_ms }));
        Ok(Response::new(session.guard(tokio_stream::iter(items))))
    }
}
