//! Revocation: a store of revoked `jti`s and subjects, and the feed that pushes a revocation to
//! every matching live stream at once — no polling, so the drift window is one wake-up.
//!
//! # How long a revocation is kept
//! The feed decides, and tells the store through [`Retention`]; stores only keep what they are
//! told (so a shared store behaves exactly like the embedded one). Every accepted token has
//! `iat` no later than now + leeway and `exp - iat` at most the maximum token lifetime `L`
//! (see [`crate::auth::AuthConfig::max_token_lifetime`]), so:
//! - a `jti` revoked at `T` is kept until `T + L + 2·leeway`: any token carrying it that was
//!   issued by then has expired (beyond the leeway) when the entry is dropped;
//! - a `sub` revoked at `T` refuses that subject's tokens issued up to `T + leeway`; it is kept
//!   until lifted (`DELETE /v1/revocations`), or for a configured horizon that is never shorter
//!   than `L + 2·leeway`.
//!
//! # Open and revoke are linearizable
//! A session registers itself for pushes *before* it checks the store, and a revocation is
//! stored *before* the live sessions are searched. Whatever the interleaving, either the
//! revocation finds the session, or the session's check finds the revocation.

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

use crate::auth::Claims;
use crate::session::SessionCore;
use crate::termination::{Reason, Termination};

/// What to revoke.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Revocation {
    /// One token, by its `jti`.
    Jti(String),
    /// Every token of a subject issued up to now.
    Sub(String),
}

/// How long a store keeps one revocation, and (for a subject) which tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// Keep the entry until this Unix second; `None`: until it is lifted.
    pub until: Option<u64>,
    /// For a subject: its tokens with `iat` up to this Unix second are revoked; later ones are
    /// new grants. Not used for a `jti`.
    pub issued_up_to: u64,
}

/// Where revocations are kept. The embedded default is [`InMemoryRevocations`]; a shared store
/// (several instances) implements the same trait. The [`RevocationFeed`] decides retention.
pub trait RevocationStore: Send + Sync + std::fmt::Debug {
    /// Records a revocation, kept as `retention` says. Revoking again extends, never shortens.
    fn revoke(&self, revocation: &Revocation, retention: Retention);
    /// Drops a revocation; whether there was one.
    fn lift(&self, revocation: &Revocation) -> bool;
    /// Whether a token with these claims is revoked.
    fn is_revoked(&self, claims: &Claims) -> bool;
    /// Entries currently kept (for metrics and tests).
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Revocations kept in this process; an entry past its retention is swept on the next revoke.
#[derive(Debug, Default)]
pub struct InMemoryRevocations {
    inner: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    /// jti → keep until (Unix s; `None`: until lifted).
    jtis: HashMap<String, Option<u64>>,
    /// sub → (issued up to, keep until).
    subs: HashMap<String, (u64, Option<u64>)>,
}

/// The later of two retention ends (`None` is "until lifted", later than any time).
fn later(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    a.zip(b).map(|(a, b)| a.max(b))
}

impl RevocationStore for InMemoryRevocations {
    fn revoke(&self, revocation: &Revocation, retention: Retention) {
        let now = unix_now();
        let live = |u: &Option<u64>| u.is_none_or(|u| u > now);
        let mut e = self.inner.lock();
        e.jtis.retain(|_, u| live(u));
        e.subs.retain(|_, (_, u)| live(u));
        match revocation {
            Revocation::Jti(j) => {
                let until = match e.jtis.get(j) {
                    Some(kept) => later(*kept, retention.until),
                    None => retention.until,
                };
                e.jtis.insert(j.clone(), until);
            }
            Revocation::Sub(s) => {
                let entry = match e.subs.get(s) {
                    Some((up_to, kept)) => (
                        (*up_to).max(retention.issued_up_to),
                        later(*kept, retention.until),
                    ),
                    None => (retention.issued_up_to, retention.until),
                };
                e.subs.insert(s.clone(), entry);
            }
        }
    }

    fn lift(&self, revocation: &Revocation) -> bool {
        let mut e = self.inner.lock();
        match revocation {
            Revocation::Jti(j) => e.jtis.remove(j).is_some(),
            Revocation::Sub(s) => e.subs.remove(s).is_some(),
        }
    }

