//! Live caption fan-out per channel.

use std::sync::Arc;

use dashmap::DashMap;
use tokio::sync::broadcast;

use crate::pb::Caption;

#[derive(Clone, Default)]
pub struct Channels {
    map: Arc<DashMap<String, broadcast::Sender<Caption>>>,
}

impl Channels {
    pub fn publisher(&self, channel: &str) -> broadcast::Sender<Caption> {
        self.map.entry(channel.to_owned()).or_insert_with(|| broadcast::channel(1024).0).clone()
    }

    pub fn subscribe(&self, channel: &str) -> broadcast::Receiver<Caption> {
        self.publisher(channel).subscribe()
    }
}
