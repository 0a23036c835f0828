//! Per-stream session: token expiry, pushed revocation, maximum lifetime, idle timeout, the
//! caller's deadline and a cancellation token tied to the stream's life.
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{sleep_until, Instant};
use tokio_util::sync::CancellationToken;
use tonic::{Request, Status};

use crate::auth::Claims;
use crate::revocation::RevocationHub;

pub const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(5 * 60);

pub type GuardedStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

pub struct Session {
    pub claims: Arc<Claims>,
    deadline: Option<Instant>,
    opened: Instant,
    cancel: CancellationToken,
    hub: RevocationHub,
}

fn parse_grpc_timeout(v: &str) -> Option<Duration> {
    let (num, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

impl Session {
    pub fn open<T>(req: &Request<T>, hub: &RevocationHub) -> Result<Self, Status> {
        let claims = req
            .extensions()
            .get::<Arc<Claims>>()
            .cloned()
            .ok_or_else(|| Status::unauthenticated("no claims"))?;
        let now = Instant::now();
        let deadline = req
            .metadata()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .and_then(parse_grpc_timeout)
            .map(|d| now + d);
        Ok(Self { claims, deadline, opened: now, cancel: CancellationToken::new(), hub: hub.clone() })
    }

    /// Time left of the caller's deadline (None when the caller set none).
    pub fn remaining(&self) -> Result<Option<Duration>, Status> {
        match self.deadline {
            None => Ok(None),
            Some(d) => {
                let now = Instant::now();
                if now >= d {
                    Err(Status::deadline_exceeded("deadline passed"))
                } else {
                    Ok(Some(d - now))
                }
            }
        }
    }

    pub fn token(&self) -> CancellationToken {
        self.cancel.child_token()
    }

    fn expires_at(&self) -> Instant {
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let left = self.claims.exp.saturating_sub(now_unix);
        Instant::now() + Duration::from_secs(left) + Duration::from_millis(500)
    }

    /// Wraps a response stream: ends it at exp, on revocation, at the lifetime or idle limit.
    /// Dropping the returned stream (client cancel) cancels the session token.
    pub fn guard<T, S>(self, inner: S) -> GuardedStream<T>
    where
        T: Send + 'static,
        S: Stream<Item = Result<T, Status>> + Send + 'static,
    {
        let exp_at = self.expires_at();
        let life_at = self.opened + MAX_LIFETIME;
        let mut revoked = self.hub.subscribe();
        let claims = self.claims.clone();
        let cancel = self.cancel.clone();
        Box::pin(async_stream::stream! {
            let _cancel_on_drop = cancel.drop_guard();
            tokio::pin!(inner);
            let exp = sleep_until(exp_at);
            let life = sleep_until(life_at);
            let idle = sleep_until(Instant::now() + IDLE_TIMEOUT);
            tokio::pin!(exp, life, idle);
            loop {
                tokio::select! {
                    _ = &mut exp => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = &mut life => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = &mut idle => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = revoked.recv() => match r {
                        Ok(rv) if rv.matches(&claims) => { yield Err(Status::permission_denied("token_revoked")); break; }
                        Ok(_) => {}
                        Err(RecvError::Lagged(_)) | Err(RecvError::Closed) => {
                            yield Err(Status::unavailable("revocation feed lost"));
                            break;
                        }
                    },
                    item = inner.next() => match item {
                        Some(item) => {
                            idle.as_mut().reset(Instant::now() + IDLE_TIMEOUT);
                            yield item;
                        }
                        None => break,
                    },
                }
            }
        })
    }
}
