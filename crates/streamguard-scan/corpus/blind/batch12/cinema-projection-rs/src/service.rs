use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::{transport::Channel, Request, Response, Status, Streaming};

use crate::auth::Staff;
use crate::pb::booth_server::Booth;
use crate::pb::{BoothHealth, DownloadKdmRequest, KdmChunk, PlaybackCommand, PlaybackEvent, WatchBoothRequest};
use crate::session::Session;
use crate::tms::TmsClient;

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct BoothService {
    pub tms: TmsClient<Channel>,
    pub revocations: broadcast::Sender<String>,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
}

impl BoothService {
    pub fn new(tms: TmsClient<Channel>, revocations: broadcast::Sender<String>) -> Self {
        let limiter = Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(60).unwrap())));
        Self { tms, revocations, limiter }
    }
}

fn open<T>(req: &Request<T>) -> Result<Session, Status> {
    let staff = req.extensions().get::<Staff>().cloned().ok_or_else(|| Status::unauthenticated("no staff"))?;
    Ok(Session::open(staff, req.metadata()))
}

#[tonic::async_trait]
impl Booth for BoothService {
    type WatchBoothStream = Out<BoothHealth>;
    type PlaybackSessionStream = Out<PlaybackEvent>;
    type DownloadKdmStream = Out<KdmChunk>;

    async fn watch_booth(&self, req: Request<WatchBoothRequest>) -> Result<Response<Self::WatchBoothStream>, Status> {
        let s = open(&req)?;
        let screen = req.into_inner().screen_id;
        if !s.staff.screen(&screen) || !s.staff.can("booth:read") {
            return Err(Status::permission_denied("screen not permitted"));
        }
        let mut tms = self.tms.clone();
        let cancel = s.cancel.clone();
        let deadline = s.deadline;
        let health = async_stream::try_stream! {
            let mut tick = tokio::time::interval(Duration::from_secs(10));
            loop {
                tick.tick().await;
                let mut r = Request::new(crate::tms::HealthRequest { screen_id: screen.clone() });
                let left = match deadline {
                    Some(d) => d.saturating_duration_since(tokio::time::Instant::now()),
                    None => Duration::from_secs(5),
                };
                if left.is_zero() { Err(Status::deadline_exceeded("deadline exceeded"))?; }
                r.set_timeout(left.min(Duration::from_secs(5)));
                let h = tokio::select! {
                    _ = cancel.cancelled() => break,
                    h = tms.health(r) => h?.into_inner(),
                };
                yield BoothHealth { screen_id: screen.clone(), lamp_hours: h.lamp_hours, laser_temp_c: h.laser_temp_c, server_state: h.state, at_ms: h.at_ms };
            }
        };
        Ok(Response::new(Box::pin(s.guard(self.revocations.subscribe(), health))))
    }

    async fn playback_session(&self, req: Request<Streaming<PlaybackCommand>>) -> Result<Response<Self::PlaybackSessionStream>, Status> {
        let s = open(&req)?;
        let mut inbound = req.into_inner();
        let mut tms = self.tms.clone();
        let limiter = self.limiter.clone();
        let staff = s.staff.clone();
        let cancel = s.cancel.clone();
        let deadline = s.deadline;
        let events = async_stream::try_stream! {
            while let Some(cmd) = inbound.next().await {
                let cmd = cmd?;
                if !staff.can("playback") || !staff.screen(&cmd.screen_id) {
                    yield PlaybackEvent { request_id: cmd.request_id, screen_id: cmd.screen_id, state: "DENIED".into(), detail: "insufficient_scope".into() };
                    continue;
                }
                if limiter.check_key(&staff.sub).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                let mut r = Request::new(crate::tms::PlaybackRequest { screen_id: cmd.screen_id.clone(), action: cmd.action.clone(), playlist_id: cmd.playlist_id.clone() });
                if let Some(d) = deadline {
                    let left = d.saturating_duration_since(tokio::time::Instant::now());
                    if left.is_zero() { Err(Status::deadline_exceeded("deadline exceeded"))?; }
                    r.set_timeout(left);
                } else {
                    r.set_timeout(Duration::from_secs(10));
                }
                let res = tokio::select! {
                    _ = cancel.cancelled() => break,
                    res = tms.playback(r) => res,
                };
                yield match res {
                    Ok(ok) => PlaybackEvent { request_id: cmd.request_id, screen_id: cmd.screen_id, state: ok.into_inner().state, detail: String::new() },
                    Err(e) => PlaybackEvent { request_id: cmd.request_id, screen_id: cmd.screen_id, state: "FAILED".into(), detail: e.message().into() },
                };
            }
        };
        Ok(Response::new(Box::pin(s.guard(self.revocations.subscribe(), events))))
    }

    async fn download_kdm(&self, req: Request<DownloadKdmRequest>) -> Result<Response<Self::DownloadKdmStream>, Status> {
        let s = open(&req)?;
        let body = req.into_inner();
        if !s.staff.screen(&body.screen_id) || !s.staff.can("kdm:download") {
            return Err(Status::permission_denied("not permitted"));
        }
        let mut r = Request::new(crate::tms::KdmRequest { screen_id: body.screen_id, cpl_id: body.cpl_id });
        r.set_timeout(s.remaining(Duration::from_secs(30))?);
        let mut chunks = self.tms.clone().kdm(r).await?.into_inner();
        let out = async_stream::try_stream! {
            while let Some(c) = chunks.next().await {
                yield KdmChunk { data: c?.data };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
