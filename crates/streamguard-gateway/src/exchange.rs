//! What the two halves of one proxied call share: the request side (client -> upstream, where
//! messages are authorized) and the response side (upstream -> client, where denial replies
//! and the gateway's own end of the stream are sent).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::Waker;

use bytes::Bytes;
use futures::task::AtomicWaker;
use parking_lot::Mutex;
use streamguard::StreamSession;
use tonic::Status;

use crate::metrics::{GatewayMetrics, MethodStats};
use crate::rule::MethodRule;

/// Denial replies waiting for the response side; the request side waits (stops reading the
/// client) when this many are queued.
pub const MAX_QUEUED_REPLIES: usize = 32;

/// One proxied call.
pub struct Exchange {
    /// The stream's session (absent on public paths such as health and reflection).
    pub session: Option<StreamSession>,
    pub rule: Option<Arc<MethodRule>>,
    pub stats: Arc<MethodStats>,
    pub max_message_size: usize,
    pub upstream_url: Arc<str>,
    metrics: Arc<GatewayMetrics>,
    /// The gateway ended the call with this status (not a guard termination).
    end: OnceLock<Status>,
    replies: Mutex<VecDeque<Bytes>>,
    queued: AtomicUsize,
    response_side: AtomicWaker,
    request_side: AtomicWaker,
}

impl Exchange {
    pub fn new(
        session: Option<StreamSession>,
        rule: Option<Arc<MethodRule>>,
        stats: Arc<MethodStats>,
        metrics: Arc<GatewayMetrics>,
        max_message_size: usize,
        upstream_url: Arc<str>,
    ) -> Self {
        metrics.upstream_stream(1);
        Exchange {
            session,
            rule,
            stats,
            max_message_size,
            upstream_url,
            metrics,
            end: OnceLock::new(),
            replies: Mutex::new(VecDeque::new()),
            queued: AtomicUsize::new(0),
            response_side: AtomicWaker::new(),
            request_side: AtomicWaker::new(),
        }
    }

    /// Ends the call with `status` (the first end wins) and wakes the response side.
    pub fn end_with(&self, status: Status) {
        let _ = self.end.set(status);
        self.response_side.wake();
    }

    pub fn ended_with(&self) -> Option<&Status> {
        self.end.get()
    }

    /// Queues a denial reply; gives it back when the queue is full (the request side then
    /// waits to be woken).
    pub fn queue_reply(&self, reply: Bytes, waker: &Waker) -> Result<(), Bytes> {
        let mut q = self.replies.lock();
        if q.len() >= MAX_QUEUED_REPLIES {
            self.request_side.register(waker);
            return Err(reply);
        }
        q.push_back(reply);
        self.queued.store(q.len(), Ordering::Release);
        drop(q);
        self.response_side.wake();
        Ok(())
    }

    /// The next queued reply; costs one atomic load when there is none.
    pub fn next_reply(&self) -> Option<Bytes> {
        if self.queued.load(Ordering::Acquire) == 0 {
            return None;
        }
        let mut q = self.replies.lock();
        let reply = q.pop_front();
        self.queued.store(q.len(), Ordering::Release);
        drop(q);
        self.request_side.wake();
        reply
    }

    /// Wakes `waker` when a reply is queued or the call is ended.
    pub fn watch(&self, waker: &Waker) {
        self.response_side.register(waker);
    }

    pub fn has_news(&self) -> bool {
        self.queued.load(Ordering::Acquire) > 0 || self.end.get().is_some()
    }
}

impl Drop for Exchange {
    fn drop(&mut self) {
        self.metrics.upstream_stream(-1);
        if let Some(t) = self.session.as_ref().and_then(|s| s.termination()) {
            self.stats.ended(t.reason);
        }
    }
}
