//! Identity rate limits: a GCRA limiter keyed by identity, counted across every stream of that
//! identity (reconnecting does not reset it), and a cap on concurrent streams per identity.
//!
//! [`IdentityLimits`] is the seam between the guard and where the counts live: in this process
//! ([`InMemoryLimiter`], the default) or in a store shared by several instances. A stream asks
//! once, at open, for its [`StreamAllowance`]; each message is then admitted through that
//! per-stream value, so the per-message path does no map lookup, no global lock and no
//! allocation. Memory stays bounded: a key whose allowance has fully recovered and that no
//! stream holds is indistinguishable from a new one and is swept.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use futures::future::BoxFuture;
use parking_lot::Mutex;
use tokio::time::Instant;

use crate::termination::Termination;

/// The Generic Cell Rate Algorithm for one key: `burst` messages at once, then one per
/// `interval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gcra {
    interval: Duration,
    tolerance: Duration,
}

impl Gcra {
    /// `None` when `per_minute` is 0 (no limit).
    pub fn per_minute(per_minute: u32, burst: u32) -> Option<Gcra> {
        (per_minute > 0).then(|| {
            let interval = Duration::from_secs(60) / per_minute;
            Gcra {
                interval,
                tolerance: interval * burst.max(1).saturating_sub(1),
            }
        })
    }

    /// The time one message costs.
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// How far ahead of now the theoretical arrival time may run: `(burst - 1) · interval`.
    pub fn tolerance(&self) -> Duration {
        self.tolerance
    }

    /// Admits one message given the key's theoretical arrival time `tat`, or says how long to
    /// wait.
    pub fn admit(&self, tat: &mut Instant, now: Instant) -> Result<(), Duration> {
        let t = (*tat).max(now);
        let ahead = t - now;
        if ahead > self.tolerance {
            return Err(ahead - self.tolerance);
        }
        *tat = t + self.interval;
        Ok(())
    }

    /// [`Self::admit`] on a theoretical arrival time kept as nanoseconds since some origin in
    /// an atomic, shared by every stream of one identity without a lock.
    pub fn admit_shared(&self, tat: &AtomicU64, now_ns: u64) -> Result<(), Duration> {
        let interval = nanos(self.interval);
        let tolerance = nanos(self.tolerance);
        let mut current = tat.load(Ordering::Acquire);
        loop {
            let t = current.max(now_ns);
            let ahead = t - now_ns;
            if ahead > tolerance {
                return Err(Duration::from_nanos(ahead - tolerance));
            }
            match tat.compare_exchange_weak(
                current,
                t.saturating_add(interval),
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Ok(()),
                Err(seen) => current = seen,
            }
        }
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// What admitting one message gave.
pub enum Admission {
    Admitted,
    /// Over the limit; the identity may retry after this long.
    Refused(Duration),
    /// The local allowance is spent and the shared store must be asked; resolves within the
    /// store's bounded timeout (falling back to local state when the store does not answer).
    Pending(BoxFuture<'static, Result<(), Duration>>),
}

impl std::fmt::Debug for Admission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Admission::Admitted => f.write_str("Admitted"),
            Admission::Refused(d) => f.debug_tuple("Refused").field(d).finish(),
            Admission::Pending(_) => f.write_str("Pending"),
        }
    }
}

/// One stream's share of its identity's limits: admits its messages, and holds its stream slot
/// until dropped.
pub trait StreamAllowance: Send + Sync + std::fmt::Debug {
    /// Admits one incoming message. Called for every message: keep it cheap.
    fn admit(&self) -> Admission;
}

/// Where identity limits are counted. The embedded default is [`InMemoryLimiter`]; a store
/// shared by several instances implements the same trait.
pub trait IdentityLimits: Send + Sync + std::fmt::Debug {
    /// Takes a stream slot of `identity` and returns the stream's allowance (which gives the
    /// slot back when dropped); refuses with `too_many_streams` over the cap (or
    /// `state_unavailable` when a shared store cannot be reached and the guard fails closed).
    fn open_stream<'a>(
        &'a self,
        identity: &'a Arc<str>,
    ) -> BoxFuture<'a, Result<Box<dyn StreamAllowance>, Termination>>;

    /// The per-identity message limit (also applied per stream when the identity control is
    /// off), if any.
    fn gcra(&self) -> Option<Gcra>;

    /// Identities with a message-rate entry in this process (for tests and metrics).
    fn rate_entries(&self) -> usize;

    /// Identities with at least one stream slot held in this process.
    fn stream_entries(&self) -> usize;
}

