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
//!
//! With a store shared by several instances the same holds across them, provided the store
//! records a revocation durably *and* publishes it in one atomic step, and every instance
//! applies what is published to its live sessions ([`RevocationFeed::push`]): a session on
//! another instance registers, then asks the shared store; either the store already holds the
//! revocation, or the publication comes after the registration and the push finds it.

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::future::BoxFuture;
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

/// Where a revocation ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replication {
    /// Kept in this process only: there is no shared store (one instance).
    Local,
    /// Durable in the shared store and published to every instance.
    Shared,
    /// Applied here; the shared store is unreachable, so it is queued and published when the
    /// store is back.
    Queued,
    /// Applied here only: the shared store is unreachable and its queue is full.
    Failed,
}

/// The shared store could not be asked in time.
#[derive(Debug, Clone, thiserror::Error)]
#[error("shared state unavailable: {0}")]
pub struct StateUnavailable(pub String);

/// Where revocations are kept. The embedded default is [`InMemoryRevocations`]; a store shared
/// by several instances implements the same trait. The [`RevocationFeed`] decides retention.
pub trait RevocationStore: Send + Sync + std::fmt::Debug {
    /// Records a revocation, kept as `retention` says. Revoking again extends, never shortens.
    /// A shared store also records it in this process first, so it applies here even when the
    /// shared store cannot be reached.
    fn revoke<'a>(
        &'a self,
        revocation: &'a Revocation,
        retention: Retention,
    ) -> BoxFuture<'a, Replication>;
    /// Drops a revocation; whether there was one (here or in the shared store).
    fn lift<'a>(&'a self, revocation: &'a Revocation) -> BoxFuture<'a, (bool, Replication)>;
    /// Whether a token with these claims is revoked, asking the shared store when there is one
    /// (within a bounded time).
    fn is_revoked<'a>(
        &'a self,
        claims: &'a Claims,
    ) -> BoxFuture<'a, Result<bool, StateUnavailable>> {
        Box::pin(std::future::ready(Ok(self.is_revoked_locally(claims))))
    }
    /// Whether a token with these claims is revoked, by what this process knows.
    fn is_revoked_locally(&self, claims: &Claims) -> bool;
    /// Entries currently kept in this process (for metrics and tests).
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Revocations kept in this process; an entry past its retention is swept on the next revoke.
/// Shared stores keep their local copy in one too.
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

impl InMemoryRevocations {
    /// Records a revocation (idempotent: recording it again extends, never shortens).
    pub fn record(&self, revocation: &Revocation, retention: Retention) {
        let now = unix_now();
        let live = |u: &Option<u64>| u.is_none_or(|u| u > now);
        let mut e = self.inner.lock();
        e.jtis.retain(|_, u| live(u));
        e.subs.retain(|_, (_, u)| live(u));
        Self::insert(&mut e, revocation, retention);
    }