    fn is_revoked(&self, claims: &Claims) -> bool {
        let e = self.inner.lock();
        if let Some(j) = &claims.jti
            && e.jtis.contains_key(j)
        {
            return true;
        }
        // Tokens issued after a subject's revocation are new grants and stay valid.
        e.subs
            .get(&claims.sub)
            .is_some_and(|(up_to, _)| claims.iat <= *up_to)
    }

    fn len(&self) -> usize {
        let e = self.inner.lock();
        e.jtis.len() + e.subs.len()
    }
}

/// The bounds the feed derives retention from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPolicy {
    /// The longest `exp - iat` the authenticator accepts.
    pub max_token_lifetime: Duration,
    /// The authenticator's clock-skew leeway.
    pub leeway: Duration,
    /// How long a subject's revocation is kept; `None`: until lifted. Never shorter than
    /// [`RetentionPolicy::token_horizon`].
    pub sub_retention: Option<Duration>,
}

impl Default for RetentionPolicy {
    fn default() -> Self {
        RetentionPolicy {
            max_token_lifetime: crate::auth::DEFAULT_MAX_TOKEN_LIFETIME,
            leeway: Duration::ZERO,
            sub_retention: None,
        }
    }
}

impl RetentionPolicy {
    /// The longest any token issued by now can stay acceptable, in whole seconds:
    /// `max_token_lifetime + 2·leeway` (one leeway on `iat`, one on `exp`).
    pub fn token_horizon(&self) -> u64 {
        let leeway = ceil_secs(self.leeway);
        ceil_secs(self.max_token_lifetime).saturating_add(leeway.saturating_mul(2))
    }

    /// The retention of `revocation` made at Unix second `now`.
    pub fn retention(&self, revocation: &Revocation, now: u64) -> Retention {
        let horizon = self.token_horizon();
        match revocation {
            Revocation::Jti(_) => Retention {
                until: Some(now.saturating_add(horizon)),
                issued_up_to: now,
            },
            Revocation::Sub(_) => Retention {
                until: self
                    .sub_retention
                    .map(|kept| now.saturating_add(ceil_secs(kept).max(horizon))),
                // A token the issuer stamped up to one leeway ahead of our clock was issued
                // before the revocation too.
                issued_up_to: now.saturating_add(ceil_secs(self.leeway)),
            },
        }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0))
}

/// The revocation store plus the registry of live sessions it pushes revocations to.
#[derive(Debug)]
pub struct RevocationFeed {
    store: Box<dyn RevocationStore>,
    policy: RetentionPolicy,
    live: Mutex<HashMap<u64, Weak<SessionCore>>>,
}

impl Default for RevocationFeed {
    fn default() -> Self {
        Self::new(
            Box::new(InMemoryRevocations::default()),
            RetentionPolicy::default(),
        )
    }
}

impl RevocationFeed {
    pub fn new(store: Box<dyn RevocationStore>, policy: RetentionPolicy) -> Self {
        RevocationFeed {
            store,
            policy,
            live: Mutex::new(HashMap::new()),
        }
    }

    pub fn is_revoked(&self, claims: &Claims) -> bool {
        self.store.is_revoked(claims)
    }

    /// Revokes and ends every matching live stream with `PERMISSION_DENIED` / `token_revoked`.
    /// Returns how many live streams were ended.
    pub fn revoke(&self, revocation: Revocation) -> usize {
        let retention = self.policy.retention(&revocation, unix_now());
        // Stored first, searched second: a session registering concurrently either is found
        // here or finds the revocation in its own check (see the module docs).
        self.store.revoke(&revocation, retention);
        // Filtered after the registry lock is released: dropping the last handle of a session
        // deregisters it, which takes that lock.
        let mut matching = self.live();
        matching.retain(|s| s.revocable() && matches(&revocation, s.claims(), retention));
        for s in &matching {
            s.terminate(Termination::new(Reason::TokenRevoked));
        }
        tracing::info!(?revocation, ?retention, ended = matching.len(), "revoked");
        matching.len()
    }

    /// Lifts a revocation: tokens it refused are accepted again (live streams it ended stay
    /// ended). Returns whether there was one.
    pub fn lift(&self, revocation: &Revocation) -> bool {
        let lifted = self.store.lift(revocation);
        tracing::info!(?revocation, lifted, "revocation lifted");
        lifted
    }

