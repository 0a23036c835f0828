//! Identity limits in Redis: the message rate (GCRA, atomic in a Lua script) and the stream
//! cap (slots leased for a while and renewed by a heartbeat), shared by every instance.
//!
//! # Leases of the message budget
//! So that a message does not pay a round trip, an instance takes up to `rate_lease` messages
//! of an identity's budget at once and spends them locally (one atomic decrement per message);
//! when half is spent it takes the next lease in the background. Leased messages are already
//! counted in Redis, so the long-run rate is never exceeded; what a lease changes is *when*
//! they are spent. An instance holds at most `2 × rate_lease` unspent messages of an identity
//! (more are dropped: they stay spent), and drops them once no lease has come for
//! [`LEASE_TTL`]. So in any window an identity gets at most its burst, plus the window's rate,
//! plus what the instances held unspent when it began: at most `2 × N × rate_lease` across N
//! instances. `rate_lease = 0` asks Redis for every message (exact, one round trip each).
//!
//! # Stream slots
//! A stream's slot is a member of the identity's sorted set whose score is its lease end;
//! every instance renews the leases of its live streams every third of `stream_lease`, so the
//! slots of an instance that crashed free within `stream_lease`.
//!
//! # When Redis does not answer
//! Every call is bounded. A message whose lease cannot be taken is admitted or refused by a
//! local limiter with the same settings (counted per instance); a stream open that cannot
//! take its slot is refused (`state_unavailable`) when the guard fails closed, else takes a
//! local slot, which the heartbeat registers in Redis once it is back.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use futures::future::BoxFuture;
use parking_lot::Mutex;
use streamguard::limiter::{
    Admission, Gcra, IdentityLimits, InMemoryLimiter, LocalSlot, StreamAllowance, too_many_streams,
};
use streamguard::{OnStateUnavailable, Reason, Termination};
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::keys::Keys;
use crate::link::{CallFailed, Link};
use crate::scripts;

/// How long leased messages may stay unspent before they are dropped.
pub const LEASE_TTL: Duration = Duration::from_secs(1);
/// Slots renewed per heartbeat call.
const RENEW_BATCH: usize = 256;
/// Slot releases waiting to be sent; beyond this a released slot frees when its lease ends.
const RELEASE_QUEUE: usize = 65_536;

/// The settings of [`RedisLimiter`].
#[derive(Debug, Clone, Copy)]
pub struct LimitSettings {
    pub messages_per_minute: u32,
    pub burst: u32,
    pub max_streams: u32,
    pub rate_lease: u32,
    pub stream_lease: Duration,
    pub on_unavailable: OnStateUnavailable,
}

/// A stream slot in Redis: the identity's slot set, and the member naming this slot.
type SlotName = (Arc<str>, Arc<str>);

/// The [`IdentityLimits`] kept in Redis.
#[derive(Debug, Clone)]
pub struct RedisLimiter {
    core: Arc<Core>,
}

#[derive(Debug)]
struct Core {
    link: Arc<Link>,
    keys: Arc<Keys>,
    settings: LimitSettings,
    gcra: Option<Gcra>,
    /// Answers while Redis does not.
    local: InMemoryLimiter,
    origin: Instant,
    /// This instance's leased budget per identity, while one of its streams lives.
    budgets: Mutex<HashMap<Arc<str>, Weak<Budget>>>,
    slots: Mutex<HashMap<u64, SlotName>>,
    next_slot: AtomicU64,
    instance: String,
    release: mpsc::Sender<SlotName>,
    release_rx: Mutex<Option<mpsc::Receiver<SlotName>>>,
}

impl RedisLimiter {
    pub(crate) fn new(
        link: Arc<Link>,
        keys: Arc<Keys>,
        settings: LimitSettings,
        instance: &str,
    ) -> Self {
        let (release, release_rx) = mpsc::channel(RELEASE_QUEUE);
        RedisLimiter {
            core: Arc::new(Core {
                link,
                keys,
                gcra: Gcra::per_minute(settings.messages_per_minute, settings.burst),
                local: InMemoryLimiter::new(
                    settings.messages_per_minute,
                    settings.burst,
                    settings.max_streams,
                ),
                settings,
                origin: Instant::now(),
                budgets: Mutex::new(HashMap::new()),
                slots: Mutex::new(HashMap::new()),
                next_slot: AtomicU64::new(1),
                instance: instance.to_string(),
                release,
                release_rx: Mutex::new(Some(release_rx)),
            }),
        }
    }

    /// Starts the heartbeat that renews this instance's slots and the task that gives released
    /// slots back; both stop with `stop`.
    pub(crate) fn start(&self, stop: &CancellationToken) {
        if self.core.settings.max_streams == 0 {
            return;
        }
        if let Some(rx) = self.core.release_rx.lock().take() {
            tokio::spawn(release(self.core.clone(), rx, stop.clone()));
        }
        tokio::spawn(heartbeat(self.core.clone(), stop.clone()));
    }
}

