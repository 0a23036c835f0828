//! Ends a response stream at the token's expiry or on a pushed revocation.
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::Status;

use crate::identity::Identity;

pub type Revocations = broadcast::Sender<String>;

fn until_exp(exp: u64) -> Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    Duration::from_secs(exp.saturating_sub(now))
}

pub fn guarded<S, T>(inner: S, id: Identity, revocations: &Revocations) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
where
    S: Stream<Item = Result<T, Status>> + Send + 'static,
    T: Send + 'static,
{
    let mut revoked = revocations.subscribe();
    let expiry = tokio::time::sleep(until_exp(id.exp));
    Box::pin(async_stream::stream! {
        tokio::pin!(inner);
        tokio::pin!(expiry);
        loop {
            tokio::select! {
                _ = &mut expiry => {
                    yield Err(Status::unauthenticated("token_expired"));
                    break;
                }
                r = revoked.recv() => {
                    match r {
                        Ok(key) if key == id.jti || key == id.sub => {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                        Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => break,
                    }
                }
                item = inner.next() => match item {
                    Some(i) => yield i,
                    None => break,
                },
            }
        }
    })
}