    /// The bounds retention is derived from.
    pub fn policy(&self) -> &RetentionPolicy {
        &self.policy
    }

    pub(crate) fn register(&self, id: u64, session: Weak<SessionCore>) {
        self.live.lock().insert(id, session);
    }

    pub(crate) fn deregister(&self, id: u64) {
        self.live.lock().remove(&id);
    }

    /// Every live session.
    pub(crate) fn live(&self) -> Vec<Arc<SessionCore>> {
        let live = self.live.lock();
        live.values().filter_map(Weak::upgrade).collect()
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

fn matches(r: &Revocation, c: &Claims, retention: Retention) -> bool {
    match r {
        Revocation::Jti(j) => c.jti.as_deref() == Some(j.as_str()),
        Revocation::Sub(s) => c.sub == *s && c.iat <= retention.issued_up_to,
    }
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(sub: &str, jti: &str, iat: u64) -> Claims {
        let raw = json!({"sub": sub, "jti": jti, "iat": iat, "exp": iat + 60});
        Claims::from_raw(raw.as_object().unwrap(), &[]).unwrap()
    }

    fn policy(sub_retention: Option<Duration>) -> RetentionPolicy {
        RetentionPolicy {
            max_token_lifetime: Duration::from_secs(3600),
            leeway: Duration::from_millis(1500),
            sub_retention,
        }
    }

    #[test]
    fn a_jti_is_kept_until_every_token_issued_by_then_has_expired() {
        let r = policy(None).retention(&Revocation::Jti("j".into()), 1_000);
        // L + 2 · ceil(leeway) = 3600 + 4.
        assert_eq!(r.until, Some(1_000 + 3_604));
    }

    #[test]
    fn a_subject_is_kept_until_lifted_or_at_least_the_token_horizon() {
        let sub = Revocation::Sub("s".into());
        assert_eq!(policy(None).retention(&sub, 1_000).until, None);
        let short = policy(Some(Duration::from_secs(60))).retention(&sub, 1_000);
        assert_eq!(short.until, Some(1_000 + 3_604), "raised to the horizon");
        let long = policy(Some(Duration::from_secs(86_400))).retention(&sub, 1_000);
        assert_eq!(long.until, Some(1_000 + 86_400));
        assert_eq!(
            long.issued_up_to, 1_002,
            "covers iat up to one leeway ahead"
        );
    }

    #[test]
    fn retention_arithmetic_saturates() {
        let p = RetentionPolicy {
            max_token_lifetime: Duration::MAX,
            leeway: Duration::MAX,
            sub_retention: Some(Duration::MAX),
        };
        let r = p.retention(&Revocation::Sub("s".into()), u64::MAX);
        assert_eq!(r.until, Some(u64::MAX));
    }

    #[test]
    fn subject_revocation_spares_later_grants_and_lift_restores() {
        let store = InMemoryRevocations::default();
        let sub = Revocation::Sub("s".into());
        store.revoke(
            &sub,
            Retention {
                until: None,
                issued_up_to: 100,
            },
        );
        assert!(store.is_revoked(&claims("s", "a", 100)));
        assert!(!store.is_revoked(&claims("s", "b", 101)));
        assert!(store.lift(&sub));
        assert!(!store.is_revoked(&claims("s", "a", 100)));
        assert!(!store.lift(&sub));
    }

    #[test]
    fn revoking_again_extends_and_never_shortens() {
        let store = InMemoryRevocations::default();
        let sub = Revocation::Sub("s".into());
        store.revoke(
            &sub,
            Retention {
                until: None,
                issued_up_to: 100,
            },
        );
        store.revoke(
            &sub,
            Retention {
                until: Some(u64::MAX - 1),
                issued_up_to: 50,
            },
        );
        let e = store.inner.lock();
        assert_eq!(e.subs["s"], (100, None));
    }

    #[test]
    fn expired_entries_are_swept() {
        let store = InMemoryRevocations::default();
        store.revoke(
            &Revocation::Jti("old".into()),
            Retention {
                until: Some(1),
                issued_up_to: 0,
            },
        );
        store.revoke(
            &Revocation::Jti("new".into()),
            Retention {
                until: None,
                issued_up_to: 0,
            },
        );
        assert_eq!(store.len(), 1);
    }
}