impl IdentityLimits for RedisLimiter {
    fn open_stream<'a>(
        &'a self,
        identity: &'a Arc<str>,
    ) -> BoxFuture<'a, Result<Box<dyn StreamAllowance>, Termination>> {
        Box::pin(async move {
            let core = &self.core;
            let slot = if core.settings.max_streams > 0 {
                Some(take_slot(core, identity).await?)
            } else {
                None
            };
            Ok(Box::new(RedisAllowance {
                budget: core.budget(identity),
                core: core.clone(),
                _slot: slot,
            }) as Box<dyn StreamAllowance>)
        })
    }

    fn gcra(&self) -> Option<Gcra> {
        self.core.gcra
    }

    fn rate_entries(&self) -> usize {
        let mut budgets = self.core.budgets.lock();
        budgets.retain(|_, b| b.strong_count() > 0);
        budgets.len()
    }

    fn stream_entries(&self) -> usize {
        let slots = self.core.slots.lock();
        let mut identities: Vec<&Arc<str>> = slots.values().map(|(key, _)| key).collect();
        identities.sort();
        identities.dedup();
        identities.len()
    }
}

impl Core {
    fn now_ms(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn budget(&self, identity: &Arc<str>) -> Arc<Budget> {
        let mut budgets = self.budgets.lock();
        if let Some(b) = budgets.get(identity).and_then(Weak::upgrade) {
            return b;
        }
        // Dead entries are dropped as new identities arrive: the map stays as large as the
        // identities with a live stream here.
        if budgets.len() >= 64 && budgets.len().is_power_of_two() {
            budgets.retain(|_, b| b.strong_count() > 0);
        }
        let b = Arc::new(Budget {
            identity: identity.clone(),
            key: self.keys.rate(identity),
            tokens: AtomicU32::new(0),
            cap: self.settings.rate_lease.saturating_mul(2),
            expires_ms: AtomicU64::new(0),
            refilling: AtomicBool::new(false),
        });
        budgets.insert(identity.clone(), Arc::downgrade(&b));
        b
    }

    /// Takes up to `want` messages of the identity's budget from Redis.
    async fn lease(&self, budget: &Budget, want: u32) -> Result<Lease, CallFailed> {
        let Some(gcra) = self.gcra else {
            return Ok(Lease::Granted(want));
        };
        let micros = |d: Duration| u64::try_from(d.as_micros()).unwrap_or(u64::MAX).max(1);
        let mut call = scripts::GCRA_LEASE.prepare_invoke();
        call.key(&budget.key)
            .arg(micros(gcra.interval()))
            .arg(u64::try_from(gcra.tolerance().as_micros()).unwrap_or(u64::MAX))
            .arg(want.max(1));
        let mut conn = self.link.conn();
        let (granted, wait_us): (i64, i64) = self
            .link
            .call("rate lease", call.invoke_async(&mut conn))
            .await?;
        Ok(match u32::try_from(granted) {
            Ok(n) if n > 0 => Lease::Granted(n),
            _ => Lease::Wait(Duration::from_micros(
                u64::try_from(wait_us).unwrap_or(0).max(1),
            )),
        })
    }

    /// The local limiter's answer, while Redis does not give one.
    fn fallback(&self, identity: &Arc<str>) -> Result<(), Duration> {
        self.local.admit_message(identity)
    }
}

/// Takes a stream slot of `identity`: leased in Redis, or per the outage policy.
async fn take_slot(core: &Arc<Core>, identity: &Arc<str>) -> Result<Slot, Termination> {
    let key: Arc<str> = Arc::from(core.keys.streams(identity));
    let id = core.next_slot.fetch_add(1, Ordering::Relaxed);
    let member: Arc<str> = Arc::from(format!("{}:{id}", core.instance));
    let lease_ms = u64::try_from(core.settings.stream_lease.as_millis()).unwrap_or(u64::MAX);
    let taken = if core.link.is_up() {
        let mut call = scripts::TAKE_SLOT.prepare_invoke();
        call.key(&*key)
            .arg(&*member)
            .arg(core.settings.max_streams)
            .arg(lease_ms);
        let mut conn = core.link.conn();
        core.link
            .call("take slot", call.invoke_async::<i64>(&mut conn))
            .await
            .ok()
    } else {
        None
    };
    let local = match taken {
        Some(1) => None,
        Some(_) => return Err(too_many_streams()),
        None if core.settings.on_unavailable == OnStateUnavailable::Closed => {
            return Err(Termination::new(Reason::StateUnavailable));
        }
        // Failing open: counted here, and registered in Redis by the heartbeat once it
        // answers again.
        None => Some(
            core.local
                .take_slot(identity)
                .ok_or_else(too_many_streams)?,
        ),
    };
    core.slots.lock().insert(id, (key.clone(), member.clone()));
    Ok(Slot {
        id,
        key,
        member,
        core: core.clone(),
        _local: local,
    })
}

enum Lease {
    Granted(u32),
    Wait(Duration),
}

/// This instance's leased share of one identity's budget.
#[derive(Debug)]
struct Budget {
    identity: Arc<str>,
    key: String,
    tokens: AtomicU32,
    /// The most unspent messages held (see the module docs).
    cap: u32,
    /// When unspent tokens are dropped (ms since the limiter's origin).
    expires_ms: AtomicU64,
    /// A lease is being taken in the background.
    refilling: AtomicBool,
}

impl Budget {
    /// Spends one leased message; the tokens left, or `None` when there was none.
    fn take(&self, now_ms: u64) -> Option<u32> {
        if now_ms >= self.expires_ms.load(Ordering::Acquire) {
            self.tokens.store(0, Ordering::Release);
            return None;
        }
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(1))
            .ok()
            .map(|before| before - 1)
    }

