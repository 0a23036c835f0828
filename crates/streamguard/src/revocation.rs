//! Revocation: a store of revoked `jti`s and subjects, and the feed that pushes a revocation to
//! every matching live stream at once — no polling, so the drift window is one wake-up.

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

use crate::auth::Claims;
use crate::session::SessionCore;
use crate::termination::{Reason, Termination};

/// What to revoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Revocation {
    /// One token, by its `jti`.
    Jti(String),
    /// Every token of a subject issued up to now.
    Sub(String),
}

/// Where revocations are kept. The embedded default is [`InMemoryRevocations`]; a shared store
/// (several instances) implements the same trait.
pub trait RevocationStore: Send + Sync + std::fmt::Debug {
    /// Records a revocation, kept until `until` (Unix seconds).
    fn revoke(&self, revocation: &Revocation, until: u64);
    /// Whether a token with these claims is revoked.
    fn is_revoked(&self, claims: &Claims) -> bool;
    /// Entries currently kept (for metrics and tests).
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Revocations kept in this process; an entry is dropped once the token it names would have
/// expired anyway.
#[derive(Debug, Default)]
pub struct InMemoryRevocations {
    inner: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    /// jti → keep until (Unix s).
    jtis: HashMap<String, u64>,
    /// sub → (revoked at, keep until) in Unix s.
    subs: HashMap<String, (u64, u64)>,
}

impl RevocationStore for InMemoryRevocations {
    fn revoke(&self, revocation: &Revocation, until: u64) {
        let now = unix_now();
        let mut e = self.inner.lock();
        e.jtis.retain(|_, u| *u > now);
        e.subs.retain(|_, (_, u)| *u > now);
        match revocation {
            Revocation::Jti(j) => {
                let u = e.jtis.entry(j.clone()).or_insert(until);
                *u = (*u).max(until);
            }
            Revocation::Sub(s) => {
                e.subs.insert(s.clone(), (now, until));
            }
        }
    }

    fn is_revoked(&self, claims: &Claims) -> bool {
        let e = self.inner.lock();
        if let Some(j) = &claims.jti
            && e.jtis.contains_key(j)
        {
            return true;
        }
        match e.subs.get(&claims.sub) {
            // Tokens issued after a subject's revocation are new grants and stay valid.
            Some((revoked_at, _)) => claims.iat.is_none_or(|iat| iat <= *revoked_at),
            None => false,
        }
    }

    fn len(&self) -> usize {
        let e = self.inner.lock();
        e.jtis.len() + e.subs.len()
    }
}

/// How long a subject's revocation is kept when no live token tells how long it matters.
pub const DEFAULT_RETENTION: Duration = Duration::from_secs(24 * 3600);

/// The revocation store plus the registry of live sessions it pushes revocations to.
#[derive(Debug)]
pub struct RevocationFeed {
    store: Box<dyn RevocationStore>,
    live: Mutex<HashMap<u64, Weak<SessionCore>>>,
}

impl Default for RevocationFeed {
    fn default() -> Self {
        Self::new(Box::new(InMemoryRevocations::default()))
    }
}

impl RevocationFeed {
    pub fn new(store: Box<dyn RevocationStore>) -> Self {
        RevocationFeed {
            store,
            live: Mutex::new(HashMap::new()),
        }
    }

    pub fn is_revoked(&self, claims: &Claims) -> bool {
        self.store.is_revoked(claims)
    }

    /// Revokes and ends every matching live stream with `PERMISSION_DENIED` / `token_revoked`.
    /// Returns how many live streams were ended.
    pub fn revoke(&self, revocation: Revocation) -> usize {
        let matching: Vec<Arc<SessionCore>> = self
            .live
            .lock()
            .values()
            .filter_map(Weak::upgrade)
            .filter(|s| matches(&revocation, s.claims()))
            .collect();
        let retention = unix_now() + DEFAULT_RETENTION.as_secs();
        let until = match &revocation {
            // A jti matters until its token expires; without a live token, keep it a day.
            Revocation::Jti(_) => matching
                .iter()
                .map(|s| s.claims().exp)
                .max()
                .unwrap_or(retention),
            Revocation::Sub(_) => retention,
        };
        self.store.revoke(&revocation, until);
        for s in &matching {
            s.terminate(Termination::new(Reason::TokenRevoked));
        }
        tracing::info!(?revocation, ended = matching.len(), "revoked");
        matching.len()
    }

    pub(crate) fn register(&self, id: u64, session: Weak<SessionCore>) {
        self.live.lock().insert(id, session);
    }

    pub(crate) fn deregister(&self, id: u64) {
        self.live.lock().remove(&id);
    }

    /// Live sessions registered for revocation pushes.
    pub fn live_sessions(&self) -> usize {
        self.live.lock().len()
    }

    /// Revocation entries kept.
    pub fn stored(&self) -> usize {
        self.store.len()
    }
}

fn matches(r: &Revocation, c: &Claims) -> bool {
    match r {
        Revocation::Jti(j) => c.jti.as_deref() == Some(j.as_str()),
        Revocation::Sub(s) => c.sub == *s,
    }
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
