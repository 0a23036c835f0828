use std::{pin::Pin, sync::Arc, time::Duration};

use dashmap::DashMap;
use tokio::sync::mpsc;
use tokio_stream::{wrappers::ReceiverStream, Stream};
use tonic::{Request, Response, Status, Streaming};

use crate::{
    pb::{matchmaker_server::Matchmaker, EntityState, PlayerInput, QueueRequest, QueueUpdate, WorldSnapshot},
    queue::Pools,
};

const QUEUE_TIMEOUT: Duration = Duration::from_secs(120);
const TICK: Duration = Duration::from_millis(50);

#[derive(Default)]
struct World {
    entities: DashMap<String, EntityState>,
}

pub struct Arena {
    pools: Pools,
    worlds: Arc<DashMap<String, Arc<World>>>,
}

impl Arena {
    pub fn new(pools: Pools) -> Self {
        Self { pools, worlds: Default::default() }
    }
}

struct LeaveOnDrop {
    pools: Pools,
    player: String,
}

impl Drop for LeaveOnDrop {
    fn drop(&mut self) {
        self.pools.leave(&self.player);
    }
}

#[tonic::async_trait]
impl Matchmaker for Arena {
    type QueueStream = Pin<Box<dyn Stream<Item = Result<QueueUpdate, Status>> + Send>>;
    type SessionStream = ReceiverStream<Result<WorldSnapshot, Status>>;

    async fn queue(&self, request: Request<QueueRequest>) -> Result<Response<Self::QueueStream>, Status> {
        let req = request.into_inner();
        if req.player_id.is_empty() {
            return Err(Status::invalid_argument("player_id required"));
        }
        let mut updates = self.pools.enqueue(&req.player_id, &req.mode, req.mmr);
        let guard = LeaveOnDrop { pools: self.pools.clone(), player: req.player_id.clone() };

        let stream = async_stream::try_stream! {
            let _guard = guard;
            let deadline = tokio::time::Instant::now() + QUEUE_TIMEOUT;
            loop {
                let changed = tokio::time::timeout_at(deadline, updates.changed()).await;
                match changed {
                    Err(_) => Err(Status::deadline_exceeded("no match found, requeue"))?,
                    Ok(Err(_)) => break,
                    Ok(Ok(())) => {
                        let u = updates.borrow_and_update().clone();
                        let matched = !u.match_id.is_empty();
                        yield u;
                        if matched {
                            break;
                        }
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(stream)))
    }

    async fn session(&self, request: Request<Streaming<PlayerInput>>) -> Result<Response<Self::SessionStream>, Status> {
        let mut inputs = request.into_inner();
        let first = inputs
            .message()
            .await?
            .ok_or_else(|| Status::invalid_argument("expected a first input"))?;
        let world = self.worlds.entry(first.match_id.clone()).or_default().clone();

        let w = world.clone();
        tokio::spawn(async move {
            let mut next = Some(first);
            loop {
                let input = match next.take() {
                    Some(i) => i,
                    None => match inputs.message().await {
                        Ok(Some(i)) => i,
                        _ => break,
                    },
                };
                let mut e = w.entities.entry(input.player_id.clone()).or_insert_with(|| EntityState {
                    id: input.player_id.clone(),
                    hp: 100,
                    ..Default::default()
                });
                e.x += input.dx.clamp(-1.0, 1.0);
                e.y += input.dy.clamp(-1.0, 1.0);
            }
        });

        let (tx, rx) = mpsc::channel(8);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(TICK);
            let mut tick = 0u32;
            loop {
                ticker.tick().await;
                tick = tick.wrapping_add(1);
                let snapshot = WorldSnapshot {
                    tick,
                    entities: world.entities.iter().map(|e| e.value().clone()).collect(),
                };
                if tx.send(Ok(snapshot)).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
