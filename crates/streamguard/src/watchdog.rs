//! One timer queue per guard for every stream's limits (expiry, deadline, lifetime, idle).
//!
//! A task and a `Sleep` per stream cost about a kilobyte each; an entry in one shared
//! [`DelayQueue`] costs tens of bytes, so 10,000 idle streams stay cheap. Each session has at
//! most one armed entry, at the earliest of its limits; when it fires the session decides what
//! passed (and re-arms when only the idle limit moved because of traffic).
//!
//! The queue's timer wheel spans about two years; an entry beyond it would panic the task. So
//! every entry is clamped to [`MAX_ARM`] ahead, and a session whose limit lies further simply
//! re-arms when the clamped entry fires. Should the task still end for any reason while the
//! guard lives, the guard fails closed: every live stream ends and new ones are refused
//! (`enforcement_unavailable`), and [`crate::Guard::enforcement_lost`] resolves so the server
//! can exit.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_util::time::DelayQueue;
use tokio_util::time::delay_queue::Key;

use crate::guard::{Guard, GuardInner};
use crate::metrics::Metrics;
use crate::session::SessionCore;

/// The farthest ahead an entry is armed: well inside the timer wheel's range (~2 years).
pub(crate) const MAX_ARM: Duration = Duration::from_secs(365 * 24 * 3600);

enum Command {
    Arm {
        id: u64,
        at: Instant,
        session: Weak<SessionCore>,
    },
    Disarm {
        id: u64,
    },
}

/// The handle sessions use to arm and disarm their timer.
#[derive(Debug, Default)]
pub(crate) struct Watchdog {
    // Started on first use, inside the runtime that serves the streams.
    tx: OnceLock<mpsc::UnboundedSender<Command>>,
    #[cfg(test)]
    task: OnceLock<tokio::task::AbortHandle>,
}

impl Watchdog {
    fn sender(&self, guard: &Guard) -> &mpsc::UnboundedSender<Command> {
        self.tx.get_or_init(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            let task = tokio::spawn(run(rx, Arc::downgrade(&guard.0.metrics)));
            #[cfg(test)]
            let _ = self.task.set(task.abort_handle());
            tokio::spawn(supervise(
                task,
                Arc::downgrade(&guard.0),
                "the stream timer task",
            ));
            tx
        })
    }

    /// Arms (or moves) the timer of session `id` to `at` (clamped to [`MAX_ARM`] ahead).
    pub fn arm(&self, guard: &Guard, id: u64, at: Instant, session: Weak<SessionCore>) {
        let at = at.min(crate::session::later_by(Instant::now(), MAX_ARM));
        if self
            .sender(guard)
            .send(Command::Arm { id, at, session })
            .is_err()
        {
            // The task is gone: nothing would ever end this stream.
            guard.fail_closed("the stream timer task has stopped");
        }
    }

    /// Kills the timer task, as a bug in it would.
    #[cfg(test)]
    pub fn kill(&self) {
        if let Some(task) = self.task.get() {
            task.abort();
        }
    }

    pub fn disarm(&self, id: u64) {
        if let Some(tx) = self.tx.get() {
            let _ = tx.send(Command::Disarm { id });
        }
    }
}

/// Waits for one of the guard's tasks (`what`) to end; if the guard still lives, nothing
/// enforces what that task did any more, so the guard fails closed.
pub(crate) async fn supervise(
    task: tokio::task::JoinHandle<()>,
    guard: Weak<GuardInner>,
    what: &'static str,
) {
    let outcome = task.await;
    if let Some(guard) = guard.upgrade() {
        let why = match outcome {
            Err(e) if e.is_panic() => format!("{what} panicked"),
            _ => format!("{what} ended"),
        };
        Guard(guard).fail_closed(&why);
    }
}

async fn run(mut rx: mpsc::UnboundedReceiver<Command>, metrics: Weak<Metrics>) {
    let mut queue: DelayQueue<u64> = DelayQueue::new();
    let mut armed: HashMap<u64, (Key, Weak<SessionCore>)> = HashMap::new();
    loop {
        tokio::select! {
            command = rx.recv() => match command {
                // Every sender is gone: the guard was dropped.
                None => return,
                Some(Command::Arm { id, at, session }) => {
                    if let Some((key, _)) = armed.remove(&id) {
                        queue.remove(&key);
                    }
                    let key = queue.insert_at(id, at);
                    armed.insert(id, (key, session));
                }
                Some(Command::Disarm { id }) => {
                    if let Some((key, _)) = armed.remove(&id) {
                        queue.remove(&key);
                    }
                }
            },
            Some(expired) = queue.next(), if !queue.is_empty() => {
                let id = expired.into_inner();
                if let Some((_, session)) = armed.remove(&id)
                    && let Some(session) = session.upgrade()
                {
                    // May re-arm through the channel (idle limit moved by traffic).
                    session.on_timer();
                }
            }
        }
        if let Some(m) = metrics.upgrade() {
            m.set_timers(armed.len());
        }
        if armed.capacity() > 64 && armed.len() < armed.capacity() / 4 {
            armed.shrink_to_fit();
        }
    }
}
