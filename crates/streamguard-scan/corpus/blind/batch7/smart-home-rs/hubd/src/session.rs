//! Per-stream session: ends the stream at token expiry, on revocation (pushed from the cloud
//! account service), after a maximum lifetime, or after an idle period; cancels work started for
//! the stream when it ends for any reason, including the client going away.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::watch;
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::CancellationToken;
use tonic::metadata::MetadataMap;
use tonic::Status;

use crate::auth::Claims;

pub const MAX_LIFETIME: Duration = Duration::from_secs(2 * 3600);
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10 * 60);

/// Set of revoked token ids / subjects, replaced wholesale whenever the account service pushes.
pub type RevokedSet = std::sync::Arc<std::collections::HashSet<String>>;

pub struct Session {
    pub claims: Claims,
    revoked: watch::Receiver<RevokedSet>,
    expires: Instant,
    ends: Instant,
    caller_deadline: Option<Instant>,
    pub cancel: CancellationToken,
}

impl Session {
    pub fn open(claims: Claims, revoked: watch::Receiver<RevokedSet>, md: &MetadataMap) -> Result<Self, Status> {
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(u64::MAX);
        if now_unix >= claims.exp {
            return Err(Status::unauthenticated("token_expired"));
        }
        let s = Self {
            expires: Instant::now() + Duration::from_secs(claims.exp - now_unix),
            ends: Instant::now() + MAX_LIFETIME,
            caller_deadline: md.get("grpc-timeout").and_then(|v| v.to_str().ok()).and_then(parse_timeout).map(|d| Instant::now() + d),
            claims,
            revoked,
            cancel: CancellationToken::new(),
        };
        if s.is_revoked() {
            return Err(Status::permission_denied("token_revoked"));
        }
        Ok(s)
    }

    fn is_revoked(&self) -> bool {
        let set = self.revoked.borrow();
        set.contains(&format!("jti:{}", self.claims.jti)) || set.contains(&format!("sub:{}", self.claims.sub))
    }

    /// The caller's deadline as an absolute instant, if it sent one.
    pub fn caller_deadline(&self) -> Option<Instant> {
        self.caller_deadline
    }

    /// Wraps the response stream with every bound of the session.
    pub fn guard<T, S>(mut self, inner: S) -> impl Stream<Item = Result<T, Status>> + Send
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        async_stream::stream! {
            let _cancel_on_drop = self.cancel.clone().drop_guard();
            tokio::pin!(inner);
            let mut idle = Instant::now() + IDLE_TIMEOUT;
            loop {
                tokio::select! {
                    _ = sleep_until(self.expires) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(self.ends) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    changed = self.revoked.changed() => {
                        if changed.is_err() || self.is_revoked() { yield Err(Status::permission_denied("token_revoked")); break; }
                    }
                    item = inner.next() => match item {
                        Some(i) => { idle = Instant::now() + IDLE_TIMEOUT; yield i; }
                        None => break,
                    },
                }
            }
        }
    }
}

fn parse_timeout(s: &str) -> Option<Duration> {
    let (n, u) = s.split_at(s.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    match u {
        "H" => Some(Duration::from_secs(n.checked_mul(3600)?)),
        "M" => Some(Duration::from_secs(n.checked_mul(60)?)),
        "S" => Some(Duration::from_secs(n)),
        "m" => Some(Duration::from_millis(n)),
        "u" => Some(Duration::from_micros(n)),
        "n" => Some(Duration::from_nanos(n)),
        _ => None,
    }
}