    fn insert(e: &mut Entries, revocation: &Revocation, retention: Retention) {
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

    /// Replaces every entry with `entries` (a shared store's full copy).
    pub fn replace_all(&self, entries: impl IntoIterator<Item = (Revocation, Retention)>) {
        let mut fresh = Entries::default();
        for (r, retention) in entries {
            Self::insert(&mut fresh, &r, retention);
        }
        *self.inner.lock() = fresh;
    }

    /// Drops a revocation; whether there was one.
    pub fn remove(&self, revocation: &Revocation) -> bool {
        let mut e = self.inner.lock();
        match revocation {
            Revocation::Jti(j) => e.jtis.remove(j).is_some(),
            Revocation::Sub(s) => e.subs.remove(s).is_some(),
        }
    }

    /// Whether a token with these claims is revoked.
    pub fn contains(&self, claims: &Claims) -> bool {
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

    pub fn len(&self) -> usize {
        let e = self.inner.lock();
        e.jtis.len() + e.subs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl RevocationStore for InMemoryRevocations {
    fn revoke<'a>(
        &'a self,
        revocation: &'a Revocation,
        retention: Retention,
    ) -> BoxFuture<'a, Replication> {
        self.record(revocation, retention);
        Box::pin(std::future::ready(Replication::Local))
    }

    fn lift<'a>(&'a self, revocation: &'a Revocation) -> BoxFuture<'a, (bool, Replication)> {
        let lifted = self.remove(revocation);
        Box::pin(std::future::ready((lifted, Replication::Local)))
    }

    fn is_revoked_locally(&self, claims: &Claims) -> bool {
        self.contains(claims)
    }

    fn len(&self) -> usize {
        InMemoryRevocations::len(self)
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

/// What a revocation did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revoked {
    /// Live streams of this instance it ended.
    pub ended: usize,
    pub replication: Replication,
}

impl RevocationFeed {
    pub fn new(store: Box<dyn RevocationStore>, policy: RetentionPolicy) -> Self {
        RevocationFeed {
            store,
            policy,
            live: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a token with these claims is revoked, asking the shared store when there is one.
    pub async fn is_revoked(&self, claims: &Claims) -> Result<bool, StateUnavailable> {
        self.store.is_revoked(claims).await
    }

    /// Whether a token with these claims is revoked, by what this process knows.
    pub fn is_revoked_locally(&self, claims: &Claims) -> bool {
        self.store.is_revoked_locally(claims)
    }

    /// Revokes and ends every matching live stream with `PERMISSION_DENIED` / `token_revoked`.
    pub async fn revoke(&self, revocation: Revocation) -> Revoked {
        let retention = self.policy.retention(&revocation, unix_now());
        // Stored first, searched second: a session registering concurrently either is found
        // here or finds the revocation in its own check (see the module docs).
        let replication = self.store.revoke(&revocation, retention).await;
        let ended = self.end_matching(&revocation, retention);
        tracing::info!(?revocation, ?retention, ended, ?replication, "revoked");
        Revoked { ended, replication }
    }

    /// Ends every live stream `revocation` covers: for a revocation another instance recorded
    /// in the shared store, which the store has already recorded here. Idempotent.
    pub fn push(&self, revocation: &Revocation, retention: Retention) -> usize {
        self.end_matching(revocation, retention)
    }

    /// Ends every live stream the store now says is revoked (after a shared store's full
    /// reload, which may hold revocations that were never pushed here).
    pub fn end_revoked(&self) -> usize {
        let mut revoked = self.live();
        revoked.retain(|s| s.revocable() && self.store.is_revoked_locally(s.claims()));
        for s in &revoked {
            s.terminate(Termination::new(Reason::TokenRevoked));
        }
        revoked.len()
    }

    fn end_matching(&self, revocation: &Revocation, retention: Retention) -> usize {
        // Filtered after the registry lock is released: dropping the last handle of a session
        // deregisters it, which takes that lock.
        let mut matching = self.live();
        matching.retain(|s| {
            s.revocable() && !s.is_terminated() && matches(revocation, s.claims(), retention)
        });
        for s in &matching {
            s.terminate(Termination::new(Reason::TokenRevoked));
        }
        matching.len()
    }

    /// Lifts a revocation: tokens it refused are accepted again (live streams it ended stay
    /// ended). Returns whether there was one, and where the lift went.
    pub async fn lift(&self, revocation: &Revocation) -> (bool, Replication) {
        let (lifted, replication) = self.store.lift(revocation).await;
        tracing::info!(?revocation, lifted, ?replication, "revocation lifted");
        (lifted, replication)
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
        store.record(
            &sub,
            Retention {
                until: None,
                issued_up_to: 100,
            },
        );
        assert!(store.contains(&claims("s", "a", 100)));
        assert!(!store.contains(&claims("s", "b", 101)));
        assert!(store.remove(&sub));
        assert!(!store.contains(&claims("s", "a", 100)));
        assert!(!store.remove(&sub));
    }

    #[test]
    fn revoking_again_extends_and_never_shortens() {
        let store = InMemoryRevocations::default();
        let sub = Revocation::Sub("s".into());
        store.record(
            &sub,
            Retention {
                until: None,
                issued_up_to: 100,
            },
        );
        store.record(
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
        store.record(
            &Revocation::Jti("old".into()),
            Retention {
                until: Some(1),
                issued_up_to: 0,
            },
        );
        store.record(
            &Revocation::Jti("new".into()),
            Retention {
                until: None,
                issued_up_to: 0,
            },
        );
        assert_eq!(store.len(), 1);
    }
}
