//! Per-stream session: ends the stream at the token's `exp`, on a pushed revocation
//! (broadcast of "jti:<id>" / "sub:<id>"), at the maximum lifetime, or after an idle
//! period; carries the caller's deadline and a cancellation token cancelled on drop.

use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::{metadata::MetadataMap, Status};

use crate::auth::ObserverClaims;

#[derive(Clone)]
pub struct Limits {
    pub max_lifetime: Duration,
    pub idle: Duration,
}

pub struct Session {
    pub claims: ObserverClaims,
    pub deadline: Option<Instant>,
    pub cancel: CancellationToken,
    expires_at: Instant,
    closes_at: Instant,
    idle: Duration,
    revocations: broadcast::Receiver<String>,
}

fn parse_timeout(md: &MetadataMap) -> Option<Duration> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, u) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match u {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// Time left before `deadline`, or `default` when the caller set none.
pub fn remaining(deadline: Option<Instant>, default: Duration) -> Duration {
    deadline.map(|d| d.saturating_duration_since(Instant::now())).unwrap_or(default)
}

impl Session {
    pub fn open(
        claims: ObserverClaims,
        md: &MetadataMap,
        revoked_now: bool,
        revocations: broadcast::Receiver<String>,
        limits: &Limits,
    ) -> Result<Self, Status> {
        if revoked_now {
            return Err(Status::permission_denied("token_revoked"));
        }
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        let ttl = Duration::from_secs(claims.exp.saturating_sub(now_unix));
        let now = Instant::now();
        Ok(Self {
            claims,
            deadline: parse_timeout(md).map(|d| now + d),
            cancel: CancellationToken::new(),
            expires_at: now + ttl,
            closes_at: now + limits.max_lifetime,
            idle: limits.idle,
            revocations,
        })
    }

    /// Time left before the caller's deadline (or `default` when it set none).
    pub fn remaining(&self, default: Duration) -> Duration {
        remaining(self.deadline, default)
    }

    fn revokes(&self, key: &str) -> bool {
        key == format!("jti:{}", self.claims.jti) || key == format!("sub:{}", self.claims.sub)
    }

    /// Wrap a response stream so it ends with a clear status on expiry, revocation,
    /// lifetime or idleness, and cancels the session token when dropped.
    pub fn guard<T, S>(mut self, inner: S) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
    where
        T: Send + 'static,
        S: Stream<Item = Result<T, Status>> + Send + 'static,
    {
        Box::pin(async_stream::stream! {
            let _drop: DropGuard = self.cancel.clone().drop_guard();
            tokio::pin!(inner);
            let mut idle_at = Instant::now() + self.idle;
            loop {
                tokio::select! {
                    _ = sleep_until(self.expires_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(self.closes_at) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = self.revocations.recv() => match r {
                        Ok(key) if self.revokes(&key) => { yield Err(Status::permission_denied("token_revoked")); break; }
                        Err(broadcast::error::RecvError::Closed) => { yield Err(Status::unavailable("revocation feed lost")); break; }
                        _ => {}
                    },
                    item = inner.next() => match item {
                        Some(item) => { idle_at = Instant::now() + self.idle; yield item; }
                        None => break,
                    },
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp_in: u64) -> ObserverClaims {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        ObserverClaims { sub: "na-1".into(), jti: "t1".into(), exp: now + exp_in, domes: vec![], scope: String::new() }
    }

    #[tokio::test(start_paused = true)]
    async fn ends_on_revocation() {
        let (tx, rx) = broadcast::channel(4);
        let limits = Limits { max_lifetime: Duration::from_secs(3600), idle: Duration::from_secs(600) };
        let s = Session::open(claims(600), &MetadataMap::new(), false, rx, &limits).unwrap();
        let mut out = s.guard(futures_pending::<u32>());
        tx.send("sub:na-1".into()).unwrap();
        let first = out.next().await.unwrap().unwrap_err();
        assert_eq!(first.code(), tonic::Code::PermissionDenied);
    }

    #[tokio::test(start_paused = true)]
    async fn ends_at_expiry() {
        let (_tx, rx) = broadcast::channel(4);
        let limits = Limits { max_lifetime: Duration::from_secs(3600), idle: Duration::from_secs(3600) };
        let s = Session::open(claims(5), &MetadataMap::new(), false, rx, &limits).unwrap();
        let mut out = s.guard(futures_pending::<u32>());
        let first = out.next().await.unwrap().unwrap_err();
        assert_eq!(first.message(), "token_expired");
    }

    fn futures_pending<T: Send + 'static>() -> impl Stream<Item = Result<T, Status>> + Send {
        tokio_stream::pending()
    }
}
