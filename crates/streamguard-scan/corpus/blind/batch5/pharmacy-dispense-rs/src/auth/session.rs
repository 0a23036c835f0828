//! Ends a response stream when the staff token expires or is revoked (badge deactivated).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tonic::Status;

use super::Staff;

#[derive(Clone)]
pub struct Revocations {
    tx: broadcast::Sender<String>,
}

impl Revocations {
    pub fn new() -> Self {
        Self { tx: broadcast::channel(64).0 }
    }
    /// Called by the badge system webhook with a jti or a staff subject.
    pub fn revoke(&self, key: String) {
        let _ = self.tx.send(key);
    }
    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.tx.subscribe()
    }
}

/// Wraps `inner` so it ends with UNAUTHENTICATED at `exp` and PERMISSION_DENIED on revocation.
pub fn guarded<T, S>(staff: Staff, revocations: &Revocations, inner: S) -> impl Stream<Item = Result<T, Status>> + Send
where
    S: Stream<Item = Result<T, Status>> + Send + Unpin + 'static,
    T: Send + 'static,
{
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    let expires = tokio::time::Instant::now() + Duration::from_secs(staff.exp.saturating_sub(now));
    let mut revoked = revocations.subscribe();
    let mut inner = inner;
    async_stream::stream! {
        let expiry = tokio::time::sleep_until(expires);
        tokio::pin!(expiry);
        loop {
            tokio::select! {
                _ = &mut expiry => { yield Err(Status::unauthenticated("token_expired")); break; }
                key = revoked.recv() => match key {
                    Ok(k) if k == staff.jti || k == staff.sub => { yield Err(Status::permission_denied("token_revoked")); break; }
                    Ok(_) | Err(broadcast::error::RecvError::Lagged(_)) => {}
                    Err(broadcast::error::RecvError::Closed) => { yield Err(Status::unavailable("revocation feed closed")); break; }
                },
                item = inner.next() => match item {
                    Some(i) => yield i,
                    None => break,
                },
            }
        }
    }
}
