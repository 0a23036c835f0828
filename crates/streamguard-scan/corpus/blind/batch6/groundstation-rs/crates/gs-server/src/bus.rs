//! Frames decoded by the station front-ends arrive here (one broadcast
//! channel per spacecraft).

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use gs_proto::v1::TelemetryFrame;
use tokio::sync::broadcast;

#[derive(Clone, Default)]
pub struct FrameBus {
    inner: Arc<RwLock<HashMap<String, broadcast::Sender<TelemetryFrame>>>>,
}

impl FrameBus {
    pub fn sender(&self, spacecraft: &str) -> broadcast::Sender<TelemetryFrame> {
        if let Some(tx) = self.inner.read().expect("bus lock").get(spacecraft) {
            return tx.clone();
        }
        let mut w = self.inner.write().expect("bus lock");
        w.entry(spacecraft.to_owned())
            .or_insert_with(|| broadcast::channel(4096).0)
            .clone()
    }

    pub fn subscribe(&self, spacecraft: &str) -> broadcast::Receiver<TelemetryFrame> {
        self.sender(spacecraft).subscribe()
    }
}
