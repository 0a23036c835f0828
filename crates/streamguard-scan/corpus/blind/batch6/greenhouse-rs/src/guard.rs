//! Ends a response stream at token expiry, on revocation, or at the maximum
//! stream lifetime — whichever comes first.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_stream::stream;
use futures::{Stream, StreamExt};
use tokio::sync::watch;
use tokio::time::{sleep_until, Instant};
use tonic::Status;

use crate::auth::Claims;
use crate::revocation::Revoked;

pub const MAX_STREAM_LIFETIME: Duration = Duration::from_secs(30 * 60);

fn exp_instant(exp: u64) -> Instant {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Instant::now() + Duration::from_secs(exp.saturating_sub(now))
}

pub fn guarded<S, T>(
    claims: Claims,
    mut revoked: watch::Receiver<Arc<Revoked>>,
    inner: S,
) -> impl Stream<Item = Result<T, Status>> + Send + 'static
where
    S: Stream<Item = Result<T, Status>> + Send + 'static,
    T: Send + 'static,
{
    let expires = exp_instant(claims.exp);
    let lifetime = Instant::now() + MAX_STREAM_LIFETIME;
    stream! {
        if revoked.borrow().covers(&claims.jti, &claims.sub) {
            yield Err(Status::permission_denied("token_revoked"));
            return;
        }
        let mut inner = std::pin::pin!(inner);
        loop {
            tokio::select! {
                item = inner.next() => match item {
                    Some(item) => yield item,
                    None => return,
                },
                _ = sleep_until(expires) => {
                    yield Err(Status::unauthenticated("token_expired"));
                    return;
                }
                _ = sleep_until(lifetime) => {
                    yield Err(Status::unavailable("max_stream_lifetime"));
                    return;
                }
                changed = revoked.changed() => {
                    if changed.is_err() || revoked.borrow().covers(&claims.jti, &claims.sub) {
                        yield Err(Status::permission_denied("token_revoked"));
                        return;
                    }
                }
            }
        }
    }
}