/// Per-identity message rate and concurrent-stream counts kept in this process.
#[derive(Debug)]
pub struct InMemoryLimiter {
    gcra: Option<Gcra>,
    max_streams: u32,
    /// The origin of the nanosecond clocks kept in the atomics.
    origin: Instant,
    state: Arc<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    /// Theoretical arrival time of each identity, ns since `origin`; each stream holds its own
    /// identity's entry.
    tat: HashMap<Arc<str>, Arc<AtomicU64>>,
    streams: HashMap<Arc<str>, u32>,
    last_sweep: Instant,
}

const SWEEP_EVERY: Duration = Duration::from_secs(10);

impl InMemoryLimiter {
    pub fn new(messages_per_minute: u32, burst: u32, max_streams: u32) -> Self {
        let now = Instant::now();
        InMemoryLimiter {
            gcra: Gcra::per_minute(messages_per_minute, burst),
            max_streams,
            origin: now,
            state: Arc::new(Mutex::new(State {
                tat: HashMap::new(),
                streams: HashMap::new(),
                last_sweep: now,
            })),
        }
    }

    fn now_ns(&self) -> u64 {
        nanos(Instant::now().saturating_duration_since(self.origin))
    }

    /// The shared rate entry of `identity`, swept once it has recovered and no stream holds it.
    fn rate_entry(&self, identity: &Arc<str>) -> Arc<AtomicU64> {
        let now = Instant::now();
        let now_ns = self.now_ns();
        let mut s = self.state.lock();
        if now - s.last_sweep >= SWEEP_EVERY {
            s.tat.retain(|_, tat| {
                Arc::strong_count(tat) > 1 || tat.load(Ordering::Acquire) > now_ns
            });
            s.last_sweep = now;
        }
        s.tat
            .entry(identity.clone())
            .or_insert_with(|| Arc::new(AtomicU64::new(0)))
            .clone()
    }

    /// Admits one message of `identity` outside any stream (a shared store's fallback while
    /// it is unreachable uses this too).
    pub fn admit_message(&self, identity: &Arc<str>) -> Result<(), Duration> {
        let Some(gcra) = self.gcra else { return Ok(()) };
        let entry = self.rate_entry(identity);
        gcra.admit_shared(&entry, self.now_ns())
    }

    /// Takes a stream slot of `identity` in this process, or `None` over the cap.
    pub fn take_slot(&self, identity: &Arc<str>) -> Option<LocalSlot> {
        let mut s = self.state.lock();
        let n = s.streams.entry(identity.clone()).or_insert(0);
        if self.max_streams > 0 && *n >= self.max_streams {
            if *n == 0 {
                s.streams.remove(identity);
            }
            return None;
        }
        *n += 1;
        Some(LocalSlot {
            state: self.state.clone(),
            identity: identity.clone(),
        })
    }

    /// The allowance of one stream of `identity` with a slot already taken.
    pub fn allowance(&self, identity: &Arc<str>, slot: Option<LocalSlot>) -> LocalAllowance {
        LocalAllowance {
            gcra: self.gcra,
            origin: self.origin,
            tat: self.rate_entry(identity),
            _slot: slot,
        }
    }
}

impl IdentityLimits for InMemoryLimiter {
    fn open_stream<'a>(
        &'a self,
        identity: &'a Arc<str>,
    ) -> BoxFuture<'a, Result<Box<dyn StreamAllowance>, Termination>> {
        let opened = match self.take_slot(identity) {
            Some(slot) => Ok(Box::new(self.allowance(identity, Some(slot))) as _),
            None => Err(too_many_streams()),
        };
        Box::pin(std::future::ready(opened))
    }

    fn gcra(&self) -> Option<Gcra> {
        self.gcra
    }

    fn rate_entries(&self) -> usize {
        let now_ns = self.now_ns();
        let mut s = self.state.lock();
        s.tat
            .retain(|_, tat| Arc::strong_count(tat) > 1 || tat.load(Ordering::Acquire) > now_ns);
        s.tat.len()
    }

    fn stream_entries(&self) -> usize {
        self.state.lock().streams.len()
    }
}

/// The refusal of a stream over its identity's cap.
pub fn too_many_streams() -> Termination {
    Termination::new(crate::Reason::TooManyStreams).retry_after(Duration::from_secs(1))
}