    fn add(&self, n: u32, now_ms: u64) {
        let ttl = u64::try_from(LEASE_TTL.as_millis()).unwrap_or(u64::MAX);
        if now_ms >= self.expires_ms.load(Ordering::Acquire) {
            self.tokens.store(0, Ordering::Release);
        }
        let cap = self.cap;
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(n).min(cap))
            });
        self.expires_ms
            .store(now_ms.saturating_add(ttl), Ordering::Release);
    }
}

/// One stream's allowance: its identity's leased budget, and its slot.
#[derive(Debug)]
struct RedisAllowance {
    core: Arc<Core>,
    budget: Arc<Budget>,
    _slot: Option<Slot>,
}

impl StreamAllowance for RedisAllowance {
    fn admit(&self) -> Admission {
        let core = &self.core;
        if core.gcra.is_none() {
            return Admission::Admitted;
        }
        let lease = core.settings.rate_lease;
        if let Some(left) = self.budget.take(core.now_ms()) {
            if left <= lease / 2 && !self.budget.refilling.swap(true, Ordering::AcqRel) {
                tokio::spawn(prefetch(core.clone(), self.budget.clone()));
            }
            return Admission::Admitted;
        }
        if !core.link.is_up() {
            return match core.fallback(&self.budget.identity) {
                Ok(()) => Admission::Admitted,
                Err(wait) => Admission::Refused(wait),
            };
        }
        let (core, budget) = (core.clone(), self.budget.clone());
        Admission::Pending(Box::pin(async move {
            match core.lease(&budget, lease).await {
                Ok(Lease::Granted(n)) => {
                    // One for this message, the rest for the next ones.
                    budget.add(n - 1, core.now_ms());
                    Ok(())
                }
                Ok(Lease::Wait(wait)) => Err(wait),
                Err(_) => core.fallback(&budget.identity),
            }
        }))
    }
}

/// Takes the next lease before the current one runs out, so streams need not wait for it.
async fn prefetch(core: Arc<Core>, budget: Arc<Budget>) {
    if let Ok(Lease::Granted(n)) = core.lease(&budget, core.settings.rate_lease).await {
        budget.add(n, core.now_ms());
    }
    budget.refilling.store(false, Ordering::Release);
}

/// A stream slot, leased in Redis (or, failing open, held locally), given back when dropped.
#[derive(Debug)]
struct Slot {
    id: u64,
    key: Arc<str>,
    member: Arc<str>,
    core: Arc<Core>,
    _local: Option<LocalSlot>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.core.slots.lock().remove(&self.id);
        // A full queue (Redis down for long): the slot frees when its lease ends.
        let _ = self
            .core
            .release
            .try_send((self.key.clone(), self.member.clone()));
    }
}

/// Gives released slots back, a batch per round trip.
async fn release(core: Arc<Core>, mut rx: mpsc::Receiver<SlotName>, stop: CancellationToken) {
    let mut batch = Vec::with_capacity(RENEW_BATCH);
    loop {
        let n = tokio::select! {
            _ = stop.cancelled() => return,
            n = rx.recv_many(&mut batch, RENEW_BATCH) => n,
        };
        if n == 0 {
            return;
        }
        let mut pipe = redis::pipe();
        for (key, member) in batch.drain(..) {
            pipe.cmd("ZREM").arg(&*key).arg(&*member).ignore();
        }
        let mut conn = core.link.conn();
        // On failure the leases simply run out.
        let _ = core
            .link
            .call("release slots", pipe.query_async::<()>(&mut conn))
            .await;
    }
}

/// Renews the leases of this instance's live slots every third of the lease.
async fn heartbeat(core: Arc<Core>, stop: CancellationToken) {
    let every = core.settings.stream_lease / 3;
    let lease_ms = u64::try_from(core.settings.stream_lease.as_millis()).unwrap_or(u64::MAX);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(every) => {}
        }
        let live: Vec<SlotName> = core.slots.lock().values().cloned().collect();
        for chunk in live.chunks(RENEW_BATCH) {
            let mut call = scripts::RENEW_SLOTS.prepare_invoke();
            call.arg(lease_ms);
            for (key, member) in chunk {
                call.key(&**key).arg(&**member);
            }
            let mut conn = core.link.conn();
            if core
                .link
                .call("renew slots", call.invoke_async::<i64>(&mut conn))
                .await
                .is_err()
            {
                break;
            }
        }
    }
}
