use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::Stream;
use tokio::time::{sleep_until, Instant};
use tokio_stream::StreamExt;
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::metadata::MetadataMap;
use tonic::Status;

use crate::claims::Claims;
use crate::revocation::Revocations;

pub type EventStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

/// Per-stream state: who the caller is, the caller's deadline, and a cancellation token that
/// fires when the response stream is dropped (client cancel or disconnect).
pub struct Session {
    pub claims: Claims,
    pub deadline: Option<Instant>,
    pub cancel: CancellationToken,
    expires_at: Instant,
    opened: Instant,
}

impl Session {
    pub fn open(claims: Claims, md: &MetadataMap, revocations: &Revocations) -> Result<Self, Status> {
        if revocations.is_revoked(&claims.jti, &claims.sub) {
            return Err(Status::permission_denied("token_revoked"));
        }
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let left = Duration::from_secs(claims.exp.saturating_sub(now_unix));
        let now = Instant::now();
        Ok(Self {
            deadline: crate::deadline::from_metadata(md).map(|d| now + d),
            claims,
            cancel: CancellationToken::new(),
            expires_at: now + left + Duration::from_secs(1),
            opened: now,
        })
    }

    /// A handle for work done on behalf of this stream: same caller, same deadline, cancelled
    /// with the stream.
    pub fn child(&self) -> Session {
        Session {
            claims: self.claims.clone(),
            deadline: self.deadline,
            cancel: self.cancel.child_token(),
            expires_at: self.expires_at,
            opened: self.opened,
        }
    }

    pub fn remaining(&self) -> Result<Duration, Status> {
        match self.deadline {
            None => Ok(Duration::from_secs(60)),
            Some(d) => d
                .checked_duration_since(Instant::now())
                .filter(|r| !r.is_zero())
                .ok_or_else(|| Status::deadline_exceeded("caller deadline passed")),
        }
    }

    /// Ends `inner` at token expiry, on revocation, at the maximum lifetime or the caller's
    /// deadline; cancels `self.cancel` when the returned stream is dropped.
    pub fn guard<T: Send + 'static>(
        self,
        inner: EventStream<T>,
        revocations: Revocations,
        max_lifetime: Duration,
    ) -> EventStream<T> {
        let Session { claims, deadline, cancel, expires_at, opened } = self;
        let drop_guard: DropGuard = cancel.clone().drop_guard();
        let lifetime_end = opened + max_lifetime;
        let hard_end = deadline.map_or(lifetime_end, |d| d.min(lifetime_end));
        let mut rev = revocations.subscribe();
        Box::pin(async_stream::stream! {
            let _drop_guard = drop_guard;
            let mut inner = inner;
            loop {
                tokio::select! {
                    _ = sleep_until(expires_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(hard_end) => {
                        yield Err(if Some(hard_end) == deadline { Status::deadline_exceeded("deadline") } else { Status::unavailable("max_stream_lifetime") });
                        break;
                    }
                    changed = rev.changed() => {
                        if changed.is_err() || revocations.is_revoked(&claims.jti, &claims.sub) {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                    }
                    item = inner.next() => match item {
                        Some(item) => yield item,
                        None => break,
                    },
                }
            }
        })
    }
}
