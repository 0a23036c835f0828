//! Per-stream session: ends the stream at token expiry, on a pushed revocation, after the maximum
//! lifetime or when idle; cancels the stream's work when it is dropped.
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_core::Stream;
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::time::{sleep_until, Instant as TokioInstant};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::{metadata::MetadataMap, Status};

pub const MAX_LIFETIME: Duration = Duration::from_secs(40 * 60);
pub const IDLE: Duration = Duration::from_secs(5 * 60);

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub lines: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn may_run(&self, machine_id: &str) -> bool {
        let line = machine_id.split('/').next().unwrap_or_default();
        self.lines.iter().any(|l| l == line) && self.scope.split(' ').any(|s| s == "line:operate")
    }
}

#[derive(Clone)]
pub struct Sessions {
    key: DecodingKey,
    validation: Validation,
    revocations: broadcast::Sender<(String, String)>,
}

pub struct Session {
    pub claims: Claims,
    pub deadline: Option<Instant>,
    pub cancel: CancellationToken,
    _drop: Arc<Mutex<Option<DropGuard>>>,
    expires: TokioInstant,
    ends: TokioInstant,
    revoked: broadcast::Receiver<(String, String)>,
}

impl Sessions {
    pub fn new(public_pem: &[u8], revocations: broadcast::Sender<(String, String)>) -> Self {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&["honey-extraction"]);
        validation.set_issuer(&["https://id.apiary.example"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_ec_pem(public_pem).expect("pem"), validation, revocations }
    }

    pub fn open(&self, md: &MetadataMap) -> Result<Session, Status> {
        let token = md
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|_| Status::unauthenticated("invalid token"))?
            .claims;
        let now_unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let expires = TokioInstant::now() + Duration::from_secs(claims.exp.saturating_sub(now_unix));
        let cancel = CancellationToken::new();
        Ok(Session {
            deadline: crate::deadline::from_metadata(md),
            _drop: Arc::new(Mutex::new(Some(cancel.clone().drop_guard()))),
            cancel,
            expires,
            ends: TokioInstant::now() + MAX_LIFETIME,
            revoked: self.revocations.subscribe(),
            claims,
        })
    }
}

impl Session {
    /// Time left of the caller's deadline; `None` when the caller set none.
    pub fn remaining(&self) -> Option<Duration> {
        self.deadline.map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Wraps a response stream so it ends with a clear status on expiry, revocation, lifetime or idleness.
    pub fn guard<S, T>(mut self, inner: S) -> impl Stream<Item = Result<T, Status>> + Send
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        async_stream::stream! {
            tokio::pin!(inner);
            let mut idle = TokioInstant::now() + IDLE;
            loop {
                tokio::select! {
                    item = tokio_stream::StreamExt::next(&mut inner) => match item {
                        Some(item) => { idle = TokioInstant::now() + IDLE; yield item; }
                        None => break,
                    },
                    _ = sleep_until(self.expires) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(self.ends) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    Ok((jti, sub)) = self.revoked.recv() => {
                        if jti == self.claims.jti || sub == self.claims.sub {
                            yield Err(Status::permission_denied("token_revoked"));
                            break;
                        }
                    }
                }
            }
            self.cancel.cancel();
        }
    }
}

/// Messages per identity, shared by every stream of this process.
pub type Limiter = governor::DefaultKeyedRateLimiter<String>;

pub fn new_limiter() -> Arc<Limiter> {
    Arc::new(governor::RateLimiter::keyed(governor::Quota::per_second(std::num::NonZeroU32::new(20).unwrap())))
}

