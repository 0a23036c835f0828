//! Per-stream session: the stream ends at token expiry, on a revocation pushed
//! through the `watch` channel, after the maximum lifetime, or when idle; the
//! session's cancellation token is cancelled on any of these and when the
//! response stream is dropped (client cancel).
use std::collections::HashSet;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::CancellationToken;
use tonic::Status;

use crate::claims::Claims;

#[derive(Clone)]
pub struct Limits {
    pub max_lifetime: Duration,
    pub idle: Duration,
}

pub struct Session {
    pub claims: Claims,
    pub cancel: CancellationToken,
    revoked: watch::Receiver<HashSet<String>>,
    limits: Limits,
    deadline: Option<Instant>,
}

impl Session {
    pub fn open(claims: Claims, revoked: watch::Receiver<HashSet<String>>, limits: Limits, caller_deadline: Option<Duration>) -> Result<Self, Status> {
        if is_revoked(&revoked.borrow(), &claims) {
            return Err(Status::permission_denied("token_revoked"));
        }
        Ok(Self { claims, cancel: CancellationToken::new(), revoked, limits, deadline: caller_deadline.map(|d| Instant::now() + d) })
    }

    /// Time left for a downstream call: the caller's deadline if it sent one.
    pub fn remaining(&self, default: Duration) -> Duration {
        self.deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or(default)
    }

    pub fn guard<S, T>(self, inner: S) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        let Session { claims, cancel, mut revoked, limits, .. } = self;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let exp_at = Instant::now() + Duration::from_secs(claims.exp.saturating_sub(now));
        let life_at = Instant::now() + limits.max_lifetime;
        Box::pin(async_stream::stream! {
            let _drop_guard = cancel.clone().drop_guard();
            tokio::pin!(inner);
            let mut idle_at = Instant::now() + limits.idle;
            loop {
                tokio::select! {
                    _ = sleep_until(exp_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(life_at) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    changed = revoked.changed() => {
                        if changed.is_err() { break; }
                        if is_revoked(&revoked.borrow(), &claims) {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                    }
                    item = inner.next() => match item {
                        Some(i) => { idle_at = Instant::now() + limits.idle; yield i; }
                        None => break,
                    },
                }
            }
            cancel.cancel();
        })
    }
}

fn is_revoked(set: &HashSet<String>, c: &Claims) -> bool {
    set.contains(&format!("jti:{}", c.jti)) || set.contains(&format!("sub:{}", c.sub))
}
