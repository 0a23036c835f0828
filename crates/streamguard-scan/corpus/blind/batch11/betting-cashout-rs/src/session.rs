//! Per-stream customer session: verified JWT, an absolute deadline, an end at `exp`, on a pushed
//! revocation, after the maximum lifetime or an idle period; a cancellation token for work.
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{Stream, StreamExt};
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::time::{sleep_until, Instant};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::metadata::MetadataMap;
use tonic::Status;

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub scope: String,
}

#[derive(Clone)]
pub struct SessionConfig {
    pub key: DecodingKey,
    pub audience: String,
    pub max_lifetime: Duration,
    pub idle: Duration,
    pub revocations: broadcast::Sender<String>, // "jti:<id>" | "sub:<id>", fed from Redis pub/sub
}

pub struct Session {
    pub claims: Claims,
    exp_at: Instant,
    end_at: Instant,
    deadline: Option<Instant>,
    idle: Duration,
    revoked: broadcast::Receiver<String>,
    pub cancel: CancellationToken,
    _drop: Arc<DropGuard>,
}

fn parse_timeout(md: &MetadataMap) -> Option<Duration> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, u) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match u {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        _ => Duration::from_nanos(n),
    })
}

impl Session {
    pub fn open(cfg: &SessionConfig, md: &MetadataMap) -> Result<Self, Status> {
        let token = md
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let mut v = Validation::new(Algorithm::ES256);
        v.set_audience(&[&cfg.audience]);
        v.leeway = 1;
        let claims = decode::<Claims>(token, &cfg.key, &v).map_err(|_| Status::unauthenticated("invalid token"))?.claims;
        let now_unix = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        let now = Instant::now();
        let cancel = CancellationToken::new();
        Ok(Self {
            exp_at: now + Duration::from_secs(claims.exp.saturating_sub(now_unix)) + Duration::from_secs(1),
            end_at: now + cfg.max_lifetime,
            deadline: parse_timeout(md).map(|d| now + d),
            idle: cfg.idle,
            revoked: cfg.revocations.subscribe(),
            _drop: Arc::new(cancel.clone().drop_guard()),
            cancel,
            claims,
        })
    }

    pub fn has_scope(&self, s: &str) -> bool {
        self.claims.scope.split(' ').any(|x| x == s)
    }

    /// Time left for downstream work: the caller's deadline, never past the token's expiry.
    pub fn remaining(&self) -> Result<Duration, Status> {
        let until = self.deadline.map_or(self.exp_at, |d| d.min(self.exp_at));
        until.checked_duration_since(Instant::now()).ok_or_else(|| Status::deadline_exceeded("deadline passed"))
    }

    /// Wraps an outgoing stream so it ends at exp, on revocation, at the lifetime, after idle,
    /// or at the caller's deadline. Dropping the wrapper cancels `self.cancel`.
    pub fn guard<T: Send + 'static>(
        mut self,
        inner: impl Stream<Item = Result<T, Status>> + Send + 'static,
    ) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>> {
        let keys = [format!("jti:{}", self.claims.jti), format!("sub:{}", self.claims.sub)];
        Box::pin(async_stream::stream! {
            let mut inner = Box::pin(inner);
            let mut idle_at = Instant::now() + self.idle;
            let hard_end = self.deadline.map_or(self.end_at, |d| d.min(self.end_at));
            loop {
                tokio::select! {
                    _ = sleep_until(self.exp_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = sleep_until(hard_end) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = self.revoked.recv() => {
                        if let Ok(k) = r {
                            if keys.contains(&k) { yield Err(Status::permission_denied("token_revoked")); break; }
                        }
                    }
                    item = inner.next() => match item {
                        Some(it) => { idle_at = Instant::now() + self.idle; yield it; }
                        None => break,
                    },
                }
            }
            self.cancel.cancel();
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_units() {
        let mut md = MetadataMap::new();
        md.insert("grpc-timeout", "250m".parse().unwrap());
        assert_eq!(parse_timeout(&md), Some(Duration::from_millis(250)));
        md.insert("grpc-timeout", "2S".parse().unwrap());
        assert_eq!(parse_timeout(&md), Some(Duration::from_secs(2)));
    }

    #[test]
    fn missing_token_is_unauthenticated() {
        let (tx, _) = broadcast::channel(4);
        let cfg = SessionConfig {
            key: DecodingKey::from_secret(b"x"),
            audience: "cashout".into(),
            max_lifetime: Duration::from_secs(60),
            idle: Duration::from_secs(10),
            revocations: tx,
        };
        let err = Session::open(&cfg, &MetadataMap::new()).err().unwrap();
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
    }
}