/// A stream's allowance in this process: its identity's shared rate entry and its slot.
#[derive(Debug)]
pub struct LocalAllowance {
    gcra: Option<Gcra>,
    origin: Instant,
    tat: Arc<AtomicU64>,
    _slot: Option<LocalSlot>,
}

impl LocalAllowance {
    /// Admits one message against the identity's entry: one atomic update, no lock.
    pub fn admit_now(&self) -> Result<(), Duration> {
        match self.gcra {
            Some(gcra) => gcra.admit_shared(
                &self.tat,
                nanos(Instant::now().saturating_duration_since(self.origin)),
            ),
            None => Ok(()),
        }
    }
}

impl StreamAllowance for LocalAllowance {
    fn admit(&self) -> Admission {
        match self.admit_now() {
            Ok(()) => Admission::Admitted,
            Err(wait) => Admission::Refused(wait),
        }
    }
}

/// A held stream slot of one identity in this process, given back when dropped.
#[derive(Debug)]
pub struct LocalSlot {
    state: Arc<Mutex<State>>,
    identity: Arc<str>,
}

impl Drop for LocalSlot {
    fn drop(&mut self) {
        let mut s = self.state.lock();
        if let Some(n) = s.streams.get_mut(&self.identity) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                s.streams.remove(&self.identity);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> Arc<str> {
        Arc::from(s)
    }

    async fn open(l: &InMemoryLimiter, who: &Arc<str>) -> Option<Box<dyn StreamAllowance>> {
        l.open_stream(who).await.ok()
    }

    fn admitted(a: &dyn StreamAllowance) -> Result<(), Duration> {
        match a.admit() {
            Admission::Admitted => Ok(()),
            Admission::Refused(d) => Err(d),
            Admission::Pending(_) => panic!("the in-memory limiter never waits"),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn burst_is_admitted_then_the_identity_waits_one_interval() {
        let l = InMemoryLimiter::new(20, 20, 0);
        let alice = id("alice");
        for i in 0..20 {
            assert!(
                l.admit_message(&alice).is_ok(),
                "message {i} is within the burst"
            );
        }
        let wait = l.admit_message(&alice).unwrap_err();
        assert_eq!(wait, Duration::from_secs(3));
        tokio::time::advance(Duration::from_secs(3)).await;
        assert!(l.admit_message(&alice).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn streams_of_one_identity_share_its_budget() {
        let l = InMemoryLimiter::new(60, 3, 0);
        let a = id("a");
        let s1 = open(&l, &a).await.unwrap();
        let s2 = open(&l, &a).await.unwrap();
        assert!(admitted(&*s1).is_ok());
        assert!(admitted(&*s2).is_ok());
        assert!(admitted(&*s1).is_ok());
        assert!(
            admitted(&*s2).is_err(),
            "the fourth message over both streams"
        );
        drop((s1, s2));
        let again = open(&l, &a).await.unwrap();
        assert!(admitted(&*again).is_err(), "reopening does not reset it");
    }

    #[tokio::test(start_paused = true)]
    async fn identities_do_not_share_an_allowance() {
        let l = InMemoryLimiter::new(60, 1, 0);
        assert!(l.admit_message(&id("a")).is_ok());
        assert!(l.admit_message(&id("a")).is_err());
        assert!(l.admit_message(&id("b")).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn recovered_identities_are_swept() {
        let l = InMemoryLimiter::new(600, 10, 0);
        for i in 0..1000 {
            l.admit_message(&id(&format!("u{i}"))).unwrap();
        }
        tokio::time::advance(Duration::from_secs(11)).await;
        l.admit_message(&id("fresh")).unwrap();
        assert_eq!(l.rate_entries(), 1);
    }

    #[tokio::test]
    async fn stream_slots_are_capped_and_given_back() {
        let l = InMemoryLimiter::new(0, 0, 2);
        let a = id("a");
        let p1 = open(&l, &a).await.unwrap();
        let _p2 = open(&l, &a).await.unwrap();
        let refused = l.open_stream(&a).await.unwrap_err();
        assert_eq!(refused.reason, crate::Reason::TooManyStreams);
        drop(p1);
        assert!(open(&l, &a).await.is_some());
    }

    #[test]
    fn the_shared_clock_never_overflows() {
        let g = Gcra::per_minute(1, 1).unwrap();
        let tat = AtomicU64::new(u64::MAX - 1);
        assert!(g.admit_shared(&tat, u64::MAX).is_ok());
        assert_eq!(tat.load(Ordering::Relaxed), u64::MAX);
    }
}
