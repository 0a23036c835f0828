//! Fan-out of what the node watchers see.
use tokio::sync::broadcast;

use crate::pb::{BlockHeader, PendingTx};

#[derive(Clone)]
pub struct Feed {
    pub txs: broadcast::Sender<PendingTx>,
    pub blocks: broadcast::Sender<BlockHeader>,
}

impl Feed {
    pub fn new() -> Self {
        let (txs, _) = broadcast::channel(65_536);
        let (blocks, _) = broadcast::channel(64);
        Self { txs, blocks }
    }
}

impl Default for Feed {
    fn default() -> Self {
        Self::new()
    }
}
