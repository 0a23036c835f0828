//! Revocations in Redis: a key per revoked `jti` or `sub` whose TTL is the feed's retention,
//! and an entry appended to a Redis Stream in the same atomic step, which every instance tails
//! (see [`crate::replication`]).
//!
//! Each instance keeps a local copy ([`InMemoryRevocations`]) that the stream keeps current:
//! it answers at once when it already knows a token is revoked, and it is what an instance
//! falls back on while Redis cannot be reached (`on_state_unavailable = "open"`). At stream
//! open the keys are read as well, so the answer stays right when the stream's tail lags.
//!
//! A revocation posted while Redis cannot be reached is applied on this instance at once and
//! queued (at most [`OUTBOX_CAP`] of them), to be written — and so published to every other
//! instance — before the replication task trusts the store again.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use parking_lot::Mutex;
use streamguard::auth::Claims;
use streamguard::revocation::{
    InMemoryRevocations, Replication, Retention, Revocation, RevocationStore, StateUnavailable,
};
use tokio_util::sync::DropGuard;

use crate::keys::Keys;
use crate::link::{CallFailed, Link};
use crate::scripts;

/// Revocations applied here and waiting for Redis; beyond this a revocation is refused
/// replication (`503`: it still applies on this instance).
pub const OUTBOX_CAP: usize = 10_000;

/// How long the stream keeps entries: an instance disconnected for longer reloads every key
/// instead of replaying (see [`crate::replication`]).
pub(crate) const REPLAY_WINDOW: Duration = Duration::from_secs(3600);

/// The farthest ahead a retention end is written (Redis refuses absurd expiry times).
const MAX_UNTIL_AHEAD: u64 = 100 * 365 * 24 * 3600;

/// A write still owed to Redis.
#[derive(Debug, Clone)]
pub(crate) enum Owed {
    Revoke(Revocation, Retention),
    Lift(Revocation),
}

/// What the store, the replication task and the admin API share.
#[derive(Debug)]
pub(crate) struct Revocations {
    pub link: Arc<Link>,
    pub keys: Arc<Keys>,
    /// This instance's id in the stream's entries (its own entries are not applied twice).
    pub origin: String,
    pub local: InMemoryRevocations,
    pub outbox: Mutex<VecDeque<Owed>>,
}

impl Revocations {
    /// Writes one owed revocation or lift to Redis (recorded and published atomically).
    pub async fn write(&self, owed: &Owed) -> Result<(), CallFailed> {
        let window = REPLAY_WINDOW.as_millis().to_string();
        let mut conn = self.link.conn();
        match owed {
            Owed::Revoke(r, retention) => {
                let now = unix_now();
                let until = retention
                    .until
                    .map_or(0, |u| u.min(now.saturating_add(MAX_UNTIL_AHEAD)));
                let mut call = scripts::REVOKE.prepare_invoke();
                call.key(self.keys.revocation(r))
                    .key(&self.keys.stream)
                    .arg(kind(r))
                    .arg(value(r))
                    .arg(retention.issued_up_to)
                    .arg(until)
                    .arg(&self.origin)
                    .arg(&window);
                self.link
                    .call("revoke", call.invoke_async::<String>(&mut conn))
                    .await?;
            }
            Owed::Lift(r) => {
                let mut call = scripts::LIFT.prepare_invoke();
                call.key(self.keys.revocation(r))
                    .key(&self.keys.stream)
                    .arg(kind(r))
                    .arg(value(r))
                    .arg(&self.origin)
                    .arg(&window);
                self.link
                    .call("lift", call.invoke_async::<i64>(&mut conn))
                    .await?;
            }
        }
        Ok(())
    }

    /// Writes what is owed, oldest first; stops at the first failure (order matters: a lift
    /// must not overtake the revocation it lifts).
    pub async fn flush(&self) -> Result<usize, CallFailed> {
        let mut written = 0;
        loop {
            let Some(next) = self.outbox.lock().front().cloned() else {
                return Ok(written);
            };
            self.write(&next).await?;
            self.outbox.lock().pop_front();
            written += 1;
            self.queued_gauge();
        }
    }

