use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use async_stream::try_stream;
use tokio::sync::broadcast::error::RecvError;
use tokio_stream::Stream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

use super::deadline::Deadline;
use super::matches::Matches;
use crate::infra::api_keys::Partner;
use crate::infra::bus::Bus;
use crate::infra::limits::PartnerLimiter;
use crate::pb::commentary_client::CommentaryClient;
use crate::pb::match_feed_server::MatchFeed;
use crate::pb::spectator_command::Cmd;
use crate::pb::*;

/// A game server sends a few hundred events a minute; this is a generous cap per stream.
const EVENTS_PER_STREAM: u64 = 200_000;

type Out<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Feed {
    pub bus: Arc<Bus>,
    pub matches: Matches,
    pub limiter: PartnerLimiter,
    pub commentary: CommentaryClient<Channel>,
}

fn partner<T>(req: &Request<T>) -> Result<Partner, Status> {
    req.extensions().get::<Partner>().cloned().ok_or_else(|| Status::unauthenticated("no partner"))
}

impl Feed {
    async fn may_watch(&self, p: &Partner, match_id: &str) -> Result<(), Status> {
        match self.matches.is_private(match_id).await {
            Ok(Some(true)) if !p.private_matches => Err(Status::permission_denied("private match")),
            Ok(Some(_)) => Ok(()),
            Ok(None) => Err(Status::not_found(format!("no match {match_id}"))),
            Err(e) => Err(Status::unavailable(e.to_string())),
        }
    }
}

#[tonic::async_trait]
impl MatchFeed for Feed {
    type WatchMatchStream = Out<MatchEvent>;
    type SpectateStream = Out<SpectatorFrame>;
    type WatchLeaderboardStream = Out<LeaderboardRow>;

    async fn watch_match(&self, request: Request<WatchMatchRequest>) -> Result<Response<Self::WatchMatchStream>, Status> {
        let p = partner(&request)?;
        let match_id = request.into_inner().match_id;
        self.may_watch(&p, &match_id).await?;
        let mut rx = self.bus.match_channel(&match_id).subscribe();
        let out = try_stream! {
            loop {
                match rx.recv().await {
                    Ok(ev) => {
                        let end = ev.kind == "match_end";
                        yield ev;
                        if end { break; }
                    }
                    Err(RecvError::Lagged(n)) => tracing::warn!(n, "watcher lagged"),
                    Err(RecvError::Closed) => break,
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn submit_events(&self, request: Request<Streaming<GameEvent>>) -> Result<Response<SubmitSummary>, Status> {
        let p = partner(&request)?;
        if !p.can_ingest {
            return Err(Status::permission_denied("key cannot ingest"));
        }
        let mut inbound = request.into_inner();
        let mut accepted = 0u64;
        let mut assigned: std::collections::HashSet<String> = std::collections::HashSet::new();
        while let Some(ev) = inbound.message().await? {
            if !assigned.contains(&ev.match_id) {
                let ok = self.matches.server_assigned(&p.key_id, &ev.match_id).await.map_err(|e| Status::unavailable(e.to_string()))?;
                if !ok {
                    return Err(Status::permission_denied(format!("not assigned to match {}", ev.match_id)));
                }
                assigned.insert(ev.match_id.clone());
            }
            accepted += 1;
            if accepted > EVENTS_PER_STREAM {
                return Err(Status::resource_exhausted("event budget for this stream exhausted"));
            }
            let end = ev.kind == "match_end";
            let tx = self.bus.match_channel(&ev.match_id);
            let _ = tx.send(MatchEvent {
                match_id: ev.match_id.clone(),
                seq: ev.seq,
                kind: ev.kind,
                payload_json: ev.payload_json,
                game_time_ms: ev.game_time_ms,
            });
            if end {
                self.bus.finish(&ev.match_id);
            }
        }
        Ok(Response::new(SubmitSummary { accepted }))
    }

    async fn spectate(&self, request: Request<Streaming<SpectatorCommand>>) -> Result<Response<Self::SpectateStream>, Status> {
        let p = partner(&request)?;
        let deadline = Deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let bus = self.bus.clone();
        let matches = self.matches.clone();
        let limiter = self.limiter.clone();
        let commentary = self.commentary.clone();
        let out = try_stream! {
            let mut current: Option<tokio::sync::broadcast::Receiver<MatchEvent>> = None;
            let mut current_id = String::new();
            loop {
                tokio::select! {
                    cmd = inbound.message() => {
                        let Some(cmd) = cmd? else { break };
                        if limiter.check_key(&p.key_id).is_err() {
                            Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                        }
                        match cmd.cmd {
                            Some(Cmd::Switch(s)) => {
                                let private = matches.is_private(&s.match_id).await.map_err(|e| Status::unavailable(e.to_string()))?;
                                match private {
                                    Some(true) if !p.private_matches => {
                                        yield SpectatorFrame { match_id: s.match_id, error: "PERMISSION_DENIED: private match".into(), ..Default::default() };
                                    }
                                    Some(_) => {
                                        current = Some(bus.match_channel(&s.match_id).subscribe());
                                        current_id = s.match_id;
                                    }
                                    None => {
                                        yield SpectatorFrame { match_id: s.match_id, error: "NOT_FOUND".into(), ..Default::default() };
                                    }
                                }
                            }
                            Some(Cmd::Commentary(c)) => {
                                let Some(left) = deadline.remaining_or(Duration::from_secs(5)) else {
                                    Err(Status::deadline_exceeded("deadline passed"))?;
                                    unreachable!()
                                };
                                let mut req = Request::new(TranslateRequest { text: c.text, lang: c.lang });
                                req.set_timeout(left);
                                let mut client = commentary.clone();
                                match client.translate(req).await {
                                    Ok(r) => yield SpectatorFrame { match_id: current_id.clone(), translated: r.into_inner().text, ..Default::default() },
                                    Err(s) => yield SpectatorFrame { match_id: current_id.clone(), error: s.message().to_owned(), ..Default::default() },
                                }
                            }
                            None => {}
                        }
                    }
                    ev = async { match current.as_mut() { Some(rx) => rx.recv().await.ok(), None => std::future::pending().await } } => {
                        if let Some(ev) = ev {
                            yield SpectatorFrame { match_id: current_id.clone(), event: Some(ev), ..Default::default() };
                        }
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn watch_leaderboard(&self, request: Request<WatchLeaderboardRequest>) -> Result<Response<Self::WatchLeaderboardStream>, Status> {
        let _p = partner(&request)?;
        let mut rx = self.bus.leaderboard.subscribe();
        let out = try_stream! {
            loop {
                match rx.recv().await {
                    Ok(row) => yield row,
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => break,
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
