//! One timer queue per guard for every stream's limits (expiry, deadline, lifetime, idle).
//!
//! A task and a `Sleep` per stream cost about a kilobyte each; an entry in one shared
//! [`DelayQueue`] costs tens of bytes, so 10,000 idle streams stay cheap. Each session has at
//! most one armed entry, at the earliest of its limits; when it fires the session decides what
//! passed (and re-arms when only the idle limit moved because of traffic).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, Weak};

use futures::StreamExt;
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_util::time::DelayQueue;
use tokio_util::time::delay_queue::Key;

use crate::metrics::Metrics;
use crate::session::SessionCore;

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
}

impl Watchdog {
    fn sender(&self, metrics: &Arc<Metrics>) -> &mpsc::UnboundedSender<Command> {
        self.tx.get_or_init(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(run(rx, Arc::downgrade(metrics)));
            tx
        })
    }

    /// Arms (or moves) the timer of session `id` to `at`.
    pub fn arm(&self, metrics: &Arc<Metrics>, id: u64, at: Instant, session: Weak<SessionCore>) {
        let _ = self.sender(metrics).send(Command::Arm { id, at, session });
    }

    pub fn disarm(&self, id: u64) {
        if let Some(tx) = self.tx.get() {
            let _ = tx.send(Command::Disarm { id });
        }
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
