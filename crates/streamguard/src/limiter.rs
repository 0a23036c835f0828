//! Identity rate limits: a GCRA limiter keyed by identity, counted across every stream of that
//! identity (reconnecting does not reset it), and a cap on concurrent streams per identity.
//! Memory stays bounded: a key whose allowance has fully recovered is indistinguishable from a
//! new one and is swept.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::time::Instant;

/// The Generic Cell Rate Algorithm for one key: `burst` messages at once, then one per
/// `interval`.
#[derive(Debug, Clone, Copy)]
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
}

/// Per-identity message rate and concurrent-stream counts, shared by every stream.
#[derive(Debug)]
pub struct IdentityLimiter {
    gcra: Option<Gcra>,
    max_streams: u32,
    state: Mutex<State>,
}

#[derive(Debug)]
struct State {
    tat: HashMap<Arc<str>, Instant>,
    streams: HashMap<Arc<str>, u32>,
    last_sweep: Instant,
}

const SWEEP_EVERY: Duration = Duration::from_secs(10);

impl IdentityLimiter {
    pub fn new(messages_per_minute: u32, burst: u32, max_streams: u32) -> Self {
        IdentityLimiter {
            gcra: Gcra::per_minute(messages_per_minute, burst),
            max_streams,
            state: Mutex::new(State {
                tat: HashMap::new(),
                streams: HashMap::new(),
                last_sweep: Instant::now(),
            }),
        }
    }

    pub fn gcra(&self) -> Option<Gcra> {
        self.gcra
    }

    /// Admits one incoming message of `identity`, or returns how long until it may retry.
    pub fn admit_message(&self, identity: &Arc<str>) -> Result<(), Duration> {
        let Some(gcra) = self.gcra else { return Ok(()) };
        let now = Instant::now();
        let mut s = self.state.lock();
        if now - s.last_sweep >= SWEEP_EVERY {
            s.tat.retain(|_, tat| *tat > now);
            s.last_sweep = now;
        }
        let tat = s.tat.entry(identity.clone()).or_insert(now);
        gcra.admit(tat, now)
    }

    /// Takes a stream slot of `identity`; the slot is given back when the permit drops.
    pub fn open_stream(self: &Arc<Self>, identity: &Arc<str>) -> Option<StreamPermit> {
        let mut s = self.state.lock();
        let n = s.streams.entry(identity.clone()).or_insert(0);
        if self.max_streams > 0 && *n >= self.max_streams {
            if *n == 0 {
                s.streams.remove(identity);
            }
            return None;
        }
        *n += 1;
        Some(StreamPermit {
            limiter: self.clone(),
            identity: identity.clone(),
        })
    }

    /// Identities with a message-rate entry (for tests and metrics).
    pub fn rate_entries(&self) -> usize {
        let now = Instant::now();
        let mut s = self.state.lock();
        s.tat.retain(|_, tat| *tat > now);
        s.tat.len()
    }

    /// Identities with at least one open stream.
    pub fn stream_entries(&self) -> usize {
        self.state.lock().streams.len()
    }
}

/// A held stream slot of one identity.
#[derive(Debug)]
pub struct StreamPermit {
    limiter: Arc<IdentityLimiter>,
    identity: Arc<str>,
}

impl Drop for StreamPermit {
    fn drop(&mut self) {
        let mut s = self.limiter.state.lock();
        if let Some(n) = s.streams.get_mut(&self.identity) {
            *n -= 1;
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

    #[tokio::test(start_paused = true)]
    async fn burst_is_admitted_then_the_identity_waits_one_interval() {
        let l = IdentityLimiter::new(20, 20, 0);
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
    async fn identities_do_not_share_an_allowance() {
        let l = IdentityLimiter::new(60, 1, 0);
        assert!(l.admit_message(&id("a")).is_ok());
        assert!(l.admit_message(&id("a")).is_err());
        assert!(l.admit_message(&id("b")).is_ok());
    }

    #[tokio::test(start_paused = true)]
    async fn recovered_identities_are_swept() {
        let l = IdentityLimiter::new(600, 10, 0);
        for i in 0..1000 {
            l.admit_message(&id(&format!("u{i}"))).unwrap();
        }
        tokio::time::advance(Duration::from_secs(11)).await;
        l.admit_message(&id("fresh")).unwrap();
        assert_eq!(l.rate_entries(), 1);
    }

    #[test]
    fn stream_slots_are_capped_and_given_back() {
        let l = Arc::new(IdentityLimiter::new(0, 0, 2));
        let a = id("a");
        let p1 = l.open_stream(&a).unwrap();
        let _p2 = l.open_stream(&a).unwrap();
        assert!(l.open_stream(&a).is_none());
        drop(p1);
        assert!(l.open_stream(&a).is_some());
    }
}
