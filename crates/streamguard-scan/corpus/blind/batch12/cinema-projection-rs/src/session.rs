//! Per-stream session: absolute deadline from `grpc-timeout`, a cancellation
//! token cancelled when the response stream is dropped, and a guard that ends
//! the stream at token expiry, on a pushed revocation, at the maximum lifetime
//! or after an idle period.
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::{metadata::MetadataMap, Status};

use crate::auth::Staff;

pub const MAX_LIFETIME: Duration = Duration::from_secs(30 * 60);
pub const IDLE: Duration = Duration::from_secs(5 * 60);

pub struct Session {
    pub staff: Staff,
    pub deadline: Option<Instant>,
    pub cancel: CancellationToken,
}

impl Session {
    pub fn open(staff: Staff, md: &MetadataMap) -> Self {
        let deadline = md.get("grpc-timeout").and_then(|v| v.to_str().ok()).and_then(parse_timeout).map(|d| Instant::now() + d);
        Session { staff, deadline, cancel: CancellationToken::new() }
    }

    /// Time left for a downstream call; refuses once the caller's deadline has passed.
    pub fn remaining(&self, default: Duration) -> Result<Duration, Status> {
        match self.deadline {
            None => Ok(default),
            Some(d) if d > Instant::now() => Ok(d - Instant::now()),
            Some(_) => Err(Status::deadline_exceeded("deadline exceeded")),
        }
    }

    pub fn guard<S, T>(self, mut revoked: broadcast::Receiver<String>, inner: S) -> impl Stream<Item = Result<T, Status>>
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        let exp_at = Instant::now() + Duration::from_secs(self.staff.exp.saturating_sub(now));
        let life_at = Instant::now() + MAX_LIFETIME;
        let (jti, sub) = (format!("jti:{}", self.staff.jti), format!("sub:{}", self.staff.sub));
        let drop_guard: DropGuard = self.cancel.clone().drop_guard();
        async_stream::stream! {
            let _drop_guard = drop_guard;
            tokio::pin!(inner);
            let mut idle_at = Instant::now() + IDLE;
            loop {
                tokio::select! {
                    item = inner.next() => match item {
                        Some(item) => { idle_at = Instant::now() + IDLE; yield item; }
                        None => break,
                    },
                    _ = sleep_until(exp_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(life_at) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = revoked.recv() => if let Ok(k) = r {
                        if k == jti || k == sub { yield Err(Status::permission_denied("token_revoked")); break; }
                    },
                }
            }
        }
    }
}

fn parse_timeout(raw: &str) -> Option<Duration> {
    let (n, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
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