    /// Writes now, or queues when Redis is known to be down, owes earlier writes, or fails.
    async fn write_or_queue(&self, owed: Owed) -> Replication {
        let owing = !self.outbox.lock().is_empty();
        if !owing && self.link.is_up() && self.write(&owed).await.is_ok() {
            return Replication::Shared;
        }
        let mut outbox = self.outbox.lock();
        if outbox.len() >= OUTBOX_CAP {
            tracing::error!(
                cap = OUTBOX_CAP,
                "redis unreachable and the revocation queue is full: applied on this instance only"
            );
            return Replication::Failed;
        }
        outbox.push_back(owed);
        drop(outbox);
        self.queued_gauge();
        Replication::Queued
    }

    fn queued_gauge(&self) {
        if let Some(g) = self.link.guard() {
            g.metrics().revocations_queued(self.outbox.lock().len());
        }
    }

    async fn shared_answer(&self, claims: &Claims) -> Result<bool, CallFailed> {
        let mut get = redis::cmd("MGET");
        get.arg(self.keys.revocation(&Revocation::Sub(claims.sub.clone())));
        if let Some(j) = &claims.jti {
            get.arg(self.keys.revocation(&Revocation::Jti(j.clone())));
        }
        let mut conn = self.link.conn();
        let found: Vec<Option<String>> = self
            .link
            .call("is_revoked", get.query_async(&mut conn))
            .await?;
        let mut found = found.into_iter();
        let sub_up_to = found.next().flatten();
        let jti = found.next().flatten();
        // A subject's tokens issued after its revocation are new grants.
        let by_sub = sub_up_to
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|up_to| claims.iat <= up_to);
        Ok(jti.is_some() || by_sub)
    }
}

/// The [`RevocationStore`] kept in Redis.
#[derive(Debug)]
pub struct RedisRevocations {
    pub(crate) shared: Arc<Revocations>,
    pub(crate) _stop: DropGuard,
}

impl RevocationStore for RedisRevocations {
    fn revoke<'a>(
        &'a self,
        revocation: &'a Revocation,
        retention: Retention,
    ) -> BoxFuture<'a, Replication> {
        Box::pin(async move {
            // Here first: it applies on this instance whatever Redis does.
            self.shared.local.record(revocation, retention);
            self.shared
                .write_or_queue(Owed::Revoke(revocation.clone(), retention))
                .await
        })
    }

    fn lift<'a>(&'a self, revocation: &'a Revocation) -> BoxFuture<'a, (bool, Replication)> {
        Box::pin(async move {
            let here = self.shared.local.remove(revocation);
            let replication = self
                .shared
                .write_or_queue(Owed::Lift(revocation.clone()))
                .await;
            (here || replication == Replication::Shared, replication)
        })
    }

    fn is_revoked<'a>(
        &'a self,
        claims: &'a Claims,
    ) -> BoxFuture<'a, Result<bool, StateUnavailable>> {
        Box::pin(async move {
            if self.shared.local.contains(claims) {
                return Ok(true);
            }
            self.shared
                .shared_answer(claims)
                .await
                .map_err(|e| StateUnavailable(e.to_string()))
        })
    }

    fn is_revoked_locally(&self, claims: &Claims) -> bool {
        self.shared.local.contains(claims)
    }

    fn len(&self) -> usize {
        self.shared.local.len()
    }
}

pub(crate) fn kind(r: &Revocation) -> &'static str {
    match r {
        Revocation::Jti(_) => "jti",
        Revocation::Sub(_) => "sub",
    }
}

pub(crate) fn value(r: &Revocation) -> &str {
    match r {
        Revocation::Jti(v) | Revocation::Sub(v) => v,
    }
}

/// Unix seconds now.
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
