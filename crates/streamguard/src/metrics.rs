//! Counters of what the guard did, rendered in the Prometheus text format.

use std::fmt::Write;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use crate::termination::Reason;

const N: usize = Reason::ALL.len();

/// Counters and gauges; every field is lock-free.
#[derive(Debug)]
pub struct Metrics {
    streams_opened: AtomicU64,
    streams_active: AtomicI64,
    streams_refused: [AtomicU64; N],
    terminations: [AtomicU64; N],
    denied_messages: [AtomicU64; N],
    rate_limited: AtomicU64,
    work_cancelled: AtomicU64,
    timers_armed: AtomicI64,
    tasks_live: AtomicI64,
    request_bytes_buffered: AtomicI64,
    response_bytes_queued: AtomicI64,
    state: StateMetrics,
}

/// Counters of a shared state backend (rendered only when the backend is shared).
#[derive(Debug, Default)]
struct StateMetrics {
    backend: &'static str,
    unavailable: AtomicBool,
    lost: AtomicU64,
    restored: AtomicU64,
    errors: AtomicU64,
    revocations_applied: AtomicU64,
    replication_lag_ms: AtomicU64,
    revocations_queued: AtomicI64,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new("memory")
    }
}

impl Metrics {
    /// Counters for a guard whose state lives in `backend` (`memory`, `redis`).
    pub fn new(backend: &'static str) -> Self {
        Metrics {
            streams_opened: AtomicU64::new(0),
            streams_active: AtomicI64::new(0),
            streams_refused: std::array::from_fn(|_| AtomicU64::new(0)),
            terminations: std::array::from_fn(|_| AtomicU64::new(0)),
            denied_messages: std::array::from_fn(|_| AtomicU64::new(0)),
            rate_limited: AtomicU64::new(0),
            work_cancelled: AtomicU64::new(0),
            timers_armed: AtomicI64::new(0),
            tasks_live: AtomicI64::new(0),
            request_bytes_buffered: AtomicI64::new(0),
            response_bytes_queued: AtomicI64::new(0),
            state: StateMetrics {
                backend,
                ..StateMetrics::default()
            },
        }
    }
}

/// A point-in-time copy of the gauges, for tests and the admin API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Live {
    pub streams: i64,
    /// Stream timers armed in the guard's timer queue.
    pub timers: i64,
    pub tasks: i64,
    /// Declared bytes of partially received messages (see [`crate::message_limits`]).
    pub request_bytes_buffered: i64,
    /// Bytes of responses queued by handlers (see [`crate::response_queue`]).
    pub response_bytes_queued: i64,
}

impl Metrics {
    pub(crate) fn stream_opened(&self) {
        self.streams_opened.fetch_add(1, Relaxed);
        self.streams_active.fetch_add(1, Relaxed);
    }
    pub(crate) fn stream_closed(&self) {
        self.streams_active.fetch_sub(1, Relaxed);
    }
    pub(crate) fn refused(&self, r: Reason) {
        self.streams_refused[r.index()].fetch_add(1, Relaxed);
        if r == Reason::TooManyStreams {
            self.rate_limited.fetch_add(1, Relaxed);
        }
    }
    pub(crate) fn terminated(&self, r: Reason) {
        self.terminations[r.index()].fetch_add(1, Relaxed);
        if r == Reason::RateLimitExceeded {
            self.rate_limited.fetch_add(1, Relaxed);
        }
    }
    pub(crate) fn denied(&self, r: Reason) {
        self.denied_messages[r.index()].fetch_add(1, Relaxed);
    }
    /// Counts a unit of downstream work aborted because its stream ended.
    pub fn work_cancelled(&self) {
        self.work_cancelled.fetch_add(1, Relaxed);
    }
    pub(crate) fn set_timers(&self, armed: usize) {
        self.timers_armed.store(armed as i64, Relaxed);
    }
    pub(crate) fn task(&self, delta: i64) {
        self.tasks_live.fetch_add(delta, Relaxed);
    }
    pub(crate) fn request_bytes_buffered(&self, delta: i64) {
        self.request_bytes_buffered.fetch_add(delta, Relaxed);
    }
    pub(crate) fn response_bytes_queued(&self, delta: i64) {
        self.response_bytes_queued.fetch_add(delta, Relaxed);
    }

    pub(crate) fn state_changed(&self, available: bool) {
        self.state.unavailable.store(!available, Relaxed);
        let counter = if available {
            &self.state.restored
        } else {
            &self.state.lost
        };
        counter.fetch_add(1, Relaxed);
    }

    /// Counts a failed or timed-out call to the shared state store.
    pub fn state_error(&self) {
        self.state.errors.fetch_add(1, Relaxed);
    }

    /// Counts revocations applied from the shared feed (recorded by another instance).
    pub fn revocations_applied(&self, n: u64) {
        self.state.revocations_applied.fetch_add(n, Relaxed);
    }

    /// How long the last revocation applied from the shared feed took to arrive here.
    pub fn replication_lag(&self, lag: Duration) {
        let ms = u64::try_from(lag.as_millis()).unwrap_or(u64::MAX);
        self.state.replication_lag_ms.store(ms, Relaxed);
    }

