use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chat_proto::chat_server::Chat;
use chat_proto::{ChatEvent, ChatFrame, HistoryRequest, ListRoomsRequest, ListRoomsResponse};
use tokio::sync::{broadcast, mpsc};
use tokio::time::{sleep, Instant};
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::auth::Verifier;
use crate::limit::SubjectLimiter;
use crate::revocation::RevocationBus;

const IDLE_TIMEOUT: Duration = Duration::from_secs(120);
const MAX_SESSION: Duration = Duration::from_secs(30 * 60);
const EXPIRY_LEEWAY: Duration = Duration::from_secs(1);
const HISTORY_MAX: usize = 500;

fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_millis() as i64
}

#[derive(Default)]
struct Room {
    tx: Option<broadcast::Sender<ChatEvent>>,
    history: Vec<ChatEvent>,
}

pub struct ChatService {
    verifier: Verifier,
    limiter: SubjectLimiter,
    revocations: RevocationBus,
    rooms: Arc<Mutex<HashMap<String, Room>>>,
}

impl ChatService {
    pub fn new(verifier: Verifier, limiter: SubjectLimiter, revocations: RevocationBus) -> Self {
        Self { verifier, limiter, revocations, rooms: Arc::default() }
    }

    fn sender(rooms: &Mutex<HashMap<String, Room>>, room: &str) -> broadcast::Sender<ChatEvent> {
        let mut rooms = rooms.lock().unwrap();
        let r = rooms.entry(room.to_string()).or_default();
        r.tx.get_or_insert_with(|| broadcast::channel(1024).0).clone()
    }

    fn record(rooms: &Mutex<HashMap<String, Room>>, ev: &ChatEvent) {
        let mut rooms = rooms.lock().unwrap();
        let r = rooms.entry(ev.room.clone()).or_default();
        r.history.push(ev.clone());
        if r.history.len() > HISTORY_MAX {
            r.history.remove(0);
        }
    }
}

fn error_event(room: &str, msg: &str) -> ChatEvent {
    ChatEvent { room: room.to_string(), error: msg.to_string(), at_ms: now_ms(), ..Default::default() }
}

#[tonic::async_trait]
impl Chat for ChatService {
    type ConverseStream = ReceiverStream<Result<ChatEvent, Status>>;
    type HistoryStream = Pin<Box<dyn Stream<Item = Result<ChatEvent, Status>> + Send>>;

    async fn converse(
        &self,
        request: Request<Streaming<ChatFrame>>,
    ) -> Result<Response<Self::ConverseStream>, Status> {
        let claims = self.verifier.verify(request.metadata())?;
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(64);
        let limiter = self.limiter.clone();
        let rooms = self.rooms.clone();
        let mut revoked = self.revocations.subscribe();

        let mut feeds = tokio_stream::StreamMap::new();
        for room in &claims.rooms {
            let rx = Self::sender(&rooms, room).subscribe();
            feeds.insert(room.clone(), tokio_stream::wrappers::BroadcastStream::new(rx));
        }

        tokio::spawn(async move {
            let expiry = sleep(claims.expires_in(EXPIRY_LEEWAY));
            tokio::pin!(expiry);
            let idle = sleep(IDLE_TIMEOUT);
            tokio::pin!(idle);
            let lifetime = sleep(MAX_SESSION);
            tokio::pin!(lifetime);

            loop {
                tokio::select! {
                    _ = &mut expiry => {
                        let _ = tx.send(Err(Status::unauthenticated("token_expired"))).await;
                        break;
                    }
                    _ = &mut idle => {
                        let _ = tx.send(Err(Status::unavailable("idle_timeout"))).await;
                        break;
                    }
                    _ = &mut lifetime => {
                        let _ = tx.send(Err(Status::unavailable("max_stream_lifetime"))).await;
                        break;
                    }
                    r = revoked.recv() => {
                        if let Ok(r) = r {
                            if r.matches(&claims.jti, &claims.sub) {
                                let _ = tx.send(Err(Status::permission_denied("token_revoked"))).await;
                                break;
                            }
                        }
                    }
                    _ = tx.closed() => break,
                    Some((_, ev)) = feeds.next() => {
                        if let Ok(ev) = ev {
                            if tx.send(Ok(ev)).await.is_err() {
                                break;
                            }
                        }
                    }
                    frame = inbound.next() => {
                        let frame = match frame {
                            Some(Ok(f)) => f,
                            _ => break,
                        };
                        idle.as_mut().reset(Instant::now() + IDLE_TIMEOUT);
                        if limiter.check_key(&claims.sub).is_err() {
                            let _ = tx.send(Err(Status::resource_exhausted("rate_limit_exceeded"))).await;
                            break;
                        }
                        if !claims.may_post(&frame.room) {
                            let _ = tx.send(Ok(error_event(&frame.room, "PERMISSION_DENIED"))).await;
                            continue;
                        }
                        let ev = ChatEvent {
                            room: frame.room.clone(),
                            from: claims.sub.clone(),
                            text: frame.text,
                            at_ms: now_ms(),
                            error: String::new(),
                        };
                        Self::record(&rooms, &ev);
                        let _ = Self::sender(&rooms, &frame.room).send(ev);
                    }
                }
            }
        });

        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn history(
        &self,
        request: Request<HistoryRequest>,
    ) -> Result<Response<Self::HistoryStream>, Status> {
        let claims = self.verifier.verify(request.metadata())?;
        let req = request.into_inner();
        if !claims.may_post(&req.room) {
            return Err(Status::permission_denied("not a member"));
        }
        let limit = (req.limit as usize).clamp(1, HISTORY_MAX);
        let events: Vec<ChatEvent> = {
            let rooms = self.rooms.lock().unwrap();
            rooms
                .get(&req.room)
                .map(|r| r.history.iter().rev().take(limit).rev().cloned().collect())
                .unwrap_or_default()
        };
        Ok(Response::new(Box::pin(tokio_stream::iter(events.into_iter().map(Ok)))))
    }

    async fn list_rooms(
        &self,
        request: Request<ListRoomsRequest>,
    ) -> Result<Response<ListRoomsResponse>, Status> {
        let claims = self.verifier.verify(request.metadata())?;
        Ok(Response::new(ListRoomsResponse { rooms: claims.rooms }))
    }
}
