use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use futures::{Stream, StreamExt};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tonic::{Request, Response, Status, Streaming};

use crate::apikey::KeyInfo;
use crate::clients::{grpc_timeout, Downstreams};
use crate::pb::yard_server::Yard;
use crate::pb::{
    ConsistCar, ConsistRequest, ForTrainRequest, MoveResult, PositionsRequest, RailcarPosition, RouteRequest,
    SwitchMove, WatchTrackRequest,
};

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct YardService {
    pub down: Arc<Downstreams>,
    pub moves: Arc<DefaultKeyedRateLimiter<String>>,
}

impl YardService {
    pub fn new(down: Downstreams) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(40).unwrap());
        Self { down: Arc::new(down), moves: Arc::new(RateLimiter::keyed(quota)) }
    }
}

fn key_of<T>(req: &Request<T>) -> Result<KeyInfo, Status> {
    req.extensions().get::<KeyInfo>().cloned().ok_or_else(|| Status::unauthenticated("no api key"))
}

#[tonic::async_trait]
impl Yard for YardService {
    type WatchTrackStream = Out<RailcarPosition>;
    type SwitchingSessionStream = Out<MoveResult>;
    type ExportConsistStream = Out<ConsistCar>;

    async fn watch_track(&self, request: Request<WatchTrackRequest>) -> Result<Response<Self::WatchTrackStream>, Status> {
        let key = key_of(&request)?;
        let track = request.into_inner().track_id;
        if !key.may_use_track(&track) {
            return Err(Status::permission_denied("track not allowed for this key"));
        }
        let mut aei = self.down.aei.clone();
        let out = async_stream::try_stream! {
            let mut since = 0i64;
            let mut tick = tokio::time::interval(Duration::from_secs(2));
            loop {
                tick.tick().await;
                let reply = aei
                    .positions(Request::new(PositionsRequest { track_id: track.clone(), since_unix_ms: since }))
                    .await?
                    .into_inner();
                for p in reply.positions {
                    since = since.max(p.unix_ms);
                    yield p;
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn switching_session(
        &self,
        request: Request<Streaming<SwitchMove>>,
    ) -> Result<Response<Self::SwitchingSessionStream>, Status> {
        let key = key_of(&request)?;
        let deadline = grpc_timeout(request.metadata()).map(|d| Instant::now() + d);
        let mut moves = request.into_inner();
        let limiter = self.moves.clone();
        let mut interlocking = self.down.interlocking.clone();
        let cancel = CancellationToken::new();
        let guard = cancel.clone().drop_guard();

        let out = async_stream::try_stream! {
            let _guard = guard;
            while let Some(mv) = moves.next().await {
                let mv = mv?;
                if limiter.check_key(&key.id).is_err() {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if !key.may_use_track(&mv.from_track) || !key.may_use_track(&mv.to_track) {
                    yield MoveResult { move_id: mv.move_id, ok: false, error: "PERMISSION_DENIED".into() };
                    continue;
                }
                let mut req = Request::new(RouteRequest {
                    from_track: mv.from_track.clone(),
                    to_track: mv.to_track.clone(),
                    cars: mv.car_ids.len() as u32,
                    requested_by: key.owner.clone(),
                });
                if let Some(d) = deadline {
                    let left = d.checked_duration_since(Instant::now()).ok_or_else(|| Status::deadline_exceeded("deadline passed"))?;
                    req.set_timeout(left);
                }
                let reply = tokio::select! {
                    _ = cancel.cancelled() => Err(Status::cancelled("session ended"))?,
                    r = interlocking.request_route(req) => r?.into_inner(),
                };
                yield MoveResult { move_id: mv.move_id, ok: reply.granted, error: reply.reason };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn export_consist(&self, request: Request<ConsistRequest>) -> Result<Response<Self::ExportConsistStream>, Status> {
        let _key = key_of(&request)?;
        let train = request.into_inner().train_id;
        let cars = self
            .down
            .waybills
            .clone()
            .for_train(ForTrainRequest { train_id: train })
            .await?
            .into_inner()
            .cars;
        Ok(Response::new(Box::pin(futures::stream::iter(cars.into_iter().map(Ok)))))
    }
}
