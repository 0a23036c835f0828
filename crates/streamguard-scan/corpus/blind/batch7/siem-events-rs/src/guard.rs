//! Ends a response stream at token expiry or when the token is revoked.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tonic::Status;

use crate::jwt::{AnalystClaims, Revocations};

pub fn guarded<T, S>(inner: S, claims: AnalystClaims, revocations: &Revocations) -> impl Stream<Item = Result<T, Status>>
where
    S: Stream<Item = Result<T, Status>> + Send + 'static,
    T: Send + 'static,
{
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(u64::MAX);
    let expires = Instant::now() + Duration::from_secs(claims.exp.saturating_sub(now));
    let mut revoked = revocations.subscribe();
    let mine = [format!("jti:{}", claims.jti), format!("sub:{}", claims.sub)];
    async_stream::stream! {
        tokio::pin!(inner);
        loop {
            tokio::select! {
                _ = sleep_until(expires) => { yield Err(Status::unauthenticated("token_expired")); break; }
                r = revoked.recv() => {
                    if let Ok(key) = r { if mine.contains(&key) { yield Err(Status::permission_denied("token_revoked")); break; } }
                }
                item = inner.next() => match item { Some(i) => yield i, None => break },
            }
        }
    }
}
