//! Bounds on what a peer can make the server hold for messages it has not finished sending.
//!
//! tonic reserves a message's declared length as soon as its 5-byte header arrives, and keeps
//! the bytes until the last one does. A client that announces 4 MiB and stalls pins 4 MiB (and
//! more, as the buffer grows) until the stream's idle timeout; a few hundred such streams pin
//! gigabytes. The guard's request body therefore:
//! - refuses a message whose header declares more than its method allows
//!   (`RESOURCE_EXHAUSTED` / `message_too_large`), before tonic sees the header;
//! - counts the declared length of every partially received message against its identity,
//!   across all the identity's streams, and ends the stream that would go over
//!   [`MessageLimits::max_buffered_per_identity`] (`RESOURCE_EXHAUSTED` /
//!   `buffered_bytes_exceeded`).
//!
//! Messages that arrive whole within one chunk of the transport never touch the shared counter.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, Weak};

use parking_lot::Mutex;

use crate::metrics::Metrics;

/// Size caps on incoming messages and the per-identity budget for partial ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageLimits {
    /// Largest incoming message of a method without a cap of its own.
    pub max_message_bytes: usize,
    /// Caps by full method path (`/pkg.Service/Method`).
    pub per_method: Vec<(String, usize)>,
    /// Declared bytes of partially received messages one identity may hold across its streams.
    pub max_buffered_per_identity: u64,
}

impl Default for MessageLimits {
    fn default() -> Self {
        MessageLimits {
            // tonic's default decoding limit.
            max_message_bytes: 4 << 20,
            per_method: Vec::new(),
            max_buffered_per_identity: 8 << 20,
        }
    }
}

impl MessageLimits {
    /// The largest message `method` accepts.
    pub fn max_for(&self, method: &str) -> usize {
        self.per_method
            .iter()
            .find(|(m, _)| m == method)
            .map_or(self.max_message_bytes, |(_, cap)| *cap)
    }
}

/// Bytes of partially received messages, per identity: one shared counter per identity with a
/// live stream, and nothing kept for the others.
#[derive(Debug, Default)]
pub(crate) struct IdentityBuffers {
    by_identity: Mutex<HashMap<Arc<str>, Weak<AtomicU64>>>,
}

impl IdentityBuffers {
    /// The counter of `identity`, for one stream (one lock per stream, none per message).
    pub fn account(self: &Arc<Self>, identity: &str, metrics: Arc<Metrics>) -> BufferAccount {
        let mut map = self.by_identity.lock();
        let live = map
            .get_key_value(identity)
            .and_then(|(key, total)| Some((key.clone(), total.upgrade()?)));
        let (identity, total) = match live {
            Some(found) => found,
            None => {
                let key: Arc<str> = Arc::from(identity);
                let total = Arc::new(AtomicU64::new(0));
                map.insert(key.clone(), Arc::downgrade(&total));
                (key, total)
            }
        };
        BufferAccount {
            registry: self.clone(),
            identity,
            identity_total: Some(total),
            held: 0,
            metrics,
        }
    }

    /// Identities with a live stream (for tests).
    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.by_identity.lock().len()
    }
}

/// One stream's part of its identity's buffered bytes; released when dropped.
#[derive(Debug)]
pub(crate) struct BufferAccount {
    registry: Arc<IdentityBuffers>,
    identity: Arc<str>,
    /// Taken only when the account is dropped.
    identity_total: Option<Arc<AtomicU64>>,
    held: u64,
    metrics: Arc<Metrics>,
}

/// The identity's partially received messages would exceed its budget.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct OverBudget;

impl BufferAccount {
    /// Sets the bytes this stream holds; refuses (holding what it held) when the identity
    /// would go over `budget`.
    pub fn hold(&mut self, bytes: u64, budget: u64) -> Result<(), OverBudget> {
        let Some(total) = &self.identity_total else {
            return Ok(());
        };
        if bytes == self.held {
            return Ok(());
        }
        if bytes > self.held {
            let more = bytes - self.held;
            let before = total.fetch_add(more, Relaxed);
            if before.saturating_add(more) > budget {
                total.fetch_sub(more, Relaxed);
                return Err(OverBudget);
            }
            self.metrics.request_bytes_buffered(more as i64);
        } else {
            let less = self.held - bytes;
            total.fetch_sub(less, Relaxed);
            self.metrics.request_bytes_buffered(-(less as i64));
        }
        self.held = bytes;
        Ok(())
    }
}

impl Drop for BufferAccount {
    fn drop(&mut self) {
        let _ = self.hold(0, u64::MAX);
        let mut map = self.registry.by_identity.lock();
        // Under the lock no other stream can pick the counter up or let go of it: if this
        // account held the last reference, the identity has no live stream and its entry goes.
        if self
            .identity_total
            .take()
            .and_then(Arc::into_inner)
            .is_some()
        {
            map.remove(&self.identity);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_of_one_identity_share_its_budget_and_others_have_their_own() {
        let registry = Arc::new(IdentityBuffers::default());
        let metrics = Arc::new(Metrics::default());
        let mut a1 = registry.account("alice", metrics.clone());
        let mut a2 = registry.account("alice", metrics.clone());
        let mut b = registry.account("bob", metrics.clone());
        assert_eq!(a1.hold(600, 1000), Ok(()));
        assert_eq!(a2.hold(500, 1000), Err(OverBudget));
        assert_eq!(a2.hold(400, 1000), Ok(()));
        assert_eq!(b.hold(1000, 1000), Ok(()));
        assert_eq!(metrics.live().request_bytes_buffered, 2000);
        assert_eq!(
            a1.hold(0, 1000),
            Ok(()),
            "a finished message releases its bytes"
        );
        assert_eq!(a2.hold(1000, 1000), Ok(()));
        drop((a1, a2, b));
        assert_eq!(metrics.live().request_bytes_buffered, 0);
        assert_eq!(
            registry.tracked(),
            0,
            "nothing kept for identities without streams"
        );
    }

    #[test]
    fn per_method_caps_override_the_default() {
        let limits = MessageLimits {
            per_method: vec![("/p.S/Small".into(), 16)],
            ..MessageLimits::default()
        };
        assert_eq!(limits.max_for("/p.S/Small"), 16);
        assert_eq!(limits.max_for("/p.S/Other"), 4 << 20);
    }
}
