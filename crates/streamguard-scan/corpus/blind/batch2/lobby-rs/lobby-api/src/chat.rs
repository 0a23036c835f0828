use std::{collections::HashSet, pin::Pin, sync::Arc, time::Duration};

use dashmap::DashMap;
use tokio::{
    sync::broadcast,
    time::{timeout_at, Instant},
};
use tokio_stream::Stream;
use tonic::{Request, Response, Status, Streaming};

use crate::{
    auth::Player,
    limiter::PlayerLimiter,
    pb::{lobby_chat_server::LobbyChat, lobby_message::Body, LobbyEvent, LobbyMessage},
};

const MAX_MEMBERS: usize = 10;

struct Lobby {
    host: String,
    members: HashSet<String>,
    banned: HashSet<String>,
    events: broadcast::Sender<LobbyEvent>,
}

pub struct ChatService {
    lobbies: Arc<DashMap<String, Lobby>>,
    limiter: PlayerLimiter,
    max_session: Duration,
}

impl ChatService {
    pub fn new(limiter: PlayerLimiter, max_session: Duration) -> Self {
        Self { lobbies: Default::default(), limiter, max_session }
    }
}

enum Next {
    Msg(LobbyMessage),
    Event(LobbyEvent),
    Closed,
}

fn event(lobby: &str, from: &str, text: &str, kind: &str) -> LobbyEvent {
    LobbyEvent { lobby_id: lobby.into(), from: from.into(), text: text.into(), kind: kind.into() }
}

#[tonic::async_trait]
impl LobbyChat for ChatService {
    type ChatStream = Pin<Box<dyn Stream<Item = Result<LobbyEvent, Status>> + Send>>;

    async fn chat(&self, request: Request<Streaming<LobbyMessage>>) -> Result<Response<Self::ChatStream>, Status> {
        let player = request
            .extensions()
            .get::<Player>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no session"))?;
        let mut inbound = request.into_inner();
        let lobbies = self.lobbies.clone();
        let limiter = self.limiter.clone();
        let ends_at = Instant::now() + self.max_session;

        let out = async_stream::try_stream! {
            let mut joined: Option<String> = None;
            let mut is_host = false;
            let (_idle_tx, idle_rx) = broadcast::channel::<LobbyEvent>(1);
            let mut events = idle_rx;

            loop {
                let next = timeout_at(ends_at, async {
                    tokio::select! {
                        m = inbound.message() => m.map(|o| o.map(Next::Msg).unwrap_or(Next::Closed)),
                        e = events.recv() => Ok(match e {
                            Ok(ev) => Next::Event(ev),
                            Err(broadcast::error::RecvError::Lagged(n)) => Next::Event(event("", "system", &format!("missed {n} messages"), "lag")),
                            Err(broadcast::error::RecvError::Closed) => Next::Closed,
                        }),
                    }
                })
                .await
                .map_err(|_| Status::unavailable("session lifetime reached, reconnect"))??;

                let msg = match next {
                    Next::Closed => break,
                    Next::Event(ev) => {
                        yield ev;
                        continue;
                    }
                    Next::Msg(m) => m,
                };

                if !limiter.allow(&player.sub) {
                    yield event("", "system", "slow down", "error");
                    continue;
                }

                match msg.body {
                    Some(Body::Join(j)) => {
                        let mut lobby = lobbies.entry(j.lobby_id.clone()).or_insert_with(|| Lobby {
                            host: player.sub.clone(),
                            members: HashSet::new(),
                            banned: HashSet::new(),
                            events: broadcast::channel(256).0,
                        });
                        if lobby.banned.contains(&player.sub) {
                            Err(Status::permission_denied("banned from this lobby"))?;
                        }
                        if lobby.members.len() >= MAX_MEMBERS && !lobby.members.contains(&player.sub) {
                            Err(Status::resource_exhausted("lobby full"))?;
                        }
                        lobby.members.insert(player.sub.clone());
                        is_host = lobby.host == player.sub;
                        events = lobby.events.subscribe();
                        let _ = lobby.events.send(event(&j.lobby_id, &player.name, "joined", "join"));
                        joined = Some(j.lobby_id);
                    }
                    Some(Body::Say(s)) => {
                        if joined.is_none() {
                            yield event("", "system", "join a lobby first", "error");
                            continue;
                        }
                        if let Some(lobby) = lobbies.get(&s.lobby_id) {
                            let text: String = s.text.chars().take(500).collect();
                            let _ = lobby.events.send(event(&s.lobby_id, &player.name, &text, "say"));
                        }
                    }
                    Some(Body::Kick(k)) => {
                        if !is_host {
                            yield event("", "system", "only the host can kick", "error");
                            continue;
                        }
                        if let Some(mut lobby) = lobbies.get_mut(&k.lobby_id) {
                            lobby.members.remove(&k.player_id);
                            lobby.banned.insert(k.player_id.clone());
                            let _ = lobby.events.send(event(&k.lobby_id, &player.name, &k.player_id, "kick"));
                        }
                    }
                    None => {}
                }
            }

            if let Some(id) = joined {
                if let Some(mut lobby) = lobbies.get_mut(&id) {
                    lobby.members.remove(&player.sub);
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
