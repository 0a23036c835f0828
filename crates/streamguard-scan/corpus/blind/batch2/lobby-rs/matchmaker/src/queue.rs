use std::sync::Arc;

use dashmap::DashMap;
use tokio::sync::watch;

use crate::pb::QueueUpdate;

/// Waiting players per mode; a background matcher publishes updates on each ticket's watch channel.
#[derive(Default, Clone)]
pub struct Pools {
    tickets: Arc<DashMap<String, watch::Sender<QueueUpdate>>>,
}

impl Pools {
    pub fn enqueue(&self, player_id: &str, _mode: &str, _mmr: i32) -> watch::Receiver<QueueUpdate> {
        let (tx, rx) = watch::channel(QueueUpdate { position: self.tickets.len() as i32 + 1, ..Default::default() });
        self.tickets.insert(player_id.to_string(), tx);
        rx
    }

    pub fn leave(&self, player_id: &str) {
        self.tickets.remove(player_id);
    }
}
