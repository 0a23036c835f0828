use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt};
use tokio_util::sync::{CancellationToken, DropGuard};
use tonic::{metadata::MetadataMap, Request, Status};

#[derive(Clone, Debug, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub formulas: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn may_dose(&self, formula: &str) -> bool {
        self.scope.split(' ').any(|s| s == "mix:dose") && self.formulas.iter().any(|f| f == formula)
    }
}

pub const MAX_LIFETIME: Duration = Duration::from_secs(20 * 60);
pub const IDLE: Duration = Duration::from_secs(120);

pub fn interceptor(key: DecodingKey) -> impl Fn(Request<()>) -> Result<Request<()>, Status> + Clone {
    move |mut req| {
        let raw = req.metadata().get("authorization").and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ")).ok_or_else(|| Status::unauthenticated("missing token"))?;
        let mut v = Validation::new(Algorithm::EdDSA);
        v.set_audience(&["mixing"]);
        v.leeway = 1;
        let c = decode::<Claims>(raw, &key, &v).map_err(|_| Status::unauthenticated("invalid_token"))?.claims;
        req.extensions_mut().insert(c);
        Ok(req)
    }
}

/// Per-stream session: deadline from grpc-timeout, a cancellation token cancelled on drop, and `guard`
/// which ends a response stream at exp, on a pushed revocation, at the lifetime cap or when idle.
pub struct Session {
    pub claims: Claims,
    pub deadline: Option<Instant>,
    pub cancel: CancellationToken,
    revocations: broadcast::Receiver<String>,
    _drop: DropGuard,
}

impl Session {
    pub fn open(claims: Claims, md: &MetadataMap, revocations: &broadcast::Sender<String>) -> Self {
        let cancel = CancellationToken::new();
        Self {
            deadline: grpc_timeout(md).map(|d| Instant::now() + d),
            _drop: cancel.clone().drop_guard(),
            cancel,
            revocations: revocations.subscribe(),
            claims,
        }
    }

    pub fn remaining(&self) -> Result<Option<Duration>, Status> {
        match self.deadline {
            None => Ok(None),
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                if left.is_zero() { Err(Status::deadline_exceeded("deadline passed")) } else { Ok(Some(left)) }
            }
        }
    }

    pub fn guard<T: Send + 'static>(
        mut self,
        inner: impl Stream<Item = Result<T, Status>> + Send + 'static,
    ) -> impl Stream<Item = Result<T, Status>> + Send + 'static {
        let exp_in = Duration::from_secs(self.claims.exp).saturating_sub(SystemTime::now().duration_since(UNIX_EPOCH).unwrap());
        let exp_at = tokio::time::Instant::now() + exp_in;
        let life_at = tokio::time::Instant::now() + MAX_LIFETIME;
        async_stream::stream! {
            tokio::pin!(inner);
            let mut idle_at = tokio::time::Instant::now() + IDLE;
            loop {
                tokio::select! {
                    _ = tokio::time::sleep_until(exp_at) => { yield Err(Status::unauthenticated("token_expired")); break; }
                    _ = tokio::time::sleep_until(life_at) => { yield Err(Status::unavailable("max_stream_lifetime")); break; }
                    _ = tokio::time::sleep_until(idle_at) => { yield Err(Status::unavailable("idle_timeout")); break; }
                    r = self.revocations.recv() => {
                        if let Ok(id) = r {
                            if id == self.claims.jti || id == self.claims.sub {
                                yield Err(Status::permission_denied("token_revoked"));
                                break;
                            }
                        }
                    }
                    item = inner.next() => match item {
                        Some(x) => { idle_at = tokio::time::Instant::now() + IDLE; yield x; }
                        None => break,
                    },
                }
            }
            self.cancel.cancel();
        }
    }
}

fn grpc_timeout(md: &MetadataMap) -> Option<Duration> {
    let raw = md.get("grpc-timeout")?.to_str().ok()?;
    let (n, u) = raw.split_at(raw.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match u { "S" => Duration::from_secs(n), "m" => Duration::from_millis(n), "M" => Duration::from_secs(60 * n),
        "H" => Duration::from_secs(3600 * n), "u" => Duration::from_micros(n), "n" => Duration::from_nanos(n), _ => return None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dose_needs_scope_and_formula() {
        let c = Claims { sub: "p".into(), jti: "j".into(), exp: 0, formulas: vec!["f-9".into()], scope: "mix:dose".into() };
        assert!(c.may_dose("f-9"));
        assert!(!c.may_dose("f-10"));
    }
}
