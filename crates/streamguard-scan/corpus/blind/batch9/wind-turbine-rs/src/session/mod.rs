//! Per-stream session: expiry, pushed revocation, lifetime, idle timeout,
//! identity rate limit, caller deadline and a cancellation token for spawned work.
pub mod claims;
pub mod revocation;

use std::num::NonZeroU32;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_stream::stream;
use governor::{clock::DefaultClock, state::keyed::DefaultKeyedStateStore, Quota, RateLimiter};
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::{Request, Status};

pub use claims::{Claims, Verifier};
pub use revocation::Revocations;

pub type IdentityLimiter = RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>;

pub fn identity_limiter(per_minute: u32) -> Arc<IdentityLimiter> {
    Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN))))
}

#[derive(Clone)]
pub struct SessionConfig {
    pub max_lifetime: Duration,
    pub idle: Duration,
    pub default_downstream: Duration,
}

pub struct Session {
    pub claims: Claims,
    pub cancel: CancellationToken,
    revocations: Revocations,
    limiter: Arc<IdentityLimiter>,
    cfg: SessionConfig,
    opened: Instant,
    expires: Instant,
    deadline: Option<Instant>,
    _guard: Arc<DropGuard>,
}

fn grpc_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    match unit {
        "H" => Some(Duration::from_secs(n.saturating_mul(3600))),
        "M" => Some(Duration::from_secs(n.saturating_mul(60))),
        "S" => Some(Duration::from_secs(n)),
        "m" => Some(Duration::from_millis(n)),
        "u" => Some(Duration::from_micros(n)),
        "n" => Some(Duration::from_nanos(n)),
        _ => None,
    }
}

impl Session {
    pub fn open<T>(req: &Request<T>, revocations: &Revocations, limiter: &Arc<IdentityLimiter>, cfg: &SessionConfig) -> Result<Self, Status> {
        let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
        if revocations.is_revoked(&claims.jti, &claims.sub) {
            return Err(Status::permission_denied("token_revoked"));
        }
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let left = Duration::from_secs(claims.exp.saturating_sub(now_unix)) + Duration::from_millis(500);
        let cancel = CancellationToken::new();
        Ok(Self {
            expires: Instant::now() + left,
            opened: Instant::now(),
            deadline: grpc_timeout(req).map(|d| Instant::now() + d),
            _guard: Arc::new(cancel.clone().drop_guard()),
            cancel,
            claims,
            revocations: revocations.clone(),
            limiter: limiter.clone(),
            cfg: cfg.clone(),
        })
    }

    pub fn admit(&self) -> Result<(), Status> {
        self.limiter
            .check_key(&self.claims.sub)
            .map_err(|_| Status::resource_exhausted("rate_limit_exceeded"))
    }

    /// Time left for a downstream call.
    pub fn remaining(&self) -> Result<Duration, Status> {
        match self.deadline {
            None => Ok(self.cfg.default_downstream),
            Some(d) => d.checked_duration_since(Instant::now()).ok_or_else(|| Status::deadline_exceeded("deadline passed")),
        }
    }

    /// Wraps an outbound stream so it ends at exp, on revocation, at the
    /// maximum lifetime or after the idle period.
    pub fn guard<S, T>(self: Arc<Self>, inner: S) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        let mut revoked = self.revocations.subscribe();
        let lifetime_end = self.opened + self.cfg.max_lifetime;
        Box::pin(stream! {
            tokio::pin!(inner);
            let mut idle_at = Instant::now() + self.cfg.idle;
            loop {
                tokio::select! {
                    item = inner.next() => match item {
                        Some(item) => { idle_at = Instant::now() + self.cfg.idle; yield item; }
                        None => break,
                    },
                    _ = sleep_until(self.expires) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(lifetime_end) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    Ok(()) = revoked.changed() => {
                        if self.revocations.is_revoked(&self.claims.jti, &self.claims.sub) {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                    }
                }
            }
            self.cancel.cancel();
        })
    }
}
