use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{Stream, StreamExt};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{sleep_until, Instant};
use tonic::Status;

use crate::auth::revocation::{Revocations, Revoked};
use crate::auth::Claims;

const LEEWAY: Duration = Duration::from_secs(1);

fn instant_of(unix_secs: u64) -> Instant {
    let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let until = Duration::from_secs(unix_secs).saturating_sub(now_unix);
    Instant::now() + until + LEEWAY
}

/// Ends `inner` with UNAUTHENTICATED at the token's expiry, or with
/// PERMISSION_DENIED as soon as the token or its subject is revoked.
pub fn guard<S, T>(claims: Claims, revocations: Revocations, inner: S) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
where
    S: Stream<Item = Result<T, Status>> + Send + 'static,
    T: Send + 'static,
{
    let mut revoked = revocations.subscribe();
    let already = revocations.is_revoked(&claims.jti, &claims.sub);
    let expires = instant_of(claims.exp);
    Box::pin(async_stream::stream! {
        if already {
            yield Err(Status::permission_denied("token_revoked"));
            return;
        }
        let mut inner = Box::pin(inner);
        let expiry = sleep_until(expires);
        tokio::pin!(expiry);
        loop {
            tokio::select! {
                _ = &mut expiry => {
                    yield Err(Status::unauthenticated("token_expired"));
                    return;
                }
                r = revoked.recv() => match r {
                    Ok(Revoked::Token(j)) if j == claims.jti => { yield Err(Status::permission_denied("token_revoked")); return; }
                    Ok(Revoked::Subject(s)) if s == claims.sub => { yield Err(Status::permission_denied("token_revoked")); return; }
                    Ok(_) | Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return,
                },
                item = inner.next() => match item {
                    Some(v) => yield v,
                    None => return,
                },
            }
        }
    })
}
