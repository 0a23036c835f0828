//! Where the guard keeps the state several instances must agree on — revocations and identity
//! limits — and what it does while a shared store cannot be reached.
//!
//! A [`StateBackend`] bundles a [`RevocationStore`] and an [`IdentityLimits`]; the embedded
//! default keeps both in this process. A shared backend (Redis: the `streamguard-redis` crate)
//! reports its availability through [`crate::Guard::state_lost`] and
//! [`crate::Guard::state_restored`]; the guard then applies [`OnStateUnavailable`]:
//! - `Closed` (the default): new streams are refused with `UNAVAILABLE` `state_unavailable`,
//!   and live streams end the same way once the outage has lasted the grace period — a
//!   revocation posted elsewhere meanwhile cannot reach them;
//! - `Open`: streams go on and open on the state this process holds (its copy of the
//!   revocations, local limits).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use parking_lot::Mutex;
use tokio::time::Instant;

use crate::limiter::{IdentityLimits, InMemoryLimiter};
use crate::revocation::{InMemoryRevocations, RevocationStore};

/// What the guard does while its shared state cannot be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnStateUnavailable {
    /// Refuse new streams and end live ones after the grace (`state_unavailable`).
    #[default]
    Closed,
    /// Keep serving on the state this process holds.
    Open,
}

impl OnStateUnavailable {
    /// The config name: `closed` or `open`.
    pub fn as_str(self) -> &'static str {
        match self {
            OnStateUnavailable::Closed => "closed",
            OnStateUnavailable::Open => "open",
        }
    }
}

/// The stores a guard keeps its revocations and limits in.
#[derive(Debug)]
pub struct StateBackend {
    /// A short name for logs, metrics and `/healthz` (`memory`, `redis`).
    pub name: &'static str,
    pub revocations: Box<dyn RevocationStore>,
    pub limits: Arc<dyn IdentityLimits>,
}

impl StateBackend {
    /// Both kept in this process: one instance.
    pub fn in_memory(messages_per_minute: u32, burst: u32, max_streams: u32) -> Self {
        StateBackend {
            name: "memory",
            revocations: Box::new(InMemoryRevocations::default()),
            limits: Arc::new(InMemoryLimiter::new(
                messages_per_minute,
                burst,
                max_streams,
            )),
        }
    }

    /// Whether the state is shared with other instances (not [`Self::in_memory`]).
    pub fn is_shared(&self) -> bool {
        self.name != "memory"
    }
}

/// Whether the shared state is reachable now, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateStatus {
    pub backend: &'static str,
    pub available: bool,
    /// How long it has been in its current condition (since start-up when it never changed).
    pub for_: Duration,
    pub policy: OnStateUnavailable,
    pub grace: Duration,
}

#[derive(Debug)]
pub(crate) struct StateHealth {
    pub backend: &'static str,
    available: AtomicBool,
    /// Incremented at every loss, so a grace timer knows whether its outage is still the one.
    outage: AtomicU64,
    changed: Mutex<Instant>,
}

impl StateHealth {
    pub fn new(backend: &'static str) -> Self {
        StateHealth {
            backend,
            available: AtomicBool::new(true),
            outage: AtomicU64::new(0),
            changed: Mutex::new(Instant::now()),
        }
    }

    pub fn available(&self) -> bool {
        self.available.load(Relaxed)
    }

    /// Marks the state lost; the outage's number when this was a transition.
    pub fn lose(&self) -> Option<u64> {
        let mut changed = self.changed.lock();
        if !self.available.swap(false, Relaxed) {
            return None;
        }
        *changed = Instant::now();
        Some(self.outage.fetch_add(1, Relaxed) + 1)
    }

    /// Marks the state restored; how long the outage lasted when this was a transition.
    pub fn restore(&self) -> Option<Duration> {
        let mut changed = self.changed.lock();
        if self.available.swap(true, Relaxed) {
            return None;
        }
        let lasted = changed.elapsed();
        *changed = Instant::now();
        Some(lasted)
    }

    /// Whether outage `n` is still going on.
    pub fn in_outage(&self, n: u64) -> bool {
        !self.available() && self.outage.load(Relaxed) == n
    }

    pub fn since(&self) -> Duration {
        self.changed.lock().elapsed()
    }
}