    /// Revocations applied here and waiting for the shared store to come back.
    pub fn revocations_queued(&self, n: usize) {
        self.state
            .revocations_queued
            .store(i64::try_from(n).unwrap_or(i64::MAX), Relaxed);
    }

    /// Calls to the shared state store that failed or timed out.
    pub fn state_errors(&self) -> u64 {
        self.state.errors.load(Relaxed)
    }

    /// Revocations applied from the shared feed.
    pub fn revocations_applied_total(&self) -> u64 {
        self.state.revocations_applied.load(Relaxed)
    }

    pub fn live(&self) -> Live {
        Live {
            streams: self.streams_active.load(Relaxed),
            timers: self.timers_armed.load(Relaxed),
            tasks: self.tasks_live.load(Relaxed),
            request_bytes_buffered: self.request_bytes_buffered.load(Relaxed),
            response_bytes_queued: self.response_bytes_queued.load(Relaxed),
        }
    }

    pub fn terminations(&self, r: Reason) -> u64 {
        self.terminations[r.index()].load(Relaxed)
    }

    pub fn denied_messages(&self, r: Reason) -> u64 {
        self.denied_messages[r.index()].load(Relaxed)
    }

    pub fn work_cancellations(&self) -> u64 {
        self.work_cancelled.load(Relaxed)
    }

    /// The Prometheus text exposition of every counter.
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(4096);
        let mut simple = |name: &str, kind: &str, help: &str, v: i64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {v}"
            );
        };
        simple(
            "streamguard_streams_opened_total",
            "counter",
            "Streams that passed authentication and opened.",
            self.streams_opened.load(Relaxed) as i64,
        );
        simple(
            "streamguard_streams_active",
            "gauge",
            "Streams open now.",
            self.streams_active.load(Relaxed),
        );
        simple(
            "streamguard_rate_limited_total",
            "counter",
            "Streams ended or refused by an identity rate limit.",
            self.rate_limited.load(Relaxed) as i64,
        );
        simple(
            "streamguard_request_bytes_buffered",
            "gauge",
            "Declared bytes of partially received messages, all identities.",
            self.request_bytes_buffered.load(Relaxed),
        );
        simple(
            "streamguard_response_bytes_queued",
            "gauge",
            "Bytes of responses queued by handlers for clients that have not taken them yet.",
            self.response_bytes_queued.load(Relaxed),
        );
        simple(
            "streamguard_work_cancelled_total",
            "counter",
            "Units of downstream work aborted because their stream ended.",
            self.work_cancelled.load(Relaxed) as i64,
        );
        if self.state.backend != "memory" {
            self.render_state(&mut out);
        }
        for (name, help, arr) in [
            (
                "streamguard_streams_refused_total",
                "Streams refused at open, by reason.",
                &self.streams_refused,
            ),
            (
                "streamguard_stream_terminations_total",
                "Live streams ended by the guard, by reason.",
                &self.terminations,
            ),
            (
                "streamguard_denied_messages_total",
                "Incoming messages denied, by reason.",
                &self.denied_messages,
            ),
        ] {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
            for r in Reason::ALL {
                let v = arr[r.index()].load(Relaxed);
                if v > 0 {
                    let _ = writeln!(out, "{name}{{reason=\"{r}\"}} {v}");
                }
            }
        }
        out
    }

    fn render_state(&self, out: &mut String) {
        let s = &self.state;
        let b = s.backend;
        let mut line = |name: &str, kind: &str, help: &str, v: String| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} {kind}\n{name}{{backend=\"{b}\"}} {v}"
            );
        };
        line(
            "streamguard_state_available",
            "gauge",
            "1 while the shared state store can be reached, 0 during an outage.",
            u8::from(!s.unavailable.load(Relaxed)).to_string(),
        );
        line(
            "streamguard_state_outages_total",
            "counter",
            "Transitions of the shared state store to unavailable.",
            s.lost.load(Relaxed).to_string(),
        );
        line(
            "streamguard_state_recoveries_total",
            "counter",
            "Transitions of the shared state store back to available.",
            s.restored.load(Relaxed).to_string(),
        );
        line(
            "streamguard_state_errors_total",
            "counter",
            "Calls to the shared state store that failed or timed out.",
            s.errors.load(Relaxed).to_string(),
        );
        line(
            "streamguard_revocations_applied_total",
            "counter",
            "Revocations recorded by other instances and applied here from the shared feed.",
            s.revocations_applied.load(Relaxed).to_string(),
        );
        line(
            "streamguard_revocation_replication_lag_seconds",
            "gauge",
            "How long the last revocation applied from the shared feed took to arrive here.",
            format!("{:.3}", s.replication_lag_ms.load(Relaxed) as f64 / 1000.0),
        );
        line(
            "streamguard_revocations_queued",
            "gauge",
            "Revocations applied here and waiting for the shared state store to come back.",
            s.revocations_queued.load(Relaxed).to_string(),
        );
    }
}
