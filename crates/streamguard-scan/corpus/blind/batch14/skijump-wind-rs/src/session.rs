//! Per-stream session: claims from the interceptor, the caller's deadline,
//! and a guard that ends the response stream at exp, on a pushed revocation,
//! at the maximum lifetime or after an idle period.
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::Stream;
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio::time::Instant;
use tokio_stream::StreamExt;
use tokio_util::sync::CancellationToken;
use tonic::{metadata::MetadataMap, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub hills: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split(' ').any(|x| x == s)
    }
    pub fn has_hill(&self, h: &str) -> bool {
        self.hills.iter().any(|x| x == h)
    }
}

#[derive(Clone, Debug)]
pub enum Revoked {
    Jti(String),
    Sub(String),
}

pub const MAX_LIFETIME: Duration = Duration::from_secs(40 * 60);
pub const IDLE: Duration = Duration::from_secs(120);

pub struct Session {
    pub claims: Claims,
    pub deadline: Option<Instant>,
    exp_at: Instant,
    revocations: broadcast::Receiver<Revoked>,
    pub cancel: CancellationToken,
}

fn parse_grpc_timeout(md: &MetadataMap) -> Option<Duration> {
    let v = md.get("grpc-timeout")?.to_str().ok()?;
    let (num, unit) = v.split_at(v.len() - 1);
    let n: u64 = num.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

impl Session {
    pub fn open(md: &MetadataMap, claims: Claims, revocations: broadcast::Receiver<Revoked>) -> Self {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
        let exp_at = Instant::now() + Duration::from_secs(claims.exp.saturating_sub(now)) + Duration::from_secs(1);
        Session {
            claims,
            deadline: parse_grpc_timeout(md).map(|d| Instant::now() + d),
            exp_at,
            revocations,
            cancel: CancellationToken::new(),
        }
    }

    /// Time left of the caller's deadline, or `fallback` when it set none.
    pub fn remaining(&self, fallback: Duration) -> Result<Duration, Status> {
        match self.deadline {
            Some(d) if d <= Instant::now() => Err(Status::deadline_exceeded("deadline passed")),
            Some(d) => Ok(d - Instant::now()),
            None => Ok(fallback),
        }
    }

    pub fn guard<S, T>(mut self, inner: S) -> Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>
    where
        S: Stream<Item = Result<T, Status>> + Send + 'static,
        T: Send + 'static,
    {
        let opened = Instant::now();
        let claims = self.claims.clone();
        let cancel = self.cancel.clone();
        Box::pin(async_stream::stream! {
            let _drop = cancel.drop_guard();
            tokio::pin!(inner);
            let exp = tokio::time::sleep_until(self.exp_at);
            let life = tokio::time::sleep_until(opened + MAX_LIFETIME);
            let idle = tokio::time::sleep(IDLE);
            tokio::pin!(exp, life, idle);
            loop {
                tokio::select! {
                    item = inner.next() => match item {
                        Some(item) => {
                            idle.as_mut().reset(Instant::now() + IDLE);
                            yield item;
                        }
                        None => break,
                    },
                    _ = &mut exp => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = &mut life => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = &mut idle => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = self.revocations.recv() => match r {
                        Ok(Revoked::Jti(j)) if j == claims.jti => { yield Err(Status::permission_denied("token_revoked")); break; }
                        Ok(Revoked::Sub(s)) if s == claims.sub => { yield Err(Status::permission_denied("token_revoked")); break; }
                        Err(broadcast::error::RecvError::Closed) => { yield Err(Status::unavailable("revocation feed lost")); break; }
                        _ => {}
                    },
                }
            }
        })
    }
}
