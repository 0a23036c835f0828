//! Ends a member's response stream at token expiry, on a revocation broadcast,
//! or at the maximum stream lifetime.
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tonic::Status;

use crate::auth::Member;

pub const MAX_LIFETIME: Duration = Duration::from_secs(40 * 60);

pub fn guarded<S, T>(
    member: Member,
    mut revoked: broadcast::Receiver<String>,
    inner: S,
) -> impl Stream<Item = Result<T, Status>>
where
    S: Stream<Item = Result<T, Status>> + Send + 'static,
    T: Send + 'static,
{
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let exp_at = Instant::now() + Duration::from_secs(member.exp.saturating_sub(now));
    let life_at = Instant::now() + MAX_LIFETIME;
    async_stream::stream! {
        tokio::pin!(inner);
        loop {
            tokio::select! {
                item = inner.next() => match item {
                    Some(item) => yield item,
                    None => break,
                },
                _ = sleep_until(exp_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                _ = sleep_until(life_at) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                r = revoked.recv() => {
                    if let Ok(key) = r {
                        if key == format!("jti:{}", member.jti) || key == format!("sub:{}", member.sub) {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                    }
                }
            }
        }
    }
}
