//! Warnings fan-out and the per-stream guard for the warnings feed.

use radar_common::auth::Claims;
use radar_common::pb::Warning;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{broadcast, watch};
use tokio::time::Instant;

pub const MAX_FEED: Duration = Duration::from_secs(60 * 60);

#[derive(Clone)]
pub struct WarningHub {
    pub tx: broadcast::Sender<Warning>,
    /// Latest revoked (jti or subject); pushed by the admin endpoint.
    pub revoked: watch::Receiver<Option<String>>,
}

pub fn expiry_instant(claims: &Claims) -> Instant {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
    Instant::now() + Duration::from_secs(claims.exp.saturating_sub(now))
}

pub fn is_revoked(claims: &Claims, revoked: &Option<String>) -> bool {
    matches!(revoked, Some(r) if *r == claims.jti || *r == claims.sub)
}
