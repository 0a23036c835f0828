//! Per-stream session: the token's claims, a cancellation token, and a
//! guard that ends the response stream at expiry, on revocation, at the
//! maximum lifetime or after idling.
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::time::Instant;
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::Status;

pub const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);
pub const IDLE: Duration = Duration::from_secs(5 * 60);

#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub towers: Vec<String>,
}

pub struct Session {
    pub claims: Claims,
    pub cancel: CancellationToken,
    pub deadline: Option<Instant>,
    revocations: broadcast::Receiver<String>,
}

impl Session {
    pub fn new(claims: Claims, deadline: Option<Instant>, revocations: broadcast::Receiver<String>) -> Self {
        Self { claims, cancel: CancellationToken::new(), deadline, revocations }
    }

    pub fn owns(&self, tower: &str) -> bool {
        self.claims.towers.iter().any(|t| t == tower)
    }

    pub fn remaining(&self, cap: Duration) -> Duration {
        match self.deadline {
            Some(d) => d.saturating_duration_since(Instant::now()).min(cap),
            None => cap,
        }
    }

    fn exp_instant(&self) -> Instant {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        Instant::now() + Duration::from_secs(self.claims.exp.saturating_sub(now))
    }

    /// Wraps a response stream; the returned stream ends with a status when
    /// any bound is hit, and cancels `cancel` when dropped.
    pub fn guard<S, T>(mut self, inner: S) -> impl Stream<Item = Result<T, Status>> + Send
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        let exp = self.exp_instant();
        let end_of_life = Instant::now() + MAX_LIFETIME;
        let drop_guard: DropGuard = self.cancel.clone().drop_guard();
        async_stream::stream! {
            let _drop_guard = drop_guard;
            tokio::pin!(inner);
            let mut idle = Instant::now() + IDLE;
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(exp) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = tokio::time::sleep_until(end_of_life) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = tokio::time::sleep_until(idle) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = self.revocations.recv() => {
                        if let Ok(id) = r {
                            if id == format!("jti:{}", self.claims.jti) || id == format!("sub:{}", self.claims.sub) {
                                yield Err(Status::permission_denied("token_revoked"));
                                break;
                            }
                        }
                    }
                    item = inner.next() => match item {
                        Some(i) => { idle = Instant::now() + IDLE; yield i; }
                        None => break,
                    },
                }
            }
        }
    }
}
